"""The teachers' API per role, the builder through it, results, CSV-free export round trips."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.test import APIClient

from quizzes.models import Item, Membership, QuizSet
from tests.conftest import json_answer
from tests.teachers.gift_reader import read_gift

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def other_teacher(django_user_model):
    user = django_user_model.objects.create_user("sensei2", password="pw-12345678")
    user.groups.add(Group.objects.get_or_create(name="teachers")[0])
    return user


@pytest.fixture
def built(teacher, seed_bank):
    """A class and a set built through the API: one item of each exportable kind, one ordering item."""
    api = client_for(teacher)
    school_class = api.post("/api/v1/classes/", {"name": "3年1組"}, format="json").json()
    quiz_set = api.post("/api/v1/quiz-sets/", {"title": "第1章: 確認", "feedback": "immediately",
                                               "attempts_allowed": 0}, format="json").json()
    for kind in ("single_choice", "multiple_response", "true_false", "short_answer", "matching", "cloze",
                 "ordering"):
        item = Item.objects.filter(kind=kind, status="published").order_by("id").first()
        assert api.post(f"/api/v1/quiz-sets/{quiz_set['id']}/add-item/", {"item": item.pk},
                        format="json").status_code == 200
    return api, school_class, quiz_set


def test_a_teacher_builds_assigns_and_a_student_takes_it(built, student, teacher):
    api, school_class, quiz_set = built
    joined = client_for(student).post("/api/v1/classes/join/", {"join_code": school_class["join_code"].lower()},
                                      format="json")
    assert joined.status_code == 200 and joined.json()["name"] == "3年1組" and "join_code" not in joined.json()
    now = timezone.now()
    created = api.post("/api/v1/assignments/", {"quiz_set": quiz_set["id"], "school_class": school_class["id"],
                                                "open_at": now - timedelta(hours=1),
                                                "close_at": now + timedelta(days=1)}, format="json")
    assert created.status_code == 201
    pupil = client_for(student)
    mine = pupil.get("/api/v1/assignments/").json()
    assert [(row["title"], row["status"]) for row in mine] == [("第1章: 確認", "not_started")]
    session = pupil.post(f"/api/v1/assignments/{created.json()['id']}/start/").json()
    assert len(session["items"]) == 7 and all(item["feedback"] is None for item in session["items"])
    from quizzes.models import AttemptItem

    for slot in AttemptItem.objects.filter(attempt_id=session["id"]).select_related("version"):
        answered = pupil.post(f"/api/v1/practice-sessions/{session['id']}/answers/",
                              {"item": slot.item_id, "response": json_answer(slot)}, format="json")
        assert answered.status_code == 201 and answered.json()["correct"] is True
    pupil.post(f"/api/v1/practice-sessions/{session['id']}/finish/")
    after = pupil.get("/api/v1/assignments/").json()[0]
    assert after == {**mine[0], "status": "submitted", "attempts": 1, "grade": 1.0, "next_step": after["next_step"]}
    assert mine[0]["next_step"] == "start" and after["next_step"] == "retake"  # attempts_allowed 0: unlimited
    results = api.get(f"/api/v1/quiz-sets/{quiz_set['id']}/results/").json()
    assert results["students"][0]["username"] == "hanako" and results["students"][0]["grade"] == 1.0
    assert len(results["items"]) == 7 and all(row["facility"] == 1.0 for row in results["items"])


def test_feedback_after_submitting_is_withheld_until_then(built, student):
    api, school_class, quiz_set = built
    api.patch(f"/api/v1/quiz-sets/{quiz_set['id']}/", {"feedback": "after_submit"}, format="json")
    client_for(student).post("/api/v1/classes/join/", {"join_code": school_class["join_code"]}, format="json")
    now = timezone.now()
    assignment = api.post("/api/v1/assignments/", {"quiz_set": quiz_set["id"], "school_class": school_class["id"],
                                                   "open_at": now - timedelta(hours=1),
                                                   "close_at": now + timedelta(days=1)}, format="json").json()
    pupil = client_for(student)
    session = pupil.post(f"/api/v1/assignments/{assignment['id']}/start/").json()
    from quizzes.models import AttemptItem

    slot = AttemptItem.objects.filter(attempt_id=session["id"]).select_related("version").first()
    answered = pupil.post(f"/api/v1/practice-sessions/{session['id']}/answers/",
                          {"item": slot.item_id, "response": json_answer(slot)}, format="json").json()
    assert answered["recorded"] is True and "answer" not in answered and "correct" not in answered
    shown = pupil.get(f"/api/v1/practice-sessions/{session['id']}/").json()["items"][slot.position - 1]
    assert "answer" not in shown["feedback"] and "explanation" not in shown["feedback"]
    pupil.post(f"/api/v1/practice-sessions/{session['id']}/finish/")
    shown = pupil.get(f"/api/v1/practice-sessions/{session['id']}/").json()["items"][slot.position - 1]
    assert shown["feedback"]["answer"] == slot.version.answer


def test_another_teachers_class_and_set_are_404(built, other_teacher):
    _api, school_class, quiz_set = built
    other = client_for(other_teacher)
    assert other.get(f"/api/v1/classes/{school_class['id']}/").status_code == 404
    assert other.get(f"/api/v1/quiz-sets/{quiz_set['id']}/").status_code == 404
    assert other.get(f"/api/v1/quiz-sets/{quiz_set['id']}/results/").status_code == 404
    assert other.get(f"/api/v1/quiz-sets/{quiz_set['id']}/export/?format=gift").status_code == 404
    assert other.post(f"/api/v1/classes/{school_class['id']}/renew-code/").status_code == 404
    assert other.post("/api/v1/assignments/", {"quiz_set": quiz_set["id"], "school_class": school_class["id"],
                                               "open_at": timezone.now(), "close_at": timezone.now() + timedelta(1)},
                      format="json").status_code == 400
    assert other.get("/api/v1/classes/").json()["count"] == 0


def test_students_cannot_use_teachers_endpoints(built, student):
    _api, _school_class, quiz_set = built
    pupil = client_for(student)
    assert pupil.get("/api/v1/quiz-sets/").status_code == 403
    assert pupil.post("/api/v1/classes/", {"name": "x"}, format="json").status_code == 403
    assert pupil.get(f"/api/v1/quiz-sets/{quiz_set['id']}/results/").status_code == 403
    assert pupil.get("/api/v1/classes/").json()["count"] == 0  # not joined yet
    assert pupil.post("/api/v1/classes/join/", {"join_code": "ZZZZZZ"}, format="json").status_code == 400


def test_the_roster_removal_and_code_renewal(built, student):
    api, school_class, _set = built
    client_for(student).post("/api/v1/classes/join/", {"join_code": school_class["join_code"]}, format="json")
    roster = api.get(f"/api/v1/classes/{school_class['id']}/").json()["students"]
    assert [row["username"] for row in roster] == ["hanako"]
    renewed = api.post(f"/api/v1/classes/{school_class['id']}/renew-code/").json()
    assert renewed["join_code"] != school_class["join_code"]
    api.post(f"/api/v1/classes/{school_class['id']}/remove-student/", {"student": student.pk}, format="json")
    assert not Membership.objects.exists()


def test_the_builder_through_the_api(built, seed_bank):
    api, _class, quiz_set = built
    url = f"/api/v1/quiz-sets/{quiz_set['id']}"
    body = api.post(f"{url}/add-random/", {"chapter": seed_bank.slug, "skill": "goal", "count": 2},
                    format="json").json()
    assert body["entries"][-1]["count"] == 2 and body["entries"][-1]["item"] is None
    first, second = body["entries"][:2]
    body = api.post(f"{url}/move-entry/", {"entry": second["id"], "offset": -1}, format="json").json()
    assert [e["id"] for e in body["entries"][:2]] == [second["id"], first["id"]]
    body = api.post(f"{url}/remove-entry/", {"entry": first["id"]}, format="json").json()
    assert first["id"] not in [e["id"] for e in body["entries"]]
    refused = api.post(f"{url}/write-item/", {"chapter": seed_bank.slug, "kind": "single_choice", "skill": "goal",
                                              "prompt": "どれですか。", "options": [{"id": "a", "text": "該当なし"},
                                                                                {"id": "b", "text": "札幌"}],
                                              "answer": "b", "explanation": "…"}, format="json")
    assert refused.status_code == 400 and "「上のすべて」「どれでもない」の類です" in str(refused.json())


def test_export_round_trips_through_gift_and_moodle_xml(built):
    api, _class, quiz_set = built
    items = list(QuizSet.objects.get(pk=quiz_set["id"]).entries.select_related("item").order_by("position"))
    exported = [e.item for e in items if e.item.kind != "ordering"]
    gift = api.get(f"/api/v1/quiz-sets/{quiz_set['id']}/export/?format=gift")
    assert gift.status_code == 200 and "attachment" in gift["Content-Disposition"]
    text = gift.content.decode()
    assert "1 ordering item(s) not exported" in text
    questions = read_gift(text)
    assert [q["prompt"] for q in questions] == [item.prompt for item in exported]
    assert {q["format"] for q in questions} == {"plain"}  # HTML in a stem shows as text, never as markup
    for question, item in zip(questions, exported, strict=True):
        assert question["feedback"] == item.explanation
        _compare_gift(question, item)
    xml = api.get(f"/api/v1/quiz-sets/{quiz_set['id']}/export/?format=moodle").content.decode()
    root = ET.fromstring(xml)
    read = root.findall("question")
    assert [q.find("questiontext/text").text for q in read] == [item.prompt for item in exported]
    for question, item in zip(read, exported, strict=True):
        _compare_xml(question, item)
    assert api.get(f"/api/v1/quiz-sets/{quiz_set['id']}/export/?format=pdf").status_code == 400


def _texts(item):
    return {option["id"]: option["text"] for option in item.options}


def _compare_gift(question, item):
    texts = _texts(item)
    if item.kind == "true_false":
        assert question["truefalse"] is item.answer
    elif item.kind == "short_answer":
        assert [text for mark, text in question["answers"]] == item.answer
    elif item.kind == "matching":
        left = {entry["id"]: entry["text"] for entry in item.left_options}
        expected = [f"{left[entry['id']]} -> {texts[item.answer[entry['id']]]}" for entry in item.left_options]
        assert [text for _m, text in question["answers"]] == expected
    elif item.kind == "multiple_response":
        share = round(100 / len(item.answer), 5)
        for (_mark, text), option in zip(question["answers"], item.options, strict=True):
            weight, _pct, answer_text = text.partition("%")[2].partition("%")
            assert answer_text == option["text"]
            assert float(weight) == pytest.approx(share if option["id"] in item.answer else -share, abs=1e-3)
    else:
        assert [(mark, text) for mark, text in question["answers"]] == [
            ("=" if option["id"] == item.answer else "~", option["text"]) for option in item.options]


def _compare_xml(question, item):
    kind = {"single_choice": "multichoice", "cloze": "multichoice", "multiple_response": "multichoice",
            "true_false": "truefalse", "short_answer": "shortanswer", "matching": "matching"}[item.kind]
    assert question.get("type") == kind
    answers = [(a.get("fraction"), a.find("text").text) for a in question.findall("answer")]
    texts = _texts(item)
    if item.kind == "true_false":
        assert {t: f for f, t in answers}["true"] == ("100" if item.answer else "0")
    elif item.kind == "short_answer":
        assert answers == [("100", form) for form in item.answer]
    elif item.kind == "matching":
        pairs = [(s.find("text").text or "", s.find("answer/text").text) for s in question.findall("subquestion")]
        left = {entry["id"]: entry["text"] for entry in item.left_options}
        spares = [("", option["text"]) for option in item.options if option["id"] not in item.answer.values()]
        # in the order of the entries (a jsonb key order is PostgreSQL's, not the item's), then the spares
        assert pairs == [(left[entry["id"]], texts[item.answer[entry["id"]]]) for entry in item.left_options] + spares
    elif item.kind == "multiple_response":
        assert question.find("single").text == "false"
        keyed = sum(float(f) for f, t in answers if float(f) > 0)
        assert keyed == pytest.approx(100, abs=0.01)
        assert {t for f, t in answers if float(f) > 0} == {texts[i] for i in item.answer}
    else:
        assert question.find("single").text == "true"
        assert [t for f, t in answers if f == "100"] == [texts[item.answer]]


@pytest.mark.parametrize("path", ["/api/v1/classes/", "/api/v1/quiz-sets/", "/api/v1/assignments/"])
def test_anonymous_requests_are_refused(path, db):
    assert APIClient().get(path).status_code in (401, 403)


def test_the_teachers_endpoints_are_in_the_schema(client, db):
    import json

    paths = json.loads(client.get("/api/schema/", HTTP_ACCEPT="application/json").content)["paths"]
    for path in ("/api/v1/classes/", "/api/v1/classes/join/", "/api/v1/quiz-sets/", "/api/v1/assignments/",
                 "/api/v1/quiz-sets/{id}/results/", "/api/v1/quiz-sets/{id}/export/",
                 "/api/v1/assignments/{id}/start/"):
        assert path in paths


def test_exports_escape_what_their_formats_need(teacher, seed_bank):
    """A backslash, braces, HTML and an XML-illegal character in an item survive GIFT and Moodle XML."""
    from quizzes.presentation.exports import quiz_set_export
    from quizzes.services.quiz_sets import item_write, quiz_set_create

    quiz_set = quiz_set_create(owner=teacher, title="記号")
    prompt = "パスは C:\\temp\\#1 {a} <b>太字</b> ですか。"
    item_write(author=teacher, quiz_set=quiz_set, chapter=seed_bank, section=None, kind="single_choice",
               skill="definition", prompt=prompt,
               options=[{"id": "a", "text": "=a\\#back\\}"}, {"id": "b", "text": "縦\x0bタブ"}], answer="a",
               explanation="~説明:")
    [question] = read_gift(quiz_set_export(quiz_set=quiz_set, fmt="gift").content.decode())
    assert question["prompt"] == prompt and question["format"] == "plain" and question["feedback"] == "~説明:"
    assert {text: mark for mark, text in question["answers"]} == {"=a\\#back\\}": "=", "縦タブ": "~"}
    root = ET.fromstring(quiz_set_export(quiz_set=quiz_set, fmt="moodle").content)  # parses: no U+000B left
    assert root.find("question/questiontext/text").text == prompt
    assert [a.find("text").text for a in root.findall("question/answer")] == ["=a\\#back\\}", "縦タブ"]
