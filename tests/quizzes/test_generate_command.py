"""generate_items and import_chapter: the report, the JSON contract, and clear errors."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quizzes.models import Item
from tests.conftest import SEED

pytestmark = pytest.mark.django_db

KINDS = {"single_choice", "multiple_response", "true_false", "ordering", "matching", "short_answer", "cloze"}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def answer_fits(item) -> bool:
    ids = [option["id"] for option in item["options"]]
    answer = item["answer"]
    return {
        "single_choice": lambda: answer in ids,
        "cloze": lambda: answer in ids,
        "multiple_response": lambda: set(answer) <= set(ids) and len(answer) >= 1,
        "true_false": lambda: isinstance(answer, bool),
        "ordering": lambda: sorted(answer) == sorted(ids),
        "matching": lambda: sorted(answer) == sorted(o["id"] for o in item["left"]) and set(answer.values()) <= set(ids),
        "short_answer": lambda: all(isinstance(form, str) for form in answer) and len(answer) >= 1,
    }[item["kind"]]()


def test_json_prints_every_item_in_the_contracts_shape(imported_seed):
    items = json.loads(run("generate_items", "--chapter", "sapporo-ict-chapter1", "--json"))
    assert len(items) == Item.objects.count() >= 80
    for item in items:
        assert {"key", "kind", "skill", "status", "prompt", "options", "answer", "explanation", "source"} <= set(item)
        assert item["kind"] in KINDS and item["skill"] in {"definition", "date", "goal"}
        assert item["status"] == "published" and answer_fits(item), item["key"]
        assert set(item["source"]) >= {"chapter", "section", "term", "event", "goal_list"}
        assert item["source"]["chapter"] == "sapporo-ict-chapter1"
    year = next(item for item in items if "typed-year:平成９年" in item["key"])
    assert year["answer"] == ["1997", "1997年", "平成9年", "平成９年", "H9"]
    assert year["source"] == {"chapter": "sapporo-ict-chapter1", "section": 2, "term": None,
                              "event": {"year": 1997, "text": "平成９年（1997年）12月"}, "goal_list": None}
    goal = next(item for item in items if item["skill"] == "goal")
    assert goal["source"]["goal_list"] == 1


def test_dry_run_json_shows_what_would_be_written(imported_seed):
    Item.objects.all().delete()
    items = json.loads(run("generate_items", "--dry-run", "--json"))
    assert len(items) >= 80 and Item.objects.count() == 0
    assert all(answer_fits(item) for item in items)


def test_the_report_counts_by_skill_kind_and_status(imported_seed):
    first = run("generate_items", "--chapter", "sapporo-ict-chapter1")
    out = run("generate_items", "--chapter", "sapporo-ict-chapter1")
    count = Item.objects.count()
    assert f"作成 {count}、更新 0、変更なし 0" in first
    assert f"作成 0、更新 0、変更なし {count}、廃止 0" in out
    assert "技能別: 年代" in out and "形式別: 穴埋め" in out and "状態別: 公開" in out  # the labels in Japanese too


def test_rejected_items_are_listed_with_their_reasons(imported_seed, monkeypatch):
    from quizzes.generation import checker, pipeline
    from quizzes.generation.checker.findings import Finding

    def strict(draft):
        found = checker.check_item(draft)
        return [*found, Finding("length_cue", "planted")] if draft.kind == "ordering" else found

    monkeypatch.setattr(pipeline, "check_item", strict)
    out = run("generate_items")
    assert "公開しなかった問題" in out and ":date:ordering:" in out and "正答だけ長さが目立つ: planted" in out
    assert Item.objects.filter(kind="ordering", status="draft").count() == Item.objects.filter(kind="ordering").count()


def test_import_chapter_generates_the_items(db):
    out = run("import_chapter", str(SEED))
    assert "sapporo-ict-chapter1 の問題" in out and Item.objects.count() >= 80


def test_import_dry_run_writes_neither_lessons_nor_items(db):
    out = run("import_chapter", str(SEED), "--dry-run")
    assert "試行のみ" in out and Item.objects.count() == 0


def test_unknown_chapter_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No chapters yet"):
        run("generate_items")
    with pytest.raises(CommandError, match="no-such"):
        run("generate_items", "--chapter", "no-such")
