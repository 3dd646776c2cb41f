"""Mastery of a section or a skill, 0–100, and its level (README: "Progress"). Plain Python.

Mastery is the expected share of the scope's items the learner would recall now: the sum of FSRS's
recall probability over the items seen, divided by all the published items in scope (an unseen item
counts 0). So it rises with coverage and with recall, and it decays as reviews fall due.

Levels, after Khan Academy's: 未学習 (nothing seen), 学習中 (below 70), 習熟 (70 or more),
マスター (90 or more).

>>> mastery([0.95, 0.9, 0.85], total=4)
Mastery(percent=68, level='learning', seen=3, total=4)
>>> mastery([0.97] * 10, total=10).level, mastery([], total=10).level
('mastered', 'not_started')
"""

from __future__ import annotations

from dataclasses import dataclass

PROFICIENT = 70
MASTERED = 90
LEVELS = ("not_started", "learning", "proficient", "mastered")


@dataclass(frozen=True)
class Mastery:
    percent: int
    level: str
    seen: int
    total: int


def mastery(recalls: list[float], *, total: int) -> Mastery:
    if not recalls or not total:
        return Mastery(0, "not_started", len(recalls), total)
    percent = round(100 * sum(recalls) / max(total, len(recalls)))
    level = "mastered" if percent >= MASTERED else "proficient" if percent >= PROFICIENT else "learning"
    return Mastery(percent, level, len(recalls), total)
