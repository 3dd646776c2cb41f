"""Who may read a chapter: everyone, when it is public; otherwise whoever imported it, and whoever the
project's CHAPTER_AUDIENCE setting adds (quizzes adds the students of that teacher's classes). The
setting names a function, so that content needs no import of the apps built on it."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string

PUBLIC, EVERY_CHAPTER, MEMBER = "public", "every chapter", "member"


def reader_scope(user) -> str:
    """Which of the filter's three shapes applies to ``user``: public chapters only (no one signed in),
    every chapter (staff who may view them all), or public, own and the audience's."""
    if user is None or not user.is_authenticated:
        return PUBLIC
    if user.is_staff and user.has_perm("content.view_chapter"):
        return EVERY_CHAPTER
    return MEMBER


def readable_by(user, through: str = "") -> Q:
    """A filter for chapters (or, ``through`` "chapter__", for rows of a chapter) ``user`` may read."""
    public = Q(**{f"{through}is_public": True})
    scope = reader_scope(user)
    if scope == PUBLIC:
        return public
    if scope == EVERY_CHAPTER:
        return Q()
    own = Q(**{f"{through}owner": user})
    extra = _audience()
    return public | own | (extra(user, through) if extra else Q(pk__in=[]))


def may_read(user, chapter) -> bool:
    return chapter.is_public or type(chapter).objects.filter(readable_by(user), pk=chapter.pk).exists()


@cache
def _audience():
    path = getattr(settings, "CHAPTER_AUDIENCE", "")
    return import_string(path) if path else None
