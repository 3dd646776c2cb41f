"""Scheduling reviews (FSRS) from answers: written behind the answer, in one batch per learner.

Recording an answer does not touch the learner's cards: the answer is kept ``review_pending``, and
``reviews_release`` — which every reader of cards calls first (the dashboard, the progress and due
reviews endpoints, starting a practice session) — reviews the pending answers whose feedback is
released (quizzes/release.py), in the order they were given, each at its own time. The cards come out
as if each answer had been reviewed as it was given; a learner's ten answers cost one batch of a few
statements on their next read instead of three statements on every answer.
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from civiclearn.compiled_queries import CompiledQuery
from quizzes.models import Answer, ReviewCard, ReviewLog
from quizzes.release import is_released, release_columns
from quizzes.scheduling import Reviewed, review

_REVIEW_FIELDS = ["card", "due", "last_review", "stability", "difficulty", "reviews", "lapses"]


def _pending_reviews(learner: int) -> QuerySet[Answer]:
    return (Answer.objects.filter(review_pending=True, learner_id=learner)
            .values_list("pk", "slot__attempt_id", *release_columns("slot__attempt__")))


# every reader of cards runs it: compiled once (civiclearn/compiled_queries.py); the release rule,
# which takes the time, is applied to the few rows it finds
_PENDING_REVIEWS = CompiledQuery(_pending_reviews, learner=Answer._meta.get_field("learner"))


def reviews_release(*, learner_id: int, now: datetime | None = None, attempt_id: int | None = None) -> int:
    """Schedule the reviews of the learner's pending answers whose feedback is released (of one attempt
    when ``attempt_id`` is given); returns how many. One query when there are none, a few more when
    there are, however many there are."""
    now = now or timezone.now()
    pending_ids = [pk for pk, attempt, *columns in _PENDING_REVIEWS.run(learner=learner_id)
                   if (attempt_id is None or attempt == attempt_id) and is_released(tuple(columns), now)]
    return _review_all(pending_ids, learner_id) if pending_ids else 0


@transaction.atomic
def _review_all(answer_ids: list[int], learner_id: int) -> int:
    # locked and read again: of two requests releasing the same answers, the second finds none left
    answers = list(Answer.objects.select_for_update(of=("self",)).filter(pk__in=answer_ids, review_pending=True)
                   .select_related("slot").only("correct", "answered_at", "slot__item_id")
                   .order_by("answered_at", "id"))
    if not answers:
        return 0
    try:
        with transaction.atomic():
            _review_in_order(answers, learner_id)
    except IntegrityError:  # a release of the learner's other answers made one of these cards first
        _review_in_order(answers, learner_id)
    Answer.objects.filter(pk__in=[answer.pk for answer in answers]).update(review_pending=False)
    return len(answers)


def _review_in_order(answers: list[Answer], learner_id: int) -> None:
    """Each answer reviews the learner's card for its item (Good if right, Again if not), in order: the
    cards read locked, updated and made in bulk, one log per answer."""
    item_ids = {answer.slot.item_id for answer in answers}
    cards = {card.item_id: card for card in
             ReviewCard.objects.select_for_update().filter(learner_id=learner_id, item_id__in=item_ids)}
    made: dict[int, ReviewCard] = {}
    logs = []
    for answer in answers:
        item_id = answer.slot.item_id
        card = cards.get(item_id) or made.get(item_id)
        if card is None:
            card = made[item_id] = ReviewCard(learner_id=learner_id, item_id=item_id, card={}, due=answer.answered_at)
        logs.append((card, answer, _reviewed(card, answer)))
    ReviewCard.objects.bulk_create(made.values())
    ReviewCard.objects.bulk_update(cards.values(), _REVIEW_FIELDS)
    ReviewLog.objects.bulk_create([ReviewLog(card=card, answer=answer, rating=reviewed.rating,
                                             reviewed_at=answer.answered_at, log=reviewed.log)
                                   for card, answer, reviewed in logs])


def _reviewed(card: ReviewCard, answer: Answer) -> Reviewed:
    """``card`` (in memory) reviewed with ``answer`` at the time it was given."""
    at = answer.answered_at
    reviewed = review(card.card or None, correct=answer.correct, at=at)
    card.card, card.due, card.last_review = reviewed.card, reviewed.due, at
    card.stability, card.difficulty = reviewed.stability, reviewed.difficulty
    card.reviews += 1
    card.lapses += 0 if answer.correct else 1
    return reviewed
