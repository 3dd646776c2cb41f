"""The item bank: generated and edited quiz items, with every version a learner may have seen."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.models import Chapter, Event, GoalList, Paragraph, Section, Term
from quizzes.generation import kinds


class Item(models.Model):
    class Kind(models.TextChoices):  # values from the generators' enum (quizzes.generation.kinds)
        SINGLE_CHOICE = kinds.Kind.SINGLE_CHOICE.value, _("Single choice")
        MULTIPLE_RESPONSE = kinds.Kind.MULTIPLE_RESPONSE.value, _("Multiple response")
        TRUE_FALSE = kinds.Kind.TRUE_FALSE.value, _("True/false")
        ORDERING = kinds.Kind.ORDERING.value, _("Ordering")
        MATCHING = kinds.Kind.MATCHING.value, _("Matching")
        SHORT_ANSWER = kinds.Kind.SHORT_ANSWER.value, _("Short answer")
        CLOZE = kinds.Kind.CLOZE.value, _("Cloze")

    class Skill(models.TextChoices):
        DEFINITION = kinds.Skill.DEFINITION.value, _("Definitions")
        DATE = kinds.Skill.DATE.value, _("Dates")
        GOAL = kinds.Skill.GOAL.value, _("Goals")
        PURPOSE = kinds.Skill.PURPOSE.value, _("Purposes")
        FIGURE = kinds.Skill.FIGURE.value, _("Numbers")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    key = models.CharField(_("stable key"), max_length=255, unique=True,
                           help_text=_("Derived from the source: the same source always yields the same item."))
    # A chapter with items cannot be deleted: answers given to its items would lose their source.
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.PROTECT, related_name="items")
    # When a re-import removes a source row the item keeps its text and is retired.
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="items")
    paragraph = models.ForeignKey(Paragraph, verbose_name=_("paragraph"), on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="items",
                                  help_text=_("Where feedback sends the learner back to."))
    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="items")
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="items")
    goal_list = models.ForeignKey(GoalList, verbose_name=_("goal list"), on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="items")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    skill = models.CharField(_("skill"), max_length=20, choices=Skill.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    status_set_by_person = models.BooleanField(
        _("status set by a person"), default=False,
        help_text=_("Regeneration keeps a status a reviewer chose, unless the checker finds a flaw."),
    )
    prompt = models.TextField(_("prompt"))
    options = models.JSONField(_("options"), default=list, blank=True,
                               help_text=_('A list of {"id": "a", "text": "…"}.'))
    left_options = models.JSONField(_("left side (matching)"), default=list, blank=True)
    answer = models.JSONField(_("key"))
    answer_forms = models.JSONField(_("written forms of the key"), default=list, blank=True,
                                    help_text=_("Forms that must not appear in this item's stem or in other "
                                                "items of the same quiz."))
    explanation = models.TextField(_("explanation"))
    negative = models.BooleanField(_("negative stem"), default=False)
    source_text = models.TextField(_("source text"), help_text=_("The sentence or definition the item comes from."))
    generator = models.CharField(_("generator"), max_length=100, blank=True)
    generator_version = models.PositiveSmallIntegerField(_("generator version"), default=0)
    difficulty = models.FloatField(_("difficulty estimate"), default=0.5,
                                   help_text=_("0 is easy, 1 is hard; estimated before anyone answered."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True,
                                                 related_name="authored_items",
        help_text=_("The teacher who wrote it; empty if generated."),
    )
    shared = models.BooleanField(
        _("shared with the public bank"), default=False,
        help_text=_("A teacher's own item is theirs and their sets' alone until an admin shares it."),
    )
    edited = models.BooleanField(_("edited by a person"), default=False)
    source_changed = models.BooleanField(
        _("source changed since the edit"), default=False,
        help_text=_("The generator now makes something different from what this edited item was based on."),
    )
    generated_hash = models.CharField(_("hash of the generated content"), max_length=16, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    findings = models.JSONField(_("checker findings"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["chapter", "id"]
        indexes = [models.Index(fields=["chapter", "status", "skill"], name="item_bank_filter")]
        constraints = [
            models.CheckConstraint(condition=Q(difficulty__gte=0) & Q(difficulty__lte=1), name="item_difficulty_range"),
        ]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.prompt.splitlines()[0][:60]

    @property
    def is_flawed(self) -> bool:
        return bool(self.findings)


class ItemVersion(models.Model):
    """What an item showed and keyed at one time. Answers point here, so past attempts keep what the
    learner saw."""

    class Origin(models.TextChoices):
        GENERATED = "generated", _("Generated")
        EDITED = "edited", _("Edited by a person")

    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Item.Kind.choices)
    prompt = models.TextField(_("prompt"))
    options = models.JSONField(_("options"), default=list)
    left_options = models.JSONField(_("left side (matching)"), default=list)
    answer = models.JSONField(_("key"))
    explanation = models.TextField(_("explanation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL,
                                   null=True, blank=True,
                                   related_name="item_versions")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="item_version_unique")]
        verbose_name = _("item version")
        verbose_name_plural = _("item versions")

    def __str__(self):
        return f"{self.item_id} v{self.number}"


class ItemLeak(models.Model):
    """``giver`` shows a written form of ``receiver``'s key (in its stem or explanation), so the two
    never stand in one session. Computed when items are generated, written or edited."""

    giver = models.ForeignKey(Item, verbose_name=_("giver"), on_delete=models.CASCADE, related_name="leaks_given")
    receiver = models.ForeignKey(Item, verbose_name=_("receiver"), on_delete=models.CASCADE,
                                 related_name="leaks_received")
    form = models.CharField(_("form shown"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["giver", "receiver"], name="item_leak_unique")]
        verbose_name = _("item leak")
        verbose_name_plural = _("item leaks")

    def __str__(self):
        return f"{self.giver_id} → {self.receiver_id} ({self.form})"


class LearnedDistractor(models.Model):
    """What learners' answers taught about one fact's distractors (ITEM_QUALITY.md, "After items are
    used"): a distractor nobody picks is left out of the fact's next version unless a reviewer keeps
    it; a wrong answer many learners type is offered as a distractor once a reviewer approves it."""

    class Source(models.TextChoices):
        IDLE = "idle", _("A distractor nobody picks")
        LEARNERS = "learners", _("A wrong answer learners give")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Awaiting review")
        APPROVED = "approved", _("In use")
        REJECTED = "rejected", _("Rejected")

    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE,
                                related_name="learned_distractors")
    fact = models.CharField(_("fact"), max_length=200, help_text=_("What the items ask about: skill and subject."))
    text = models.CharField(_("text"), max_length=500)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    count = models.PositiveIntegerField(_("answers"), help_text=_(
        "For a distractor nobody picks: the answers that passed it over; for a learners' answer: the learners "
        "who gave it."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    status_set_by_person = models.BooleanField(_("decided by a reviewer"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["chapter", "fact", "source", "text"],
                                               name="learned_distractor_unique")]
        ordering = ["chapter", "fact", "source", "-count"]
        verbose_name = _("learned distractor")
        verbose_name_plural = _("learned distractors")

    def __str__(self):
        return f"{self.fact}: {self.text}"
