"""The dashboard offers only what the server will allow: no start before the open date, no retake
after the last attempt (issue 16's misleading states), and says why."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Item
from quizzes.services.answering import attempt_finish
from quizzes.services.assignments import assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("quizzes:dashboard")


@pytest.fixture
def assigned(teacher, student, seed_bank):
    def assign(*, opens_in=timedelta(hours=-1), attempts_allowed=1):
        quiz_set = quiz_set_create(owner=teacher, title="確認テスト", attempts_allowed=attempts_allowed)
        entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false").first())
        school_class = class_create(teacher=teacher, name="3年1組")
        class_join(student=student, join_code=school_class.join_code)
        now = timezone.now()
        return assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now + opens_in,
                                 close_at=now + opens_in + timedelta(days=3))
    return assign


def _start_button(page, assignment):
    return reverse("quizzes:assignment-start", kwargs={"assignment_id": assignment.pk}) in page


def test_an_assignment_that_opens_later_says_when_and_offers_no_start(student_client, assigned):
    assignment = assigned(opens_in=timedelta(days=3))
    page = student_client.get(DASHBOARD).content.decode()
    assert not _start_button(page, assignment)
    opens = timezone.localtime(assignment.open_at).strftime("%Y-%m-%d %H:%M")
    assert f"{opens} に開始" in page


def test_no_retake_after_the_last_attempt(student_client, student, assigned):
    assignment = assigned(attempts_allowed=1)
    assert _start_button(student_client.get(DASHBOARD).content.decode(), assignment)
    attempt_finish(attempt=assignment_start(assignment=assignment, student=student))
    page = student_client.get(DASHBOARD).content.decode()
    assert not _start_button(page, assignment) and "受験回数を使い切りました" in page


def test_a_retake_is_offered_while_attempts_remain(student_client, student, assigned):
    assignment = assigned(attempts_allowed=2)
    attempt_finish(attempt=assignment_start(assignment=assignment, student=student))
    page = student_client.get(DASHBOARD).content.decode()
    assert _start_button(page, assignment) and "もう一度受ける" in page


def test_english_says_one_day_and_uses_its_own_punctuation(student_client, student, assigned):
    from quizzes.services.answering import attempt_answer
    from tests.conftest import json_answer

    assignment = assigned()
    attempt = assignment_start(assignment=assignment, student=student)
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=True))
    student_client.cookies["django_language"] = "en"
    page = student_client.get(DASHBOARD).content.decode()
    assert "<strong>1</strong> day in a row with practice" in page
    assert "closes " in page and "：" not in page.split("<main", 1)[1].split("</main>", 1)[0]
