"""The set builder's steps and the running summary shown beside each of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from quizzes.models import Assignment, QuizSet


def builder_steps() -> list[tuple[str, str]]:
    return [("items", _("Items from the bank")), ("random", _("Random items")), ("own", _("Your own items")),
            ("settings", _("Settings")), ("assign", _("Assign"))]


def next_step(steps: list[tuple[str, str]], step: str) -> tuple[str, str] | None:
    codes = [code for code, _label in steps]
    at = codes.index(step)
    return steps[at + 1] if at + 1 < len(steps) else None


@dataclass
class SetSummary:
    fixed: int
    random_slots: int
    drawn: int
    leak_count: int
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def per_attempt(self) -> int:
        return self.fixed + self.drawn


def set_summary(quiz_set: QuizSet, *, leaks: list) -> SetSummary:
    """From the set's entries (prefetched by quiz_sets_with_entries) and one query for its assignments."""
    entries = list(quiz_set.entries.all())
    randoms = [entry for entry in entries if entry.is_random]
    assignments = list(quiz_set.assignments.select_related("school_class").order_by("-close_at"))
    return SetSummary(len(entries) - len(randoms), len(randoms), sum(entry.count for entry in randoms), len(leaks),
                      assignments)
