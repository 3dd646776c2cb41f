"""The site header, rendered once per language and kind of reader and kept in each worker's memory;
per request only the reader's name, the CSRF token and the path are filled in. Every page has the
header, and rendering it (eleven URLs, three CSRF tokens, twenty translations) cost as much as some
pages' own content (docs/PERFORMANCE.md).

The same holes let a whole page be rendered once and kept (content/page_cache.py): ``reader_context``
is what such a page is rendered with in place of the request's own user, request and token, and
``fill`` puts the request's values in.

What the header shows of its reader is a ``HeaderReader``: worked out from the request's user and
session, or read from the reader's signed cookie without either (civiclearn/reader_cookie.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from accounts.reading import furigana_on
from accounts.roles import is_teacher

# Letters only, so that escaping and URL-encoding leave them as they are.
HOLE_USERNAME = "civiclearnholeusername"
HOLE_CSRF = "civiclearnholecsrftoken"
HOLE_FULL_PATH = "civiclearnholefullpath"
HOLE_PATH = "civiclearnholepath"
HOLE_HEADER = "civiclearnholesiteheader"
HOLE_MESSAGES = "civiclearnholemessages"
_HOLES = re.compile("(" + "|".join(sorted([HOLE_USERNAME, HOLE_CSRF, HOLE_FULL_PATH, HOLE_PATH, HOLE_HEADER,
                                           HOLE_MESSAGES], key=len, reverse=True)) + ")")


@dataclass(frozen=True)
class HeaderReader:
    """What the header shows of its reader: the kind of reader it is rendered for, and their name."""

    authenticated: bool
    staff: bool
    can_import: bool
    teacher: bool
    furigana: bool
    username: str


def header_reader_of(request) -> HeaderReader:
    """The request's reader as the header shows them, from its user (loaded now if not yet) and session."""
    user = request.user
    staff = user.is_authenticated and user.is_staff
    return HeaderReader(user.is_authenticated, staff, staff and user.has_perm("content.add_chapter"),
                        is_teacher(user), furigana_on(request), user.get_username())


@dataclass(frozen=True)
class _Reader:
    """Stands in for the user while a shared rendering is made: only what the templates may ask."""

    is_authenticated: bool
    is_staff: bool = False
    username: str = HOLE_USERNAME


class _Request:
    """Stands in for the request while a shared rendering is made: its path is a hole."""

    path = HOLE_PATH

    @staticmethod
    def get_full_path() -> str:
        return HOLE_FULL_PATH


def context(request) -> dict:
    """The context processor: ``site_header``, made only when a page shows it (base.html does), and
    ``csrf_token`` as Django's own processor gives it, but one token for the whole response."""
    return {"site_header": SimpleLazyObject(lambda: site_header(request)),
            "csrf_token": SimpleLazyObject(lambda: csrf_token(request))}


def csrf_token(request) -> str:
    """The request's CSRF token, masked once per response: Django masks it afresh on each ``get_token``
    (32 random characters each time), and a page asks for it in its header, its forms and kept parts."""
    secret = request.META.get("CSRF_COOKIE")  # a new one after signing in (rotate_token): masked anew
    kept = getattr(request, "_civiclearn_csrf_token", None)
    if kept is None or secret is None or kept[0] != secret:
        token = get_token(request)  # sets the secret when the request had none
        kept = request._civiclearn_csrf_token = (request.META.get("CSRF_COOKIE"), token)
    return kept[1]


_rendered: dict[tuple, tuple[str, ...]] = {}  # per worker, split at its holes: 2 languages × 2⁵ kinds of reader


def site_header(request, reader: HeaderReader | None = None) -> SafeString:
    reader = reader or header_reader_of(request)
    kind = (get_language(), reader.authenticated, reader.staff, reader.can_import, reader.teacher, reader.furigana)
    parts = _rendered.get(kind)
    if parts is None:
        parts = split_at_holes(_render(*kind))
        if not settings.DEBUG:  # while developing, a changed template shows at once
            _rendered[kind] = parts
    return mark_safe(fill_parts(parts, request, reader))  # our own escaped rendering; the filled values are escaped


def _render(language, authenticated, staff, can_import, teacher, furigana) -> str:
    return render_to_string("includes/_site_header.html", {
        **reader_context(authenticated=authenticated, staff=staff),
        "perms": {"content": {"add_chapter": can_import}}, "is_teacher_user": teacher, "furigana": furigana,
    })


def reader_context(*, authenticated: bool, staff: bool = False) -> dict:
    return {"user": _Reader(authenticated, staff), "request": _Request(), "csrf_token": HOLE_CSRF,
            "site_header": HOLE_HEADER, "messages_hole": HOLE_MESSAGES}


def fill(html: str, request, reader: HeaderReader | None = None) -> str:
    """``html`` with the request's own values in its holes, each escaped for where it stands; one pass,
    so that a value (a user's name, say) is never searched for holes itself. ``reader``, when given, is
    who the request is for (else its user is)."""
    return fill_parts(split_at_holes(html), request, reader)


def split_at_holes(html: str) -> tuple[str, ...]:
    """``html`` as text and holes in turn (text, hole, text, …, text): what a kept copy keeps, so that
    filling it in is a join, not a search through the whole page."""
    return tuple(_HOLES.split(html))


def fill_parts(parts: tuple[str, ...], request, reader: HeaderReader | None = None) -> str:
    """``fill`` for what ``split_at_holes`` made."""
    values: dict[str, str] = {}
    filled = list(parts)
    for at in range(1, len(parts), 2):
        hole = parts[at]
        if hole not in values:
            values[hole] = _value_of(hole, request, reader)
        filled[at] = values[hole]
    return "".join(filled)


def _value_of(hole: str, request, reader: HeaderReader | None) -> str:
    if hole == HOLE_HEADER:
        return site_header(request, reader)
    if hole == HOLE_MESSAGES:
        return _messages_of(request)
    if hole == HOLE_CSRF:
        return csrf_token(request)  # as {% csrf_token %} would: the response sets the cookie
    if hole == HOLE_USERNAME:
        return escape(reader.username if reader else request.user.get_username())
    if hole == HOLE_FULL_PATH:
        return escape(request.get_full_path())
    return escape(quote(request.path))


def _messages_of(request) -> str:
    """The request's messages as includes/_messages.html shows them (and so marked as seen), or nothing."""
    stored = get_messages(request)
    return render_to_string("includes/_messages.html", {"messages": stored}) if stored else ""
