"""Pages rendered once and kept, so that a reader's request does no template work: only the header and
the reader's own values (name, CSRF token, path) are filled in (civiclearn/site_header.py).

A kept page is found by a key that names everything it shows — a chapter's revision for a lesson
(content/page_cache.py), a quiz set's results marker for its results (quizzes/views/teaching.py) — so a
change makes a new key and the old entry simply expires; no copy can be stale. It is kept in each
worker's memory (up to KEPT_BYTES) in front of the shared cache. Nothing personal is in a kept page: it
is rendered for a stand-in reader who is only signed in or not.
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from .site_header import HeaderReader, fill_parts, reader_context, split_at_holes

KEPT_BYTES = 8 * 1024 * 1024  # per worker (characters, near enough)
_kept: OrderedDict[str, str | tuple[str, ...]] = OrderedDict()  # a page split at its holes, or a fragment
_kept_size = 0


def kept_page(request, key: Iterable[object], *, template: str, context: Callable[[], dict],
              reader: HeaderReader | None = None) -> HttpResponse:
    """``template`` rendered with ``context()`` when no copy is kept under ``key`` (and the language and
    whether the reader is signed in); the request's own values filled in — for ``reader`` when given,
    the reader of a signed cookie (civiclearn/reader_cookie.py), else for the request's user."""
    signed_in = reader.authenticated if reader else request.user.is_authenticated
    cache_key = _cache_key("page", [*key, get_language(), "in" if signed_in else "out"])
    parts = _kept.get(cache_key)
    if parts is None:
        html = cache.get(cache_key)
        if html is None:
            html = render_to_string(template, {**context(), **reader_context(authenticated=signed_in)})
            cache.set(cache_key, html, settings.CONTENT_CACHE_SECONDS)
        parts = split_at_holes(html)
        if not settings.DEBUG:  # while developing, a changed template shows at once
            _keep(cache_key, parts)
    response = HttpResponse(fill_parts(parts, request, reader))
    if reader is not None:
        request.cookie_reader = reader  # served without the session (interop/middleware.py asks)
        patch_vary_headers(response, ["Cookie"])  # which would otherwise have said so
    return response


def kept_own_page(request, key: Iterable[object], *, template: str,
                  context: Callable[[], tuple[dict, datetime | None]], now: datetime, at_most: int) -> HttpResponse:
    """A page of the signed-in reader's own (``key`` names them, and everything it shows): ``template``
    rendered with what ``context()`` gives — the context, and the moment time alone next changes the
    page (None: never) — and kept in the shared cache until that moment or for ``at_most`` seconds
    (0: never kept), so that it is served only while a fresh rendering would be the same. Not in the
    worker's memory: one reader's pages would crowd out the pages every reader shares. The request's own
    values (header, token, messages) are filled in."""
    cache_key = _cache_key("own", [*key, get_language()])
    kept = cache.get(cache_key) if at_most > 0 else None
    if kept is not None and kept[0] > now.timestamp():
        return HttpResponse(fill_parts(kept[1], request))
    values, changes_at = context()
    parts = split_at_holes(render_to_string(template, {**values, **reader_context(authenticated=True)}))
    until = min(now.timestamp() + at_most, changes_at.timestamp() if changes_at else math.inf)
    if (seconds := int(until - now.timestamp())) > 0:  # whole seconds, rounded down: never kept too long
        cache.set(cache_key, (until, parts), seconds)
    return HttpResponse(fill_parts(parts, request))


def _cache_key(kind: str, key: Iterable[object]) -> str:
    named = ":".join(map(str, key))
    return f"{kind}:" + hashlib.sha256(named.encode()).hexdigest()  # any key text, safe for any cache


def kept_fragment(key: Iterable[object], render: Callable[[], str]) -> str:
    """A part of a page that ``key`` names completely (an item version's form, say), rendered once per
    language in each worker's memory (under the same budget as kept pages; a rendering costs less than a
    trip to the shared cache). Its holes are left for ``fill``."""
    named = ":".join(["fragment", *map(str, key), get_language()])
    html = _kept.get(named)
    if html is None:
        html = render()
        if not settings.DEBUG:
            _keep(named, html)
    return html


def _keep(cache_key: str, kept: str | tuple[str, ...]) -> None:
    global _kept_size
    if cache_key in _kept:
        return
    _kept[cache_key] = kept
    _kept_size += _size(kept)
    while _kept_size > KEPT_BYTES and _kept:
        _kept_size -= _size(_kept.popitem(last=False)[1])


def _size(kept: str | tuple[str, ...]) -> int:
    return len(kept) if isinstance(kept, str) else sum(map(len, kept))


def forget_all() -> None:
    """Empty this worker's copies (tests: primary keys repeat between them on SQLite)."""
    global _kept_size
    _kept.clear()
    _kept_size = 0
