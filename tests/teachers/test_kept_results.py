"""The class results page is kept whole under its set's results marker (civiclearn/kept_pages.py): after
each change a teacher can make happen — a student joins, starts, answers, finishes, retakes, leaves; an
item is edited; the set is renamed or its grading rule changes; a student is given their own rules — the page is exactly what rendering it afresh gives."""

from datetime import timedelta

import pytest
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from quizzes.models import AssignmentOverride, Item, QuizSet
from quizzes.services.answering import attempt_answer, attempt_finish
from quizzes.services.assignments import assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join, class_remove_student
from quizzes.services.item_review import item_edit
from quizzes.services.overrides import override_remove, override_set
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create, quiz_set_update
from quizzes.views.teaching import _results_context
from tests.conftest import json_answer, rendered_afresh, without_csrf_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(teacher, seed_bank):
    school_class = class_create(teacher=teacher, name="三年一組")
    quiz_set = quiz_set_create(owner=teacher, title="確認", attempts_allowed=0, grading="highest")
    for item in Item.objects.filter(kind="single_choice", status="published").order_by("id")[:3]:
        entry_add_item(quiz_set=quiz_set, item=item)
    now = timezone.now()
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                   close_at=now + timedelta(days=1))
    return school_class, quiz_set, assignment


def _shown(client, quiz_set, teacher) -> str:
    kept = client.get(reverse("quizzes:teach-results", args=[quiz_set.pk])).content.decode()
    afresh = rendered_afresh(teacher, reverse("quizzes:teach-results", args=[quiz_set.pk]),
                             "quizzes/teach/results.html", _results_context(QuizSet.objects.get(pk=quiz_set.pk)))
    assert without_csrf_tokens(kept) == without_csrf_tokens(afresh)
    return kept


def _answer_all(attempt, right=True):
    for slot in attempt.slots.select_related("version", "attempt").order_by("position"):
        attempt_answer(slot=slot, response=json_answer(slot, right=right))


def test_the_kept_results_follow_every_change(client, teacher, assigned, django_user_model):
    school_class, quiz_set, assignment = assigned
    client.force_login(teacher)
    _shown(client, quiz_set, teacher)

    student = django_user_model.objects.create_user("hanako")
    class_join(student=student, join_code=school_class.join_code)
    assert "hanako" in _shown(client, quiz_set, teacher)
    attempt = assignment_start(assignment=assignment, student=student)
    _shown(client, quiz_set, teacher)
    _answer_all(attempt, right=False)
    attempt_finish(attempt=attempt)
    _shown(client, quiz_set, teacher)
    retake = assignment_start(assignment=assignment, student=student)
    _answer_all(retake)
    attempt_finish(attempt=retake)
    _shown(client, quiz_set, teacher)
    quiz_set_update(quiz_set=QuizSet.objects.get(pk=quiz_set.pk), grading="average")
    _shown(client, quiz_set, teacher)
    quiz_set_update(quiz_set=QuizSet.objects.get(pk=quiz_set.pk), title="確認テスト（改題）")
    assert "確認テスト（改題）" in _shown(client, quiz_set, teacher)
    item = Item.objects.get(pk=attempt.slots.order_by("position").first().item_id)
    item_edit(item=item, changes={"prompt": item.prompt + "（改訂）"})
    assert "（改訂）" in _shown(client, quiz_set, teacher)
    override = override_set(teacher=teacher, assignment=assignment, student=student, time_limit_minutes=45)
    assert "45分" in _shown(client, quiz_set, teacher)
    override_set(teacher=teacher, assignment=assignment, student=student, time_limit_minutes=60)
    assert "60分" in _shown(client, quiz_set, teacher)
    override_remove(teacher=teacher, override=AssignmentOverride.objects.get(pk=override.pk))
    assert "60分" not in _shown(client, quiz_set, teacher)
    class_remove_student(school_class=school_class, student=student)
    _shown(client, quiz_set, teacher)


def test_a_kept_results_page_renders_no_template_in_bounded_queries(client, teacher, assigned,
                                                                    django_user_model, django_assert_max_num_queries):
    school_class, quiz_set, assignment = assigned
    for name in ("a", "b", "c"):
        student = django_user_model.objects.create_user(name)
        class_join(student=student, join_code=school_class.join_code)
        attempt = assignment_start(assignment=assignment, student=student)
        _answer_all(attempt)
        attempt_finish(attempt=attempt)
    client.force_login(teacher)
    url = reverse("quizzes:teach-results", args=[quiz_set.pk])
    first = client.get(url).content.decode()
    rendered = []
    template_rendered.connect(lambda sender, template, **kwargs: rendered.append(template.name), weak=False,
                              dispatch_uid="count-renders")
    try:
        # the session, the teacher with their role, the set, the marker (one statement)
        with django_assert_max_num_queries(4):
            again = client.get(url).content.decode()
    finally:
        template_rendered.disconnect(dispatch_uid="count-renders")
    assert rendered == [] and without_csrf_tokens(again) == without_csrf_tokens(first)


def test_another_teacher_gets_no_kept_results(client, assigned, django_user_model):
    from django.contrib.auth.models import Group

    _school_class, quiz_set, _assignment = assigned
    other = django_user_model.objects.create_user("other")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    client.force_login(other)
    assert client.get(reverse("quizzes:teach-results", args=[quiz_set.pk])).status_code == 404
