"""A PDF may be larger than a text file for the same chapter: each has its own size limit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from content.uploads import validate_upload_size


def test_a_pdf_over_the_text_limit_but_under_the_pdf_limit_is_accepted(settings):
    settings.CHAPTER_UPLOAD_MAX_BYTES, settings.PDF_UPLOAD_MAX_BYTES = 100, 1000
    validate_upload_size(SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n" + b"x" * 500))
    with pytest.raises(ValidationError, match="上限は 100 バイト"):
        validate_upload_size(SimpleUploadedFile("plan.txt", "第１章".encode() * 50))


def test_a_pdf_over_its_own_limit_is_refused(settings):
    settings.CHAPTER_UPLOAD_MAX_BYTES, settings.PDF_UPLOAD_MAX_BYTES = 100, 1000
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n" + b"x" * 2000)
    with pytest.raises(ValidationError, match="上限は 1000 バイト"):
        validate_upload_size(upload)
    assert upload.read(9) == b"%PDF-1.7\n"  # the check leaves the file where a reader expects it
