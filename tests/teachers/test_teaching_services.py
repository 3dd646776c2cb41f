"""Classes, the quiz-set builder, assignments with dates, attempt limits and the server-side time limit."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quizzes.models import Answer, Attempt, Item, Membership
from quizzes.services.answering import AnswerRefused, attempt_answer, attempt_finish
from quizzes.services.assignments import AttemptRefused, assignment_create, assignment_start
from quizzes.services.classes import (
    JOIN_CODE_ALPHABET,
    class_create,
    class_join,
    class_remove_student,
    class_renew_code,
)
from quizzes.services.quiz_sets import (
    entry_add_item,
    entry_add_random,
    entry_move,
    entry_remove,
    item_write,
    quiz_set_create,
)
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 5, 11, 0, 0, tzinfo=UTC)


@pytest.fixture
def school_class(teacher, student):
    created = class_create(teacher=teacher, name="3年1組")
    class_join(student=student, join_code=created.join_code)
    return created


@pytest.fixture
def quiz_set(teacher, seed_bank):
    created = quiz_set_create(owner=teacher, title="第1章 小テスト", time_limit_minutes=20, attempts_allowed=2)
    for item in Item.objects.filter(kind="single_choice").order_by("id")[:3]:
        entry_add_item(quiz_set=created, item=item)
    return created


@pytest.fixture
def assignment(quiz_set, school_class):
    return assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0, close_at=T0 + timedelta(days=7))


def test_a_class_gets_a_code_without_confusable_characters(teacher):
    codes = {class_create(teacher=teacher, name=f"組{n}").join_code for n in range(20)}
    assert len(codes) == 20 and all(len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET) for code in codes)
    assert not set(JOIN_CODE_ALPHABET) & set("0OQ1IL2Z5S8B6G")


def test_only_teachers_create_classes(student):
    with pytest.raises(PermissionDenied):
        class_create(teacher=student, name="x")


def test_joining_normalises_the_code_and_counts_once(school_class, student, django_user_model):
    other = django_user_model.objects.create_user("jiro", password="pw-12345678")
    typed = f" {school_class.join_code[:3].lower()}-{school_class.join_code[3:]} "
    assert class_join(student=other, join_code=typed) == school_class
    class_join(student=other, join_code=school_class.join_code)
    assert Membership.objects.filter(school_class=school_class).count() == 2
    with pytest.raises(ValidationError, match="このコードのクラスはありません"):
        class_join(student=other, join_code="AAAAAA")


def test_renewing_the_code_and_removing_a_student(school_class, student, django_user_model):
    old = school_class.join_code
    new = class_renew_code(school_class=school_class)
    assert new != old
    with pytest.raises(ValidationError):
        class_join(student=django_user_model.objects.create_user("late", password="pw-12345678"), join_code=old)
    assert class_remove_student(school_class=school_class, student=student)
    assert not Membership.objects.filter(student=student).exists()


def test_the_builder_adds_moves_and_removes(quiz_set):
    first, second, third = quiz_set.entries.order_by("position")
    with pytest.raises(ValidationError, match="すでにセットにあります"):
        entry_add_item(quiz_set=quiz_set, item=first.item)
    entry_move(entry=third, offset=-1)
    assert list(quiz_set.entries.order_by("position").values_list("pk", flat=True)) == [first.pk, third.pk, second.pk]
    entry_move(entry=first, offset=-1)  # already first: nothing moves
    entry_remove(entry=third)
    assert list(quiz_set.entries.order_by("position").values_list("pk", "position")) == [(first.pk, 1), (second.pk, 2)]


def test_random_slots_need_enough_items(quiz_set, seed_bank):
    slot = entry_add_random(quiz_set=quiz_set, count=3, chapter=seed_bank, skill="date", kind="ordering")
    assert slot.is_random and slot.position == 4
    with pytest.raises(ValidationError, match="公開中の問題は3問しか"):
        entry_add_random(quiz_set=quiz_set, count=4, chapter=seed_bank, skill="date", kind="ordering")


def test_a_teachers_own_item_is_checked(teacher, quiz_set, seed_bank):
    good = item_write(author=teacher, quiz_set=quiz_set, chapter=seed_bank, section=None, kind="true_false",
                      skill="date", prompt="札幌市情報化構想は平成時代に策定された。", options=[], answer=True,
                      explanation="平成９年（1997年）12月に策定。")
    assert good.status == "published" and good.author == teacher and quiz_set.entries.filter(item=good).exists()
    with pytest.raises(ValidationError) as refused:
        item_write(author=teacher, chapter=seed_bank, section=None, kind="single_choice", skill="goal",
                   prompt="基本目標はどれですか。", options=[{"id": "a", "text": "以上すべて"}, {"id": "b", "text": "経済"}],
                   answer="b", explanation="…")
    assert "「上のすべて」「どれでもない」の類です" in " ".join(refused.value.messages)


def test_an_assignment_opens_and_closes_on_its_dates(assignment, student):
    with pytest.raises(AttemptRefused, match="に始まります"):
        assignment_start(assignment=assignment, student=student, now=T0 - timedelta(minutes=1))
    with pytest.raises(AttemptRefused, match="締め切られました"):
        assignment_start(assignment=assignment, student=student, now=T0 + timedelta(days=7))
    attempt = assignment_start(assignment=assignment, student=student, now=T0)
    assert attempt.deadline == T0 + timedelta(minutes=20) and attempt.slots.count() == 3


def test_attempts_beyond_the_allowed_number_are_refused(assignment, student):
    first = assignment_start(assignment=assignment, student=student, now=T0)
    assert assignment_start(assignment=assignment, student=student, now=T0 + timedelta(minutes=1)) == first  # resume
    attempt_finish(attempt=first, now=T0 + timedelta(minutes=2))
    second = assignment_start(assignment=assignment, student=student, now=T0 + timedelta(minutes=3))
    assert second.number == 2
    attempt_finish(attempt=second, now=T0 + timedelta(minutes=4))
    with pytest.raises(AttemptRefused, match="2回をすべて使いました"):
        assignment_start(assignment=assignment, student=student, now=T0 + timedelta(minutes=5))


def test_the_time_limit_is_enforced_by_the_server(assignment, student):
    attempt = assignment_start(assignment=assignment, student=student, now=T0)
    first, second = attempt.slots.order_by("position")[:2]
    attempt_answer(slot=first, response=json_answer(first), now=T0 + timedelta(minutes=19))
    with pytest.raises(AnswerRefused, match="時間切れ"):
        attempt_answer(slot=second, response=json_answer(second), now=T0 + timedelta(minutes=21))
    attempt.refresh_from_db()
    assert attempt.finished_at == T0 + timedelta(minutes=20) and attempt.score == 1.0
    assert Answer.objects.filter(slot__attempt=attempt).count() == 1  # the answer before the limit is kept


def test_random_slots_prefer_items_the_student_has_not_seen(teacher, school_class, student, seed_bank):
    set_ = quiz_set_create(owner=teacher, title="goals", attempts_allowed=0)
    entry_add_random(quiz_set=set_, count=2, chapter=seed_bank, skill="goal")
    assignment = assignment_create(quiz_set=set_, school_class=school_class, open_at=T0, close_at=T0 + timedelta(days=1))
    seen = []
    for round_ in range(3):
        attempt = assignment_start(assignment=assignment, student=student, now=T0 + timedelta(minutes=round_))
        drawn = [slot.item_id for slot in attempt.slots.all()]
        for slot in attempt.slots.select_related("version", "attempt"):
            attempt_answer(slot=slot, response=json_answer(slot), now=T0 + timedelta(minutes=round_))
        attempt_finish(attempt=attempt, now=T0 + timedelta(minutes=round_))
        assert not set(drawn) & set(seen)  # 8 goal items: three rounds of two never repeat
        seen += drawn


def test_assigning_needs_ownership_and_sane_dates(quiz_set, school_class, django_user_model):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("other", password="pw-12345678")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    foreign = class_create(teacher=other, name="他の組")
    with pytest.raises(PermissionDenied):
        assignment_create(quiz_set=quiz_set, school_class=foreign, open_at=T0, close_at=T0 + timedelta(days=1))
    with pytest.raises(ValidationError, match="締切は開始より後"):
        assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0, close_at=T0)
    assert Attempt.objects.count() == 0


def test_random_slots_never_draw_an_item_that_gives_a_fixed_one_away(teacher, student, seed_bank):
    from quizzes.models import ItemLeak
    from quizzes.selectors.bank import leaking_pairs
    from quizzes.services.assignments import assignment_draw_items

    # the item that most others give away (or that gives most away), fixed in the set
    counts = {}
    for giver, receiver in ItemLeak.objects.values_list("giver", "receiver"):
        counts[giver] = counts.get(giver, 0) + 1
        counts[receiver] = counts.get(receiver, 0) + 1
    fixed = Item.objects.get(pk=max(counts, key=counts.get))
    set_ = quiz_set_create(owner=teacher, title="漏れなし")
    entry_add_item(quiz_set=set_, item=fixed)
    entry_add_random(quiz_set=set_, count=8, chapter=seed_bank, skill=fixed.skill)
    clashing_with_fixed = leaking_pairs(item_ids=list(Item.objects.values_list("pk", flat=True)))[fixed.pk]
    assert len(clashing_with_fixed) >= 3
    for seed in range(10):
        drawn = assignment_draw_items(quiz_set=set_, student=student, seed=str(seed))
        assert len(drawn) == 9 and fixed in drawn
        ids = [item.pk for item in drawn]
        assert not set(ids) & clashing_with_fixed, seed
        clashes = leaking_pairs(item_ids=ids)
        assert not any(clashes.get(pk, set()) & set(ids) for pk in ids), seed  # nor among the drawn
