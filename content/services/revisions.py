"""A chapter's revision: raised whenever what its pages show may have changed (content/page_cache.py)."""

from collections.abc import Iterable

from django.db.models import F

from content.models import Chapter


def raise_revision(chapter_ids: Iterable[int]) -> None:
    Chapter.objects.filter(pk__in=set(chapter_ids)).update(revision=F("revision") + 1)
