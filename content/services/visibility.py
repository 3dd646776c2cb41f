"""Making a teacher's chapter public: from then on everyone may read it and use its items."""

from django.db.models import QuerySet

from content.models import Chapter
from content.revision_memory import forget


def chapters_make_public(*, chapters: QuerySet[Chapter]) -> int:
    made = chapters.filter(is_public=False).update(is_public=True)
    forget()  # what a worker remembers of public chapters (content/revision_memory.py)
    return made
