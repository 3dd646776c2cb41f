"""A learner's attempts and progress. Every read is scoped to the learner: another's is a 404."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Sum, prefetch_related_objects
from django.utils import timezone

from civiclearn.compiled_queries import CompiledQuery
from content.models import Chapter, Section
from content.selectors import section_outlines
from quizzes.horizon import Horizon
from quizzes.mastery import Mastery, masteries
from quizzes.models import AnswerDay, Attempt, AttemptItem, Item, MasteryDay, MissedItem, ReviewCard
from quizzes.release import feedback_visible, is_released, release_columns
from quizzes.scheduling import recall_probability
from quizzes.selectors.bank import published_items, published_scopes
from quizzes.selectors.slot_counts import per_attempt

RECENT_ATTEMPTS = 5
MISSED_TERMS = 5
STREAK_WINDOW_DAYS = 366
CHART_DAYS = 14  # answers per day, drawn on the dashboard
DUE_AHEAD_DAYS = 7


def attempts_of(learner) -> QuerySet[Attempt]:
    """The learner's own attempts (another learner's is not among them)."""
    return Attempt.objects.filter(learner=learner).select_related("chapter", "section", "assignment__quiz_set")


def attempts_with_slots(learner) -> QuerySet[Attempt]:
    """The learner's attempts, each with ``ordered_slots``: its items in order (one more query in all)."""
    return attempts_of(learner).prefetch_related(Prefetch("slots", queryset=slots_in_order(), to_attr="ordered_slots"))


def slots_in_order() -> QuerySet[AttemptItem]:
    """Slots in order, each with its version, item, source and answer joined."""
    return (AttemptItem.objects
            .select_related("version", "item__section", "item__paragraph", "item__chapter", "answer")
            .order_by("position"))


def attempt_slots(attempt: Attempt) -> QuerySet[AttemptItem]:
    """The attempt's items in order, each with its version, item, source and answer (one query)."""
    return slots_in_order().filter(attempt=attempt)


def _slot_on_page(learner: int, attempt: int, position: int) -> QuerySet[AttemptItem]:
    total = (AttemptItem.objects.filter(attempt=OuterRef("attempt_id")).order_by().values("attempt_id")
             .annotate(n=Count("*")).values("n"))
    return (AttemptItem.objects
            .select_related("attempt__chapter", "attempt__section", "attempt__assignment__quiz_set", "version",
                            "answer")
            .annotate(total=Subquery(total))
            .filter(attempt__learner_id=learner, attempt_id=attempt, position=position)[:1])


# every practice page runs it: compiled once (civiclearn/compiled_queries.py)
_SLOT_ON_PAGE = CompiledQuery(_slot_on_page, learner=Attempt._meta.get_field("learner"),
                              attempt=AttemptItem._meta.get_field("attempt"),
                              position=AttemptItem._meta.get_field("position"))


def slot_on_page(*, learner, attempt_id: int, position: int) -> AttemptItem | None:
    """One of the learner's own slots as its page shows it, in one lean query: the slot, its attempt (and
    the attempt's chapter, section and set), the version, the answer, and ``total``, the attempt's number of
    items. Not the item's source: only feedback shows it (``slot_source_load``)."""
    return _SLOT_ON_PAGE.first(learner=learner.pk, attempt=int(attempt_id), position=int(position))


def slot_source_load(slot: AttemptItem) -> None:
    """The slot's item with the chapter, section and paragraph it came from, in one query."""
    prefetch_related_objects([slot], Prefetch("item", queryset=Item.objects.select_related(
        "chapter", "section", "paragraph")))


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    finished_at: datetime | None
    released: bool  # False while the set's feedback is withheld: then no score, right count or missed ids
    items: int
    answered: int
    score: float | None
    correct: int | None
    missed: list[int] | None  # the ids of the items answered but not fully right


def attempt_summary(attempt: Attempt, now: datetime | None = None) -> AttemptSummary:
    slots = list(attempt_slots(attempt))
    answers = [slot.answer for slot in slots if hasattr(slot, "answer")]
    summary = AttemptSummary(id=attempt.pk, finished_at=attempt.finished_at, released=False, items=len(slots),
                             answered=len(answers), score=None, correct=None, missed=None)
    if not feedback_visible(attempt, now):
        return summary
    return replace(summary, released=True, score=attempt.score, correct=sum(answer.correct for answer in answers),
                   missed=[answer.slot.item_id for answer in answers if not answer.correct])


def due_cards(*, learner, now: datetime) -> QuerySet[ReviewCard]:
    return (ReviewCard.objects.filter(learner=learner, due__lte=now, item__in=published_items(reader=learner))
            .select_related("item").order_by("due"))


@dataclass
class ScopeMastery:
    label: str
    mastery: Mastery
    section: Section | None = None
    skill: str = ""


@dataclass
class ChapterProgress:
    chapter_id: int
    title: str
    slug: str
    sections: list[ScopeMastery] = field(default_factory=list)
    skills: list[ScopeMastery] = field(default_factory=list)


@dataclass(frozen=True)
class RecentSession:
    attempt: Attempt
    items: int
    answered: int
    points: float | None  # None while the attempt's feedback is withheld


@dataclass
class Progress:
    chapters: list[ChapterProgress]
    due_now: int
    due_today: int
    streak: int
    recent: list[RecentSession]
    missed_terms: list[tuple[MissedTerm, int]]  # from released answers only
    by_day: list[tuple[date, int, int]] = field(default_factory=list)  # the last CHART_DAYS: answered, right
    # chapter id → day → percent as recorded (services/mastery_days.py), today's included
    mastery_history: dict[int, dict[date, int]] = field(default_factory=dict)
    due_ahead: list[tuple[date, int]] = field(default_factory=list)  # reviews due on each of the next days
    changes_at: datetime | None = None  # when time alone next changes any of the above but mastery (quizzes/horizon.py)


def progress_for(*, learner, now: datetime | None = None) -> Progress:
    """Mastery per section and skill, reviews due, the streak, recent sessions, the terms most missed.

    Seven queries whatever the bank's size (items, cards, sections, recent attempts, missed terms,
    answer days, mastery days), each compiled once (civiclearn/compiled_queries.py). ``changes_at`` is
    the next moment time alone changes what it says, FSRS's continuous decay of recall apart: a review
    falling due, the next day. (A set's feedback released at its close changes it too, but through the
    cards: the next read releases the reviews that waited for it, quizzes/services/reviews.py.)
    """
    now = now or timezone.now()
    items = published_scopes(reader=learner)
    cards = _CARDS.run(learner=learner.pk)
    recall = {item_id: recall_probability(card, now) for item_id, card, _due in cards}
    end_of_day = timezone.localtime(now).replace(hour=23, minute=59, second=59)
    published = {pk for pk, *_ in items}
    dues = [due for item_id, _card, due in cards if item_id in published]
    horizon = Horizon(now)
    for moment in (_tomorrow(now), *dues):
        horizon.note(moment)
    answer_days = answer_days_of(learner, now)
    return Progress(
        chapters=_chapters(items, recall, learner),
        due_now=sum(due <= now for due in dues),
        due_today=sum(due <= end_of_day for due in dues),
        streak=_streak(set(answer_days), now),
        by_day=_last_days(answer_days, now),
        mastery_history=_mastery_history(learner, now),
        due_ahead=_due_ahead(dues, now),
        recent=_recent(learner, now),
        missed_terms=_missed_by_term(learner, now).most_common(MISSED_TERMS),
        changes_at=horizon.at,
    )


def _tomorrow(now: datetime) -> datetime:
    """The start of the next local day: the streak, the charts and today's reviews move on then."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))


_CARDS = CompiledQuery(lambda learner: ReviewCard.objects.filter(learner_id=learner)
                       .values_list("item_id", "card", "due"), learner=ReviewCard._meta.get_field("learner"))


def _chapters(items, recall: dict[int, float], reader) -> list[ChapterProgress]:
    found = masteries(items, recall)
    chapters: dict[int, ChapterProgress] = {}
    for pk, chapter_id, number, title, slug, chapter_number, chapter_title in section_outlines(reader=reader):
        if (chapter_id, pk) not in found.by_section:
            continue
        chapter = chapters.setdefault(chapter_id, ChapterProgress(
            chapter_id, str(Chapter(number=chapter_number, title=chapter_title)), slug))
        section = Section(pk=pk, chapter_id=chapter_id, number=number, title=title)
        chapter.sections.append(ScopeMastery(str(section), found.by_section[(chapter_id, pk)], section=section))
    labels = dict(Item.Skill.choices)
    in_skill_order = sorted(found.by_skill.items(), key=lambda entry: list(labels).index(entry[0][1]))
    for (chapter_id, skill), scoped in in_skill_order:
        if chapter_id in chapters:
            chapters[chapter_id].skills.append(ScopeMastery(str(labels[skill]), scoped, skill=skill))
    return list(chapters.values())


def answer_days_of(learner, now: datetime) -> dict[date, tuple[int, int]]:
    """Answers per local day of the last year: (answered, right), from the learner's day summaries
    (quizzes/models/summaries.py). Right counts only answers whose feedback is released, so that the
    chart says no more than the items' pages do."""
    since = timezone.localdate(now) - timedelta(days=STREAK_WINDOW_DAYS)
    days: dict[date, tuple[int, int]] = {}
    for day, answered, right, attempt_id, *columns in _ANSWER_DAYS.run(learner=learner.pk, since=since):
        shown = attempt_id is None or is_released(tuple(columns), now)
        before = days.get(day, (0, 0))
        days[day] = (before[0] + answered, before[1] + (right if shown else 0))
    return days


_ANSWER_DAYS = CompiledQuery(
    lambda learner, since: AnswerDay.objects.filter(learner_id=learner, day__gte=since).values_list(
        "day", "answered", "right", "attempt_id", *release_columns("attempt__")),
    learner=AnswerDay._meta.get_field("learner"), since=AnswerDay._meta.get_field("day"))


def _streak(days: set[date], now: datetime) -> int:
    """Consecutive days (local time) with at least one answer, ending today — or yesterday, so that
    a streak is not lost before today's practice."""
    today = timezone.localtime(now).date()
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _mastery_history(learner, now: datetime) -> dict[int, dict[date, int]]:
    """The mastery each chapter had on the days the learner's dashboard recorded it
    (services/mastery_days.py), over the chart's days and a week before them to carry a value in; today's
    record tells the dashboard whether today's has changed since."""
    today = timezone.localtime(now).date()
    history: dict[int, dict[date, int]] = {}
    for chapter_id, day, percent in _MASTERY_DAYS.run(learner=learner.pk, since=today - timedelta(days=CHART_DAYS + 7),
                                                      until=today):
        history.setdefault(chapter_id, {})[day] = percent
    return history


_MASTERY_DAYS = CompiledQuery(
    lambda learner, since, until: (MasteryDay.objects.filter(learner_id=learner, day__gte=since, day__lte=until)
                                   .order_by("day").values_list("chapter_id", "day", "percent")),
    learner=MasteryDay._meta.get_field("learner"), since=MasteryDay._meta.get_field("day"),
    until=MasteryDay._meta.get_field("day"))


def _last_days(answer_days: dict[date, tuple[int, int]], now: datetime) -> list[tuple[date, int, int]]:
    today = timezone.localtime(now).date()
    days = [today - timedelta(days=back) for back in range(CHART_DAYS - 1, -1, -1)]
    return [(day, *answer_days.get(day, (0, 0))) for day in days]


def _due_ahead(dues: list[datetime], now: datetime) -> list[tuple[date, int]]:
    """Reviews due on each of the next DUE_AHEAD_DAYS days; what is overdue counts on today."""
    today = timezone.localtime(now).date()
    counts = Counter(max(timezone.localtime(due).date(), today) for due in dues)
    return [(day, counts.get(day, 0)) for day in (today + timedelta(days=ahead) for ahead in range(DUE_AHEAD_DAYS))]


def _recent_sessions(learner: int) -> QuerySet[Attempt]:
    return (Attempt.objects.filter(learner_id=learner).select_related("chapter", "section", "assignment__quiz_set")
            .annotate(item_count=per_attempt(Count("pk")), answer_count=per_attempt(Count("answer")),
                      points=per_attempt(Sum("answer__score")))
            .order_by("-started_at", "-pk")[:RECENT_ATTEMPTS])


_RECENT_SESSIONS = CompiledQuery(_recent_sessions, learner=Attempt._meta.get_field("learner"))


def _recent(learner, now: datetime) -> list[RecentSession]:
    return [RecentSession(attempt, attempt.item_count or 0, attempt.answer_count or 0,
                          (attempt.points or 0.0) if feedback_visible(attempt, now) else None)
            for attempt in _RECENT_SESSIONS.run(learner=learner.pk)]


@dataclass(frozen=True)
class MissedTerm:
    """A term as the dashboard links to it in its glossary."""

    pk: int
    term: str
    number: int
    chapter_slug: str


def missed_term_counts(learner, now: datetime) -> Counter:
    """Term id → how often the learner missed its items, from released answers."""
    return Counter({term.pk: n for term, n in _missed_by_term(learner, now).items()})


def _missed_items(learner: int) -> QuerySet[MissedItem]:
    return (MissedItem.objects.filter(learner_id=learner, item__term__isnull=False)
            .values_list("item__term", "item__term__term", "item__term__number", "item__term__chapter__slug",
                         "missed", "attempt_id", *release_columns("attempt__")))


_MISSED_ITEMS = CompiledQuery(_missed_items, learner=MissedItem._meta.get_field("learner"))


def _missed_by_term(learner, now: datetime) -> Counter:
    """How often the learner missed each term's items, from released answers, read from the learner's
    missed-item summaries with their terms: one query, as many rows as items missed, however many
    answers. Compiled once (civiclearn/compiled_queries.py), the release rule applied to its rows."""
    counts: Counter = Counter()
    for pk, term, number, slug, missed, attempt_id, *columns in _MISSED_ITEMS.run(learner=learner.pk):
        if missed and (attempt_id is None or is_released(tuple(columns), now)):
            counts[MissedTerm(pk, term, number, slug)] += missed
    return counts
