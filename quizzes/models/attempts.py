"""Attempts: a practice session now, an assigned quiz later. Each answer is one row, saved when given."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Chapter, Section

from .bank import Item, ItemVersion


class Attempt(models.Model):
    class Mode(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        REVIEW = "review", _("Review")
        ASSIGNMENT = "assignment", _("Assignment")

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="attempts")
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.PRACTICE)
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.PROTECT,
                                related_name="attempts", null=True, blank=True)
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="attempts")
    skill = models.CharField(_("skill"), max_length=20, choices=Item.Skill.choices, blank=True)
    assignment = models.ForeignKey("quizzes.Assignment", verbose_name=_("assignment"), on_delete=models.PROTECT,
                                   null=True, blank=True,
                                   related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"), default=1)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True,
                                    help_text=_("Answers after this moment are refused (time limit or close date)."))
    closes_at = models.DateTimeField(_("closes for this learner"), null=True, blank=True, help_text=_(
        "The learner's own close date for the assignment (an override); empty: the assignment's."))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True, help_text=_("The sum of the item scores."))

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["learner", "-started_at"], name="attempt_learner_recent")]
        constraints = [models.UniqueConstraint(fields=["assignment", "learner", "number"],
                                               condition=Q(assignment__isnull=False), name="attempt_number_unique")]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return f"{self.learner} {self.get_mode_display()} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class AttemptItem(models.Model):
    """One item of an attempt, as shown: the version the learner saw and the order of its options."""

    attempt = models.ForeignKey(Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="slots")
    position = models.PositiveSmallIntegerField(_("position"))
    # PROTECT: an item or version with answers can never be deleted.
    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="attempt_items")
    version = models.ForeignKey(ItemVersion, verbose_name=_("version"), on_delete=models.PROTECT,
                                related_name="attempt_items")
    option_order = models.JSONField(_("option order"), default=list)
    left_order = models.JSONField(_("left side order"), default=list)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attempt_item_position_unique"),
            models.UniqueConstraint(fields=["attempt", "item"], name="attempt_item_once"),
        ]
        verbose_name = _("attempt item")
        verbose_name_plural = _("attempt items")

    def __str__(self):
        return f"{self.attempt_id}#{self.position}"


class Answer(models.Model):
    """The learner's answer to one slot: one row per slot, enforced by the database."""

    slot = models.OneToOneField(AttemptItem, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="answer")
    # the slot's attempt's learner, kept on the answer so that their pending reviews are found by an index
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="answers", db_index=False, editable=False)
    response = models.JSONField(_("response"))
    score = models.FloatField(_("score"), help_text=_("The fraction of the mark, 0 to 1."))
    correct = models.BooleanField(_("correct"))
    answered_at = models.DateTimeField(_("answered"), default=timezone.now, editable=False)
    review_pending = models.BooleanField(
        _("review pending"), default=False,
        help_text=_("Its review is not scheduled yet: the learner's next read of their cards schedules it, "
                    "once its feedback is released."),
    )

    class Meta:
        ordering = ["answered_at", "id"]
        indexes = [models.Index(fields=["answered_at"], name="answer_answered_at"),
                   models.Index(fields=["learner"], condition=Q(review_pending=True), name="answer_review_pending")]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.slot} {self.score:.2f}"
