"""Lesson and glossary pages kept per chapter revision (civiclearn/kept_pages.py).

Every import and admin edit raises ``Chapter.revision`` (content/services/revisions.py), so a changed
chapter is rendered afresh on every app server at once.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse

from civiclearn.kept_pages import kept_page
from civiclearn.site_header import HeaderReader


def cached_page(request, chapter_id: int, revision: int, page: str, *key: object, template: str,
                context: Callable[[], dict], reader: HeaderReader | None = None) -> HttpResponse:
    """``template`` for the chapter at ``revision``, rendered with ``context()`` when no copy is kept."""
    return kept_page(request, ["content", chapter_id, revision, page, *key], template=template, context=context,
                     reader=reader)
