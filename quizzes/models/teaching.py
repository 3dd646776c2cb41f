"""Teachers' side: classes students join with a code, quiz sets built from the bank, assignments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from content.models import Chapter, Section

from .bank import Item


class SchoolClass(models.Model):
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("teacher"), on_delete=models.CASCADE,
                                related_name="classes_taught")
    name = models.CharField(_("name"), max_length=100)
    join_code = models.CharField(_("join code"), max_length=12, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self):
        return self.name


class Membership(models.Model):
    school_class = models.ForeignKey(SchoolClass, verbose_name=_("school class"), on_delete=models.CASCADE,
                                     related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="memberships")
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["school_class", "student__username"]
        constraints = [models.UniqueConstraint(fields=["school_class", "student"], name="membership_unique")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.student} ∈ {self.school_class}"


class QuizSet(models.Model):
    class Grading(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LAST = "last", _("Last attempt")
        AVERAGE = "average", _("Average of attempts")

    class Feedback(models.TextChoices):
        IMMEDIATELY = "immediately", _("After each answer")
        AFTER_SUBMIT = "after_submit", _("After submitting")
        AFTER_CLOSE = "after_close", _("After the close date")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE,
                              related_name="quiz_sets")
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"), null=True, blank=True)
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=1,
                                                        help_text=_("0 means no limit."))
    grading = models.CharField(_("grading"), max_length=20, choices=Grading.choices, default=Grading.HIGHEST)
    shuffle_items = models.BooleanField(_("shuffle items"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    feedback = models.CharField(_("feedback shows"), max_length=20, choices=Feedback.choices,
                                default=Feedback.IMMEDIATELY)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "id"]
        verbose_name = _("quiz set")
        verbose_name_plural = _("quiz sets")

    def __str__(self):
        return self.title


class QuizSetEntry(models.Model):
    """A fixed item, or a random slot: ``count`` items drawn per attempt from the bank by a filter."""

    quiz_set = models.ForeignKey(QuizSet, verbose_name=_("quiz set"), on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveIntegerField(_("position"))
    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.PROTECT, null=True, blank=True,
                             related_name="set_entries")
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    skill = models.CharField(_("skill"), max_length=20, choices=Item.Skill.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Item.Kind.choices, blank=True)
    count = models.PositiveSmallIntegerField(_("items drawn"), default=0)

    class Meta:
        ordering = ["quiz_set", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz_set", "position"], name="quiz_set_entry_position_unique"),
            models.CheckConstraint(condition=Q(item__isnull=False, count=0) | Q(item__isnull=True, count__gt=0),
                                   name="quiz_set_entry_item_or_slot"),
        ]
        verbose_name = _("quiz set entry")
        verbose_name_plural = _("quiz set entries")

    def __str__(self):
        return f"{self.quiz_set_id}#{self.position}"

    @property
    def is_random(self) -> bool:
        return self.item_id is None


class Assignment(models.Model):
    quiz_set = models.ForeignKey(QuizSet, verbose_name=_("quiz set"), on_delete=models.PROTECT,
                                 related_name="assignments")
    school_class = models.ForeignKey(SchoolClass, verbose_name=_("school class"), on_delete=models.CASCADE,
                                     related_name="assignments")
    open_at = models.DateTimeField(_("opens"))
    close_at = models.DateTimeField(_("closes"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-open_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(close_at__gt=F("open_at")), name="assignment_closes_after")]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.quiz_set} → {self.school_class}"


class AssignmentOverride(models.Model):
    """One student's own rules for an assignment (an accommodation, 合理的配慮), as Moodle's user
    overrides: each field left empty keeps the assignment's or the set's."""

    assignment = models.ForeignKey(Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE,
                                   related_name="overrides")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("student"), on_delete=models.CASCADE,
                                related_name="assignment_overrides")
    open_at = models.DateTimeField(_("opens"), null=True, blank=True)
    close_at = models.DateTimeField(_("closes"), null=True, blank=True)
    time_limit_minutes = models.PositiveIntegerField(_("time limit (minutes)"), null=True, blank=True,
                                                     help_text=_("0 for no time limit."))
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), null=True, blank=True,
                                                        help_text=_("0 for no limit."))
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Seen by the teacher only."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["assignment", "student"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "student"], name="override_once_per_student"),
            models.CheckConstraint(condition=Q(open_at__isnull=True) | Q(close_at__isnull=True)
                                   | Q(close_at__gt=F("open_at")), name="override_closes_after"),
        ]
        verbose_name = _("override")
        verbose_name_plural = _("overrides")

    def __str__(self):
        return f"{self.assignment} / {self.student}"
