"""Mastery of a section or a skill, 0–100, and its level (README: "Progress"). Plain Python: the
recall probabilities come from FSRS (quizzes/scheduling.py), the rows from selectors/learning.py.

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

from collections import defaultdict
from collections.abc import Iterable
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


@dataclass(frozen=True)
class ScopedMasteries:
    """Mastery per (chapter id, section id) and per (chapter id, skill)."""

    by_section: dict[tuple[int, int | None], Mastery]
    by_skill: dict[tuple[int, str], Mastery]


def masteries(items: Iterable[tuple[int, int, int | None, str]], recall: dict[int, float]) -> ScopedMasteries:
    """``items`` as (item id, chapter id, section id, skill); ``recall`` by item id for the items seen.

    >>> found = masteries([(1, 7, 70, "date"), (2, 7, 70, "goal")], {1: 0.9})
    >>> found.by_section[(7, 70)].percent, found.by_skill[(7, "goal")].level
    (45, 'not_started')
    """
    by_section, by_skill = defaultdict(list), defaultdict(list)
    for pk, chapter_id, section_id, skill in items:
        by_section[(chapter_id, section_id)].append(pk)
        by_skill[(chapter_id, skill)].append(pk)
    return ScopedMasteries({scope: _of(pks, recall) for scope, pks in by_section.items()},
                           {scope: _of(pks, recall) for scope, pks in by_skill.items()})


def _of(item_ids: list[int], recall: dict[int, float]) -> Mastery:
    return mastery([recall[pk] for pk in item_ids if pk in recall], total=len(item_ids))
