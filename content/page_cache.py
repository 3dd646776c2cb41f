"""Content pages rendered once per chapter revision and kept, so that a reader's request does no
template work: only the header and the reader's own values (name, CSRF token, path) are filled in
(civiclearn/site_header.py).

Every import and admin edit raises ``Chapter.revision`` (content/services/revisions.py), and the
revision is in every key, so a changed chapter is rendered afresh on every app server at once and the
old entries simply expire. A page is kept in each worker's memory in front of the shared cache: what
the revision keys never changes, so neither copy can be stale. Nothing personal is in a kept page:
it is rendered for a stand-in reader who is only signed in or not.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from civiclearn.site_header import fill, reader_context

KEPT_PER_WORKER = 256
_kept: OrderedDict[str, str] = OrderedDict()


def cached_page(request, chapter_id: int, revision: int, page: str, *key: object, template: str,
                context: Callable[[], dict]) -> HttpResponse:
    """``template`` for the chapter at ``revision``, rendered with ``context()`` when neither copy has it."""
    signed_in = request.user.is_authenticated
    cache_key = ":".join(["page", str(chapter_id), str(revision), get_language(), page, *map(str, key),
                          "in" if signed_in else "out"])
    html = _kept.get(cache_key)
    if html is None:
        html = cache.get(cache_key)
        if html is None:
            html = render_to_string(template, {**context(), **reader_context(authenticated=signed_in)})
            cache.set(cache_key, html, settings.CONTENT_CACHE_SECONDS)
        if not settings.DEBUG:  # while developing, a changed template shows at once
            _keep(cache_key, html)
    return HttpResponse(fill(html, request))


def _keep(cache_key: str, html: str) -> None:
    _kept[cache_key] = html
    _kept.move_to_end(cache_key)
    while len(_kept) > KEPT_PER_WORKER:
        _kept.popitem(last=False)
