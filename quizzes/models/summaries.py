"""Per-learner summaries, kept up to date in the transaction that records each answer
(quizzes/services/summaries.py), so that the dashboard reads a bounded number of rows however long a
learner's history grows: one row per day of practice and per assigned attempt, not one per answer.

An assigned attempt's answers are counted in rows of their own (``attempt``), because whether their
rightness may be shown depends on that attempt's feedback rule at the time of reading; practice and
review answers are always shown, and share one row (``attempt`` empty).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .attempts import Attempt
from .bank import Item


def _one_row_each(model: str, *fields: str) -> list[models.UniqueConstraint]:
    """One row per key, with or without an attempt (NULLs are distinct in a plain unique constraint)."""
    return [models.UniqueConstraint(fields=[*fields], condition=Q(attempt__isnull=True), name=f"{model}_practice_once"),
            models.UniqueConstraint(fields=[*fields, "attempt"], condition=Q(attempt__isnull=False),
                                    name=f"{model}_attempt_once")]


class AnswerDay(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="answer_days")
    day = models.DateField(_("day"), help_text=_("In the site's time zone."))
    attempt = models.ForeignKey(Attempt, verbose_name=_("assigned attempt"), on_delete=models.CASCADE, null=True,
                                blank=True, related_name="answer_days")
    answered = models.PositiveIntegerField(_("answered"), default=0)
    right = models.PositiveIntegerField(_("right"), default=0)

    class Meta:
        constraints = _one_row_each("answer_day", "learner", "day")
        indexes = [models.Index(fields=["learner", "day"], name="answer_day_learner")]
        verbose_name = _("answers of a day")
        verbose_name_plural = _("answers of days")

    def __str__(self):
        return f"{self.learner_id} {self.day}: {self.right}/{self.answered}"


class MissedItem(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="missed_items")
    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="missed_by")
    attempt = models.ForeignKey(Attempt, verbose_name=_("assigned attempt"), on_delete=models.CASCADE, null=True,
                                blank=True, related_name="missed_items")
    missed = models.PositiveIntegerField(_("times missed"), default=0)

    class Meta:
        constraints = _one_row_each("missed_item", "learner", "item")
        verbose_name = _("missed item")
        verbose_name_plural = _("missed items")

    def __str__(self):
        return f"{self.learner_id} / {self.item_id}: {self.missed}"
