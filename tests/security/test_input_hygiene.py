"""Malformed input gets a 400 that names the problem, never a 500: deep JSON, NUL, lone surrogates and
control characters in any field, oversized items, odd path values."""

import json

import pytest
from rest_framework.test import APIClient

from quizzes.models import Answer, Item
from quizzes.services.practice import attempt_create
from quizzes.services.quiz_sets import quiz_set_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


@pytest.fixture
def session(student, seed_bank):
    item = Item.objects.filter(kind="short_answer").first()
    return attempt_create(learner=student, items=[item]), item


def post_json(api, url, body: str):
    return api.post(url, body, content_type="application/json")


def test_json_nested_100000_deep_is_a_400(api, session):
    attempt, item = session
    body = f'{{"item": {item.pk}, "response": {"[" * 100_000}{"]" * 100_000}}}'
    response = post_json(api, f"/api/v1/practice-sessions/{attempt.pk}/answers/", body)
    assert response.status_code == 400 and "deep" in response.json()["detail"]
    assert not Answer.objects.exists()


@pytest.mark.parametrize("text", ["\\u0000", "\\ud800", "a\\u0007b"])
def test_nul_surrogates_and_control_characters_in_json_are_a_400_naming_the_place(api, session, text):
    attempt, item = session
    body = f'{{"item": {item.pk}, "response": "{text}"}}'
    response = post_json(api, f"/api/v1/practice-sessions/{attempt.pk}/answers/", body)
    assert response.status_code == 400 and "$.response" in response.json()["detail"]
    assert not Answer.objects.exists()


def test_tabs_and_line_breaks_are_text(api, session):
    attempt, item = session
    body = json.dumps({"item": item.pk, "response": "一\t二\nさん"})
    assert post_json(api, f"/api/v1/practice-sessions/{attempt.pk}/answers/", body).status_code == 201


def test_control_characters_in_form_and_query_fields_are_a_400(student_client, teacher, client, seed_bank):
    response = student_client.post("/classes/join/", {"join_code": "AB\x07CD"})
    assert response.status_code == 400 and "join_code" in response.content.decode()
    client.force_login(teacher)
    quiz_set = quiz_set_create(owner=teacher, title="確認")
    assert client.get(f"/teach/sets/{quiz_set.pk}/", {"q": "札幌\x00"}).status_code == 400
    assert client.get(f"/teach/sets/{quiz_set.pk}/", {"q": "札幌"}).status_code == 200


def test_a_nul_in_a_path_is_a_404(client, seed_bank):
    assert client.get("/api/v1/chapters/%00/").status_code == 404
    assert client.get("/chapters/%00/").status_code == 404


def test_an_item_with_5000_options_is_refused_at_once(teacher, seed_bank):
    quiz_set = quiz_set_create(owner=teacher, title="大量")
    api = APIClient()
    api.force_authenticate(teacher)
    options = [{"id": str(n), "text": f"選択肢{n}"} for n in range(5000)]
    response = api.post(f"/api/v1/quiz-sets/{quiz_set.pk}/write-item/", {
        "chapter": seed_bank.slug, "kind": "single_choice", "skill": "definition", "prompt": "どれですか。",
        "options": options, "answer": "1", "explanation": "説明。"}, format="json")
    assert response.status_code == 400 and "12" in response.json()["options"][0]
    assert not Item.objects.filter(author=teacher).exists()


def test_the_checker_refuses_more_than_12_options_wherever_an_item_comes_from(teacher, seed_bank):
    from django.core.exceptions import ValidationError

    from quizzes.services.quiz_sets import item_write

    options = [{"id": str(n), "text": f"選択肢{n}"} for n in range(13)]
    with pytest.raises(ValidationError, match="12"):
        item_write(author=teacher, chapter=seed_bank, section=None, kind="single_choice", skill="definition",
                   prompt="どれですか。", options=options, answer="1", explanation="説明。")
