"""Guessing join codes, signing up and asking for password resets are rate-limited per user and per
address, counted in the cache every app server shares (the database when there is no Redis)."""

import pytest
from django.core.cache import caches
from django.test import Client
from rest_framework.test import APIClient

from civiclearn.throttling import JoinPerUser
from quizzes.models import Membership
from quizzes.services.classes import class_create

pytestmark = pytest.mark.django_db


def test_join_guesses_are_limited_per_user(student, teacher, settings):
    school_class = class_create(teacher=teacher, name="1組")
    api = APIClient()
    api.force_authenticate(student)
    statuses = [api.post("/api/v1/classes/join/", {"join_code": f"XXXXX{n}"}, format="json").status_code
                for n in range(5)]
    assert statuses == [400] * 5
    # the sixth, even with the right code, waits: a guesser gets 5 a minute, not 9,574
    response = api.post("/api/v1/classes/join/", {"join_code": school_class.join_code}, format="json")
    assert response.status_code == 429 and not Membership.objects.exists()
    key = JoinPerUser().cache_format % {"scope": "join_user", "ident": student.pk}
    assert len(caches["shared"].get(key)) == 5  # counted where every worker counts
    assert settings.CACHES["shared"]["BACKEND"].endswith(("DatabaseCache", "RedisCache"))


def test_join_guesses_are_limited_per_address_across_accounts(django_user_model, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "join_address": "8/minute"}}
    api = APIClient()
    statuses = []
    for n in range(3):
        api.force_authenticate(django_user_model.objects.create_user(f"guesser{n}", password="pw-12345678"))
        statuses += [api.post("/api/v1/classes/join/", {"join_code": "ZZZZZZ"}, format="json").status_code
                     for _ in range(3)]
    assert statuses == [400] * 8 + [429]


def test_the_join_form_answers_429_with_a_page_that_says_when(student_client):
    for _ in range(5):
        assert student_client.post("/classes/join/", {"join_code": "XXXXXX"}).status_code == 302
    response = student_client.post("/classes/join/", {"join_code": "XXXXXX"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "分後にもう一度" in response.content.decode()


def test_sign_up_and_password_reset_are_limited_per_address(db, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "signup_address": "3/hour",
        "password_reset_address": "2/hour"}}
    client = Client()
    signups = [client.post("/accounts/signup/", {"username": f"new{n}", "password1": "atarashii-kagi-42",
                                                 "password2": "atarashii-kagi-42"}).status_code for n in range(4)]
    client.logout()
    assert signups[:3] != [429] * 3 and signups[3] == 429
    resets = [Client().post("/accounts/password_reset/", {"email": "x@example.org"}).status_code for _ in range(3)]
    assert resets == [302, 302, 429]
