"""Documents a user has brought in: their own only."""

from django.db.models import QuerySet

from quizzes.models import DocumentUpload


def uploads_of(user) -> QuerySet[DocumentUpload]:
    return DocumentUpload.objects.filter(owner=user).defer("data", "preview")


def upload_of(user, upload_id: int) -> DocumentUpload | None:
    return DocumentUpload.objects.filter(owner=user, pk=upload_id).defer("data").first()
