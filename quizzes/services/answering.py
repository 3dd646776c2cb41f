"""Answering an item of an attempt (saved at once, counted once) and finishing the attempt.

Both lock the attempt's row first, so an answer and a finish never interleave: an answer either
counts in the score the finish sums, or is refused because the attempt is finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from civiclearn.compiled_queries import CompiledQuery
from quizzes.generation.scoring import Grade, score_response
from quizzes.models import Answer, Attempt, AttemptItem, Membership
from quizzes.selectors.learning import slots_in_order
from quizzes.services.summaries import answer_summarise
from quizzes.signals import attempt_finished

from .reviews import reviews_release


class AnswerRefused(ValueError):
    """The answer cannot be taken (a different answer was already given, the attempt is finished)."""


@dataclass(frozen=True)
class AnswerResult:
    slot: AttemptItem
    answer: Answer
    created: bool  # False when the same answer had already been recorded

    @property
    def grade(self) -> Grade:
        return Grade(self.answer.score, self.answer.correct)


def _locked(attempt_id: int) -> Attempt:
    """The attempt, its row locked until the transaction ends (with its set's feedback rule joined)."""
    return (Attempt.objects.select_for_update(of=("self",)).select_related("assignment__quiz_set")
            .get(pk=attempt_id))


def _slot_with_attempt_locked(learner: int, attempt: int, item: int):
    return (slots_in_order().select_related("attempt__assignment__quiz_set").select_for_update(of=("attempt",))
            .filter(attempt__learner_id=learner, attempt_id=attempt, item_id=item)[:1])


# the endpoint a busy class posts to: compiled once (civiclearn/compiled_queries.py)
_SLOT_WITH_ATTEMPT_LOCKED = CompiledQuery(_slot_with_attempt_locked, learner=Attempt._meta.get_field("learner"),
                                          attempt=AttemptItem._meta.get_field("attempt"),
                                          item=AttemptItem._meta.get_field("item"))


def attempt_answer(*, slot: AttemptItem, response, now: datetime | None = None) -> AnswerResult:
    """Record ``response`` for ``slot``: the same answer again returns the first record; a different
    one is refused. Raises ResponseError for a response of the wrong shape."""

    def read():
        return _locked(slot.attempt_id), slot

    return _answered(read, response, now=now or timezone.now())


def attempt_answer_item(*, learner_id: int, attempt_id: int, item_id: int, response,
                        now: datetime | None = None) -> AnswerResult | None:
    """``attempt_answer`` for the learner's slot of ``item_id`` in their attempt ``attempt_id``, read with
    the attempt's row locked in the same query (what answering and its feedback need: the set, the
    version, the item's source, the answer); None when the learner has no such slot."""

    def read():
        slot = _SLOT_WITH_ATTEMPT_LOCKED.first(learner=learner_id, attempt=int(attempt_id), item=int(item_id))
        return (slot.attempt, slot) if slot is not None else None

    return _answered(read, response, now=now or timezone.now())


def _grade(slot: AttemptItem, response) -> Grade:
    version = slot.version
    return score_response(version.kind, version.answer, [o["id"] for o in version.options],
                          [o["id"] for o in version.left_options], response)


def _answered(read, response, *, now: datetime) -> AnswerResult | None:
    """In one transaction: the attempt locked (``read``), the answer refused, repeated or recorded. A
    refusal is raised after the transaction, so that closing an expired attempt is kept."""
    slot = None
    try:
        with transaction.atomic():
            found = read()
            if found is None:
                return None
            attempt, slot = found
            grade = _grade(slot, response)  # a response of the wrong shape is refused before anything else
            refusal = _refusal(attempt, now)
            if refusal is None:
                result = _record(attempt, slot, response, grade, now)
    except IntegrityError:  # answered by a request that took the lock first (its answer was not yet seen)
        existing = Answer.objects.filter(slot_id=slot.pk).first() if slot is not None else None
        if existing is None:
            raise
        return _repeat(slot, existing, response)
    if refusal is not None:
        raise AnswerRefused(refusal)
    return result


def _refusal(attempt: Attempt, now: datetime) -> str | None:
    if attempt_close_if_expired(attempt=attempt, now=now):
        return _("Time is up: the answers given before the limit are kept.")
    if attempt.is_finished:
        return _("This session is finished; start a new one to practise again.")
    if attempt.assignment_id and not Membership.objects.filter(
            school_class_id=attempt.assignment.school_class_id, student_id=attempt.learner_id).exists():
        return _("You are no longer in this class, so its assignments take no more answers.")
    return None


def _record(attempt: Attempt, slot: AttemptItem, response, grade: Grade, now: datetime) -> AnswerResult:
    """The answer and its summaries; its review is written behind it, by the learner's next read of cards
    (quizzes/services/reviews.py). A slot answered already is a repeat; a slot answered by a racing request
    raises IntegrityError, handled by ``_answered`` (no savepoint here: the whole transaction is undone,
    and it has written nothing else)."""
    if hasattr(slot, "answer"):
        return _repeat(slot, slot.answer, response)
    answer = Answer.objects.create(slot=slot, learner_id=attempt.learner_id, response=response, score=grade.score,
                                   correct=grade.correct, answered_at=now, review_pending=True)
    answer_summarise(answer=answer, attempt=attempt, item_id=slot.item_id)
    return AnswerResult(slot, answer, created=True)


def _repeat(slot: AttemptItem, existing: Answer, response) -> AnswerResult:
    if _canonical(existing.response) != _canonical(response):
        raise AnswerRefused(_("This item is already answered; an answer cannot be changed."))
    return AnswerResult(slot, existing, created=False)


def _canonical(response):
    if isinstance(response, list) and all(isinstance(r, str) for r in response):
        return response  # order matters for ordering; multiple response ids come sorted from the forms
    return response.strip() if isinstance(response, str) else response


def attempt_close_if_expired(*, attempt: Attempt, now: datetime) -> bool:
    """Close an attempt whose deadline has passed, at the deadline; True if it is (now) closed so."""
    if attempt.deadline is None or now < attempt.deadline:
        return False
    if not attempt.is_finished:
        attempt_finish(attempt=attempt, now=attempt.deadline)
    return True


@transaction.atomic
def attempt_finish(*, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Close the attempt and total its score; finishing twice changes nothing. An attempt finished
    after its deadline is closed at the deadline. The attempt's reviews are scheduled where its feedback
    shows now."""
    now = now or timezone.now()
    locked = _locked(attempt.pk)
    if locked.deadline and now > locked.deadline:
        now = locked.deadline
    if not locked.is_finished:
        score = Answer.objects.filter(slot__attempt=locked).aggregate(total=Sum("score"))["total"] or 0.0
        Attempt.objects.filter(pk=locked.pk).update(finished_at=now, score=score)
        locked.finished_at, locked.score = now, score
        # the session's reviews scheduled now, where its feedback shows (practice, or a set showing it
        # after each answer or after submitting)
        reviews_release(learner_id=locked.learner_id, attempt_id=locked.pk, now=now)
        attempt_finished.send(sender=Attempt, attempt=locked)
    attempt.refresh_from_db(fields=["finished_at", "score"])
    return attempt
