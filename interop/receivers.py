"""Receivers of the quiz side's signals (quizzes/signals.py)."""

from django.db import transaction
from django.dispatch import receiver

from quizzes.signals import attempt_finished

from .services.lti_scores import score_owed


@receiver(attempt_finished, dispatch_uid="interop.score_owed")
def owe_lms_score(sender, attempt, **kwargs):
    """In the finishing transaction: the score row is written with the finish or not at all. The
    send itself waits for the commit (a task), and for the set's feedback rule (the row's time)."""
    send = score_owed(attempt=attempt)
    if send is not None:
        transaction.on_commit(lambda: _enqueue(send.send_after))


def _enqueue(when):
    from .tasks import enqueue_send  # the task module imports the services; imported late, as tasks are
    enqueue_send(when)
