"""Names and Role Provisioning: the teacher brings the LMS course's students into the class, from the
class page; twice brings no one twice; only the class's own teacher may."""

import pytest
from lti_tool.models import LtiUser

from interop.models import LtiClassLink
from quizzes.models import Membership

from .lms import INSTRUCTOR, LEARNER, ROLE

pytestmark = pytest.mark.django_db


def _course_roster(lms):
    lms.recorded.members[:] = [
        {"user_id": "s-1", "name": "生徒 一", "roles": [LEARNER]},
        {"user_id": "s-2", "name": "生徒 二", "roles": [LEARNER], "status": "Active"},
        {"user_id": "s-3", "name": "退学", "roles": [LEARNER], "status": "Inactive"},
        {"user_id": "t-1", "name": "先生", "roles": [INSTRUCTOR]},
        {"user_id": "m-1", "roles": [ROLE + "Mentor"]},
        {"name": "no id at all", "roles": [LEARNER]},
    ]


def test_the_teacher_pulls_the_course_students_into_the_class(browser, roles, lms):
    teacher = browser()
    landed = teacher.launch("t-1", roles["teacher"])
    class_page = landed["Location"]
    page = teacher.get(class_page).content.decode()
    link = LtiClassLink.objects.get()
    pull = f"/lti/classes/{link.school_class_id}/members/"
    assert f'action="{pull}"' in page
    _course_roster(lms)

    pulled = teacher.post(pull, follow=True)
    assert pulled.redirect_chain[-1][0] == class_page
    students = set(Membership.objects.filter(school_class=link.school_class)
                   .values_list("student__lti_users__sub", flat=True))
    assert students == {"s-1", "s-2"}
    assert "生徒 2 人を追加、0 人はすでにクラスにいます。生徒でない 3 人" in pulled.content.decode()
    teacher.post(pull)
    assert Membership.objects.filter(school_class=link.school_class).count() == 2

    # a student pulled in and launching later is the same account, already in the class
    assert browser().launch("s-1", roles["student"]).status_code == 302
    assert Membership.objects.filter(school_class=link.school_class).count() == 2
    assert LtiUser.objects.get(sub="s-1").auth_user.memberships.count() == 1


def test_only_the_class_teacher_may_pull(browser, roles, lms, client, teacher_client):
    browser().launch("t-1", roles["teacher"])
    student = browser()
    student.launch("s-1", roles["student"])
    pull = f"/lti/classes/{LtiClassLink.objects.get().school_class_id}/members/"
    _course_roster(lms)
    assert student.post(pull).status_code == 403
    assert teacher_client.post(pull, secure=True).status_code == 404  # another teacher
    assert client.post(pull).status_code == 302  # anonymous: to sign in
    assert Membership.objects.count() == 1


def test_a_class_not_from_an_lms_has_no_pull(teacher, teacher_client):
    from quizzes.services.classes import class_create

    school_class = class_create(teacher=teacher, name="普通のクラス")
    page = teacher_client.get(f"/teach/classes/{school_class.pk}/").content.decode()
    assert "/members/" not in page
    assert teacher_client.post(f"/lti/classes/{school_class.pk}/members/").status_code == 403
