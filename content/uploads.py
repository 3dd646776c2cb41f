"""Limits on a chapter file brought in through the web (the admin's upload page and the API)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def validate_upload_size(upload) -> None:
    limit = settings.CHAPTER_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(_("The file is %(size)d bytes; the limit is %(limit)d.")
                              % {"size": upload.size, "limit": limit}, code="too_large")
