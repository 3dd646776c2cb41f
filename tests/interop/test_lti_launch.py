"""LTI 1.3 as an LMS drives it (tests/interop/lms.py plays the platform): the OIDC login and the
signed launch sign a teacher and a student in, by platform and ``sub``; the teacher places a quiz
set by Deep Linking; the student's launch of that link opens it."""

import jwt
import pytest
from django.contrib.auth import get_user_model
from lti_tool.models import LtiUser

from interop.models import LtiAssignmentLink, LtiClassLink
from quizzes.models import Item, Membership, SchoolClass
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

from .lms import LTI

pytestmark = pytest.mark.django_db


def _teacher_with_a_set(browser, roles, title="確認テスト"):
    teacher = browser()
    landed = teacher.launch("t-1", roles["teacher"])
    assert landed.status_code == 302
    user = LtiUser.objects.get(sub="t-1").auth_user
    quiz_set = quiz_set_create(owner=user, title=title)
    for item in Item.objects.filter(kind="true_false", status="published")[:2]:
        entry_add_item(quiz_set=quiz_set, item=item)
    return teacher, user, quiz_set


def test_a_teacher_launch_makes_a_teacher_account_and_the_course_a_class(browser, roles):
    teacher = browser()
    landed = teacher.launch("t-1", roles["teacher"])
    user = LtiUser.objects.get(sub="t-1").auth_user
    link = LtiClassLink.objects.get()
    assert landed.status_code == 302 and landed["Location"] == f"/teach/classes/{link.school_class_id}/"
    assert link.school_class.teacher == user and link.school_class.name == "市民科 1組"
    assert user.groups.filter(name="teachers").exists() and not user.has_usable_password()
    page = teacher.get(landed["Location"])
    assert page.status_code == 200 and "市民科 1組" in page.content.decode()


def test_the_same_sub_is_the_same_account_and_an_e_mail_is_never_the_key(browser, roles):
    first = browser().launch("s-1", roles["student"], extra={"email": "same@example.org"})
    again = browser().launch("s-1", roles["student"], extra={"email": "same@example.org"})
    other = browser().launch("s-2", roles["student"], extra={"email": "same@example.org"})
    assert first.status_code == again.status_code == other.status_code == 302
    accounts = {lti.sub: lti.auth_user_id for lti in LtiUser.objects.all()}
    assert accounts["s-1"] != accounts["s-2"] and get_user_model().objects.count() == 2


def test_deep_linking_places_a_set_and_the_students_launch_opens_it(browser, roles, seed_bank, lms):
    teacher, _user, quiz_set = _teacher_with_a_set(browser, roles)
    placing = teacher.launch("t-1", roles["teacher"], message_type="LtiDeepLinkingRequest")
    assert placing.status_code == 302 and placing["Location"] == "/lti/deep-link/"
    picker = teacher.get("/lti/deep-link/").content.decode()
    assert f'value="set:{quiz_set.pk}"' in picker and "確認テスト" in picker

    answer = teacher.post("/lti/deep-link/", {"choice": f"set:{quiz_set.pk}"})
    html = answer.content.decode()
    assert answer.status_code == 200 and f'action="{lms.issuer}/deep-link-return"' in html
    assert lms.issuer in answer["Content-Security-Policy"].split("form-action", 1)[1].split(";")[0]
    signed = html.split('name="JWT" value="', 1)[1].split('"', 1)[0]
    jwks = teacher.get("/lti/jwks/").json()
    key = jwt.PyJWK(jwks["keys"][0])
    message = jwt.decode(signed, key.key, algorithms=["RS256"], audience=lms.issuer)
    assert jwt.get_unverified_header(signed)["kid"] == jwks["keys"][0]["kid"]
    assert message["iss"] == lms.client_id and message[LTI + "message_type"] == "LtiDeepLinkingResponse"
    [placed] = message["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert placed["type"] == "ltiResourceLink" and placed["url"] == "https://testserver/lti/launch/"
    assert placed["custom"]["quiz_set"] == str(quiz_set.pk) and placed["lineItem"]["scoreMaximum"] == 100

    # the LMS fills in the link's dates and launches a student with the custom parameters it placed
    custom = {**placed["custom"], "opens": "2026-01-01T00:00:00Z", "closes": "2099-01-31T15:00:00Z"}
    student = browser()
    landed = student.launch("s-1", roles["student"], custom=custom, ags_lineitem=lms.lineitem_url())
    link = LtiAssignmentLink.objects.select_related("assignment").get()
    assert landed.status_code == 302 and landed["Location"] == f"/lti/assignments/{link.assignment_id}/"
    assert link.assignment.quiz_set == quiz_set and link.can_publish_scores
    assert link.assignment.close_at.year == 2099 and link.lineitem_url == lms.lineitem_url()
    learner = LtiUser.objects.get(sub="s-1").auth_user
    assert Membership.objects.filter(school_class=link.assignment.school_class, student=learner).exists()
    page = student.get(landed["Location"]).content.decode()
    assert "確認テスト" in page and f"/assignments/{link.assignment_id}/start/" in page
    started = student.post(f"/assignments/{link.assignment_id}/start/")
    assert started.status_code == 302 and started["Location"].startswith("/practice/")


def test_the_teacher_launching_a_placed_link_sees_its_results(browser, roles, seed_bank, lms):
    teacher, _user, quiz_set = _teacher_with_a_set(browser, roles)
    landed = teacher.launch("t-1", roles["teacher"], custom={"quiz_set": str(quiz_set.pk)},
                            ags_lineitem=lms.lineitem_url())
    assert landed.status_code == 302 and landed["Location"] == f"/teach/sets/{quiz_set.pk}/results/"
    assert teacher.get(landed["Location"]).status_code == 200


def test_a_chapter_link_opens_the_chapter(browser, roles, imported_seed):
    landed = browser().launch("s-1", roles["student"], custom={"chapter": imported_seed.slug})
    assert landed.status_code == 302 and landed["Location"] == imported_seed.get_absolute_url()


def test_a_second_launch_moves_the_assignment_to_the_dates_set_in_the_lms(browser, roles, seed_bank, lms):
    _teacher, _user, quiz_set = _teacher_with_a_set(browser, roles)
    custom = {"quiz_set": str(quiz_set.pk), "opens": "$ResourceLink.available.startDateTime",
              "closes": "$ResourceLink.submission.endDateTime"}
    browser().launch("s-1", roles["student"], custom=custom)
    assignment = LtiAssignmentLink.objects.get().assignment
    assert (assignment.close_at - assignment.open_at).days == 365  # unfilled substitutions: the default
    browser().launch("s-2", roles["student"], custom={**custom, "closes": "2099-03-01T00:00:00+09:00"})
    assignment.refresh_from_db()
    assert assignment.close_at.isoformat() == "2099-02-28T15:00:00+00:00"
    assert SchoolClass.objects.count() == 1 and assignment.school_class.memberships.count() == 2
