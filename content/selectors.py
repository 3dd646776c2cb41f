"""Selectors read: querysets with what their pages and endpoints need already joined or prefetched, or
one row or None (the view decides on the 404). Those a reader reaches take the ``reader`` and hold
only the chapters that reader may read (content/audience.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet

from civiclearn.compiled_queries import CompiledQuery

from .audience import EVERY_CHAPTER, MEMBER, PUBLIC, readable_by, reader_scope
from .models import Chapter, Event, GoalList, Paragraph, Section, Term, TermLink


def chapter_list(*, reader) -> QuerySet[Chapter]:
    chapters = Chapter.objects.filter(readable_by(reader)).annotate(term_count=Count("terms", distinct=True))
    chapters = chapters.order_by("number", "slug")
    return chapters.prefetch_related(Prefetch("sections", queryset=Section.objects.order_by("number")))


def chapter_by_slug(slug: str, *, reader) -> Chapter | None:
    return chapter_list(reader=reader).filter(slug=slug).first()


def chapter_revision(slug: str, *, reader) -> tuple[int, int] | None:
    """The chapter's id and revision, if ``reader`` may read it: what a kept page is found by
    (content/page_cache.py). A lean query, compiled once: it runs on every request for a lesson page."""
    return _CHAPTER_REVISION.first(reader, slug=slug)


def section_revision(slug: str, number: int, *, reader) -> tuple[int, int] | None:
    """The same for a section of the chapter: None when there is no such section."""
    return _SECTION_REVISION.first(reader, slug=slug, number=int(number))


class ForEachScope:
    """A query of the chapters (or their rows) a reader may read, compiled once for each shape of
    ``readable_by`` (civiclearn/compiled_queries.py); ``build(reader, **values)`` makes it for a reader."""

    def __init__(self, build, **fields):
        self._queries = {
            PUBLIC: CompiledQuery(lambda **values: build(None, **values), **fields),
            EVERY_CHAPTER: CompiledQuery(lambda **values: build(_ReaderOfEveryChapter(), **values), **fields),
            MEMBER: CompiledQuery(lambda reader, **values: build(get_user_model()(pk=reader), **values),
                                  reader=Chapter._meta.get_field("owner"), **fields),
        }

    def run(self, reader, **values) -> list:
        scope = reader_scope(reader)
        return self._queries[scope].run(**values, **({"reader": reader.pk} if scope == MEMBER else {}))

    def first(self, reader, **values):
        found = self.run(reader, **values)
        return found[0] if found else None


class _ReaderOfEveryChapter:
    """Stands in for staff who may view every chapter while their query is compiled."""

    is_authenticated = is_staff = True

    @staticmethod
    def has_perm(permission: str) -> bool:
        return True


_CHAPTER_REVISION = ForEachScope(
    lambda reader, slug: Chapter.objects.filter(readable_by(reader), slug=slug).values_list("pk", "revision")[:1],
    slug=Chapter._meta.get_field("slug"))
_SECTION_REVISION = ForEachScope(
    lambda reader, slug, number: (Section.objects.filter(readable_by(reader, "chapter__"), chapter__slug=slug,
                                                         number=number)
                                  .values_list("chapter_id", "chapter__revision")[:1]),
    slug=Chapter._meta.get_field("slug"), number=Section._meta.get_field("number"))


def chapter_choices(*, reader) -> list[tuple[str, int, str]]:
    """Slug, number and title of each chapter ``reader`` may read, in the chapters' order: what a form
    that offers them shows. Compiled once: the dashboard's practice form is found by it."""
    return _CHAPTER_CHOICES.run(reader)


_CHAPTER_CHOICES = ForEachScope(
    lambda reader: Chapter.objects.filter(readable_by(reader)).values_list("slug", "number", "title"))


def section_outlines(*, reader) -> list[tuple[int, int, int, str, str, int, str]]:
    """(section id, chapter id, number, title, the chapter's slug, number and title) of each section of the
    chapters ``reader`` may read, in reading order: what a list of mastery by section names. Compiled once:
    every view of the dashboard runs it."""
    return _SECTION_OUTLINES.run(reader)


_SECTION_OUTLINES = ForEachScope(
    lambda reader: (Section.objects.filter(readable_by(reader, "chapter__"))
                    .order_by("chapter__number", "chapter__slug", "number")
                    .values_list("pk", "chapter_id", "number", "title", "chapter__slug", "chapter__number",
                                 "chapter__title")))


def chapter_by_pk(pk: int) -> Chapter:
    return Chapter.objects.get(pk=pk)


def section_for_reading(slug: str, number: int) -> Section | None:
    """A section with everything its page shows: paragraphs and their term links, figures, goals."""
    paragraphs = Paragraph.objects.order_by("position").prefetch_related(
        Prefetch("term_links", queryset=TermLink.objects.select_related("term").order_by("start"))
    )
    queryset = Section.objects.select_related("chapter").prefetch_related(
        Prefetch("paragraphs", queryset=paragraphs),
        "figures",
        Prefetch("goal_lists", queryset=GoalList.objects.prefetch_related("goals")),
    )
    return queryset.filter(chapter__slug=slug, number=number).first()


def neighbouring_sections(section: Section) -> tuple[Section | None, Section | None]:
    siblings = list(Section.objects.filter(chapter_id=section.chapter_id).only("number", "title").order_by("number"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == section.pk)
    previous = siblings[index - 1] if index > 0 else None
    following = siblings[index + 1] if index + 1 < len(siblings) else None
    return previous, following


def glossary(chapter: Chapter) -> QuerySet[Term]:
    """The chapter's terms, each with the paragraphs that use it (their sections joined)."""
    uses = TermLink.objects.select_related("paragraph__section").order_by(
        "paragraph__section__number", "paragraph__position", "start"
    )
    return chapter.terms.order_by("number").prefetch_related(Prefetch("links", queryset=uses))


def timeline(chapter: Chapter | None = None) -> QuerySet[Event]:
    events = Event.objects.filter(is_target=False).select_related("section", "chapter", "paragraph")
    if chapter is not None:
        events = events.filter(chapter=chapter)
    return events.order_by("year", "month", "day", "chapter__number", "position")


def targets(chapter: Chapter) -> QuerySet[Event]:
    """Deadlines and target years the chapter sets (「2030年までに」), apart from its history."""
    return chapter.events.filter(is_target=True).select_related("section", "paragraph").order_by("year", "position")


def sections(*, reader) -> QuerySet[Section]:
    paragraphs = Paragraph.objects.order_by("position")
    return Section.objects.filter(readable_by(reader, "chapter__")).select_related("chapter").prefetch_related(
        Prefetch("paragraphs", queryset=paragraphs))


def terms(*, reader) -> QuerySet[Term]:
    return Term.objects.filter(readable_by(reader, "chapter__")).select_related("chapter", "section")


def events(*, reader) -> QuerySet[Event]:
    return Event.objects.filter(readable_by(reader, "chapter__")).select_related("chapter", "section")


def goal_lists(*, reader) -> QuerySet[GoalList]:
    return GoalList.objects.filter(readable_by(reader, "chapter__")).select_related(
        "chapter", "section").prefetch_related("goals")
