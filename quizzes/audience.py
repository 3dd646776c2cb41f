"""Who besides its importer may read a private chapter (content.audience asks through the
CHAPTER_AUDIENCE setting): the students of the importing teacher's classes."""

from django.db.models import Q

from .models import SchoolClass


def students_of_owner(user, through: str = "") -> Q:
    teachers = SchoolClass.objects.filter(memberships__student=user).values("teacher")
    return Q(**{f"{through}owner__in": teachers})
