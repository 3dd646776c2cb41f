"""What a student sees before a set's feedback is released is only "answered": no score, no grade, no
missed ids or terms, on pages and in the API — and no review is scheduled, because a review due at
once would tell a wrong answer from a right one. Once released, all of it shows and the reviews come."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from quizzes.models import Answer, Attempt, Item, QuizSet, ReviewCard
from quizzes.services.assignments import assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join, class_remove_student
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db


def taken(teacher, student, feedback: str, *, attempts_allowed=2):
    """An assigned set of three definition items (with terms), the student answering one right, one wrong."""
    school_class = class_create(teacher=teacher, name="3年1組")
    class_join(student=student, join_code=school_class.join_code)
    quiz_set = quiz_set_create(owner=teacher, title="小テスト", feedback=feedback, attempts_allowed=attempts_allowed)
    for item in Item.objects.filter(kind="single_choice", term__isnull=False).order_by("id")[:3]:
        entry_add_item(quiz_set=quiz_set, item=item)
    now = timezone.now()
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                   close_at=now + timedelta(days=2))
    attempt = assignment_start(assignment=assignment, student=student)
    api = APIClient()
    api.force_authenticate(student)
    slots = list(attempt.slots.select_related("version").order_by("position"))
    for slot, right in zip(slots, (True, False), strict=False):
        response = api.post(f"/api/v1/practice-sessions/{attempt.pk}/answers/",
                            {"item": slot.item_id, "response": json_answer(slot, right=right)}, format="json")
        assert response.status_code == 201
        if feedback != QuizSet.Feedback.IMMEDIATELY:
            assert set(response.json()) == {"recorded", "response", "repeated"}
    return api, attempt, assignment


def test_nothing_but_answered_shows_before_the_close_date(teacher, student, student_client, seed_bank):
    api, attempt, _assignment = taken(teacher, student, QuizSet.Feedback.AFTER_CLOSE)
    summary = api.post(f"/api/v1/practice-sessions/{attempt.pk}/finish/").json()
    assert summary["answered"] == 2 and summary["released"] is False
    assert summary["score"] is None and summary["correct"] is None and summary["missed"] is None
    session = api.get(f"/api/v1/practice-sessions/{attempt.pk}/").json()
    assert session["score"] is None and all(item["feedback"] in (None, {"recorded": True, "response": item[
        "feedback"]["response"]}) for item in session["items"] if item["feedback"])
    assert api.get("/api/v1/assignments/").json()[0]["grade"] is None
    assert api.get("/api/v1/reviews/due/").json() == []
    assert ReviewCard.objects.filter(learner=student).count() == 0  # no review scheduled: it would tell
    page = student_client.get("/dashboard/").content.decode()
    recent = page.split("最近のセッション")[1].split("</section>")[0]
    assert "3問中2問に解答（結果は後で表示されます）" in recent and "点（" not in recent
    drawn = page[page.index('id="answers-by-day"'):page.index('id="reviews-ahead"')]
    today = timezone.localtime()
    assert f"<td>{today.month}/{today.day}</td><td>2</td><td>0</td>" in drawn  # answered, but no right count yet
    assert 'class="column right"' not in drawn
    progress = api.get("/api/v1/progress/").json()
    assert all(entry["seen"] == 0 for chapter in progress["chapters"] for entry in chapter["sections"])


def test_missed_terms_wait_for_the_release(teacher, student, student_client, seed_bank):
    _api, attempt, assignment = taken(teacher, student, QuizSet.Feedback.AFTER_CLOSE)
    missed_term = Answer.objects.get(slot__attempt=attempt, correct=False).slot.item.term.term
    page = student_client.get("/dashboard/").content.decode()
    assert missed_term not in page.split("よく間違える用語")[1]
    type(assignment).objects.filter(pk=assignment.pk).update(close_at=timezone.now() - timedelta(minutes=1))
    page = student_client.get("/dashboard/").content.decode()
    assert missed_term in page.split("よく間違える用語")[1]


def test_after_the_close_date_everything_shows_and_the_reviews_are_scheduled(teacher, student, seed_bank):
    api, attempt, assignment = taken(teacher, student, QuizSet.Feedback.AFTER_CLOSE)
    api.post(f"/api/v1/practice-sessions/{attempt.pk}/finish/")
    type(assignment).objects.filter(pk=assignment.pk).update(close_at=timezone.now() - timedelta(minutes=1))
    assert api.get("/api/v1/assignments/").json()[0]["grade"] == pytest.approx(1 / 3)
    assert Answer.objects.filter(review_pending=True).count() == 2
    # the learner's next look at what is due schedules the reviews, the wrong answer's far sooner
    assert api.get("/api/v1/reviews/due/").status_code == 200
    cards = ReviewCard.objects.filter(learner=student)
    assert cards.count() == 2 and sorted(cards.values_list("lapses", flat=True)) == [0, 1]
    wrong, right = cards.order_by("-lapses")
    assert wrong.due < right.due
    assert not Answer.objects.filter(review_pending=True).exists()
    summary = api.get(f"/api/v1/practice-sessions/{attempt.pk}/").json()
    assert summary["score"] == 1.0


def test_after_submitting_the_reviews_come_with_the_finish(teacher, student, seed_bank):
    api, attempt, _assignment = taken(teacher, student, QuizSet.Feedback.AFTER_SUBMIT)
    assert ReviewCard.objects.filter(learner=student).count() == 0
    summary = api.post(f"/api/v1/practice-sessions/{attempt.pk}/finish/").json()
    assert summary["released"] is True and summary["correct"] == 1 and len(summary["missed"]) == 1
    assert ReviewCard.objects.filter(learner=student).count() == 2


def test_a_removed_student_can_no_longer_answer(teacher, student, seed_bank):
    api, attempt, assignment = taken(teacher, student, QuizSet.Feedback.IMMEDIATELY)
    class_remove_student(school_class=assignment.school_class, student=student)
    third = attempt.slots.select_related("version").order_by("position")[2]
    response = api.post(f"/api/v1/practice-sessions/{attempt.pk}/answers/",
                        {"item": third.item_id, "response": json_answer(third)}, format="json")
    assert response.status_code == 409 and "このクラスから外れた" in response.json()["detail"]
    assert Answer.objects.filter(slot__attempt=attempt).count() == 2
    assert api.post(f"/api/v1/assignments/{assignment.pk}/start/").status_code == 404


def test_a_second_start_returns_the_attempt_the_first_made(teacher, student, seed_bank):
    _api, attempt, assignment = taken(teacher, student, QuizSet.Feedback.IMMEDIATELY)
    assert assignment_start(assignment=assignment, student=student).pk == attempt.pk
    assert Attempt.objects.filter(assignment=assignment).count() == 1
