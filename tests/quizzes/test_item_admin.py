"""Reviewing the bank in the admin: filters, preview, findings, versioned edits, bulk actions."""

import json

import pytest
from django.urls import reverse

from quizzes.models import Item

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:quizzes_item_changelist")


def change_url(item):
    return reverse("admin:quizzes_item_change", args=[item.pk])


@pytest.mark.parametrize(("query", "expected"), [
    ({"skill__exact": "goal"}, lambda qs: qs.filter(skill="goal")),
    ({"kind__exact": "matching"}, lambda qs: qs.filter(kind="matching")),
    ({"status__exact": "published"}, lambda qs: qs.filter(status="published")),
    ({"section__id__exact": "SECTION"}, lambda qs: qs.filter(section__number=2)),
    ({"q": "スマートフォン"}, lambda qs: qs.filter(prompt__contains="スマートフォン")
     | qs.filter(explanation__contains="スマートフォン") | qs.filter(key__contains="スマートフォン")
     | qs.filter(source_text__contains="スマートフォン")),
])
def test_the_bank_filters_and_searches(staff_client, seed_bank, query, expected):
    if "section__id__exact" in query:
        query = {"section__id__exact": seed_bank.sections.get(number=2).pk}
    response = staff_client.get(CHANGELIST, {**query, "chapter__id__exact": seed_bank.pk})
    assert response.status_code == 200
    assert response.context["cl"].result_count == expected(Item.objects.all()).distinct().count() > 0


def test_the_flawed_filter(staff_client, seed_bank):
    Item.objects.filter(kind="ordering").update(findings=[{"rule": "length_cue", "message": "planted"}])
    response = staff_client.get(CHANGELIST, {"flawed": "yes"})
    assert response.context["cl"].result_count == Item.objects.filter(kind="ordering").count()


def test_the_changelist_runs_bounded_queries(staff_client, seed_bank, django_assert_max_num_queries):
    # session, user, count, filtered count, page of items with chapter and section, filter choices
    with django_assert_max_num_queries(12):
        assert staff_client.get(CHANGELIST, {"all": ""}).status_code == 200


def test_the_change_page_previews_the_item_and_shows_the_key_and_findings(staff_client, seed_bank):
    item = Item.objects.get(key__contains="event-to-year:平成13年度")
    Item.objects.filter(pk=item.pk).update(findings=[{"rule": "length_cue", "message": "The key stands out"}])
    page = staff_client.get(change_url(item)).content.decode()
    assert "次の文の（　）にあてはまる年度はどれですか。" in page and "2001年度" in page
    assert "正答だけ長さが目立つ: The key stands out" in page  # the rule translated, the detail as the checker said it
    assert reverse("content:section", kwargs={"slug": seed_bank.slug, "number": 2}) in page


def option_text(item, option_id):
    return next(option["text"] for option in item.options if option["id"] == option_id)


def form_data(item, **changes):
    data = {
        "kind": item.kind, "prompt": item.prompt, "options": json.dumps(item.options, ensure_ascii=False),
        "left_options": json.dumps(item.left_options, ensure_ascii=False),
        "answer": json.dumps(item.answer, ensure_ascii=False), "explanation": item.explanation,
        "answer_forms": json.dumps(item.answer_forms, ensure_ascii=False), "difficulty": item.difficulty,
        "source_text": item.source_text, "versions-TOTAL_FORMS": 1, "versions-INITIAL_FORMS": 1,
        "versions-MIN_NUM_FORMS": 0, "versions-MAX_NUM_FORMS": 1000,
        "versions-0-id": item.versions.get().pk, "versions-0-item": item.pk,
    }
    if item.negative:
        data["negative"] = "on"
    keys = set(item.answer) if isinstance(item.answer, list | dict) else {item.answer}
    if item.kind in ("single_choice", "cloze", "multiple_response", "ordering"):  # one row per option
        for index, option in enumerate(item.options):
            data[f"option_{index}"] = option["text"]
            if option["id"] in keys:
                data[f"key_{index}"] = "on"
    elif item.kind == "matching":  # a row per description, a row per entry choosing one by number
        numbers = {option["id"]: index for index, option in enumerate(item.options)}
        for index, option in enumerate(item.options):
            data[f"option_{index}"] = option["text"]
        for index, entry in enumerate(item.left_options):
            data[f"entry_{index}"] = entry["text"]
            data[f"match_{index}"] = numbers[item.answer[entry["id"]]]
    elif item.kind == "true_false":
        data["true_or_false"] = "true" if item.answer else "false"
    elif item.kind == "short_answer":
        data["accepted"] = "\n".join(item.answer)
    return {**data, **changes}


def test_editing_saves_a_new_version_marked_edited(staff_client, seed_bank):
    item = Item.objects.get(key__contains="true-false-other:スマートフォン")
    response = staff_client.post(change_url(item), form_data(item, explanation="携帯電話の機能を拡張した端末。"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.edited and item.version == 2 and item.explanation == "携帯電話の機能を拡張した端末。"
    assert list(item.versions.values_list("origin", flat=True)) == ["generated", "edited"]


def test_a_malformed_edit_is_refused_with_the_reason(staff_client, seed_bank):
    item = Item.objects.get(key__contains="event-to-year:平成13年度")
    no_key = {name: value for name, value in form_data(item).items() if not name.startswith("key_")}
    response = staff_client.post(change_url(item), no_key)
    assert response.status_code == 200 and "正解が選択肢にありません。" in response.content.decode()
    item.refresh_from_db()
    assert item.version == 1 and not item.edited


def test_a_flawed_edit_is_kept_as_a_draft_with_a_warning(staff_client, seed_bank):
    item = Item.objects.get(key__contains="event-to-year:平成13年度")
    response = staff_client.post(change_url(item), form_data(item, prompt="平成13年度（2001年度）のことですか。"),
                                 follow=True)
    item.refresh_from_db()
    assert item.status == "draft" and item.findings[0]["rule"] == "answer_in_stem"
    assert "チェッカーが問題点を見つけた" in response.content.decode()


def test_publish_refuses_flawed_items_and_retire_works_in_bulk(staff_client, seed_bank):
    flawed = Item.objects.get(key__contains="event-to-year:平成13年度")
    flawed.prompt = "平成13年度（2001年度）の（　）はどれですか。"
    flawed.status = "draft"
    flawed.save()
    clean = Item.objects.filter(kind="ordering")
    clean.update(status="draft")
    ids = [flawed.pk, *clean.values_list("pk", flat=True)]
    response = staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": ids}, follow=True)
    assert "公開しませんでした" in response.content.decode()
    assert Item.objects.get(pk=flawed.pk).status == "draft"
    assert set(Item.objects.filter(kind="ordering").values_list("status", flat=True)) == {"published"}
    staff_client.post(CHANGELIST, {"action": "retire", "_selected_action": ids})
    assert set(Item.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"retired"}


def test_items_are_neither_added_nor_deleted_in_the_admin(staff_client, seed_bank):
    item = Item.objects.first()
    assert staff_client.get(reverse("admin:quizzes_item_add")).status_code == 403
    assert staff_client.get(reverse("admin:quizzes_item_delete", args=[item.pk])).status_code == 403


def test_a_student_cannot_reach_the_bank(client, seed_bank, django_user_model):
    student = django_user_model.objects.create_user("student", password="pw-12345678")
    client.force_login(student)
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("model", ["schoolclass", "quizset", "assignment", "attempt"])
def test_the_teaching_models_have_admin_lists(staff_client, model):
    assert staff_client.get(reverse(f"admin:quizzes_{model}_changelist"), {"q": "x"}).status_code == 200


def test_options_and_the_key_are_edited_as_fields(staff_client, seed_bank):
    item = Item.objects.get(key__contains="event-to-year:平成13年度")
    page = staff_client.get(change_url(item)).content.decode()
    assert 'name="option_0"' in page and 'name="key_0"' in page and '<textarea name="options"' not in page
    data = form_data(item)
    key_row = next(index for index, option in enumerate(item.options) if option["id"] == item.answer)
    other = (key_row + 1) % len(item.options)
    data[f"option_{other}"] = "1800年度"  # one distractor rewritten, in its own row
    response = staff_client.post(change_url(item), data)
    assert response.status_code == 302
    item.refresh_from_db()
    texts = [option["text"] for option in item.options]
    assert "1800年度" in texts and option_text(item, item.answer) == "2001年度"  # the key kept, ids made opaque
    assert item.edited and item.version == 2


def test_the_checker_verdict_is_shown_before_saving(staff_client, seed_bank):
    item = Item.objects.get(key__contains="event-to-year:平成13年度")
    flawed = form_data(item, prompt="平成13年度（2001年度）のことですか。", _check="1")
    response = staff_client.post(change_url(item), flawed)
    assert response.status_code == 200 and "問題文に正答が含まれている" in response.content.decode()
    clean = staff_client.post(change_url(item), form_data(item, _check="1"))
    assert "チェッカーはこの編集に問題を見つけませんでした" in clean.content.decode()
    item.refresh_from_db()
    assert item.version == 1 and not item.edited  # checking saved nothing


@pytest.mark.parametrize("kind", ["true_false", "short_answer", "ordering", "matching"])
def test_each_kind_edits_its_key_without_json(staff_client, seed_bank, kind):
    item = Item.objects.filter(kind=kind, status="published").first()
    data = form_data(item)
    if kind == "true_false":
        data["true_or_false"] = "false" if item.answer else "true"
    elif kind == "short_answer":
        data["accepted"] += "\nもう一つの答え"
    elif kind == "matching":
        data["match_0"], data["match_1"] = data["match_1"], data["match_0"]  # the first two entries swap
    else:
        data["option_0"], data["option_1"] = data["option_1"], data["option_0"]  # another order
    assert staff_client.post(change_url(item), data).status_code == 302
    before = item.answer
    item.refresh_from_db()
    if kind == "true_false":
        assert item.answer is (not before)
    elif kind == "short_answer":
        assert item.answer[-1] == "もう一つの答え"
    elif kind == "matching":
        first, second = item.left_options[0]["id"], item.left_options[1]["id"]
        assert option_text(item, item.answer[first]) == data["option_" + str(data["match_0"])]
        assert option_text(item, item.answer[second]) == data["option_" + str(data["match_1"])]
    else:
        assert [option_text(item, option_id) for option_id in item.answer][:2] == [data["option_0"], data["option_1"]]
