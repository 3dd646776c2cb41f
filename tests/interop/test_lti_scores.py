"""Grades back to the LMS (AGS): the simulated platform receives exactly one score per graded
attempt, with the tool's own signed token, when the set's feedback rule lets the student see it;
a platform that fails gets the score later."""

from datetime import timedelta

import jwt
import pytest
from django.utils import timezone
from lti_tool.models import LtiUser

from interop.models import ScoreSend
from interop.services.lti_scores import MAX_TRIES, score_resend, scores_send
from quizzes.models import Attempt, Item, QuizSet
from quizzes.services.answering import attempt_answer, attempt_finish
from quizzes.services.assignments import assignment_start
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(browser, roles, seed_bank, lms):
    """A teacher's two-item set placed as a link, and a student launched into it; returns a function
    that takes the student's attempt (the first item right, the second wrong) and finishes it."""

    def place(**settings):
        browser().launch("t-1", roles["teacher"])
        teacher = LtiUser.objects.get(sub="t-1").auth_user
        quiz_set = quiz_set_create(owner=teacher, title="確認テスト", **settings)
        for item in Item.objects.filter(kind="true_false", status="published")[:2]:
            entry_add_item(quiz_set=quiz_set, item=item)
        launched = browser().launch("s-1", roles["student"], ags_lineitem=lms.lineitem_url(),
                                    custom={"quiz_set": str(quiz_set.pk), "closes": "2099-01-01T00:00:00Z"})
        assert launched.status_code == 302
        return quiz_set

    return place


def _take(quiz_set, django_capture_on_commit_callbacks, *, finish_twice=False):
    student = LtiUser.objects.get(sub="s-1").auth_user
    attempt = assignment_start(assignment=quiz_set.assignments.get(), student=student)
    slots = list(attempt.slots.select_related("version", "attempt").order_by("position"))
    attempt_answer(slot=slots[0], response=json_answer(slots[0]))
    attempt_answer(slot=slots[1], response=json_answer(slots[1], right=False))
    with django_capture_on_commit_callbacks(execute=True):
        attempt_finish(attempt=attempt)
        if finish_twice:
            attempt_finish(attempt=attempt)
    return Attempt.objects.get(pk=attempt.pk)


def test_a_graded_attempt_sends_one_score_with_the_tools_signed_token(
        placed, lms, django_capture_on_commit_callbacks, client):
    attempt = _take(placed(), django_capture_on_commit_callbacks, finish_twice=True)
    [score] = lms.recorded.scores
    assert score["userId"] == "s-1" and score["scoreMaximum"] == 100 and score["scoreGiven"] == 50
    assert score["activityProgress"] == "Completed" and score["gradingProgress"] == "FullyGraded"
    assert score["timestamp"] == attempt.finished_at.isoformat()
    assert lms.recorded.score_auth[0].startswith("Bearer token-")
    [token_request] = lms.recorded.token_requests
    assert token_request["grant_type"] == "client_credentials"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in token_request["scope"]
    jwks = client.get("/lti/jwks/").json()
    assertion = jwt.decode(token_request["client_assertion"], jwt.PyJWK(jwks["keys"][0]).key,
                           algorithms=["RS256"], audience=lms.token_url)
    assert assertion["iss"] == assertion["sub"] == lms.client_id
    send = ScoreSend.objects.get()
    assert send.status == ScoreSend.Status.SENT and send.score_given == 50 and send.tries == 1

    assert scores_send(timezone.now() + timedelta(days=1)) == {"sent": 0, "retry": 0, "failed": 0}
    assert len(lms.recorded.scores) == 1


def test_a_platform_that_fails_gets_the_score_on_a_later_try(placed, lms, django_capture_on_commit_callbacks):
    lms.recorded.score_statuses[:] = [500]
    _take(placed(), django_capture_on_commit_callbacks)
    send = ScoreSend.objects.get()
    assert lms.recorded.scores == [] and send.status == ScoreSend.Status.WAITING and send.tries == 1
    assert send.last_error.startswith("HTTP 500")
    assert scores_send(timezone.now()) == {"sent": 0, "retry": 0, "failed": 0}  # not due yet
    assert scores_send(timezone.now() + timedelta(minutes=2)) == {"sent": 1, "retry": 0, "failed": 0}
    assert len(lms.recorded.scores) == 1 and ScoreSend.objects.get().status == ScoreSend.Status.SENT


def test_after_the_last_try_the_score_waits_for_an_administrator(placed, lms, django_capture_on_commit_callbacks):
    lms.recorded.score_statuses[:] = [503] * MAX_TRIES
    _take(placed(), django_capture_on_commit_callbacks)
    later = timezone.now()
    for _ in range(MAX_TRIES - 1):
        later += timedelta(hours=7)
        scores_send(later)
    send = ScoreSend.objects.get()
    assert send.status == ScoreSend.Status.FAILED and send.tries == MAX_TRIES and lms.recorded.scores == []
    score_resend(send=send)
    assert scores_send(timezone.now()) == {"sent": 1, "retry": 0, "failed": 0}
    assert len(lms.recorded.scores) == 1


def test_a_score_waits_for_the_close_when_feedback_does(placed, lms, django_capture_on_commit_callbacks):
    quiz_set = placed(feedback=QuizSet.Feedback.AFTER_CLOSE)
    _take(quiz_set, django_capture_on_commit_callbacks)
    close = quiz_set.assignments.get().close_at
    assert lms.recorded.scores == [] and ScoreSend.objects.get().send_after == close
    assert scores_send(close - timedelta(minutes=1))["sent"] == 0
    assert scores_send(close + timedelta(minutes=1))["sent"] == 1 and len(lms.recorded.scores) == 1


def test_two_workers_never_send_the_same_score(placed, lms, django_capture_on_commit_callbacks):
    lms.recorded.score_statuses[:] = [500]
    _take(placed(), django_capture_on_commit_callbacks)
    due = timezone.now() + timedelta(minutes=5)
    from interop.services.lti_scores import score_send

    pk = ScoreSend.objects.get().pk
    assert score_send(pk, now=due) == "sent"
    assert score_send(pk, now=due) is None  # a second worker finds it taken
    assert len(lms.recorded.scores) == 1


def test_the_grade_follows_the_sets_rule_over_attempts(placed, lms, django_capture_on_commit_callbacks):
    quiz_set = placed(attempts_allowed=2, grading=QuizSet.Grading.HIGHEST)
    _take(quiz_set, django_capture_on_commit_callbacks)
    student = LtiUser.objects.get(sub="s-1").auth_user
    second = assignment_start(assignment=quiz_set.assignments.get(), student=student)
    for slot in second.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=False))
    with django_capture_on_commit_callbacks(execute=True):
        attempt_finish(attempt=second)
    assert [score["scoreGiven"] for score in lms.recorded.scores] == [50, 50]  # the highest so far, each time


def test_no_score_without_a_line_item_or_for_practice(browser, roles, seed_bank, lms,
                                                      django_capture_on_commit_callbacks):
    browser().launch("t-1", roles["teacher"])
    teacher = LtiUser.objects.get(sub="t-1").auth_user
    quiz_set = quiz_set_create(owner=teacher, title="練習")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false", status="published").first())
    browser().launch("s-1", roles["student"], custom={"quiz_set": str(quiz_set.pk)})  # the LMS gave no AGS claim
    student = LtiUser.objects.get(sub="s-1").auth_user
    attempt = assignment_start(assignment=quiz_set.assignments.get(), student=student)
    with django_capture_on_commit_callbacks(execute=True):
        attempt_finish(attempt=attempt)
    assert ScoreSend.objects.count() == 0 and lms.recorded.scores == []
