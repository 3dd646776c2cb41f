"""A student's own rules for an assignment (accommodations, quizzes/accommodations.py): more time,
more attempts, other dates and the feedback that waits for their own close — each enforced by the
server for that student only; the page that gives them, per role."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes.models import AssignmentOverride, Attempt, Item
from quizzes.release import feedback_visible
from quizzes.services.answering import AnswerRefused, attempt_answer, attempt_finish
from quizzes.services.assignments import AttemptRefused, assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join
from quizzes.services.overrides import override_remove, override_set
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def classroom(teacher, seed_bank, django_user_model):
    """A set of two items assigned to a class of two students, hanako (who gets the override) and taro."""
    school_class = class_create(teacher=teacher, name="3年1組")
    hanako = django_user_model.objects.create_user("hanako", password="pw-12345678")
    taro = django_user_model.objects.create_user("taro", password="pw-12345678")
    for student in (hanako, taro):
        class_join(student=student, join_code=school_class.join_code)

    def assign(*, opens=timedelta(hours=-1), closes=timedelta(days=1), **settings):
        quiz_set = quiz_set_create(owner=teacher, title="確認テスト", **settings)
        for item in Item.objects.filter(kind="true_false", status="published")[:2]:
            entry_add_item(quiz_set=quiz_set, item=item)
        now = timezone.now()
        return assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now + opens,
                                 close_at=now + closes)

    return assign, hanako, taro


def _answer_first(attempt, now):
    slot = attempt.slots.select_related("version", "attempt").order_by("position").first()
    return attempt_answer(slot=slot, response=json_answer(slot), now=now)


def test_more_time_for_one_student_only(teacher, classroom):
    assign, hanako, taro = classroom
    assignment = assign(time_limit_minutes=10)
    override_set(teacher=teacher, assignment=assignment, student=hanako, time_limit_minutes=30)
    now = timezone.now()
    hers, his = (assignment_start(assignment=assignment, student=student, now=now) for student in (hanako, taro))
    assert hers.deadline == now + timedelta(minutes=30) and his.deadline == now + timedelta(minutes=10)
    assert _answer_first(hers, now + timedelta(minutes=20)).created
    with pytest.raises(AnswerRefused, match="時間"):
        _answer_first(his, now + timedelta(minutes=20))


def test_extra_time_given_during_an_attempt_moves_its_deadline_and_taking_it_back_restores_it(teacher, classroom):
    assign, hanako, _taro = classroom
    assignment = assign(time_limit_minutes=10)
    attempt = assignment_start(assignment=assignment, student=hanako)
    override = override_set(teacher=teacher, assignment=assignment, student=hanako, time_limit_minutes=25)
    attempt.refresh_from_db()
    assert attempt.deadline == attempt.started_at + timedelta(minutes=25)
    override_remove(teacher=teacher, override=override)
    attempt.refresh_from_db()
    assert attempt.deadline == attempt.started_at + timedelta(minutes=10)


def test_another_attempt_for_one_student_only(teacher, classroom):
    assign, hanako, taro = classroom
    assignment = assign(attempts_allowed=1)
    override_set(teacher=teacher, assignment=assignment, student=hanako, attempts_allowed=2)
    for student in (hanako, taro):
        attempt_finish(attempt=assignment_start(assignment=assignment, student=student))
    assert assignment_start(assignment=assignment, student=hanako).number == 2
    with pytest.raises(AttemptRefused):
        assignment_start(assignment=assignment, student=taro)
    attempt_finish(attempt=Attempt.objects.get(learner=hanako, number=2))
    with pytest.raises(AttemptRefused):  # her second was her last
        assignment_start(assignment=assignment, student=hanako)


def test_other_dates_for_one_student_only(teacher, classroom):
    assign, hanako, taro = classroom
    closed = assign(opens=timedelta(days=-3), closes=timedelta(days=-1))
    override_set(teacher=teacher, assignment=closed, student=hanako, close_at=timezone.now() + timedelta(days=1))
    assert assignment_start(assignment=closed, student=hanako).closes_at > timezone.now()
    with pytest.raises(AttemptRefused, match="締め切"):
        assignment_start(assignment=closed, student=taro)
    later = assign()
    override_set(teacher=teacher, assignment=later, student=taro, open_at=timezone.now() + timedelta(hours=2))
    with pytest.raises(AttemptRefused, match="始まります"):
        assignment_start(assignment=later, student=taro)
    assert assignment_start(assignment=later, student=hanako)


def test_feedback_after_the_close_waits_for_the_student_s_own_close(teacher, classroom, client):
    assign, hanako, taro = classroom
    assignment = assign(feedback="after_close", closes=timedelta(hours=1))
    override_set(teacher=teacher, assignment=assignment, student=hanako, close_at=timezone.now() + timedelta(days=2))
    hers, his = (assignment_start(assignment=assignment, student=student) for student in (hanako, taro))
    for attempt in (hers, his):
        _answer_first(attempt, timezone.now())
        attempt_finish(attempt=attempt)
    after_general_close = timezone.now() + timedelta(hours=2)
    hers, his = Attempt.objects.get(pk=hers.pk), Attempt.objects.get(pk=his.pk)
    assert feedback_visible(his, after_general_close) and not feedback_visible(hers, after_general_close)
    assert feedback_visible(hers, timezone.now() + timedelta(days=3))
    from tests.release_rule import released

    shown = set(Attempt.objects.filter(released(after_general_close), pk__in=[hers.pk, his.pk])
                .values_list("pk", flat=True))
    assert shown == {his.pk}


def test_the_dashboard_and_the_api_show_the_student_s_own_rules(teacher, classroom):
    assign, hanako, taro = classroom
    assignment = assign(attempts_allowed=1, time_limit_minutes=10)
    own_close = timezone.now() + timedelta(days=5)
    override_set(teacher=teacher, assignment=assignment, student=hanako, close_at=own_close, attempts_allowed=3)
    client = Client()
    client.force_login(hanako)
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert timezone.localtime(own_close).strftime("%Y-%m-%d %H:%M") in page
    token = client.post("/api/v1/auth/token/", {"username": "hanako", "password": "pw-12345678"}).json()["token"]
    mine = Client(HTTP_AUTHORIZATION=f"Token {token}").get("/api/v1/assignments/").json()
    row = next(row for row in (mine["results"] if isinstance(mine, dict) else mine) if row["id"] == assignment.pk)
    assert row["attempts_allowed"] == 3 and row["time_limit_minutes"] == 10
    client.force_login(taro)
    assert timezone.localtime(own_close).strftime("%Y-%m-%d %H:%M") not in client.get(
        reverse("quizzes:dashboard")).content.decode()


def _page(client, quiz_set_id):
    return reverse("quizzes:teach-overrides", kwargs={"set_id": quiz_set_id})


def test_the_teacher_gives_and_takes_back_rules_on_the_page(teacher, classroom):
    assign, hanako, _taro = classroom
    assignment = assign()
    client = Client()
    client.force_login(teacher)
    url = _page(client, assignment.quiz_set_id)
    assert "生徒ごとのルール" in client.get(url).content.decode()
    given = client.post(url, {"assignment": assignment.pk, "student": hanako.pk, "time_limit_minutes": "40",
                              "note": "通級指導"}, follow=True)
    assert "hanako さんにこの課題の個別のルールを設定しました" in given.content.decode()
    override = AssignmentOverride.objects.get()
    assert (override.student, override.time_limit_minutes, override.note) == (hanako, 40, "通級指導")
    results = client.get(reverse("quizzes:teach-results", kwargs={"set_id": assignment.quiz_set_id})).content.decode()
    assert "hanako" in results and "40分" in results
    removed = client.post(reverse("quizzes:teach-override-remove", kwargs={
        "set_id": assignment.quiz_set_id, "override_id": override.pk}), follow=True)
    assert "セットのルールに戻りました" in removed.content.decode() and not AssignmentOverride.objects.exists()


@pytest.mark.parametrize("fields, message", [
    ({}, "どれか一つ以上を変えてください"),
    ({"open_at": "2030-01-02T10:00", "close_at": "2030-01-01T10:00"}, "締切は開始より後"),
    ({"time_limit_minutes": "-5"}, "0"),
])
def test_a_bad_override_is_refused_with_a_message_and_nothing_is_saved(teacher, classroom, fields, message):
    assign, hanako, _taro = classroom
    assignment = assign()
    client = Client()
    client.force_login(teacher)
    response = client.post(_page(client, assignment.quiz_set_id),
                           {"assignment": assignment.pk, "student": hanako.pk, **fields})
    assert response.status_code == 400 and message in response.content.decode()
    assert not AssignmentOverride.objects.exists()


def test_a_student_outside_the_class_cannot_be_given_rules(teacher, classroom, django_user_model):
    assign, _hanako, _taro = classroom
    assignment = assign()
    outsider = django_user_model.objects.create_user("yoso")
    client = Client()
    client.force_login(teacher)
    response = client.post(_page(client, assignment.quiz_set_id),
                           {"assignment": assignment.pk, "student": outsider.pk, "attempts_allowed": "2"})
    assert response.status_code == 400 and not AssignmentOverride.objects.exists()


def test_per_role_only_the_set_s_teacher_reaches_the_page(teacher, classroom, django_user_model):
    from django.contrib.auth.models import Group

    assign, hanako, _taro = classroom
    assignment = assign()
    override = override_set(teacher=teacher, assignment=assignment, student=hanako, attempts_allowed=2)
    other = django_user_model.objects.create_user("tanin")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    page = _page(None, assignment.quiz_set_id)
    remove = reverse("quizzes:teach-override-remove", kwargs={"set_id": assignment.quiz_set_id,
                                                              "override_id": override.pk})
    expected = {None: 302, hanako: 403, other: 404, teacher: 200}
    for user, status in expected.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        assert client.get(page).status_code == status, user
        posted = client.post(page, {"assignment": assignment.pk, "student": hanako.pk, "attempts_allowed": "9"})
        assert posted.status_code == (302 if user == teacher else status), user
        if user != teacher:
            assert client.post(remove).status_code == status
    assert AssignmentOverride.objects.get().attempts_allowed == 9  # only the teacher's post changed it


def test_support_staff_see_the_rules_in_the_admin_and_cannot_change_them_there(teacher, classroom, django_user_model):
    assign, hanako, _taro = classroom
    assignment = assign()
    override_set(teacher=teacher, assignment=assignment, student=hanako, time_limit_minutes=40, note="通級指導")
    admin_user = django_user_model.objects.create_superuser("kanri", password="pw-12345678")
    client = Client()
    client.force_login(admin_user)
    page = client.get(reverse("admin:quizzes_assignment_change", args=[assignment.pk])).content.decode()
    assert "通級指導" in page and 'name="overrides-0-note"' not in page  # shown, not a field to change


def test_the_api_gives_lists_and_takes_back_rules_only_for_the_set_s_teacher(teacher, classroom, django_user_model):
    from django.contrib.auth.models import Group
    from rest_framework.test import APIClient

    assign, hanako, taro = classroom
    assignment = assign(time_limit_minutes=10)
    url = f"/api/v1/quiz-sets/{assignment.quiz_set_id}/overrides/"
    api = APIClient()
    api.force_authenticate(teacher)
    given = api.post(url, {"assignment": assignment.pk, "student": hanako.pk, "time_limit_minutes": 30,
                           "note": "通級指導"}, format="json")
    assert given.status_code == 201 and given.json()["student"] == "hanako"
    assert assignment_start(assignment=assignment, student=hanako).deadline > timezone.now() + timedelta(minutes=25)
    assert [row["time_limit_minutes"] for row in api.get(url).json()] == [30]
    bad = api.post(url, {"assignment": assignment.pk, "student": taro.pk, "time_limit": 30}, format="json")
    assert bad.status_code == 400 and "time_limit" in bad.json()  # an unknown field is named
    nothing = api.post(url, {"assignment": assignment.pk, "student": taro.pk}, format="json")
    assert nothing.status_code == 400
    other = django_user_model.objects.create_user("tanin")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    override_id = AssignmentOverride.objects.get().pk
    remove = f"{url}{override_id}/remove/"
    for user, status in ((None, 401), (hanako, 403), (other, 404)):
        stranger = APIClient()
        if user is not None:
            stranger.force_authenticate(user)
        assert stranger.get(url).status_code in (status, 403 if status == 401 else status)
        assert stranger.post(url, {"assignment": assignment.pk, "student": hanako.pk, "attempts_allowed": 5},
                             format="json").status_code in (status, 403 if status == 401 else status)
        assert stranger.post(remove).status_code in (status, 403 if status == 401 else status)
    assert AssignmentOverride.objects.get().attempts_allowed is None  # no stranger changed it
    assert api.post(remove).status_code == 204 and not AssignmentOverride.objects.exists()
