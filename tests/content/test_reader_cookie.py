"""The reader's signed cookie (civiclearn/reader_cookie.py): a public lesson or glossary page is served to
a signed-in reader by it, without their session or user, and says what the page says when they are read;
a cookie tampered with, another session's, stale or switched off is not taken; it opens nothing that
is not public, and signing out ends it."""

import time
from unittest import mock

import pytest
from django.core import signing
from django.urls import reverse

from civiclearn import reader_cookie
from civiclearn.site_header import HeaderReader
from tests.conftest import without_csrf_tokens

pytestmark = pytest.mark.django_db
SLUG = "sapporo-ict-chapter1"
LESSON = reverse("content:section", kwargs={"slug": SLUG, "number": 2})
GLOSSARY = reverse("content:glossary", kwargs={"slug": SLUG})
COOKIE = reader_cookie.COOKIE_NAME
SLOW_PATH_QUERIES = 3  # the session (a table in the tests), the user, the revision


def _issued(client, path=LESSON) -> str:
    """A first page, which loads the user: the response issues the cookie."""
    response = client.get(path)
    assert response.status_code == 200
    return response.cookies[COOKIE].value


def _warmed(client, path=LESSON) -> None:
    """A page served by the cookie once, so that its query is compiled (CompiledQuery) and its copy kept."""
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", [LESSON, GLOSSARY])
def test_a_public_page_is_served_by_the_cookie_and_says_what_it_says_otherwise(
        student_client, imported_seed, path, django_assert_num_queries):
    first = student_client.get(path)
    cookie = first.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and int(cookie["max-age"]) == 600
    _warmed(student_client, path)
    # no session, no user, and the chapter's revision remembered from the page before (content/revision_memory.py)
    with django_assert_num_queries(0):
        served = student_client.get(path)
    assert COOKIE not in served.cookies  # nothing new to say
    assert "Cookie" in served["Vary"]
    page = served.content.decode()
    assert without_csrf_tokens(page) == without_csrf_tokens(first.content.decode())
    assert "hanako" in page and reverse("logout") in page and reverse("quizzes:teach") not in page


def test_a_teacher_s_header_comes_from_the_cookie_too(teacher_client, imported_seed, django_assert_num_queries):
    _issued(teacher_client)
    _warmed(teacher_client)
    with django_assert_num_queries(0):
        page = teacher_client.get(LESSON).content.decode()
    assert "sensei" in page and reverse("quizzes:teach") in page


def test_the_furigana_setting_renews_the_cookie(student_client, imported_seed, django_assert_num_queries):
    _issued(student_client)
    toggled = student_client.post(reverse("reading"), {"furigana": "on", "next": LESSON})
    assert signing.loads(toggled.cookies[COOKIE].value, salt=reader_cookie._SALT)["k"][3] is True
    _warmed(student_client)
    with django_assert_num_queries(0):
        page = student_client.get(LESSON).content.decode()
    assert 'aria-pressed="true"' in page and "<rt>" in page.split("</header>", 1)[1]


def _slow_path(client, django_assert_num_queries, name: str) -> None:
    with django_assert_num_queries(SLOW_PATH_QUERIES):
        response = client.get(LESSON)
    assert response.status_code == 200 and name in response.content.decode()
    assert reader_cookie.cookie_reader(_request_with(client, response.cookies[COOKIE].value)) is not None


def _request_with(client, value):
    from django.conf import settings
    from django.test import RequestFactory

    request = RequestFactory().get(LESSON)
    request.COOKIES = {COOKIE: value, settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    return request


def test_a_tampered_cookie_is_not_taken(student_client, imported_seed, django_assert_num_queries):
    value = _issued(student_client)
    forged = signing.loads(value, salt=reader_cookie._SALT) | {"n": "mallory", "k": [True, True, True, False]}
    student_client.cookies[COOKIE] = signing.dumps(forged, salt="another-salt")
    _slow_path(student_client, django_assert_num_queries, "hanako")
    student_client.cookies[COOKIE] = value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    _slow_path(student_client, django_assert_num_queries, "hanako")


def test_another_session_s_cookie_is_not_taken(student_client, teacher_client, imported_seed,
                                              django_assert_num_queries):
    student_client.cookies[COOKIE] = _issued(teacher_client)
    _slow_path(student_client, django_assert_num_queries, "hanako")
    assert "sensei" not in student_client.get(LESSON).content.decode()


def test_a_stale_cookie_is_not_taken(student_client, imported_seed, django_assert_num_queries, settings):
    from django.conf import settings as django_settings

    _issued(student_client)  # the page kept, its cookie replaced below
    session_key = student_client.cookies[django_settings.SESSION_COOKIE_NAME].value
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 601):
        stale = reader_cookie.cookie_value(session_key, HeaderReader(True, False, False, False, False, "hanako"))
    student_client.cookies[COOKIE] = stale
    _slow_path(student_client, django_assert_num_queries, "hanako")


def test_switched_off_no_cookie_is_issued_or_taken(student_client, imported_seed, settings,
                                                   django_assert_num_queries):
    value = _issued(student_client)
    settings.READER_COOKIE_SECONDS = 0
    with django_assert_num_queries(SLOW_PATH_QUERIES):
        response = student_client.get(LESSON)
    assert response.cookies[COOKIE].value == "" and value  # deleted


def test_signing_in_issues_it_for_the_new_session(client, student, imported_seed, django_assert_num_queries):
    from django.conf import settings

    anonymous = client.get(LESSON)  # the page kept, read by no one signed in: no cookie for them
    assert anonymous.status_code == 200 and COOKIE not in anonymous.cookies
    signed_in = client.post(reverse("login"), {"username": "hanako", "password": "pw-12345678"})
    assert signed_in.status_code == 302
    session_key = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    payload = signing.loads(signed_in.cookies[COOKIE].value, salt=reader_cookie._SALT)
    assert payload["s"] == reader_cookie._binding(session_key) and payload["n"] == "hanako"
    _warmed(client)
    with django_assert_num_queries(0):
        assert "hanako" in client.get(LESSON).content.decode()


def test_signing_out_deletes_it_and_a_kept_copy_names_no_one(student_client, imported_seed):
    _issued(student_client)
    out = student_client.post(reverse("logout"))
    assert out.cookies[COOKIE].value == "" and out.cookies[COOKIE]["max-age"] == 0
    page = student_client.get(LESSON).content.decode()
    assert "hanako" not in page and reverse("login") in page


def test_a_launched_session_gets_no_cookie(student_client, imported_seed):
    from interop.middleware import FRAME_ANCESTORS_SESSION_KEY

    session = student_client.session
    session[FRAME_ANCESTORS_SESSION_KEY] = ["https://lms.example.org"]
    session.save()
    response = student_client.get(LESSON)
    assert response.status_code == 200 and COOKIE not in response.cookies
    assert "https://lms.example.org" in response["Content-Security-Policy"]


def test_an_api_token_gets_no_cookie(student, imported_seed):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + Token.objects.create(user=student).key)
    response = api.get("/api/v1/progress/")
    assert response.status_code == 200 and COOKIE not in response.cookies
