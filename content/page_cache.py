"""Rendered parts of content pages, cached under the chapter's revision.

Every import and admin edit raises ``Chapter.revision`` (content/services/revisions.py), so a changed
chapter is rendered afresh on every app server at once, and the old entries simply expire. Only parts
that are the same for everyone are cached: no user, no CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .models import Chapter


def cached_parts(chapter: Chapter, page: str, *key: object,
                 build: Callable[[], dict[str, str]]) -> dict[str, SafeString]:
    """The named HTML parts of ``page`` for ``chapter``, built by ``build`` when not cached."""
    cache_key = ":".join(["content", str(chapter.pk), str(chapter.revision), get_language(), page, *map(str, key)])
    parts = cache.get(cache_key)
    if parts is None:
        parts = build()
        cache.set(cache_key, parts, settings.CONTENT_CACHE_SECONDS)
    return {name: mark_safe(html) for name, html in parts.items()}  # our own rendered, escaped templates
