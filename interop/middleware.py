"""The LMS opens CivicLearn in an iframe. For the requests of that frame (the /lti/ routes, and every
page of a session a launch began), browsers need the session and CSRF cookies marked
``SameSite=None; Secure`` (a frame on another site gets no Lax cookie), and the page must allow
that platform as its frame ancestor. Every other response keeps the site's own rules: Lax cookies,
``frame-ancestors 'none'`` and X-Frame-Options DENY.

It sits outside every other middleware, so it sees the response as they finished it.
"""

from __future__ import annotations

import re

from django.conf import settings

from civiclearn.reader_cookie import FRAMED_SESSION_KEY

from .selectors import platform_origins

LTI_PREFIX = "/lti/"
FRAME_ANCESTORS_SESSION_KEY = FRAMED_SESSION_KEY  # the origins of the platform a launch came from
_FRAME_ANCESTORS = re.compile(r"frame-ancestors[^;]*")
_CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


class LtiFrameMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origins = _frame_origins(request)
        if origins is not None:
            _allow_frame(response, origins)
        return response


def _frame_origins(request) -> list[str] | None:
    """The origins that may frame this response, or None when it is not an LTI response. A page served
    by the reader's cookie (civiclearn/reader_cookie.py) is not: a launched session gets no such cookie,
    and its session is not read for it."""
    session = getattr(request, "session", None)
    served_without_session = getattr(request, "cookie_reader", None) is not None
    origins = session.get(FRAME_ANCESTORS_SESSION_KEY) if session is not None and not served_without_session and (
        settings.SESSION_COOKIE_NAME in request.COOKIES or session.modified) else None
    if origins is None and request.path_info.startswith(LTI_PREFIX):
        origins = platform_origins()
    return origins


def _allow_frame(response, origins: list[str]) -> None:
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        if name in response.cookies:
            response.cookies[name]["samesite"] = "None"
            response.cookies[name]["secure"] = True
    if "X-Frame-Options" in response:
        del response["X-Frame-Options"]
    ancestors = " ".join(["'self'", *origins])
    for header in _CSP_HEADERS:
        if header in response:
            response[header] = _FRAME_ANCESTORS.sub(f"frame-ancestors {ancestors}", response[header])
