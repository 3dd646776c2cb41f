"""Scheduling reviews (FSRS) from answers, once their feedback is released (quizzes/release.py)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from civiclearn.compiled_queries import CompiledQuery
from quizzes.models import Answer, Attempt, ReviewCard, ReviewLog
from quizzes.release import is_released, release_columns
from quizzes.scheduling import Reviewed, review


def _card_locked(learner: int, item: int) -> QuerySet[ReviewCard]:
    return ReviewCard.objects.select_for_update().filter(learner_id=learner, item_id=item)[:1]


# every answer reads it: compiled once (civiclearn/compiled_queries.py; building its SQL took Django
# 1.3 ms, four times what PostgreSQL takes to run it)
_CARD_LOCKED = CompiledQuery(_card_locked, learner=ReviewCard._meta.get_field("learner"),
                             item=ReviewCard._meta.get_field("item"))


def answer_review(*, answer: Answer, learner_id: int, item_id: int, at: datetime) -> None:
    """Review the learner's card for the item with this answer (Good if right, Again if not): the card
    locked and updated, or made already reviewed when it is the item's first review."""
    card = _CARD_LOCKED.first(learner=learner_id, item=item_id)
    if card is None:
        card, reviewed = _first_review(answer, learner_id, item_id, at)
    else:
        reviewed = _reviewed(card, answer, at)
    ReviewLog.objects.create(card=card, answer=answer, rating=reviewed.rating, reviewed_at=at, log=reviewed.log)


def _first_review(answer: Answer, learner_id: int, item_id: int, at: datetime) -> tuple[ReviewCard, Reviewed]:
    card = ReviewCard(learner_id=learner_id, item_id=item_id, card={}, due=at)
    try:
        with transaction.atomic():
            reviewed = _reviewed(card, answer, at, insert=True)
    except IntegrityError:  # the learner's other session made it first: review theirs
        card = _CARD_LOCKED.first(learner=learner_id, item=item_id)
        reviewed = _reviewed(card, answer, at)
    return card, reviewed


def _reviewed(card: ReviewCard, answer: Answer, at: datetime, *, insert: bool = False) -> Reviewed:
    """``card`` reviewed with ``answer`` and saved (inserted, or only its review's columns updated)."""
    reviewed = review(card.card or None, correct=answer.correct, at=at)
    card.card, card.due, card.last_review = reviewed.card, reviewed.due, at
    card.stability, card.difficulty = reviewed.stability, reviewed.difficulty
    card.reviews += 1
    card.lapses += 0 if answer.correct else 1
    if insert:
        card.save(force_insert=True)
    else:
        card.save(update_fields=["card", "due", "last_review", "stability", "difficulty", "reviews", "lapses"])
    return reviewed


def _pending_reviews(learner: int) -> QuerySet[Answer]:
    return (Answer.objects.filter(review_pending=True, slot__attempt__learner_id=learner)
            .values_list("pk", "slot__attempt_id", *release_columns("slot__attempt__")))


# every view of the dashboard runs it: compiled once (civiclearn/compiled_queries.py); the release rule,
# which takes the time, is applied to the few rows it finds
_PENDING_REVIEWS = CompiledQuery(_pending_reviews, learner=Attempt._meta.get_field("learner"))


def reviews_release(*, learner_id: int, now: datetime | None = None, attempt_id: int | None = None) -> int:
    """Schedule the reviews of the learner's answers whose feedback has been released since they were
    given (in the order they were given, each at its own time); returns how many. One query when
    there are none."""
    now = now or timezone.now()
    pending_ids = [pk for pk, attempt, *columns in _PENDING_REVIEWS.run(learner=learner_id)
                   if (attempt_id is None or attempt == attempt_id) and is_released(tuple(columns), now)]
    return _review_all(pending_ids, learner_id) if pending_ids else 0


@transaction.atomic
def _review_all(answer_ids: list[int], learner_id: int) -> int:
    # locked and read again: of two requests releasing the same answers, the second finds none left
    answers = list(Answer.objects.select_for_update(of=("self",)).filter(pk__in=answer_ids, review_pending=True)
                   .select_related("slot").order_by("answered_at", "id"))
    for answer in answers:
        answer_review(answer=answer, learner_id=learner_id, item_id=answer.slot.item_id, at=answer.answered_at)
    Answer.objects.filter(pk__in=[answer.pk for answer in answers]).update(review_pending=False)
    return len(answers)
