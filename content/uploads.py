"""Limits on a chapter file brought in through the web (the admin's upload page and the API) or a
command: a text file may be CHAPTER_UPLOAD_MAX_BYTES, a PDF (fonts and pictures around the same text)
PDF_UPLOAD_MAX_BYTES."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from content.parsing.source import is_pdf


def size_limit(head: bytes) -> tuple[int, str]:
    """(the limit for a file that starts with ``head``, the setting that sets it)."""
    if is_pdf(head):
        return settings.PDF_UPLOAD_MAX_BYTES, "PDF_UPLOAD_MAX_BYTES"
    return settings.CHAPTER_UPLOAD_MAX_BYTES, "CHAPTER_UPLOAD_MAX_BYTES"


def validate_upload_size(upload) -> None:
    head = upload.read(1024)
    upload.seek(0)
    limit, _setting = size_limit(head)
    if upload.size > limit:
        raise ValidationError(_("The file is %(size)d bytes; the limit is %(limit)d.")
                              % {"size": upload.size, "limit": limit}, code="too_large")
