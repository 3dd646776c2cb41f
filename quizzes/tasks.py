"""Background tasks (django-tasks): thin, they call the services that do the work."""

from django_tasks import task

from .services import document_uploads


@task()
def read_document_upload(upload_id: int) -> None:
    document_uploads.upload_read(upload_id)


@task()
def publish_document_upload(upload_id: int) -> None:
    document_uploads.upload_publish(upload_id)
