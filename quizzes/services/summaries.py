"""Keeping the per-learner summaries (quizzes/models/summaries.py) true: counted in the transaction
that records an answer, and rebuilt from the answers for a data set loaded in bulk."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from quizzes.models import Answer, AnswerDay, Attempt, MissedItem


def answer_summarise(*, answer: Answer, attempt: Attempt, item_id: int) -> None:
    """Count ``answer`` (just recorded) in its learner's day and, if it was wrong, in the item's misses."""
    counted_under = attempt.pk if attempt.assignment_id else None
    key = {"learner_id": attempt.learner_id, "attempt_id": counted_under}
    _add(AnswerDay, {**key, "day": timezone.localdate(answer.answered_at)}, answered=1, right=int(answer.correct))
    if not answer.correct:
        _add(MissedItem, {**key, "item_id": item_id}, missed=1)


def _add(model, key: dict, **counts: int) -> None:
    """Add ``counts`` to the row of ``key``, made when missing (two answers of one learner may race to
    make it: the loser adds to the winner's)."""
    increments = {name: F(name) + n for name, n in counts.items()}
    if model.objects.filter(**key).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **counts)
    except IntegrityError:
        model.objects.filter(**key).update(**increments)


@transaction.atomic
def summaries_rebuild(*, learner_ids: list[int] | None = None) -> None:
    """The summaries worked out again from every answer (of ``learner_ids``, or everyone's)."""
    rebuild(Answer, AnswerDay, MissedItem, learner_ids=learner_ids)


def rebuild(answer_model, day_model, missed_model, *, learner_ids: list[int] | None = None) -> None:
    """The rebuild on the given models: today's, or a migration's historical ones (migration quizzes 0015 fills the
    summaries of the answers given before they existed)."""
    answers = answer_model.objects.all()
    days, missed = day_model.objects.all(), missed_model.objects.all()
    if learner_ids is not None:
        answers = answers.filter(slot__attempt__learner_id__in=learner_ids)
        days, missed = days.filter(learner_id__in=learner_ids), missed.filter(learner_id__in=learner_ids)
    days.delete()
    missed.delete()
    counted_under = Case(When(slot__attempt__assignment__isnull=True, then=Value(None)),
                         default=F("slot__attempt_id"), output_field=IntegerField())
    keyed = answers.order_by().annotate(whose=F("slot__attempt__learner_id"), under=counted_under)
    by_day = (keyed.annotate(day=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()))
              .values("whose", "under", "day")
              .annotate(answered=Count("id"), right=Count("id", filter=Q(correct=True))))
    day_model.objects.bulk_create(
        [day_model(learner_id=row["whose"], attempt_id=row["under"], day=row["day"], answered=row["answered"],
                   right=row["right"]) for row in by_day], batch_size=1000)
    by_item = keyed.filter(correct=False).values("whose", "under", "slot__item_id").annotate(missed=Count("id"))
    missed_model.objects.bulk_create(
        [missed_model(learner_id=row["whose"], attempt_id=row["under"], item_id=row["slot__item_id"],
                      missed=row["missed"]) for row in by_item], batch_size=1000)
