"""The learners' API: token auth, sessions, answers, finish, progress and due reviews, per role."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from quizzes.models import Answer, Attempt, AttemptItem, Item, ReviewCard
from quizzes.services.practice import attempt_create
from quizzes.services.reviews import reviews_release
from tests.conftest import json_answer as api_answer

pytestmark = pytest.mark.django_db
SESSIONS = "/api/v1/practice-sessions/"


@pytest.fixture
def api(student_api):
    return student_api


def keys_in(payload) -> set[str]:
    if isinstance(payload, dict):
        return set(payload) | set().union(*(keys_in(value) for value in payload.values()))
    if isinstance(payload, list):
        return set().union(*(keys_in(value) for value in payload)) if payload else set()
    return set()


def test_a_token_for_a_username_and_password(client, student, seed_bank):
    response = client.post("/api/v1/auth/token/", {"username": "hanako", "password": "pw-12345678"})
    token = response.json()["token"]
    assert token == Token.objects.get(user=student).key
    created = client.post(SESSIONS, {"chapter": "sapporo-ict-chapter1"}, HTTP_AUTHORIZATION=f"Token {token}")
    assert created.status_code == 201
    assert client.post("/api/v1/auth/token/", {"username": "hanako", "password": "wrong"}).status_code == 400


def test_a_new_session_holds_no_keys_and_no_explanations(api, seed_bank):
    body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1", "section": 2, "size": 8}, format="json").json()
    assert len(body["items"]) == 8 and body["chapter"] == "sapporo-ict-chapter1" and body["section"] == 2
    assert {"id", "kind", "prompt", "options"} <= set(body["items"][0])
    assert all(item["feedback"] is None for item in body["items"])
    assert not keys_in(body) & {"answer", "explanation", "answer_forms", "source_text"}
    again = api.get(f"{SESSIONS}{body['id']}/").json()
    assert not keys_in(again) & {"answer", "explanation"}


def test_answering_gives_feedback_once_and_refuses_a_change(api, student, seed_bank):
    # a date item with its own paragraph (an ordering item spans sections and links to none)
    items = [Item.objects.filter(skill="date", kind="single_choice").order_by("id").first(),
             Item.objects.filter(skill="date", kind="short_answer").order_by("id").first()]
    body = {"id": attempt_create(learner=student, items=items).pk}
    slot = AttemptItem.objects.get(attempt_id=body["id"], position=1)
    url = f"{SESSIONS}{body['id']}/answers/"
    first = api.post(url, {"item": slot.item_id, "response": api_answer(slot)}, format="json")
    assert first.status_code == 201
    feedback = first.json()
    assert feedback["correct"] is True and feedback["score"] == 1.0 and feedback["answer"] == slot.version.answer
    assert feedback["explanation"] == slot.version.explanation and "#p" in feedback["source_url"]
    repeat = api.post(url, {"item": slot.item_id, "response": api_answer(slot)}, format="json")
    assert repeat.status_code == 200 and repeat.json()["repeated"] is True
    changed = api.post(url, {"item": slot.item_id, "response": api_answer(slot, right=False)}, format="json")
    assert changed.status_code == 409 and "変更できません" in changed.json()["detail"]
    assert Answer.objects.count() == 1
    shown = api.get(f"{SESSIONS}{body['id']}/").json()["items"]
    assert shown[0]["feedback"]["correct"] is True and shown[1]["feedback"] is None


@pytest.mark.parametrize(("payload", "field"), [
    ({"item": 0, "response": "a"}, "item"),
    ({"response": "a"}, "item"),
    ({"item": "ITEM", "response": {"not": "a choice"}}, "response"),
    ({"item": "ITEM", "response": "zz"}, "response"),
])
def test_bad_answers_are_400_with_the_field_named(api, student, seed_bank, payload, field):
    attempt = attempt_create(learner=student, items=[Item.objects.filter(kind="single_choice").first()])
    body = {"id": attempt.pk}
    item_id = attempt.slots.get().item_id
    payload = {key: (item_id if value == "ITEM" else value) for key, value in payload.items()}
    response = api.post(f"{SESSIONS}{body['id']}/answers/", payload, format="json")
    assert response.status_code == 400 and field in response.json()
    assert Answer.objects.count() == 0


@pytest.mark.parametrize("payload", [{"chapter": "nope"}, {"chapter": "sapporo-ict-chapter1", "section": 9},
                                     {"chapter": "sapporo-ict-chapter1", "size": 0}, {"chapter": "sapporo-ict-chapter1",
                                                                                      "skill": "cooking"}, {}])
def test_bad_session_requests_are_400(api, seed_bank, payload):
    response = api.post(SESSIONS, payload, format="json")
    assert response.status_code == 400 and Attempt.objects.count() == 0


def test_finish_summarises_and_is_idempotent(api, seed_bank):
    body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1", "size": 3}, format="json").json()
    slots = AttemptItem.objects.filter(attempt_id=body["id"]).order_by("position")
    for slot, right in zip(slots, [True, False, True], strict=True):
        api.post(f"{SESSIONS}{body['id']}/answers/", {"item": slot.item_id, "response": api_answer(slot, right=right)},
                 format="json")
    summary = api.post(f"{SESSIONS}{body['id']}/finish/").json()
    assert (summary["items"], summary["answered"], summary["correct"]) == (3, 3, 2)
    assert summary["missed"] == [slots[1].item_id]
    again = api.post(f"{SESSIONS}{body['id']}/finish/").json()
    assert again["finished_at"] == summary["finished_at"]
    late = api.post(f"{SESSIONS}{body['id']}/answers/", {"item": slots[0].item_id, "response": "a"}, format="json")
    assert late.status_code in (400, 409)


def test_progress_and_due_reviews(api, student, seed_bank, settings):
    settings.FSRS_FUZZING = False
    items = list(Item.objects.filter(section__number=1, kind__in=("true_false", "single_choice")).order_by("id")[:4])
    attempt = attempt_create(learner=student, items=items)
    slots = list(attempt.slots.order_by("position"))
    for slot in slots:
        answered = api.post(f"{SESSIONS}{attempt.pk}/answers/", {"item": slot.item_id, "response": api_answer(slot)},
                            format="json")
        assert answered.status_code == 201
    progress = api.get("/api/v1/progress/").json()
    section1 = progress["chapters"][0]["sections"][0]
    assert section1["seen"] == 4 and section1["level"] == "learning" and 0 < section1["mastery"] < 70
    assert progress["streak"] == 1 and progress["due_now"] == 0
    ReviewCard.objects.filter(learner=student).update(due=timezone.now() - timedelta(minutes=1))
    due = api.get("/api/v1/reviews/due/").json()
    assert sorted(entry["id"] for entry in due) == sorted(item.pk for item in items)
    assert not keys_in(due) & {"answer", "explanation"}


def test_another_learners_session_is_a_404(api, seed_bank, django_user_model):
    body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1"}, format="json").json()
    slot = AttemptItem.objects.get(attempt_id=body["id"], position=1)
    other = APIClient()
    other.force_authenticate(django_user_model.objects.create_user("jiro", password="pw-12345678"))
    assert other.get(f"{SESSIONS}{body['id']}/").status_code == 404
    assert other.post(f"{SESSIONS}{body['id']}/answers/", {"item": slot.item_id, "response": "a"},
                      format="json").status_code == 404
    assert other.post(f"{SESSIONS}{body['id']}/finish/").status_code == 404
    assert other.get(SESSIONS).json()["count"] == 0
    assert other.get("/api/v1/progress/").json()["streak"] == 0


@pytest.mark.parametrize("path", [SESSIONS, "/api/v1/progress/", "/api/v1/reviews/due/"])
def test_anonymous_requests_are_refused(path, db):
    assert APIClient().get(path).status_code in (401, 403)


def test_the_endpoints_are_in_the_schema(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    paths = json.loads(schema)["paths"]
    for path in ("/api/v1/auth/token/", "/api/v1/practice-sessions/", "/api/v1/practice-sessions/{id}/answers/",
                 "/api/v1/practice-sessions/{id}/finish/", "/api/v1/progress/", "/api/v1/reviews/due/"):
        assert path in paths


def test_answering_runs_bounded_queries(api, seed_bank, django_assert_max_num_queries):
    body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1", "size": 20}, format="json").json()
    slot = AttemptItem.objects.get(attempt_id=body["id"], position=1)
    # session lookup, slot with version, the attempt locked, insert answer, card get-or-create/lock, card
    # update, log, savepoints, the day's summary (made on the day's first answer: update, then insert in a
    # savepoint; a wrong answer likewise for the item's misses); the throttle's count in the shared cache
    # (without Redis a database table: read, count for culling, write, savepoints — one Redis call with REDIS_URL)
    with django_assert_max_num_queries(25):
        response = api.post(f"{SESSIONS}{body['id']}/answers/", {"item": slot.item_id, "response": api_answer(slot)},
                            format="json")
    assert response.status_code == 201


def test_progress_runs_the_same_queries_with_few_and_many_answers(api, student, seed_bank,
                                                                   django_assert_max_num_queries):
    for size in (2, 30):
        body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1", "size": size}, format="json").json()
        for slot in AttemptItem.objects.filter(attempt_id=body["id"]):
            api.post(f"{SESSIONS}{body['id']}/answers/", {"item": slot.item_id, "response": api_answer(slot)},
                     format="json")
        # the answers whose reviews wait for a release and the batch that schedules them (five statements and
        # two savepoints, however many answers: quizzes/services/reviews.py)
        with django_assert_max_num_queries(1 + 5 + 4):
            assert reviews_release(learner_id=student.pk) == size
        # items, cards, sections, recent attempts, streak days, missed terms (+ their rows), the answers whose
        # reviews wait for a release
        with django_assert_max_num_queries(9):
            assert api.get("/api/v1/progress/").status_code == 200


@pytest.mark.parametrize("role", ["teacher", "staff"])
def test_teachers_and_staff_do_not_see_a_students_sessions(api, seed_bank, django_user_model, role):
    from django.contrib.auth.models import Group

    body = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1"}, format="json").json()
    other = django_user_model.objects.create_user(role, password="pw-12345678", is_staff=role == "staff")
    if role == "teacher":
        other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    client = APIClient()
    client.force_authenticate(other)
    assert client.get(f"{SESSIONS}{body['id']}/").status_code == 404
    assert client.get(SESSIONS).json()["count"] == 0
    own = client.post(SESSIONS, {"chapter": "sapporo-ict-chapter1"}, format="json")
    assert own.status_code == 201  # they can practise themselves


@pytest.mark.parametrize("size", [10, 50])
def test_assembling_a_session_reads_the_stored_leaks_in_bounded_queries(api, all_chapters, seed_bank, size,
                                                                        django_assert_max_num_queries):
    # the chapter, reviews waiting for a release, the scope, the cards, the stored leaks, the attempt,
    # versions, slots (+ session, savepoints)
    with django_assert_max_num_queries(15):
        response = api.post(SESSIONS, {"chapter": "sapporo-ict-chapter1", "size": size}, format="json")
    assert response.status_code == 201
    # the seed's leak-free pool is smaller than 50: a session takes what it can
    assert len(response.json()["items"]) == size if size == 10 else 20 <= len(response.json()["items"]) <= size


def test_no_two_items_of_a_session_give_each_other_away(student, seed_bank):
    from quizzes.drafts import leaks_among
    from quizzes.models import ItemLeak
    from quizzes.services.practice import practice_start

    assert ItemLeak.objects.count() > 100  # the seed's items do give each other away: the check has work
    for _ in range(5):
        attempt = practice_start(learner=student, chapter=seed_bank, size=50)
        items = [slot.item for slot in attempt.slots.select_related("item")]
        assert len(items) >= 20 and leaks_among(items) == []
