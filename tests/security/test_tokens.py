"""API tokens end when the password changes (changed or reset), when their owner revokes them, and,
if the site sets API_TOKEN_TTL_HOURS, when they are older than that."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def token_of(client, username="hanako", password="pw-12345678") -> str:
    response = client.post("/api/v1/auth/token/", {"username": username, "password": password})
    assert response.status_code == 200
    return response.json()["token"]


def works(token: str) -> bool:
    return APIClient().get("/api/v1/progress/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_changing_the_password_ends_the_token(student_client, student):
    token = token_of(student_client)
    assert works(token)
    student_client.post(reverse("password_change"), {
        "old_password": "pw-12345678", "new_password1": "atarashii-kagi-42", "new_password2": "atarashii-kagi-42"})
    assert not works(token) and not Token.objects.filter(user=student).exists()


def test_resetting_the_password_ends_the_token(client, student):
    student.email = "hanako@example.org"
    student.save()
    token = token_of(client)
    client.post(reverse("password_reset"), {"email": "hanako@example.org"})
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "atarashii-kagi-42", "new_password2": "atarashii-kagi-42"})
    assert not works(token)
    assert works(token_of(client, password="atarashii-kagi-42"))


def test_a_user_revokes_their_own_token(client, student):
    token = token_of(client)
    api = APIClient()
    response = api.post("/api/v1/auth/token/revoke/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 204 and not works(token)
    assert api.post("/api/v1/auth/token/revoke/").status_code == 403  # anonymous: nothing to revoke
    assert token_of(client) != token  # a new one on asking


def test_tokens_expire_when_the_site_says_so(client, student, settings):
    token = token_of(client)
    settings.API_TOKEN_TTL_HOURS = 24
    assert works(token)
    Token.objects.filter(key=token).update(created=timezone.now() - timedelta(hours=25))
    response = APIClient().get("/api/v1/progress/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code in (401, 403) and "有効期限が切れました" in response.json()["detail"]
    fresh = token_of(client)
    assert fresh != token and works(fresh)


def test_a_token_signs_in_its_own_user_and_nothing_else_does(student, django_user_model):
    """The token and its user read by a compiled query (accounts/tokens.py): DRF's checks and messages
    (403, not 401: the session authentication comes first and names no challenge)."""
    other = django_user_model.objects.create_user("jiro", password="pw-12345678")
    mine, theirs = Token.objects.create(user=student), Token.objects.create(user=other)
    from rest_framework.test import APIRequestFactory

    from accounts.tokens import ExpiringTokenAuthentication

    for token, user in ((mine, student), (theirs, other)):
        api = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE="en")
        assert api.get("/api/v1/progress/").status_code == 200
        request = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {token.key}")
        assert ExpiringTokenAuthentication().authenticate(request) == (user, token)
    wrong = APIClient(HTTP_AUTHORIZATION="Token " + "0" * 40, HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/progress/")
    assert wrong.status_code == 403 and wrong.json()["detail"] == "Invalid token."
    long = APIClient(HTTP_AUTHORIZATION="Token " + "x" * 400, HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/progress/")
    assert long.status_code == 403
    other.is_active = False
    other.save()
    inactive = APIClient(HTTP_AUTHORIZATION=f"Token {theirs.key}", HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/progress/")
    assert inactive.status_code == 403 and inactive.json()["detail"] == "User inactive or deleted."
