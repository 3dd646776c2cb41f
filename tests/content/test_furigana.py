"""Furigana for young readers: off by default, a per-reader setting, <ruby> over kanji only, in the
lessons and in the items — and the cached lesson is never shared between the two settings."""

import re

import pytest
from django.urls import reverse

from accounts.models import ReaderSettings
from quizzes.models import Item
from quizzes.services.practice import attempt_create

pytestmark = pytest.mark.django_db
LESSON = reverse("content:section", kwargs={"slug": "sapporo-ict-chapter1", "number": 2})


def _turn(client, on, back=LESSON):
    return client.post(reverse("reading"), {"furigana": "on" if on else "off", "next": back})


def test_off_by_default_then_on_for_this_reader_only(client, seed_bank, student, django_user_model):
    assert "<ruby>" not in client.get(LESSON).content.decode().split('<article class="lesson">')[1]
    client.force_login(student)
    response = _turn(client, True)
    assert response.status_code == 302 and response["Location"] == LESSON
    lesson = client.get(LESSON).content.decode().split('<article class="lesson">')[1].split("</article>")[0]
    assert "<ruby>札幌市<rt>さっぽろし</rt></ruby>" in lesson
    assert not re.search(r"<ruby>[^<]*[ァ-ヺ][^<]*<rt>", lesson)  # never over katakana
    assert ReaderSettings.objects.get(user=student).furigana is True
    other = django_user_model.objects.create_user("jiro", password="pw-12345678")
    client.logout()
    client.force_login(other)  # the cached lesson with furigana is not what another reader gets
    assert "<ruby>札幌市" not in client.get(LESSON).content.decode().split('<article class="lesson">')[1]


def test_the_setting_follows_the_reader_to_another_device(client, seed_bank, student):
    client.force_login(student)
    _turn(client, True)
    from django.test import Client

    elsewhere = Client()
    elsewhere.post(reverse("login"), {"username": "hanako", "password": "pw-12345678"})
    assert "<ruby>" in elsewhere.get(LESSON).content.decode().split('<article class="lesson">')[1]
    _turn(elsewhere, False)
    assert "<ruby>" not in elsewhere.get(LESSON).content.decode().split('<article class="lesson">')[1]


def test_items_carry_furigana_too(client, seed_bank, student):
    item = Item.objects.filter(kind="single_choice", skill="date", status="published").first()
    attempt = attempt_create(learner=student, items=[item])
    client.force_login(student)
    page = reverse("quizzes:item", kwargs={"attempt_id": attempt.pk, "position": 1})
    assert "<rt>" not in client.get(page).content.decode().split("<legend")[1].split("</legend>")[0]
    _turn(client, True, back=page)
    legend = client.get(page).content.decode().split("<legend")[1].split("</legend>")[0]
    assert "<ruby>" in legend and "<rt>" in legend


def test_no_redirect_to_another_site(client):
    response = client.post(reverse("reading"), {"furigana": "on", "next": "https://evil.example/"})
    assert response["Location"] == "/"
