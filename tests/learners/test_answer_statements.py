"""The answer's statements (issue 17): the slot read with its attempt locked in one query, no savepoint
around the answer, the card updated in place; and a racing duplicate still counted once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Answer, Item, ReviewCard, ReviewLog
from quizzes.services.answering import attempt_answer_item
from quizzes.services.practice import attempt_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db


def _answer(slot, **kwargs):
    return attempt_answer_item(learner_id=slot.attempt.learner_id, attempt_id=slot.attempt_id, item_id=slot.item_id,
                               response=json_answer(slot, **kwargs))


@pytest.fixture
def two_items(seed_bank):
    return list(Item.objects.filter(kind="single_choice", status=Item.Status.PUBLISHED)[:2])


def test_an_answer_to_a_reviewed_item_runs_six_statements(student, two_items):
    first = attempt_create(learner=student, items=two_items)
    for slot in first.slots.select_related("attempt", "version"):
        _answer(slot)  # the cards and the day's summary exist from here on
    again = attempt_create(learner=student, items=two_items).slots.select_related("attempt", "version").first()
    with CaptureQueriesContext(connection) as statements:
        result = _answer(again, right=False)
    sql = [query["sql"] for query in statements.captured_queries]
    # the slot with its attempt (locked), the answer, the card read and updated, the log, the day's summary,
    # the item's misses (a wrong answer: its first miss, so an update finding nothing, then the insert in
    # a savepoint of its own)
    assert result.created and not result.answer.correct
    assert sum("quizzes_attempt" in statement and statement.startswith("SELECT") for statement in sql) == 1
    assert sum(statement.startswith("INSERT INTO \"quizzes_answer\"") for statement in sql) == 1
    assert not any("quizzes_attempt\" SET" in statement for statement in sql)
    assert len([s for s in sql if "quizzes_missed" not in s and "SAVEPOINT" not in s]) == 6, sql
    assert ReviewCard.objects.get(learner=student, item=again.item).reviews == 2


def test_a_first_review_makes_the_card_already_reviewed(student, two_items):
    slot = attempt_create(learner=student, items=two_items[:1]).slots.select_related("attempt", "version").get()
    with CaptureQueriesContext(connection) as statements:
        _answer(slot)
    assert not any(s["sql"].startswith("UPDATE \"quizzes_reviewcard\"") for s in statements.captured_queries)
    card = ReviewCard.objects.get(learner=student, item=slot.item)
    assert card.reviews == 1 and card.lapses == 0 and card.card and card.due > card.last_review
    assert ReviewLog.objects.get(card=card).answer.slot == slot


def test_an_answer_seen_only_after_the_lock_is_a_repeat_and_nothing_else_is_written(student, two_items):
    """The insert fails when a racing request answered first (the slot was read before its answer was
    committed): the whole transaction is undone, the first answer stands and the same answer is a repeat."""
    slot = attempt_create(learner=student, items=two_items[:1]).slots.select_related("attempt", "version").get()
    first = _answer(slot)
    from quizzes.services import answering

    stale = answering._SLOT_WITH_ATTEMPT_LOCKED.first(learner=student.pk, attempt=slot.attempt_id, item=slot.item_id)
    answering.AttemptItem.answer.related.set_cached_value(stale, None)  # as if read before the first answer

    def read():
        return stale.attempt, stale

    with CaptureQueriesContext(connection) as statements:
        repeat = answering._answered(read, json_answer(slot), now=first.answer.answered_at)
    assert any(s["sql"].startswith('INSERT INTO "quizzes_answer"') for s in statements.captured_queries)
    assert not repeat.created and repeat.answer == first.answer
    assert Answer.objects.filter(slot=slot).count() == 1 and ReviewLog.objects.count() == 1
    assert ReviewCard.objects.get(learner=student).reviews == 1
