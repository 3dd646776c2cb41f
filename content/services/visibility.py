"""Making a teacher's chapter public: from then on everyone may read it and use its items."""

from django.db.models import QuerySet

from content.models import Chapter


def chapters_make_public(*, chapters: QuerySet[Chapter]) -> int:
    return chapters.filter(is_public=False).update(is_public=True)
