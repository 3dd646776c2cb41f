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

from quizzes.generation.scoring import Grade, score_response
from quizzes.models import Answer, Attempt, AttemptItem, Membership, QuizSet
from quizzes.release import feedback_visible
from quizzes.services.summaries import answer_summarise

from .reviews import answer_review, reviews_release


class AnswerRefused(ValueError):
    """The answer cannot be taken (a different answer was already given, the attempt is finished)."""


@dataclass(frozen=True)
class AnswerResult:
    answer: Answer
    created: bool  # False when the same answer had already been recorded

    @property
    def grade(self) -> Grade:
        return Grade(self.answer.score, self.answer.correct)


def _locked(attempt_id: int) -> Attempt:
    """The attempt, its row locked until the transaction ends (with its set's feedback rule joined)."""
    return (Attempt.objects.select_for_update(of=("self",)).select_related("assignment__quiz_set")
            .get(pk=attempt_id))


def attempt_answer(*, slot: AttemptItem, response, now: datetime | None = None) -> AnswerResult:
    """Record ``response`` for ``slot``: the same answer again returns the first record; a different
    one is refused. Raises ResponseError for a response of the wrong shape."""
    now = now or timezone.now()
    version = slot.version
    grade = score_response(version.kind, version.answer, [o["id"] for o in version.options],
                           [o["id"] for o in version.left_options], response)
    with transaction.atomic():
        attempt = _locked(slot.attempt_id)
        refusal = _refusal(attempt, now)
        if refusal is None:
            result = _record(attempt, slot, response, grade, now)
    if refusal is not None:  # raised after the transaction, so that closing an expired attempt is kept
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
    release = feedback_visible(attempt, now)
    try:
        with transaction.atomic():
            answer = Answer.objects.create(slot=slot, response=response, score=grade.score, correct=grade.correct,
                                           review_pending=not release)
            if release:
                answer_review(answer=answer, learner_id=attempt.learner_id, item_id=slot.item_id, at=now)
            answer_summarise(answer=answer, attempt=attempt, item_id=slot.item_id)
    except IntegrityError:  # answered already (a repeat, or a different answer)
        return _repeat(Answer.objects.get(slot=slot), response)
    return AnswerResult(answer, created=True)


def _repeat(existing: Answer, response) -> AnswerResult:
    if _canonical(existing.response) != _canonical(response):
        raise AnswerRefused(_("This item is already answered; an answer cannot be changed."))
    return AnswerResult(existing, created=False)


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
    after its deadline is closed at the deadline. A set whose feedback shows after submitting has its
    reviews scheduled now."""
    now = now or timezone.now()
    locked = _locked(attempt.pk)
    if locked.deadline and now > locked.deadline:
        now = locked.deadline
    if not locked.is_finished:
        score = Answer.objects.filter(slot__attempt=locked).aggregate(total=Sum("score"))["total"] or 0.0
        Attempt.objects.filter(pk=locked.pk).update(finished_at=now, score=score)
        if locked.assignment_id and locked.assignment.quiz_set.feedback == QuizSet.Feedback.AFTER_SUBMIT:
            reviews_release(learner_id=locked.learner_id, attempt_id=locked.pk, now=now)
    attempt.refresh_from_db(fields=["finished_at", "score"])
    return attempt
