"""Lessons made from a chapter: sections, paragraphs, glossary terms, events, goal lists, figures."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content import readings
from content.parsing.dates import western_label


class Chapter(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    source_name = models.CharField(_("source file"), max_length=255)
    source_sha256 = models.CharField(_("source SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Raised by every import and admin edit; cached pages are keyed by it (content/page_cache.py).
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    # Who brought the document in; a teacher's chapter is theirs and their classes' until staff make it public.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="owned_chapters", verbose_name=_("imported by"))
    is_public = models.BooleanField(
        _("public"), default=True,
        help_text=_("Everyone may read a public chapter; otherwise only whoever imported it and their classes."))

    class Meta:
        ordering = ["number", "slug"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return f"第{self.number}章 {self.title}"

    def get_absolute_url(self):
        return reverse("content:chapter", kwargs={"slug": self.slug})


class Section(models.Model):
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["chapter", "number"]
        constraints = [models.UniqueConstraint(fields=["chapter", "number"], name="section_number_unique")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return f"{self.number}．{self.title}"

    def get_absolute_url(self):
        return reverse("content:section", kwargs={"slug": self.chapter.slug, "number": self.number})


class Paragraph(models.Model):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("paragraph")
        LIST_ITEM = "list_item", _("list item")
        HEADING = "heading", _("heading")  # a subheading inside the section (「（１）…」, 「［現状と課題］」)

    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARAGRAPH)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["section", "position"]
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="paragraph_position_unique")]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self):
        return self.text[:40]

    @property
    def anchor(self):
        return f"p{self.position + 1}"


class Term(models.Model):
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="terms")
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.SET_NULL, null=True, blank=True, related_name="terms",
        help_text=_("The section where the footnote marker stands."),
    )
    number = models.PositiveIntegerField(_("footnote number"))
    term = models.CharField(_("term"), max_length=200)
    reading = models.CharField(_("reading"), max_length=200, blank=True)
    # Worked out from term and reading whenever either is saved, so that showing a page never loads the
    # Japanese dictionary (90 MB a worker; docs/PERFORMANCE.md).
    shown_reading = models.CharField(
        _("reading shown"), max_length=200, blank=True, editable=False,
        help_text=_("The reading shown beside the term: its kanji read, nothing for a term in kana or Latin."))
    definition = models.TextField(_("definition"))

    class Meta:
        ordering = ["chapter", "number"]
        constraints = [models.UniqueConstraint(fields=["chapter", "number"], name="term_number_unique")]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return self.term

    def save(self, *args, update_fields=None, **kwargs):
        self.shown_reading = readings.shown_reading(self.term, self.reading)
        if update_fields is not None:
            update_fields = {*update_fields, "shown_reading"}
        super().save(*args, update_fields=update_fields, **kwargs)


class TermLink(models.Model):
    """A term used in a paragraph: ``paragraph.text[start:end]``."""

    paragraph = models.ForeignKey(Paragraph, verbose_name=_("paragraph"), on_delete=models.CASCADE,
                                  related_name="term_links")
    term = models.ForeignKey(Term, verbose_name=_("term"), on_delete=models.CASCADE, related_name="links")
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    is_marker = models.BooleanField(_("footnote marker"), default=False)

    class Meta:
        ordering = ["paragraph", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="term_link_span_not_empty"),
            models.UniqueConstraint(fields=["paragraph", "start"], name="term_link_start_unique"),
        ]
        verbose_name = _("term link")
        verbose_name_plural = _("term links")

    def __str__(self):
        return f"{self.term} @ {self.paragraph_id}:{self.start}"


class Event(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year")
        RANGE = "range", _("range of years")
        DECADE = "decade", _("decade")
        DECADE_PART = "decade_part", _("part of a decade")
        APPROXIMATE = "approximate", _("approximate year")

    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="events")
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="events")
    paragraph = models.ForeignKey(Paragraph, verbose_name=_("paragraph"), on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="events")
    position = models.PositiveIntegerField(_("position"))
    date_text = models.CharField(_("date as written"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    fiscal_year = models.BooleanField(_("fiscal year"), default=False)
    approximate = models.BooleanField(_("approximate"), default=False)
    precision = models.CharField(_("precision"), max_length=12, choices=Precision.choices, default=Precision.YEAR)
    span_start = models.PositiveSmallIntegerField(_("first year it may mean"), null=True, blank=True)
    span_end = models.PositiveSmallIntegerField(_("last year it may mean"), null=True, blank=True)
    is_target = models.BooleanField(
        _("target"), default=False,
        help_text=_("A deadline, target year or projection (「2030年までに」), not history."))
    era = models.CharField(_("era"), max_length=10, blank=True)
    era_year = models.PositiveSmallIntegerField(_("year of the era"), null=True, blank=True)
    sentence = models.TextField(_("sentence"))

    class Meta:
        ordering = ["chapter", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(month__isnull=True) | Q(month__range=(1, 12)), name="event_month_valid"),
            models.CheckConstraint(condition=Q(day__isnull=True) | Q(day__range=(1, 31)), name="event_day_valid"),
            models.UniqueConstraint(fields=["chapter", "position"], name="event_position_unique"),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.date_text

    @property
    def span(self) -> tuple[int, int]:
        return (self.span_start or self.year, self.span_end or self.year)

    @property
    def western_label(self):
        return western_label(year=self.year, precision=self.precision, span=self.span, fiscal_year=self.fiscal_year,
                             month=self.month, day=self.day, era=self.era, date_text=self.date_text)

    @property
    def era_label(self):
        if not self.era:
            return ""
        if self.precision not in (self.Precision.DAY, self.Precision.MONTH, self.Precision.YEAR):
            return self.date_text
        year = "元" if self.era_year == 1 else str(self.era_year)
        return f"{self.era}{year}年度" if self.fiscal_year else f"{self.era}{year}年"


class GoalList(models.Model):
    chapter = models.ForeignKey(Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="goal_lists")
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="goal_lists")
    paragraph = models.ForeignKey(
        Paragraph, verbose_name=_("paragraph"), on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="goal_lists",
        help_text=_("The paragraph that states or introduces the list."),
    )
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    plan = models.CharField(_("plan"), max_length=200, blank=True)
    stated_count = models.PositiveSmallIntegerField(_("count stated in the text"), null=True, blank=True)
    sentence = models.TextField(_("sentence"))

    class Meta:
        ordering = ["chapter", "position"]
        constraints = [models.UniqueConstraint(fields=["chapter", "position"], name="goal_list_position_unique")]
        verbose_name = _("goal list")
        verbose_name_plural = _("goal lists")

    def __str__(self):
        return self.title


class Goal(models.Model):
    goal_list = models.ForeignKey(GoalList, verbose_name=_("goal list"), on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveIntegerField(_("position"))
    text = models.CharField(_("text"), max_length=300)

    class Meta:
        ordering = ["goal_list", "position"]
        constraints = [models.UniqueConstraint(fields=["goal_list", "position"], name="goal_position_unique")]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text


class Figure(models.Model):
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="figures")
    position = models.PositiveIntegerField(_("position"))
    label = models.CharField(_("label"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    after_paragraph = models.PositiveIntegerField(
        _("after paragraph"), default=0, help_text=_("How many of the section's paragraphs come before it.")
    )

    class Meta:
        ordering = ["section", "position"]
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="figure_position_unique")]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return f"{self.label} {self.title}"
