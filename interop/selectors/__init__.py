"""Reads of the school-systems side (STYLE.md: selectors read, services write)."""

from __future__ import annotations

from urllib.parse import urlsplit

from lti_tool.models import LtiRegistration

from interop.models import LtiClassLink


def origin_of(url: str | None) -> str | None:
    """scheme://host[:port] of an absolute http(s) URL, None for anything else."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def registration_origins(registration: LtiRegistration, *urls: str | None) -> list[str]:
    """Where a platform's pages are served from: its issuer and its login page, and any further URL
    a launch named (its return URL)."""
    found = (origin_of(url) for url in (registration.issuer, registration.auth_url, *urls))
    return sorted({origin for origin in found if origin})


def platform_origins() -> list[str]:
    """The origins of every active registration: the platforms that may frame the /lti/ routes."""
    origins: set[str] = set()
    for registration in LtiRegistration.objects.active().only("issuer", "auth_url"):
        origins.update(registration_origins(registration))
    return sorted(origins)


def class_link_of(school_class) -> LtiClassLink | None:
    """The LMS course a class came from, with what a roster pull needs."""
    return (LtiClassLink.objects.select_related("context__deployment__registration")
            .filter(school_class=school_class).first())
