"""An answer's review is written behind it (quizzes/services/reviews.py): every way a learner reads their
cards — the dashboard, the progress and due-reviews endpoints, a new practice session, finishing a
session — schedules the pending reviews first, so what it shows is what an answer reviewed at once would
have given."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Answer, Item, ReviewCard
from quizzes.services.answering import attempt_answer
from quizzes.services.practice import attempt_create, practice_start
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
TEN_MINUTES_AGO = timedelta(minutes=10)


@pytest.fixture
def missed(student, seed_bank):
    """Two items answered wrong ten minutes ago (Again: due a minute later, so due now), not yet reviewed."""
    items = list(Item.objects.filter(status=Item.Status.PUBLISHED, kind="true_false").order_by("id")[:2])
    attempt = attempt_create(learner=student, items=items)
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=False), now=timezone.now() - TEN_MINUTES_AGO)
    assert Answer.objects.filter(review_pending=True).count() == 2 and not ReviewCard.objects.exists()
    return items


@pytest.fixture
def api(student_api):
    return student_api


def test_the_dashboard_shows_the_reviews_of_answers_just_given(student_client, missed):
    page = student_client.get(reverse("quizzes:dashboard")).content.decode()
    assert "今復習する2問を始める" in page
    assert not Answer.objects.filter(review_pending=True).exists()


def test_the_due_reviews_endpoint_lists_them(api, missed):
    due = api.get("/api/v1/reviews/due/").json()
    assert sorted(entry["id"] for entry in due) == sorted(item.pk for item in missed)


def test_the_progress_endpoint_counts_them(api, missed):
    body = api.get("/api/v1/progress/").json()
    assert body["due_now"] == 2
    assert sum(row["seen"] for chapter in body["chapters"] for row in chapter["skills"]) == 2


def test_a_new_session_puts_them_first(student, missed, seed_bank):
    attempt = practice_start(learner=student, chapter=seed_bank, size=5)
    first_two = [slot.item for slot in attempt.slots.order_by("position")[:2]]
    assert sorted(item.pk for item in first_two) == sorted(item.pk for item in missed)


def test_each_is_reviewed_at_the_time_it_was_given(api, missed, student):
    api.get("/api/v1/progress/")
    for card in ReviewCard.objects.filter(learner=student).select_related("item"):
        answer = Answer.objects.get(slot__item=card.item, slot__attempt__learner=student)
        assert card.last_review == answer.answered_at and card.due == answer.answered_at + timedelta(minutes=1)
