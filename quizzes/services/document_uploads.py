"""A document from upload to published lessons, off the request: stored, read in the background
(progress by pages), previewed and reviewed, then published (import and item generation in one
transaction) in the background. Nothing reaches the lessons before publishing; a failure leaves them
as they were and says why on the upload.

The task bodies (``upload_read``, ``upload_publish``) are called by quizzes.tasks; everything else is
called by the views.
"""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django.utils.translation import gettext as _

from content.models import Chapter
from content.parsing import ParseError, apply_review, parse_document
from content.parsing.preview import document_preview
from content.services.chapter_import import document_slugs

from ..models import DocumentUpload
from .chapter_publishing import chapter_publish

logger = logging.getLogger(__name__)
Status = DocumentUpload.Status
_PROGRESS_EVERY = 0.5  # seconds between progress writes while pages are read


def upload_create(*, owner, data: bytes, source_name: str, slug: str = "") -> DocumentUpload:
    from ..tasks import read_document_upload

    upload = DocumentUpload.objects.create(owner=owner, data=data, source_name=source_name[:255], slug=slug)
    read_document_upload.enqueue(upload.pk)
    return upload


def upload_read(upload_id: int) -> None:
    """Parse the stored file, reporting pages read; the preview, or the reason it cannot be read."""
    upload = DocumentUpload.objects.filter(pk=upload_id, status=Status.QUEUED).first()
    if upload is None:
        return  # already read (a task run twice), or gone
    _set(upload_id, status=Status.READING)
    last_write = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last_write
        if done == total or time.monotonic() - last_write > _PROGRESS_EVERY:
            _set(upload_id, pages_done=done, pages_total=total)
            last_write = time.monotonic()

    try:
        document = parse_document(bytes(upload.data), progress=progress)
        empty = [chapter.chapter.title for chapter in document.chapters if not chapter.sections]
        if empty:
            raise ParseError(_("「%(title)s」 yields no sections: no numbered headings were found, so there is "
                               "nothing to learn from it") % {"title": empty[0]})
    except ParseError as error:
        _set(upload_id, status=Status.FAILED, error=str(error))
        return
    except Exception:  # a bug must not leave the upload "reading" forever
        logger.exception("reading upload %s failed", upload_id)
        _set(upload_id, status=Status.FAILED, error=_("The document could not be read (an internal error)."))
        return
    _set(upload_id, status=Status.READY, preview=document_preview(document), pages_total=document.pages,
         pages_done=document.pages)


def upload_review_save(*, upload: DocumentUpload, edits: dict) -> None:
    if upload.status != Status.READY:
        raise ValueError("only an upload ready for review takes edits")
    DocumentUpload.objects.filter(pk=upload.pk).update(edits=edits)
    upload.edits = edits


def upload_publish_request(*, upload: DocumentUpload) -> bool:
    """Queue publishing; False when the upload is not ready (published already, or reading)."""
    from ..tasks import publish_document_upload

    with transaction.atomic():
        claimed = DocumentUpload.objects.filter(pk=upload.pk, status=Status.READY).update(status=Status.PUBLISHING)
    if not claimed:
        return False
    publish_document_upload.enqueue(upload.pk)
    return True


def upload_publish(upload_id: int) -> None:
    """Read the file again, apply the reviewer's edits, then import and generate in one transaction."""
    upload = DocumentUpload.objects.filter(pk=upload_id, status=Status.PUBLISHING).first()
    if upload is None:
        return
    staff = may_publish_for_everyone(upload.owner)
    try:
        document = apply_review(parse_document(bytes(upload.data)), upload.edits or {})
        _refuse_others_chapters(upload, len(document.chapters), staff)
        report = chapter_publish(data=bytes(upload.data), source_name=upload.source_name, slug=upload.slug or None,
                                 parsed=document, owner=upload.owner, public=staff)
    except ParseError as error:
        _set(upload_id, status=Status.READY, error=str(error))  # back to review, with the reason
        return
    except Exception:
        logger.exception("publishing upload %s failed", upload_id)
        _set(upload_id, status=Status.READY, error=_("Publishing failed (an internal error); nothing was changed."))
        return
    published = [{"slug": chapter.imported.slug, "created": chapter.imported.created,
                  "items": chapter.generated.created + chapter.generated.updated + chapter.generated.unchanged,
                  "counts": chapter.imported.counts} for chapter in report.chapters]
    _set(upload_id, status=Status.PUBLISHED, published=published, error="")


def may_publish_for_everyone(user) -> bool:
    """Staff who may add chapters publish for everyone; a teacher's import is theirs and their classes'."""
    return user.has_perm("content.add_chapter")


def _refuse_others_chapters(upload: DocumentUpload, chapters: int, staff: bool) -> None:
    """A teacher updates only their own chapters: a slug taken by anyone else's is refused."""
    if staff:
        return
    slugs = document_slugs(upload.source_name, upload.slug or None, chapters)
    taken = Chapter.objects.filter(slug__in=slugs).exclude(owner=upload.owner).values_list("slug", flat=True)
    if taken:
        raise ParseError(_("The slug 「%(slug)s」 belongs to a chapter that is not yours; choose another slug and "
                           "upload again.") % {"slug": taken[0]})


def _set(upload_id: int, **values) -> None:
    DocumentUpload.objects.filter(pk=upload_id).update(**values)
