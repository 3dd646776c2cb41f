"""The feedback release rule (quizzes/release.py) written again as a database filter: the raw figures
the tests compare the kept summaries and the dashboard with are read through it, so that the rule the
app applies in Python (``is_released``) is checked against one written independently."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q

from quizzes.models import QuizSet


def released(now: datetime, *, to_attempt: str = "") -> Q:
    """Attempts (or rows that reach them through ``to_attempt``, such as ``"slot__attempt__"``) whose
    feedback shows at ``now``."""
    def on(**lookups) -> Q:
        return Q(**{f"{to_attempt}{name}": value for name, value in lookups.items()})

    rule = "assignment__quiz_set__feedback"
    return (on(assignment__isnull=True)
            | on(**{rule: QuizSet.Feedback.IMMEDIATELY})
            | on(**{rule: QuizSet.Feedback.AFTER_SUBMIT}, finished_at__isnull=False)
            | on(**{rule: QuizSet.Feedback.AFTER_CLOSE}, closes_at__lte=now)
            | on(**{rule: QuizSet.Feedback.AFTER_CLOSE}, closes_at__isnull=True, assignment__close_at__lte=now))
