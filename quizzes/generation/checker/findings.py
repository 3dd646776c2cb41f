from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """One flaw: ``rule`` is a stable name (for filters and tests), ``message`` says it in English, and
    ``params`` are what the message quotes, so that the interface can say it in its own language."""

    rule: str
    message: str
    params: dict = field(default_factory=dict)
