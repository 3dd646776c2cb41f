from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One flaw: ``rule`` is a stable name (for filters and tests), ``message`` is for people."""

    rule: str
    message: str
