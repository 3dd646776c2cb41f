"""Answering an item of an attempt (saved at once, counted once) and finishing the attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.generation.scoring import Grade, score_response
from quizzes.models import Answer, Attempt, AttemptItem, ReviewCard, ReviewLog
from quizzes.scheduling import review


class AnswerRefused(ValueError):
    """The answer cannot be taken (a different answer was already given, the attempt is finished)."""


@dataclass(frozen=True)
class AnswerResult:
    answer: Answer
    created: bool  # False when the same answer had already been recorded

    @property
    def grade(self) -> Grade:
        return Grade(self.answer.score, self.answer.correct)


def attempt_answer(*, slot: AttemptItem, response, now: datetime | None = None) -> AnswerResult:
    """Record ``response`` for ``slot``: the same answer again returns the first record; a different
    one is refused. Raises ResponseError for a response of the wrong shape."""
    now = now or timezone.now()
    version = slot.version
    grade = score_response(version.kind, version.answer, [o["id"] for o in version.options],
                           [o["id"] for o in version.left_options], response)
    if attempt_close_if_expired(attempt=slot.attempt, now=now):
        raise AnswerRefused(_("Time is up: the answers given before the limit are kept."))
    if slot.attempt.is_finished:
        raise AnswerRefused(_("This session is finished; start a new one to practise again."))
    try:
        with transaction.atomic():
            answer = Answer.objects.create(slot=slot, response=response, score=grade.score, correct=grade.correct)
            _review(slot, answer, now)
    except IntegrityError:
        return _repeat(slot, response)
    return AnswerResult(answer, created=True)


def _repeat(slot: AttemptItem, response) -> AnswerResult:
    existing = Answer.objects.get(slot=slot)
    if _canonical(existing.response) != _canonical(response):
        raise AnswerRefused(_("This item is already answered; an answer cannot be changed."))
    return AnswerResult(existing, created=False)


def _canonical(response):
    if isinstance(response, list) and all(isinstance(r, str) for r in response):
        return response  # order matters for ordering; multiple response ids come sorted from the forms
    return response.strip() if isinstance(response, str) else response


def _review(slot: AttemptItem, answer: Answer, now: datetime) -> None:
    learner_id = slot.attempt.learner_id
    card, _ = ReviewCard.objects.select_for_update().get_or_create(
        learner_id=learner_id, item_id=slot.item_id, defaults={"card": {}, "due": now})
    reviewed = review(card.card or None, correct=answer.correct, at=now)
    card.card, card.due, card.last_review = reviewed.card, reviewed.due, now
    card.stability, card.difficulty = reviewed.stability, reviewed.difficulty
    card.reviews += 1
    card.lapses += 0 if answer.correct else 1
    card.save()
    ReviewLog.objects.create(card=card, answer=answer, rating=reviewed.rating, reviewed_at=now, log=reviewed.log)


def attempt_close_if_expired(*, attempt: Attempt, now: datetime) -> bool:
    """Close an attempt whose deadline has passed, at the deadline; True if it is (now) closed so."""
    if attempt.deadline is None or now < attempt.deadline:
        return False
    if not attempt.is_finished:
        attempt_finish(attempt=attempt, now=attempt.deadline)
    return True


def attempt_finish(*, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Close the attempt and total its score; finishing twice changes nothing. An attempt finished
    after its deadline is closed at the deadline."""
    now = now or timezone.now()
    if attempt.deadline and now > attempt.deadline:
        now = attempt.deadline
    score = Answer.objects.filter(slot__attempt=attempt).aggregate(total=Sum("score"))["total"] or 0.0
    Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(finished_at=now, score=score)
    attempt.refresh_from_db(fields=["finished_at", "score"])
    return attempt
