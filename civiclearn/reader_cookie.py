"""The reader's signed cookie: what the site header shows of a signed-in reader (their name, role and
furigana setting), so that a page the same for every reader — a public chapter's lesson or glossary,
kept per revision — is served without reading the session or the user, which were half of such a
request (docs/PERFORMANCE.md).

The cookie is signed with the site's key, bound to the session cookie it was issued beside, and good
for READER_COOKIE_SECONDS (ten minutes). It is issued and renewed on any response that loaded the user
anyway, and deleted when no one is signed in. It grants nothing: only public chapters' pages are served
by it, and it only says whose name their header shows; every other page loads the user as before. So a
session ended elsewhere (a password reset, a deactivation) can still show its name on public lesson
pages until the cookie is stale, and no longer. Sessions an LMS launched (LTI, in a frame) get no
cookie: the rules of their frame are in the session.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing
from django.utils.functional import empty

from .site_header import HeaderReader, header_reader_of

COOKIE_NAME = "civiclearn_reader"
_SALT = "civiclearn.reader-cookie"
# what a session an LMS launched keeps the origins of its frame under (interop/middleware.py sets it)
FRAMED_SESSION_KEY = "lti_frame_ancestors"


def cookie_reader(request) -> HeaderReader | None:
    """The signed-in reader the request's cookie names, or None: no cookie, no session cookie beside it,
    another session's, tampered with, or stale."""
    value, session_key = request.COOKIES.get(COOKIE_NAME), request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not value or not session_key or settings.READER_COOKIE_SECONDS <= 0:
        return None
    payload = _payload(value, settings.READER_COOKIE_SECONDS)
    if payload is None or payload.get("s") != _binding(session_key):
        return None
    try:
        staff, can_import, teacher, furigana = (bool(flag) for flag in payload["k"])
        return HeaderReader(True, staff, can_import, teacher, furigana, str(payload["n"]))
    except (KeyError, TypeError, ValueError):
        return None


class ReaderCookieMiddleware:
    """Issues, renews and deletes the cookie. It sits outside SessionMiddleware, so that it sees the
    session key the response carries (a new one after signing in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = _loaded_user(request)
        if user is None:  # the user was not loaded (a page served by the cookie, a static file): nothing new
            return response
        session_key = getattr(getattr(request, "session", None), "session_key", None)
        if (user.is_authenticated and session_key and settings.READER_COOKIE_SECONDS > 0
                and FRAMED_SESSION_KEY not in request.session):
            _issue(request, response, session_key)
        elif COOKIE_NAME in request.COOKIES:
            response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response


def cookie_value(session_key: str, reader: HeaderReader) -> str:
    """The cookie that names ``reader`` beside the session cookie ``session_key``."""
    return signing.dumps(_payload_of(session_key, reader), salt=_SALT)


def _issue(request, response, session_key: str) -> None:
    reader = header_reader_of(request)
    seconds = settings.READER_COOKIE_SECONDS
    current = request.COOKIES.get(COOKIE_NAME)
    if current and _payload(current, seconds // 2) == _payload_of(session_key, reader):  # not half way to stale
        return
    response.set_cookie(COOKIE_NAME, cookie_value(session_key, reader), max_age=seconds, httponly=True,
                        secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")


def _payload_of(session_key: str, reader: HeaderReader) -> dict:
    return {"s": _binding(session_key), "k": [reader.staff, reader.can_import, reader.teacher, reader.furigana],
            "n": reader.username}


def _payload(value: str, max_age: int) -> dict | None:
    try:
        payload = signing.loads(value, salt=_SALT, max_age=max_age)
    except signing.BadSignature:  # a stale one (SignatureExpired) too
        return None
    return payload if isinstance(payload, dict) else None


def _binding(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()[:32]


def _loaded_user(request):
    user = request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:  # AuthenticationMiddleware's lazy user, unread
        return None
    return user
