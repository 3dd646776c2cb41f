"""What a launch must not let in: each refused with a 4xx page that says why, nothing signed in and
nothing made; and each LTI page per role."""

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiUser

from interop.models import LtiClassLink
from quizzes.models import Item, QuizSet
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

from .lms import ROLE

pytestmark = pytest.mark.django_db


def _nobody_signed_in(browser_) -> bool:
    return "_auth_user_id" not in browser_.client.session


def test_a_token_signed_with_another_key_is_refused(browser, roles):
    visitor = browser()
    forged_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused = visitor.launch("s-1", roles["student"], key=forged_key)
    assert refused.status_code == 403 and "Signature verification failed" in refused.content.decode()
    assert _nobody_signed_in(visitor) and get_user_model().objects.count() == 0


def test_a_token_for_another_tool_is_refused(browser, roles):
    visitor = browser()
    refused = visitor.launch("s-1", roles["student"], audience="some-other-tool")
    assert refused.status_code == 403 and _nobody_signed_in(visitor)
    assert LtiUser.objects.count() == 0


def test_the_same_launch_sent_again_is_refused(browser, roles):
    visitor = browser()
    assert visitor.launch("s-1", roles["student"]).status_code == 302
    replay = browser()
    replay.client.cookies = visitor.client.cookies  # even with the first browser's state cookie
    replay.client.logout()
    again = replay.post_launch(visitor.last_token, visitor.last_state)
    assert again.status_code == 403 and _nobody_signed_in(replay)


def test_a_launch_without_its_login_step_is_refused(browser, roles, lms):
    visitor = browser()
    token = lms.id_token(nonce="never-issued", sub="s-1", roles=roles["student"])
    assert visitor.post_launch(token, "made-up-state").status_code == 403
    assert get_user_model().objects.count() == 0


def test_an_unknown_deployment_is_refused_and_left_for_an_administrator_to_switch_on(browser, roles):
    visitor = browser()
    refused = visitor.launch("s-1", roles["student"], deployment_id="deployment-unknown")
    assert refused.status_code == 403 and _nobody_signed_in(visitor)
    assert "LTI 登録" in refused.content.decode()  # where the administrator switches it on
    assert not LtiDeployment.objects.get(deployment_id="deployment-unknown").is_active
    assert get_user_model().objects.count() == 0 and LtiUser.objects.count() == 0


def test_a_switched_off_registration_refuses_the_login_step(browser, registration):
    registration.is_active = False
    registration.save()
    visitor = browser()
    assert visitor.login_step("s-1").status_code == 400
    assert visitor.login_step("s-1", target_link_uri="").status_code == 400


def test_roles_other_than_teacher_and_student_are_refused(browser):
    visitor = browser()
    assert visitor.launch("m-1", [ROLE + "Mentor"]).status_code == 403 and _nobody_signed_in(visitor)
    assert get_user_model().objects.count() == 0


def test_a_student_before_any_teacher_or_on_another_teachers_set_is_refused(browser, roles, seed_bank,
                                                                            django_user_model):
    early = browser().launch("s-1", roles["student"], custom={"quiz_set": "1"})
    assert early.status_code == 403
    browser().launch("t-1", roles["teacher"])
    stranger = django_user_model.objects.create_user("stranger")
    theirs = quiz_set_create(owner=stranger, title="他の先生のセット")
    entry_add_item(quiz_set=theirs, item=Item.objects.filter(status="published").first())
    refused = browser().launch("s-1", roles["student"], custom={"quiz_set": str(theirs.pk)})
    assert refused.status_code == 403 and not theirs.assignments.exists()
    for odd in ("9" * 40, "１２", "-1", "set-1"):  # past any key, full-width digits, not a number
        assert browser().launch("s-1", roles["student"], custom={"quiz_set": odd}).status_code == 403


def test_a_student_cannot_place_links_and_a_second_instructor_cannot_take_the_class(browser, roles):
    assert browser().launch("s-1", roles["student"], message_type="LtiDeepLinkingRequest").status_code == 403
    assert browser().launch("t-1", roles["teacher"]).status_code == 302
    assert browser().launch("t-2", roles["teacher"]).status_code == 403
    assert LtiClassLink.objects.get().school_class.teacher == LtiUser.objects.get(sub="t-1").auth_user


def test_an_account_linked_to_staff_is_never_signed_in_by_a_launch(browser, roles, django_user_model):
    assert browser().launch("s-1", roles["student"]).status_code == 302
    account = LtiUser.objects.get(sub="s-1").auth_user
    account.is_staff = True
    account.save()
    visitor = browser()
    assert visitor.launch("s-1", roles["student"]).status_code == 403 and _nobody_signed_in(visitor)


def test_the_frame_is_opened_only_for_lti_sessions(browser, roles, lms, client, student):
    visitor = browser()
    landed = visitor.launch("s-1", roles["student"])
    session_cookie = landed.cookies["sessionid"]
    assert session_cookie["samesite"] == "None" and session_cookie["secure"]
    assert landed.cookies["csrftoken"]["samesite"] == "None"
    page = visitor.get("/dashboard/")
    policy = page["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {lms.issuer}" in policy and "X-Frame-Options" not in page

    client.post(reverse("login"), {"username": "hanako", "password": "pw-12345678"}, secure=True)
    plain = client.get("/dashboard/", secure=True)
    assert "frame-ancestors 'none'" in plain["Content-Security-Policy"] and plain["X-Frame-Options"] == "DENY"
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_the_lti_routes_may_be_framed_by_registered_platforms_only(browser, lms):
    refused = browser().login_step("s-1", target_link_uri="")
    assert f"frame-ancestors 'self' {lms.issuer};" in refused["Content-Security-Policy"] + ";"
    assert "https://elsewhere.example" not in refused["Content-Security-Policy"]


def test_the_pages_behind_a_launch_per_role(browser, roles, client, django_user_model, seed_bank):
    teacher = browser()
    teacher.launch("t-1", roles["teacher"])
    quiz_set = quiz_set_create(owner=LtiUser.objects.get(sub="t-1").auth_user, title="確認テスト")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false", status="published").first())
    student = browser()
    student.launch("s-1", roles["student"], custom={"quiz_set": str(quiz_set.pk)})
    assignment_page = f"/lti/assignments/{quiz_set.assignments.get().pk}/"

    assert client.get("/lti/deep-link/").status_code == 302  # anonymous: to the sign-in page
    assert student.get("/lti/deep-link/").status_code == 403  # a student places nothing
    assert teacher.get("/lti/deep-link/").status_code == 400  # a teacher who came by a plain launch
    assert client.get(assignment_page).status_code == 403
    assert student.get(assignment_page).status_code == 200
    outsider = django_user_model.objects.create_user("outsider")
    client.force_login(outsider)
    assert client.get(assignment_page).status_code == 404
    assert client.get("/lti/launch/").status_code == 405
    assert QuizSet.objects.count() == 1


@pytest.mark.parametrize("posted", [{}, {"state": "s"}, {"id_token": "not-a-jwt", "state": "s"},
                                    {"id_token": "a.b.c", "state": "s"}, {"id_token": "x" * 20000, "state": "s"}])
def test_a_malformed_launch_is_a_clear_refusal_never_a_server_error(browser, roles, posted):
    visitor = browser()
    visitor.login_step("s-1")  # a real state cookie, so the token itself is what is checked
    refused = visitor.client.post("/lti/launch/", posted, secure=True)
    assert refused.status_code in (400, 403) and "CivicLearn" in refused.content.decode()
    assert get_user_model().objects.count() == 0
