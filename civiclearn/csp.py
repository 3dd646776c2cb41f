"""django-csp's middleware with the site's policy built once per worker: the policy is the same for
every response unless a view changes it (django-csp's decorators) or a page asks for a nonce, and then
the library builds it as it always does."""

from __future__ import annotations

from functools import cached_property

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings

_PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro",
                 "_csp_replace_ro", "_csp_exempt", "_csp_exempt_ro")


class PrecomputedCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if (settings.DEBUG or getattr(request, "_csp_nonce", None) is not None
                or any(getattr(response, name, None) for name in _PER_RESPONSE)
                or (self._excluded_prefixes and request.path_info.startswith(self._excluded_prefixes))):
            return super().process_response(request, response)
        for header, policy in ((HEADER, self._policy), (HEADER_REPORT_ONLY, self._report_only_policy)):
            if policy and header not in response:
                response[header] = policy
        # as the library does: a nonce asked for once the header is written is an error, not a silent gap
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @cached_property
    def _policy(self) -> str:
        return build_policy()

    @cached_property
    def _report_only_policy(self) -> str:
        return build_policy(report_only=True)

    @cached_property
    def _excluded_prefixes(self) -> tuple[str, ...]:
        return tuple(prefix for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
                     for prefix in (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES", ()) or ())
