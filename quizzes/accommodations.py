"""The rules an assignment holds one student to: the assignment's dates and the set's time limit and
attempts, each replaced by the student's override where the teacher gave one (合理的配慮; as Moodle's
user overrides). Starting, answering, the deadline, the feedback release and the pages a student sees
all read them from here, so that an override is enforced exactly as the set's own rules are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from quizzes.models import Assignment, AssignmentOverride


@dataclass(frozen=True)
class Rules:
    open_at: datetime
    close_at: datetime
    time_limit_minutes: int | None  # None: no limit
    attempts_allowed: int  # 0: no limit
    own_close_at: datetime | None = None  # the student's own close date, where an override gives one

    def deadline(self, started_at: datetime) -> datetime:
        """When an attempt started at ``started_at`` stops taking answers."""
        if self.time_limit_minutes:
            return min(self.close_at, started_at + timedelta(minutes=self.time_limit_minutes))
        return self.close_at


def rules_for(assignment: Assignment, override: AssignmentOverride | None = None) -> Rules:
    quiz_set = assignment.quiz_set
    if override is None:
        return Rules(assignment.open_at, assignment.close_at, quiz_set.time_limit_minutes or None,
                     quiz_set.attempts_allowed)

    def kept(own, general):
        return general if own is None else own

    return Rules(open_at=kept(override.open_at, assignment.open_at),
                 close_at=kept(override.close_at, assignment.close_at),
                 time_limit_minutes=kept(override.time_limit_minutes, quiz_set.time_limit_minutes) or None,
                 attempts_allowed=kept(override.attempts_allowed, quiz_set.attempts_allowed),
                 own_close_at=override.close_at)
