"""A chapter's revision: raised whenever what its pages show may have changed (content/page_cache.py)."""

from collections.abc import Iterable

from django.db.models import F, Max

from content.models import Chapter
from content.revision_memory import forget


def raise_revision(chapter_ids: Iterable[int]) -> None:
    Chapter.objects.filter(pk__in=set(chapter_ids)).update(revision=F("revision") + 1)
    forget()


def highest_revision() -> int:
    return Chapter.objects.aggregate(highest=Max("revision"))["highest"] or 0


def revisions_raise_past(highest: int) -> None:
    """Every chapter's revision above ``highest``: after a restore, whose revisions may repeat numbers
    that cached pages of other contents were kept under."""
    Chapter.objects.update(revision=F("revision") + highest + 1)
    forget()
