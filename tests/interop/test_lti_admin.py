"""The administrator's side: registering an LMS shows what to enter there; a score given up on is
sent again from the admin."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_registration_page_shows_the_urls_for_the_lms(staff_client, registration):
    page = staff_client.get(f"/admin/lti_tool/ltiregistration/{registration.pk}/change/").content.decode()
    assert f"http://testserver/lti/login/{registration.uuid}/" in page
    assert "http://testserver/lti/launch/" in page and "http://testserver/lti/jwks/" in page


def test_a_failed_score_is_sent_again_from_the_admin(staff_client, browser, roles, seed_bank, lms,
                                                     django_capture_on_commit_callbacks):
    from lti_tool.models import LtiUser

    from interop.models import ScoreSend
    from quizzes.models import Item
    from quizzes.services.answering import attempt_finish
    from quizzes.services.assignments import assignment_start
    from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

    browser().launch("t-1", roles["teacher"])
    quiz_set = quiz_set_create(owner=LtiUser.objects.get(sub="t-1").auth_user, title="確認テスト")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(status="published").first())
    browser().launch("s-1", roles["student"], custom={"quiz_set": str(quiz_set.pk)}, ags_lineitem=lms.lineitem_url())
    attempt = assignment_start(assignment=quiz_set.assignments.get(), student=LtiUser.objects.get(sub="s-1").auth_user)
    lms.recorded.score_statuses[:] = [500]
    with django_capture_on_commit_callbacks(execute=True):
        attempt_finish(attempt=attempt)
    ScoreSend.objects.update(status=ScoreSend.Status.FAILED)

    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post("/admin/interop/scoresend/", {"action": "resend", "_selected_action": [
            ScoreSend.objects.get().pk]}, follow=True)
    assert done.status_code == 200 and "1 件の得点をもう一度送ります" in done.content.decode()
    assert ScoreSend.objects.get().status == ScoreSend.Status.SENT and len(lms.recorded.scores) == 1
    assert staff_client.get("/admin/interop/scoresend/").status_code == 200
    assert staff_client.get("/admin/interop/ltiassignmentlink/").status_code == 200
    assert staff_client.get("/admin/interop/lticlasslink/").status_code == 200
