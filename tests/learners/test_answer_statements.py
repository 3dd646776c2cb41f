"""The answer's statements (issue 17): the slot read with its attempt locked in one query, no savepoint
around the answer, no card read or written (its review is written behind it, in one batch by the next
read of cards); and a racing duplicate still counted once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Answer, Item, ReviewCard, ReviewLog
from quizzes.services.answering import attempt_answer_item
from quizzes.services.practice import attempt_create
from quizzes.services.reviews import reviews_release
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db


def _answer(slot, **kwargs):
    return attempt_answer_item(learner_id=slot.attempt.learner_id, attempt_id=slot.attempt_id, item_id=slot.item_id,
                               response=json_answer(slot, **kwargs))


@pytest.fixture
def two_items(seed_bank):
    return list(Item.objects.filter(kind="single_choice", status=Item.Status.PUBLISHED)[:2])


def test_an_answer_to_a_reviewed_item_runs_three_statements_and_touches_no_card(student, two_items):
    first = attempt_create(learner=student, items=two_items)
    for slot in first.slots.select_related("attempt", "version"):
        _answer(slot)  # the cards (once released) and the day's summary exist from here on
    reviews_release(learner_id=student.pk)
    again = attempt_create(learner=student, items=two_items).slots.select_related("attempt", "version").first()
    with CaptureQueriesContext(connection) as statements:
        result = _answer(again, right=False)
    sql = [query["sql"] for query in statements.captured_queries]
    # the slot with its attempt (locked), the answer, the day's summary, the item's misses (a wrong answer:
    # its first miss, so an update finding nothing, then the insert in a savepoint of its own)
    assert result.created and not result.answer.correct and result.answer.review_pending
    assert result.answer.learner_id == student.pk  # its pending review is found by the learner's index
    assert sum("quizzes_attempt" in statement and statement.startswith("SELECT") for statement in sql) == 1
    assert sum(statement.startswith("INSERT INTO \"quizzes_answer\"") for statement in sql) == 1
    assert not any("quizzes_attempt\" SET" in statement for statement in sql)
    assert not any("quizzes_review" in statement for statement in sql)
    assert len([s for s in sql if "quizzes_missed" not in s and "SAVEPOINT" not in s]) == 3, sql
    assert ReviewCard.objects.get(learner=student, item=again.item).reviews == 1  # until the next read
    assert reviews_release(learner_id=student.pk) == 1
    card = ReviewCard.objects.get(learner=student, item=again.item)
    assert card.reviews == 2 and card.lapses == 1 and card.last_review == result.answer.answered_at


def test_a_release_of_many_answers_runs_the_same_statements_as_of_two(student, seed_bank):
    def release_statements(items):
        attempt = attempt_create(learner=student, items=items)
        for slot in attempt.slots.select_related("attempt", "version"):
            _answer(slot)
        with CaptureQueriesContext(connection) as statements:
            assert reviews_release(learner_id=student.pk) == len(items)
        return [query["sql"].split()[0] for query in statements.captured_queries
                if "SAVEPOINT" not in query["sql"]]

    published = list(Item.objects.filter(status=Item.Status.PUBLISHED).order_by("id"))
    # the pending answers, those answers locked, their cards locked, the new cards, the logs, the answers
    # marked: one batch however many answers (new cards only: nothing to update)
    made = ["SELECT", "SELECT", "SELECT", "INSERT", "INSERT", "UPDATE"]
    assert release_statements(published[:2]) == release_statements(published[2:42]) == made
    # answered again: the cards exist, and the batch updates them in one statement instead of making them
    assert release_statements(published[:40]) == ["SELECT", "SELECT", "SELECT", "UPDATE", "INSERT", "UPDATE"]
    assert ReviewCard.objects.filter(learner=student, reviews=2).count() == 40
    assert ReviewLog.objects.filter(card__learner=student).count() == 82


def test_a_first_review_makes_the_card_already_reviewed(student, two_items):
    slot = attempt_create(learner=student, items=two_items[:1]).slots.select_related("attempt", "version").get()
    _answer(slot)
    with CaptureQueriesContext(connection) as statements:
        reviews_release(learner_id=student.pk)
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
    assert reviews_release(learner_id=student.pk) == 1
    assert Answer.objects.filter(slot=slot).count() == 1 and ReviewLog.objects.count() == 1
    assert ReviewCard.objects.get(learner=student).reviews == 1
