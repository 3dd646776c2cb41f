"""Background tasks (django-tasks): thin, they call the services that do the work."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from .services import lti_scores


@task()
def send_lti_scores() -> None:
    """Send the scores due; if some wait (a retry, a set whose feedback waits for its close), come
    back when the first of them is due."""
    lti_scores.scores_send()
    next_due = lti_scores.next_send_time()
    if next_due is not None:
        enqueue_send(next_due)


def enqueue_send(when: datetime | None = None) -> None:
    """Send now, or at ``when``. A task backend that cannot wait (the immediate one) leaves a later
    send to the next finish or to the ``send_lti_scores`` command run by cron."""
    if when is None or when <= timezone.now():
        send_lti_scores.enqueue()
    elif send_lti_scores.get_backend().supports_defer:
        send_lti_scores.using(run_after=when).enqueue()
