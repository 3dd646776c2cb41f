"""The site's policy built once (civiclearn/csp.py): the same header django-csp builds, and the library's
own path wherever a response changes the policy or a page uses a nonce."""

import pytest
from csp.constants import HEADER
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from civiclearn.csp import PrecomputedCSPMiddleware


def _through(view, path="/somewhere/"):
    request = RequestFactory().get(path)
    middleware = PrecomputedCSPMiddleware(view)
    return request, middleware(request)


def test_a_page_gets_the_policy_django_csp_builds_from_the_settings():
    _request, response = _through(lambda request: HttpResponse("ok"))
    assert response[HEADER] == build_policy()
    assert "frame-ancestors 'none'" in response[HEADER]


def test_a_view_that_widens_the_policy_gets_its_own_header():
    @csp_update({"img-src": ["https://maps.example.org"]})
    def view(request):
        return HttpResponse("ok")

    _request, response = _through(view)
    assert "https://maps.example.org" in response[HEADER]
    assert response[HEADER] != build_policy()


def test_a_page_that_used_a_nonce_carries_it(settings):
    from csp.constants import NONCE

    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**directives, "script-src": ["'self'", NONCE]}}

    def view(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    request, response = _through(view)
    assert f"'nonce-{request._csp_nonce}'" in response[HEADER]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    from csp.exceptions import CSPNonceError

    request, _response = _through(lambda request: HttpResponse("ok"))
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_an_excluded_prefix_gets_no_header(settings):
    settings.CONTENT_SECURITY_POLICY = {**settings.CONTENT_SECURITY_POLICY, "EXCLUDE_URL_PREFIXES": ["/embed/"]}
    _request, response = _through(lambda request: HttpResponse("ok"), path="/embed/x/")
    assert HEADER not in response
    _request, response = _through(lambda request: HttpResponse("ok"), path="/other/")
    assert response[HEADER]


def test_it_is_the_library_s_middleware():
    assert issubclass(PrecomputedCSPMiddleware, CSPMiddleware)
