"""Spaced review: one FSRS card per learner and item, and a log of every review (times in UTC)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Chapter

from .attempts import Answer
from .bank import Item


class ReviewCard(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="review_cards")
    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="review_cards")
    card = models.JSONField(_("FSRS card"), help_text=_("fsrs.Card.to_dict()"))
    due = models.DateTimeField(_("due"))
    stability = models.FloatField(_("stability"), null=True, blank=True)
    difficulty = models.FloatField(_("difficulty"), null=True, blank=True)
    reviews = models.PositiveIntegerField(_("reviews"), default=0)
    lapses = models.PositiveIntegerField(_("lapses"), default=0)
    last_review = models.DateTimeField(_("last review"), null=True, blank=True)

    class Meta:
        ordering = ["due"]
        constraints = [models.UniqueConstraint(fields=["learner", "item"], name="review_card_unique")]
        indexes = [models.Index(fields=["learner", "due"], name="review_card_due")]
        verbose_name = _("review card")
        verbose_name_plural = _("review cards")

    def __str__(self):
        return f"{self.learner} / {self.item_id}"


class ReviewLog(models.Model):
    card = models.ForeignKey(ReviewCard, verbose_name=_("card"), on_delete=models.CASCADE, related_name="logs")
    answer = models.OneToOneField(Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="review_log")
    rating = models.PositiveSmallIntegerField(_("rating"))
    reviewed_at = models.DateTimeField(_("reviewed"))
    log = models.JSONField(_("FSRS review log"))

    class Meta:
        ordering = ["reviewed_at", "id"]
        verbose_name = _("review log")
        verbose_name_plural = _("review logs")

    def __str__(self):
        return f"{self.card} {self.rating} {self.reviewed_at:%Y-%m-%d}"


class MasteryDay(models.Model):
    """A learner's mastery of a chapter as their dashboard showed it on a day: the points of the
    progress-over-time line (FSRS recall moves on between reviews, so a past day cannot be worked out
    again afterwards)."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="mastery_days")
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE,
                                related_name="mastery_days")
    day = models.DateField(_("day"))
    percent = models.PositiveSmallIntegerField(_("mastery (%)"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "chapter", "day"], name="mastery_day_unique")]
        indexes = [models.Index(fields=["learner", "day"], name="mastery_day_learner")]
        verbose_name = _("mastery of a day")
        verbose_name_plural = _("mastery by day")

    def __str__(self):
        return f"{self.learner} {self.chapter_id} {self.day}: {self.percent}"
