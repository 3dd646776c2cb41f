"""A finished (or left) session in figures: the score as a share of every item, the items left
unanswered, and a line per skill — what the summary page draws as a ring and a row of bars."""

from __future__ import annotations

from dataclasses import dataclass, field

from .attempt_items import ShownItem


@dataclass
class SkillLine:
    label: str
    right: float  # points (partial credit counts)
    total: int

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class SessionSummary:
    score: float
    total: int
    answered: int
    skills: list[SkillLine] = field(default_factory=list)

    @property
    def unanswered(self) -> int:
        return self.total - self.answered

    @property
    def fraction(self) -> float:
        """The share of the whole session: an item left unanswered counts as missed."""
        return self.score / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.fraction * 100)


def session_summary(shown: list[ShownItem]) -> SessionSummary:
    lines: dict[str, SkillLine] = {}
    score = 0.0
    answered = 0
    for entry in shown:
        item = entry.slot.item
        line = lines.setdefault(item.skill, SkillLine(item.get_skill_display(), 0.0, 0))
        line.total += 1
        if entry.answered:
            answered += 1
            score += entry.slot.answer.score
            line.right += entry.slot.answer.score
    return SessionSummary(score, len(shown), answered, list(lines.values()))
