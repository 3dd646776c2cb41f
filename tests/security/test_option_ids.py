"""Option ids are opaque: sorting them, or reading them in order, never answers an item."""

import itertools
import re
import types
import uuid

import pytest
from rest_framework.test import APIClient

from quizzes.forms.teaching import item_fields
from quizzes.generation.scoring import score_response
from quizzes.models import Item
from quizzes.services.chapter_publishing import chapters_regenerate
from quizzes.services.quiz_sets import item_write, quiz_set_create

pytestmark = pytest.mark.django_db
OPAQUE = re.compile(r"^[0-9a-f]{8}$")


@pytest.fixture(autouse=True)
def fixed_item_keys(monkeypatch):
    """A teacher's item key has a random part, and its option ids hash the key: fixed here, so the
    score of the sorted ids is the same every run (with positional ids it would be 1.0 every run)."""
    numbers = itertools.count(20261201)
    fixed = types.SimpleNamespace(uuid4=lambda: uuid.UUID(int=next(numbers) << 80))
    monkeypatch.setattr("quizzes.services.quiz_sets.uuid", fixed)


def sorted_ids_score(item: Item) -> float:
    """What a learner scores by answering with the ids in sorted order."""
    options = sorted(option["id"] for option in item.options)
    left = sorted(entry["id"] for entry in item.left_options)
    guess = dict(zip(left, options, strict=False)) if item.kind == "matching" else options
    return score_response(item.kind, item.answer, [o["id"] for o in item.options],
                          [o["id"] for o in item.left_options], guess).score


def written(teacher, chapter, kind, lines):
    fields = item_fields(kind, "\n".join(lines), "")
    return item_write(author=teacher, chapter=chapter, section=None, kind=kind, skill="date",
                      prompt="次を正しく並べてください。" if kind == "ordering" else "それぞれに合うものを選んでください。",
                      explanation="本文のとおり。", **fields)


def test_a_teachers_ordering_and_matching_items_get_opaque_ids(teacher, seed_bank):
    ordering = written(teacher, seed_bank, "ordering", ["平成９年", "平成13年", "平成18年", "平成25年", "令和元年"])
    matching = written(teacher, seed_bank, "matching", ["ICT = 情報通信技術", "AI = 人工知能", "IoT = モノのインターネット",
                                                        "SNS = 交流サイト"])
    for item in (ordering, matching):
        ids = [o["id"] for o in item.options] + [e["id"] for e in item.left_options]
        assert all(OPAQUE.match(option_id) for option_id in ids)
        assert sorted_ids_score(item) < 1.0
    assert ordering.options[0]["text"] == "平成９年"  # the text keeps the order it was written in
    assert ordering.versions.get().options == ordering.options  # the stored version holds the same ids


def test_items_written_through_the_api_get_opaque_ids_too(teacher, seed_bank):
    quiz_set = quiz_set_create(owner=teacher, title="並べ替え")
    api = APIClient()
    api.force_authenticate(teacher)
    options = [{"id": str(n), "text": text} for n, text in enumerate(["一", "二", "三", "四"], start=1)]
    response = api.post(f"/api/v1/quiz-sets/{quiz_set.pk}/write-item/", {
        "chapter": seed_bank.slug, "kind": "ordering", "skill": "date", "prompt": "漢数字を小さい順に並べてください。",
        "options": options, "answer": ["1", "2", "3", "4"], "explanation": "一、二、三、四の順。"}, format="json")
    assert response.status_code == 200, response.content
    item = Item.objects.get(author=teacher)
    assert all(OPAQUE.match(o["id"]) for o in item.options) and sorted_ids_score(item) < 1.0
    assert item.answer == [o["id"] for o in item.options]  # the key still follows the written order


def test_generated_items_have_opaque_ids_stable_across_regeneration(seed_bank):
    before = dict(Item.objects.filter(chapter=seed_bank).values_list("key", "options"))
    chapters_regenerate(chapters=[seed_bank])
    assert dict(Item.objects.filter(chapter=seed_bank).values_list("key", "options")) == before
    for item in Item.objects.filter(chapter=seed_bank).exclude(options=[]):
        assert all(OPAQUE.match(o["id"]) for o in item.options), item.key
        if item.kind in ("ordering", "matching"):
            assert sorted_ids_score(item) < 1.0, item.key
