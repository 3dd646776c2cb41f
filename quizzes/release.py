"""When an attempt's feedback is released: at once in practice; for an assigned set, as its teacher
chose (after each answer, after submitting, after the close date).

Until then a learner sees only that an answer was recorded: no key, no score, no grade, no missed
item or term, and no review is scheduled (a wrong answer's review falls due at once, which would tell
right from wrong). quizzes/services/reviews.py schedules those reviews once the feedback is released.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from quizzes.models import Attempt, QuizSet


def feedback_visible(attempt: Attempt, now: datetime | None = None) -> bool:
    if attempt.assignment_id is None:
        return True
    assignment = attempt.assignment
    return rule_allows(assignment.quiz_set.feedback, finished=attempt.is_finished, close_at=closes_at(attempt),
                       now=now or timezone.now())


def closes_at(attempt: Attempt) -> datetime:
    """When the attempt's assignment closes for its learner: their own close date (an override, kept
    on the attempt by quizzes/services/overrides.py), else the assignment's."""
    return attempt.closes_at or attempt.assignment.close_at


def rule_allows(rule: str, *, finished: bool, close_at: datetime, now: datetime) -> bool:
    """Whether an assigned set's feedback rule shows an attempt's results now."""
    if rule == QuizSet.Feedback.AFTER_SUBMIT:
        return finished
    if rule == QuizSet.Feedback.AFTER_CLOSE:
        return now >= close_at
    return True


def release_columns(to_attempt: str = "") -> tuple[str, ...]:
    """The columns ``is_released`` reads, for a ``values_list`` on attempts (or through ``to_attempt``)."""
    names = ("assignment_id", "finished_at", "closes_at", "assignment__close_at", "assignment__quiz_set__feedback")
    return tuple(f"{to_attempt}{name}" for name in names)


def is_released(columns: tuple, now: datetime) -> bool:
    """``rule_allows`` on the ``release_columns`` of a row (practice is always released). Applied in
    Python to the rows a query of a fixed shape found (civiclearn/compiled_queries.py), which cannot
    take ``now`` as a value; the rows are few (a learner's pending reviews, missed items, days)."""
    assignment_id, finished_at, own_close, close_at, rule = columns
    return assignment_id is None or rule_allows(rule, finished=finished_at is not None, close_at=own_close or close_at,
                                                now=now)
