"""Randomness that is the same every run: each item draws from a generator seeded by its key.

>>> seeded("chapter1:definition:x").random() == seeded("chapter1:definition:x").random()
True
"""

from __future__ import annotations

import hashlib
import random


def seeded(key: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]
