"""Background tasks (django-tasks): thin, they call the services that do the work."""

from django_tasks import task

from .services import lti_scores


@task()
def send_lti_scores() -> None:
    lti_scores.scores_send()
