"""Reads for the item bank: the material generators work from, and items for listing."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from content.audience import readable_by
from content.models import Chapter, Event, Goal, GoalList, Paragraph, Section, Term, TermLink
from content.parsing.dates import quoted_names, split_sentences
from content.selectors import ForEachScope
from quizzes.generation.records import ChapterMaterial, EventSource, GoalListSource, SentenceSource, TermSource
from quizzes.models import Item, ItemLeak, LearnedDistractor


def chapter_material(chapter: Chapter) -> ChapterMaterial:
    """The chapter as the generators see it, from the database (so admin edits reach the items).

    Nine queries whatever the chapter's size: sections, paragraphs, terms, events, goal lists and
    their goals, the terms and goals of the other chapters, and what learners' answers taught.
    """
    sections = list(chapter.sections.order_by("number"))
    numbers = {section.pk: section.number for section in sections}
    paragraphs = Paragraph.objects.filter(section__chapter=chapter).order_by("section__number", "position")
    goal_lists = chapter.goal_lists.order_by("position").prefetch_related("goals")
    # Other chapters lend terms only when they are public (a teacher's own chapter lends to no one), and
    # goal phrases only from the same document: another town's goals would be easy to rule out.
    others = Chapter.objects.exclude(pk=chapter.pk).filter(is_public=True)
    same_document = others.filter(source_sha256=chapter.source_sha256)
    return ChapterMaterial(
        slug=chapter.slug,
        title=chapter.title,
        terms=[_term(term, numbers) for term in chapter.terms.order_by("number")],
        events=[_event(event, numbers) for event in chapter.events.filter(is_target=False).order_by("position")],
        goal_lists=[_goal_list(goals, numbers) for goals in goal_lists],
        sentences=[SentenceSource(sentence, numbers[p.section_id]) for p in paragraphs
                   for _offset, sentence in split_sentences(p.text)],
        section_titles={section.number: section.title for section in sections},
        other_terms=[_term(term, {}) for term in Term.objects.filter(chapter__in=others).order_by("chapter", "number")],
        other_goal_phrases=list(
            Goal.objects.filter(goal_list__chapter__in=same_document)
            .order_by("goal_list__chapter", "goal_list__position", "position").values_list("text", flat=True)
        ),
        **_learned(chapter),
    )


def _learned(chapter: Chapter) -> dict:
    """Distractors in use or left out because of learners' answers, by fact (a reviewer's no stands)."""
    avoided: dict[str, set[str]] = defaultdict(set)
    offered: dict[str, list[str]] = defaultdict(list)
    rows = chapter.learned_distractors.filter(status=LearnedDistractor.Status.APPROVED).order_by("-count", "text")
    for fact, text, source in rows.values_list("fact", "text", "source"):
        if source == LearnedDistractor.Source.IDLE:
            avoided[fact].add(text)
        else:
            offered[fact].append(text)
    return {"avoided": {fact: frozenset(texts) for fact, texts in avoided.items()},
            "offered": {fact: tuple(texts) for fact, texts in offered.items()}}


def _term(term: Term, numbers: dict[int, int]) -> TermSource:
    return TermSource(term.number, term.term, term.definition, numbers.get(term.section_id), term.reading)


def _event(event: Event, numbers: dict[int, int]) -> EventSource:
    return EventSource(
        date_text=event.date_text, year=event.year, sentence=event.sentence, section=numbers[event.section_id],
        precision=event.precision, fiscal_year=event.fiscal_year, approximate=event.approximate,
        month=event.month, subjects=tuple(quoted_names(event.sentence)), span=event.span, era=event.era,
    )


def _goal_list(goals: GoalList, numbers: dict[int, int]) -> GoalListSource:
    return GoalListSource(
        position=goals.position + 1, title=goals.title, items=tuple(goal.text for goal in goals.goals.all()),
        sentence=goals.sentence, section=numbers[goals.section_id], plan=goals.plan,
        stated_count=goals.stated_count,
    )


def generated_keys_in_use(chapter: Chapter) -> frozenset[str]:
    """Keys of the chapter's generated items a regeneration must keep: edited by a person, answered or
    scheduled for review by a learner, or placed in a quiz set."""
    in_use = Q(edited=True) | Q(attempt_items__isnull=False) | Q(review_cards__isnull=False) | Q(
        set_entries__isnull=False)
    items = Item.objects.filter(chapter=chapter, author__isnull=True).exclude(status=Item.Status.RETIRED)
    return frozenset(items.filter(in_use).values_list("key", flat=True).distinct())


def source_rows(chapter: Chapter) -> dict[str, dict]:
    """Ids of the rows items point at, keyed the way drafts name their sources (goal lists from 1)."""
    return {
        "sections": dict(Section.objects.filter(chapter=chapter).values_list("number", "pk")),
        "terms": dict(chapter.terms.values_list("number", "pk")),
        "events": {(number, text): pk for number, text, pk in chapter.events.filter(is_target=False)
                   .order_by("-position").values_list("section__number", "date_text", "pk")},
        "goal_lists": {position + 1: pk for position, pk in chapter.goal_lists.values_list("position", "pk")},
        "paragraphs": list(Paragraph.objects.filter(section__chapter=chapter).order_by("section__number", "position")
                           .values_list("section__number", "pk", "text")),
        "term_markers": dict(TermLink.objects.filter(term__chapter=chapter, is_marker=True)
                             .order_by("-paragraph__section__number", "-paragraph__position")
                             .values_list("term__number", "paragraph_id")),
    }


def visible_to(owner=None) -> Q:
    """The public bank (generated items, and teachers' items an admin shared), and ``owner``'s own."""
    visible = Q(author__isnull=True) | Q(shared=True)
    return visible | Q(author=owner) if owner is not None else visible


def published_items(*, chapter=None, section=None, skill: str = "", kind: str = "", owner=None,
                    reader=None) -> QuerySet[Item]:
    """Published items of the public bank (and ``owner``'s own), of chapters ``reader`` may read when
    given, narrowed to a chapter, section, skill and kind where given: the pools practice, reviews and
    random slots draw from."""
    items = Item.objects.filter(visible_to(owner), status=Item.Status.PUBLISHED)
    if reader is not None:
        items = items.filter(readable_by(reader, "chapter__"))
    for name, value in (("chapter", chapter), ("section", section), ("skill", skill), ("kind", kind)):
        if value:
            items = items.filter(**{name: value})
    return items


def published_scopes(*, reader) -> list[tuple[int, int, int | None, str]]:
    """(item id, chapter id, section id, skill) of the public bank's published items of the chapters
    ``reader`` may read: what mastery is worked out over. Compiled once for each shape of the reader's
    filter: every view of the dashboard runs it."""
    return _PUBLISHED_SCOPES.run(reader)


_PUBLISHED_SCOPES = ForEachScope(
    lambda reader: (Item.objects.filter(visible_to(), readable_by(reader, "chapter__"), status=Item.Status.PUBLISHED)
                    .values_list("pk", "chapter_id", "section_id", "skill")))


def leaking_pairs(*, item_ids: list[int]) -> dict[int, set[int]]:
    """For each of these items, those among them it gives away or is given away by (ItemLeak)."""
    clashes: dict[int, set[int]] = {}
    pairs = ItemLeak.objects.filter(giver_id__in=item_ids, receiver_id__in=item_ids).values_list("giver", "receiver")
    for giver, receiver in pairs:
        clashes.setdefault(giver, set()).add(receiver)
        clashes.setdefault(receiver, set()).add(giver)
    return clashes


def section_numbered(chapter, number: int | None):
    """The chapter's section with this number, or None (no chapter, no number, or no such section)."""
    if not chapter or not number:
        return None
    return chapter.sections.filter(number=number).first()


def bank_items(chapter: Chapter | None = None) -> QuerySet[Item]:
    items = Item.objects.select_related("chapter", "section", "term", "event", "goal_list")
    return items.filter(chapter=chapter) if chapter else items
