"""Querysets compiled once and run with new values (civiclearn/compiled_queries.py): the same instances,
related objects and annotations as the ORM gives, nothing for values outside a column's range, and the
same safeguards."""

import pytest
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.transaction import TransactionManagementError

from civiclearn.compiled_queries import CompiledQuery
from quizzes.models import Attempt, AttemptItem
from quizzes.services.practice import practice_start
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
LEARNER, ATTEMPT, POSITION = (Attempt._meta.get_field("learner"), AttemptItem._meta.get_field("attempt"),
                              AttemptItem._meta.get_field("position"))


def _slots(learner, attempt, position):
    """The slots from ``position`` on (the rest of the attempt)."""
    total = (AttemptItem.objects.filter(attempt=OuterRef("attempt_id")).order_by().values("attempt_id")
             .annotate(n=Count("*")).values("n"))
    return (AttemptItem.objects.select_related("attempt__chapter", "attempt__section", "version", "answer")
            .annotate(total=Subquery(total))
            .filter(attempt__learner_id=learner, attempt_id=attempt, position__gte=position).order_by("position"))


def _slot(learner, attempt, position):
    return AttemptItem.objects.filter(attempt__learner_id=learner, attempt_id=attempt, position=position)


def _described(slot):
    answer = getattr(slot, "answer", None) if AttemptItem.answer.is_cached(slot) else "not loaded"
    return (slot.pk, slot.position, slot.option_order, slot.total, slot.attempt.pk, slot.attempt.learner_id,
            slot.attempt.chapter.title, slot.attempt.section, slot.version.pk, slot.version.options,
            answer if not hasattr(answer, "pk") else (answer.pk, answer.response, answer.score))


@pytest.fixture
def attempt(seed_bank, student):
    from quizzes.services.answering import attempt_answer

    started = practice_start(learner=student, chapter=seed_bank, size=5)
    first = started.slots.select_related("version").order_by("position").first()
    attempt_answer(slot=first, response=json_answer(first))
    return started


def test_the_instances_are_those_the_orm_makes(attempt, django_assert_num_queries):
    compiled = CompiledQuery(_slots, learner=LEARNER, attempt=ATTEMPT, position=POSITION)
    compiled.run(learner=attempt.learner_id, attempt=attempt.pk, position=1)  # compiled on the first call
    for position in (1, 3, 5):
        with django_assert_num_queries(1):
            found = compiled.run(learner=attempt.learner_id, attempt=attempt.pk, position=position)
        expected = list(_slots(attempt.learner_id, attempt.pk, position))
        assert len(found) == len(expected) == 6 - position
        assert [_described(slot) for slot in found] == [_described(slot) for slot in expected]
        assert all(not hasattr(slot, "answer") for slot in found if slot.position > 1)
    first = compiled.first(learner=attempt.learner_id, attempt=attempt.pk, position=1)
    assert first.answer.correct is True


def test_another_learner_finds_nothing_and_first_says_none(attempt, teacher):
    compiled = CompiledQuery(_slots, learner=LEARNER, attempt=ATTEMPT, position=POSITION)
    assert compiled.run(learner=teacher.pk, attempt=attempt.pk, position=1) == []
    assert compiled.first(learner=teacher.pk, attempt=attempt.pk, position=1) is None


@pytest.mark.parametrize("values", [{"position": -1}, {"attempt": 2 ** 70}])
def test_a_value_outside_every_column_s_range_finds_nothing_without_asking_the_database(
        attempt, values, django_assert_num_queries):
    compiled = CompiledQuery(_slot, learner=LEARNER, attempt=ATTEMPT, position=POSITION)
    with django_assert_num_queries(0):
        assert compiled.run(**{"learner": attempt.learner_id, "attempt": attempt.pk, "position": 1, **values}) == []


def test_a_value_beyond_a_small_integer_finds_what_the_orm_finds(attempt):
    """On PostgreSQL 40,000 is outside a small integer column (a query would be an error); SQLite's columns
    take it."""
    compiled = CompiledQuery(_slot, learner=LEARNER, attempt=ATTEMPT, position=POSITION)
    assert compiled.run(learner=attempt.learner_id, attempt=attempt.pk, position=40_000) == []
    assert list(_slot(attempt.learner_id, attempt.pk, 40_000)) == []
    assert compiled.first(learner=attempt.learner_id, attempt=attempt.pk, position=2).position == 2


def test_values_are_integers_and_all_of_them_are_given(attempt):
    compiled = CompiledQuery(_slots, learner=LEARNER, attempt=ATTEMPT, position=POSITION)
    with pytest.raises(TypeError):
        compiled.run(learner=attempt.learner_id, attempt=str(attempt.pk), position=1)
    with pytest.raises(TypeError):
        compiled.run(learner=attempt.learner_id, attempt=attempt.pk)


def test_a_value_the_query_does_not_use_is_refused():
    compiled = CompiledQuery(lambda learner, attempt: AttemptItem.objects.filter(attempt_id=attempt),
                             learner=LEARNER, attempt=ATTEMPT)
    with pytest.raises(ValueError, match="learner"):
        compiled.run(learner=1, attempt=1)


@pytest.mark.django_db(transaction=True)
def test_a_locking_query_asks_for_a_transaction(attempt):
    compiled = CompiledQuery(lambda attempt: Attempt.objects.select_for_update().filter(pk=attempt), attempt=ATTEMPT)
    with transaction.atomic():
        assert compiled.first(attempt=attempt.pk).pk == attempt.pk
    with pytest.raises(TransactionManagementError):
        compiled.run(attempt=attempt.pk)


def test_values_and_prefetches_are_refused():
    compiled = CompiledQuery(lambda attempt: AttemptItem.objects.filter(attempt_id=attempt).values("id"),
                             attempt=ATTEMPT)
    with pytest.raises(ValueError):
        compiled.run(attempt=1)


def test_a_list_of_values_gives_the_rows_the_orm_gives_and_text_values_are_matched(seed_bank):
    from content.models import Chapter

    compiled = CompiledQuery(lambda slug: Chapter.objects.filter(slug=slug).values_list("pk", "revision", "title"),
                             slug=Chapter._meta.get_field("slug"))
    assert compiled.run(slug=seed_bank.slug) == list(Chapter.objects.filter(slug=seed_bank.slug)
                                                     .values_list("pk", "revision", "title"))
    assert compiled.run(slug="no-such-chapter") == []
    with pytest.raises(TypeError):
        compiled.run(slug=seed_bank.pk)


def test_a_list_of_expressions_is_refused():
    from django.db.models import F

    compiled = CompiledQuery(lambda attempt: AttemptItem.objects.filter(attempt_id=attempt)
                             .values_list("pk", F("position") + 1), attempt=ATTEMPT)
    with pytest.raises(ValueError):
        compiled.run(attempt=1)


def test_a_date_value_bounds_a_date_column_as_the_orm_s_lookup_does(student, seed_bank):
    from datetime import date, timedelta

    from quizzes.models import AnswerDay

    for back in range(5):
        AnswerDay.objects.create(learner=student, day=date(2026, 3, 10) - timedelta(days=back), answered=back + 1)

    def days(learner, since):
        return AnswerDay.objects.filter(learner_id=learner, day__gte=since).order_by("day").values_list("day", "answered")

    compiled = CompiledQuery(days, learner=AnswerDay._meta.get_field("learner"), since=AnswerDay._meta.get_field("day"))
    for since in (date(2026, 3, 8), date(2026, 3, 10), date(2026, 3, 11), date(2000, 1, 1)):
        assert compiled.run(learner=student.pk, since=since) == list(days(student.pk, since))
    assert [day for day, _n in compiled.run(learner=student.pk, since=date(2026, 3, 8))] == [
        date(2026, 3, 8), date(2026, 3, 9), date(2026, 3, 10)]
    with pytest.raises(TypeError):
        compiled.run(learner=student.pk, since="2026-03-08")
    with pytest.raises(TypeError):
        from datetime import datetime
        compiled.run(learner=student.pk, since=datetime(2026, 3, 8))
