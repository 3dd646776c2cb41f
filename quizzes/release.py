"""When an attempt's feedback is released: at once in practice; for an assigned set, as its teacher
chose (after each answer, after submitting, after the close date).

Until then a learner sees only that an answer was recorded: no key, no score, no grade, no missed
item or term, and no review is scheduled (a wrong answer's review falls due at once, which would tell
right from wrong). quizzes/services/reviews.py schedules those reviews once the feedback is released.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
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


def released(now: datetime, *, to_attempt: str = "") -> Q:
    """The same rule as a filter, on attempts (or on rows that reach them through ``to_attempt``,
    such as ``"slot__attempt__"`` from answers)."""
    def on(**lookups) -> Q:
        return Q(**{f"{to_attempt}{name}": value for name, value in lookups.items()})

    rule = "assignment__quiz_set__feedback"
    return (on(assignment__isnull=True)
            | on(**{rule: QuizSet.Feedback.IMMEDIATELY})
            | on(**{rule: QuizSet.Feedback.AFTER_SUBMIT}, finished_at__isnull=False)
            | on(**{rule: QuizSet.Feedback.AFTER_CLOSE}, closes_at__lte=now)
            | on(**{rule: QuizSet.Feedback.AFTER_CLOSE}, closes_at__isnull=True, assignment__close_at__lte=now))
