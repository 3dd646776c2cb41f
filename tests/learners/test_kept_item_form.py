"""The item form kept per version and option order (quizzes/presentation/item_forms.py): the page with
it is the page rendered afresh, for every kind of item, option order, language and furigana setting;
one masked CSRF token per page, and one the CSRF check accepts."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from civiclearn.kept_pages import forget_all
from quizzes.models import Answer, AttemptItem, Item
from quizzes.services.practice import attempt_create
from tests.conftest import form_answer, request_as, without_csrf_tokens

pytestmark = pytest.mark.django_db
KINDS = ["single_choice", "multiple_response", "true_false", "ordering", "matching", "short_answer", "cloze"]


def _form_of(page: str) -> str:
    return re.search(r'<form method="post" class="item-form">.*?</form>', page, re.S).group(0)


def _fresh_form(student, slot, *, furigana=False) -> str:
    from quizzes.presentation.attempt_items import shown_item

    request = request_as(student, "/")
    return render_to_string("includes/_item_form.html", {"shown": shown_item(slot, reveal=False),
                                                         "furigana": furigana}, request=request)


def _slots_of_every_kind(student):
    items = [Item.objects.filter(kind=kind, status=Item.Status.PUBLISHED).first() for kind in KINDS]
    attempt = attempt_create(learner=student, items=[item for item in items if item is not None], mode="practice")
    return list(attempt.slots.select_related("version").order_by("position"))


def _item_url(slot):
    return reverse("quizzes:item", kwargs={"attempt_id": slot.attempt_id, "position": slot.position})


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_kind_of_item_is_shown_the_form_rendered_afresh(student_client, student, seed_bank, language):
    slots = _slots_of_every_kind(student)
    assert len(slots) >= 6
    for slot in slots:
        for _ in range(2):  # the rendering, then the kept copy
            with translation.override(language):
                page = student_client.get(_item_url(slot), HTTP_ACCEPT_LANGUAGE=language).content.decode()
                fresh = _fresh_form(student, slot)
            assert without_csrf_tokens(_form_of(page)) == without_csrf_tokens(_form_of(fresh)), slot.version.kind


def test_another_option_order_is_another_form(student_client, student, seed_bank):
    slot = next(s for s in _slots_of_every_kind(student) if s.version.kind == "single_choice")
    first = _form_of(student_client.get(_item_url(slot)).content.decode())
    AttemptItem.objects.filter(pk=slot.pk).update(option_order=list(reversed(slot.option_order)))
    reversed_form = _form_of(student_client.get(_item_url(slot)).content.decode())
    assert reversed_form != first
    slot.refresh_from_db()
    assert without_csrf_tokens(reversed_form) == without_csrf_tokens(_form_of(_fresh_form(student, slot)))


def test_furigana_on_is_another_form(student_client, student, seed_bank):
    slot = next(s for s in _slots_of_every_kind(student) if s.version.kind == "single_choice")
    plain = _form_of(student_client.get(_item_url(slot)).content.decode())
    student_client.post(reverse("reading"), {"furigana": "on", "next": "/"})
    with_readings = _form_of(student_client.get(_item_url(slot)).content.decode())
    assert "<ruby>" in with_readings and "<ruby>" not in plain
    assert without_csrf_tokens(with_readings) == without_csrf_tokens(_form_of(_fresh_form(student, slot, furigana=True)))


def test_a_page_masks_its_token_once_and_the_kept_form_s_token_is_accepted(student, seed_bank):
    forget_all()
    slot = _slots_of_every_kind(student)[0]
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    for _ in range(2):  # rendered, then kept: each page its own token
        page = client.get(_item_url(slot)).content.decode()
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert len(tokens) == 1 and len(re.findall("csrfmiddlewaretoken", page)) >= 3  # header, form, finish
    answered = client.post(_item_url(slot), {**form_answer(slot), "csrfmiddlewaretoken": tokens.pop()})
    assert answered.status_code == 302 and Answer.objects.filter(slot=slot).exists()
