"""Rate limits, counted in the cache every app server shares (``CACHES["shared"]``: Redis when
REDIS_URL is set, else the database), never in one worker's memory, where four workers would allow
four times the rate.

DRF's throttles do the counting, for the API and, through ``throttled``, for plain Django views too.
"""

from __future__ import annotations

from functools import wraps

from django.core.cache import caches
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle


class _SharedCache:
    @property
    def cache(self):
        return caches["shared"]

    @property
    def THROTTLE_RATES(self):
        return api_settings.DEFAULT_THROTTLE_RATES


class SharedScopedRateThrottle(_SharedCache, ScopedRateThrottle):
    """DRF's scoped throttle (the view's ``throttle_scope``), counted in the shared cache."""


class _PerUser(_SharedCache, SimpleRateThrottle):
    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _PerAddress(_SharedCache, SimpleRateThrottle):
    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class JoinPerUser(_PerUser):
    scope = "join_user"


class JoinPerAddress(_PerAddress):
    scope = "join_address"


class SignupPerAddress(_PerAddress):
    scope = "signup_address"


class PasswordResetPerAddress(_PerAddress):
    scope = "password_reset_address"


def throttled(*throttles: type[SimpleRateThrottle]):
    """Limit a Django view's POSTs by these throttles; over the limit it answers 429 with a page that
    says when to try again."""
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                for throttle_class in throttles:
                    throttle = throttle_class()
                    if not throttle.allow_request(request, None):
                        return _too_many(request, throttle.wait())
            return view(request, *args, **kwargs)
        return wrapped
    return decorator


def _too_many(request, wait: float | None):
    minutes = max(1, round((wait or 60) / 60))
    message = _("Too many tries in a short time. Try again in %(minutes)d minute(s).") % {"minutes": minutes}
    response = render(request, "throttled.html", {"message": message}, status=429)
    response["Retry-After"] = str(round(wait or 60))
    return response
