"""Options laid out with ids, the key at a position chosen by the item's seed.

>>> import random
>>> options, key = place_key("鍵", ["甲", "乙", "丙"], random.Random(0))
>>> sorted(o.text for o in options), options[["a", "b", "c", "d"].index(key)].text
(['丙', '乙', '甲', '鍵'], '鍵')
"""

from __future__ import annotations

import random
import string

from .records import Option

OPTION_IDS = string.ascii_lowercase


def lettered(texts: list[str]) -> list[Option]:
    return [Option(OPTION_IDS[index], text) for index, text in enumerate(texts)]


def place_key(key: str, distractors: list[str], rng: random.Random) -> tuple[list[Option], str]:
    """The key at a seeded position among the distractors (in their seeded order); returns the key's id."""
    ordered = list(distractors)
    rng.shuffle(ordered)
    position = rng.randrange(len(ordered) + 1)
    ordered.insert(position, key)
    return lettered(ordered), OPTION_IDS[position]


def shuffled(texts: list[str], rng: random.Random) -> list[str]:
    copy = list(texts)
    rng.shuffle(copy)
    return copy
