"""Teachers' reads, scoped to the teacher (another teacher's class or set is not among them, and the
view answers 404), and students' view of the classes they joined and the assignments given to them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from civiclearn.compiled_queries import CompiledQuery
from content.audience import readable_by
from quizzes.accommodations import Rules, rules_for
from quizzes.generation.item_analysis import ItemStatistics, item_statistics, option_counts
from quizzes.generation.kinds import CHOICE_KINDS
from quizzes.horizon import Horizon
from quizzes.models import (
    Answer,
    Assignment,
    AssignmentOverride,
    Attempt,
    AttemptItem,
    Item,
    ItemVersion,
    Membership,
    QuizSet,
    QuizSetEntry,
    SchoolClass,
)
from quizzes.release import rule_allows
from quizzes.selectors.bank import leaking_pairs, visible_to
from quizzes.selectors.slot_counts import per_attempt


def classes_of(teacher) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(teacher=teacher).annotate(students=Count("memberships"))


def classes_with_roster(teacher) -> QuerySet[SchoolClass]:
    """The teacher's classes, each with its memberships and their students."""
    roster = Prefetch("memberships", queryset=Membership.objects.select_related("student"))
    return SchoolClass.objects.filter(teacher=teacher).prefetch_related(roster)


def classes_joined(student) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(memberships__student=student).select_related("teacher")


def quiz_sets_of(owner) -> QuerySet[QuizSet]:
    return QuizSet.objects.filter(owner=owner).annotate(entry_count=Count("entries"))


def quiz_sets_with_entries(owner) -> QuerySet[QuizSet]:
    """The owner's sets, each with its entries in order (their items, chapters and sections joined)."""
    entries = QuizSetEntry.objects.select_related("item", "chapter", "section").order_by("position")
    return QuizSet.objects.filter(owner=owner).prefetch_related(Prefetch("entries", queryset=entries))


def leaks_in_set(quiz_set: QuizSet) -> list[tuple[QuizSetEntry, QuizSetEntry]]:
    """Pairs of the set's own items of which one gives the other's answer away (a stem that names
    another's key), in the set's order; the entries come from ``quiz_sets_with_entries``."""
    by_item = {entry.item_id: entry for entry in quiz_set.entries.all() if entry.item_id}
    clashes = leaking_pairs(item_ids=list(by_item))
    pairs = {tuple(sorted((by_item[one], by_item[other]), key=lambda entry: entry.position))
             for one, others in clashes.items() for other in others}
    return sorted(pairs, key=lambda pair: (pair[0].position, pair[1].position))


def assignments_open_to(student) -> QuerySet[Assignment]:
    """Assignments of the classes the student is in (the ones they may start)."""
    return Assignment.objects.filter(school_class__memberships__student=student).select_related("quiz_set")


def assignments_of_teacher(teacher) -> QuerySet[Assignment]:
    return Assignment.objects.filter(quiz_set__owner=teacher).select_related("quiz_set", "school_class")


def assignments_overview(teacher) -> QuerySet[Assignment]:
    """The teacher's assignments, latest closing first, each with how many of its class have
    submitted (one query)."""
    submitted = Count("attempts__learner", filter=Q(attempts__finished_at__isnull=False), distinct=True)
    return (assignments_of_teacher(teacher)
            .annotate(submitted=submitted, students=Count("school_class__memberships", distinct=True))
            .order_by("-close_at", "-pk"))


def override_of(*, assignment: Assignment, student) -> AssignmentOverride | None:
    return AssignmentOverride.objects.filter(assignment=assignment, student=student).first()


def students_of_set(quiz_set: QuizSet):
    """The students of the classes the set is assigned to (whom its overrides may name), by username."""
    return (get_user_model().objects.filter(memberships__school_class__assignments__quiz_set=quiz_set)
            .distinct().order_by("username"))


def overrides_of_set(quiz_set: QuizSet) -> QuerySet[AssignmentOverride]:
    """Every student's own rules on the set's assignments, for its teacher's results page."""
    return (AssignmentOverride.objects.filter(assignment__quiz_set=quiz_set)
            .select_related("student", "assignment__school_class").order_by("student__username", "assignment_id"))


@dataclass
class StudentAssignment:
    assignment: Assignment
    status: str  # not_started, in_progress, submitted
    attempts: int
    grade: float | None  # 0–1, by the set's grading rule; None until the set's feedback rule shows it
    next_step: str = "start"  # what the server would allow now: see next_step()
    rules: Rules | None = None  # the student's own dates, time limit and attempts (quizzes/accommodations.py)


def next_step(rules: Rules, *, in_progress: bool, attempts: int, now: datetime) -> str:
    """What the student may do now, in the order assignment_start checks it, so that a page offers
    only what the server will allow: continue, start, retake, or why not (opens_later, closed, used_up)."""
    if in_progress:
        return "continue"
    if now < rules.open_at:
        return "opens_later"
    if now >= rules.close_at:
        return "closed"
    if rules.attempts_allowed and attempts >= rules.attempts_allowed:
        return "used_up"
    return "retake" if attempts else "start"


def assignments_for_student(*, student, now: datetime, horizon: Horizon | None = None) -> list[StudentAssignment]:
    """The assignments of the classes the student is in, with the student's status on each. Three
    queries compiled once (the dashboard shows them on every view): the assignments, the student's
    assigned attempts, the student's overrides. ``horizon`` is told when time next changes a status:
    an opening, a close, an attempt's deadline."""
    assignments = _ASSIGNMENTS_OF_STUDENT.run(student=student.pk)
    attempts = defaultdict(list)
    for attempt in _ASSIGNED_ATTEMPTS_OF.run(learner=student.pk):
        attempts[attempt.assignment_id].append(attempt)
    overrides = {override.assignment_id: override for override in _OVERRIDES_OF.run(student=student.pk)}
    result = []
    for assignment in assignments:
        mine, rules = attempts[assignment.pk], rules_for(assignment, overrides.get(assignment.pk))
        if horizon:
            for moment in (rules.open_at, rules.close_at, *(a.deadline for a in mine), *(a.closes_at for a in mine)):
                horizon.note(moment)
        open_attempt = any(not a.is_finished and (a.deadline is None or a.deadline > now) for a in mine)
        status = "in_progress" if open_attempt else "submitted" if mine else "not_started"
        shown = [a for a in mine if rule_allows(assignment.quiz_set.feedback, finished=a.is_finished,
                                                 close_at=a.closes_at or rules.close_at, now=now)]
        result.append(StudentAssignment(assignment, status, len(mine), grade_of(shown, assignment.quiz_set.grading),
                                        next_step(rules, in_progress=open_attempt, attempts=len(mine), now=now),
                                        rules))
    return result


_ASSIGNMENTS_OF_STUDENT = CompiledQuery(
    lambda student: (Assignment.objects.filter(school_class__memberships__student_id=student)
                     .select_related("quiz_set", "school_class").order_by("close_at")),
    student=Membership._meta.get_field("student"))
_ASSIGNED_ATTEMPTS_OF = CompiledQuery(
    lambda learner: (Attempt.objects.filter(learner_id=learner, assignment__isnull=False)
                     .annotate(slot_count=Coalesce(per_attempt(Count("pk")), 0)).order_by("number")),
    learner=Attempt._meta.get_field("learner"))
_OVERRIDES_OF = CompiledQuery(lambda student: AssignmentOverride.objects.filter(student_id=student),
                              student=AssignmentOverride._meta.get_field("student"))


def _graded_attempts(attempts: QuerySet[Attempt]) -> list[Attempt]:
    return list(attempts.annotate(slot_count=Count("slots")).order_by("number"))


def fraction(attempt: Attempt) -> float | None:
    if not attempt.is_finished or not attempt.slot_count:
        return None
    return (attempt.score or 0.0) / attempt.slot_count


def grade_of(attempts: list[Attempt], grading: str) -> float | None:
    fractions = [f for f in (fraction(a) for a in attempts) if f is not None]
    if not fractions:
        return None
    if grading == QuizSet.Grading.LAST:
        return fractions[-1]
    if grading == QuizSet.Grading.AVERAGE:
        return sum(fractions) / len(fractions)
    return max(fractions)


@dataclass
class StudentResult:
    username: str
    student_id: int
    attempts: int
    grade: float | None
    time_taken: timedelta | None
    last_finished: datetime | None


@dataclass
class ItemResult:
    item: Item
    statistics: ItemStatistics
    options: list[tuple[str, str, int, bool]] = field(default_factory=list)  # id, text, picked, is key


@dataclass
class Results:
    quiz_set: QuizSet
    students: list[StudentResult]
    items: list[ItemResult]


# What grading and the results need of an attempt; the rest (mode, chapter, …) stays in the database.
_GRADED_FIELDS = ("id", "learner_id", "number", "deadline", "started_at", "finished_at", "score")


def results_marker(*, quiz_set: QuizSet) -> tuple:
    """What the set's results are made of, in one statement of four small aggregates: its attempts
    (started, finished, scored), the rosters it is assigned to, the items its attempts showed (edited or
    given a new version), and the students' own rules (overrides); with the set's own title, grading and
    last change. A kept results page is found by it (quizzes/views/teaching.py), so any change to these
    makes a new page. Usernames are not in it: a renamed student shows under the old name until the next
    attempt. Written as SQL: one round trip, where the ORM made four and spent longer building them than
    the database spent running them."""
    with connection.cursor() as cursor:
        cursor.execute(_marker_sql(), [quiz_set.pk] * 4)
        row = cursor.fetchone()
    return (quiz_set.title, quiz_set.grading, str(quiz_set.updated_at), *map(str, row))


@cache
def _marker_sql() -> str:
    attempt, assignment, slot, item, version, membership, override = (
        model._meta.db_table for model in (Attempt, Assignment, AttemptItem, Item, ItemVersion, Membership,
                                           AssignmentOverride))
    return f"""
        SELECT a.n, a.last, a.finished, a.last_finished, a.points, r.n, r.last, i.edited, i.version, o.n, o.changed
        FROM (SELECT COUNT(t.id) AS n, MAX(t.id) AS last, COUNT(t.finished_at) AS finished,
                     MAX(t.finished_at) AS last_finished, SUM(t.score) AS points
              FROM {attempt} t JOIN {assignment} g ON g.id = t.assignment_id WHERE g.quiz_set_id = %s) a,
             (SELECT COUNT(m.id) AS n, MAX(m.id) AS last
              FROM {membership} m JOIN {assignment} g ON g.school_class_id = m.school_class_id
              WHERE g.quiz_set_id = %s) r,
             (SELECT MAX(it.updated_at) AS edited, MAX(v.id) AS version
              FROM {item} it LEFT JOIN {version} v ON v.item_id = it.id
              WHERE it.id IN (SELECT s.item_id FROM {slot} s JOIN {attempt} t ON t.id = s.attempt_id
                              JOIN {assignment} g ON g.id = t.assignment_id WHERE g.quiz_set_id = %s)) i,
             (SELECT COUNT(o.id) AS n, MAX(o.updated_at) AS changed
              FROM {override} o JOIN {assignment} g ON g.id = o.assignment_id WHERE g.quiz_set_id = %s) o"""


def own_quiz_set(*, owner, set_id: int) -> QuizSet | None:
    """The owner's set alone (no entries), in a query compiled once: the kept results page needs no more."""
    return _OWN_QUIZ_SET.first(owner=owner.pk, set_id=int(set_id))


_OWN_QUIZ_SET = CompiledQuery(lambda owner, set_id: QuizSet.objects.filter(owner_id=owner, pk=set_id),
                              owner=QuizSet._meta.get_field("owner"), set_id=QuizSet._meta.get_field("id"))


def quiz_set_results(*, quiz_set: QuizSet) -> Results:
    """Per student and per item, over every assignment of the set. Item statistics use each
    student's first finished attempt (as Moodle's report does by default), so that retakes do not
    inflate facility. Five queries whatever the class size; the options' counts are summed in SQL."""
    attempts = _graded_attempts(Attempt.objects.filter(assignment__quiz_set=quiz_set)
                                .only(*_GRADED_FIELDS).annotate(username=F("learner__username")))
    roster = Membership.objects.filter(school_class__assignments__quiz_set=quiz_set)
    students = dict(roster.values_list("student_id", "student__username").distinct())
    return Results(quiz_set, _student_results(attempts, students, quiz_set.grading), _item_results(attempts))


def _student_results(attempts: list[Attempt], students: dict[int, str], grading: str) -> list[StudentResult]:
    by_student = defaultdict(list)
    for attempt in attempts:
        by_student[attempt.learner_id].append(attempt)
        students.setdefault(attempt.learner_id, attempt.username)
    results = []
    for student_id, username in sorted(students.items(), key=lambda pair: pair[1]):
        mine = by_student[student_id]
        finished = [a for a in mine if a.is_finished]
        graded = max(finished, key=fraction) if finished and grading == QuizSet.Grading.HIGHEST else (
            finished[-1] if finished else None)
        results.append(StudentResult(
            username, student_id, len(mine), grade_of(mine, grading),
            graded.finished_at - graded.started_at if graded else None, finished[-1].finished_at if finished else None,
        ))
    return results


def _item_results(attempts: list[Attempt]) -> list[ItemResult]:
    first = {}
    for attempt in attempts:
        if attempt.is_finished:
            first.setdefault(attempt.learner_id, attempt.pk)
    answers = Answer.objects.filter(slot__attempt_id__in=list(first.values())).order_by()
    scores = defaultdict(dict)
    for attempt_id, item_id, score in answers.values_list("slot__attempt_id", "slot__item_id", "score"):
        scores[attempt_id][item_id] = score
    responses = defaultdict(list)
    picked = (answers.filter(slot__item__kind__in=CHOICE_KINDS).values("slot__item_id", "response")
              .annotate(times=Count("id")).values_list("slot__item_id", "response", "times"))
    for item_id, response, times in picked:
        responses[item_id] += [response] * times
    statistics = item_statistics(list(scores.values()))
    items = Item.objects.in_bulk(list(statistics))
    return [ItemResult(items[item_id], stats, _option_rows(items[item_id], responses[item_id]))
            for item_id, stats in statistics.items()]


def _option_rows(item: Item, responses: list) -> list[tuple[str, str, int, bool]]:
    if item.kind not in CHOICE_KINDS:
        return []
    keys = item.answer if isinstance(item.answer, list) else [item.answer]
    counts = option_counts([o["id"] for o in item.options], responses)
    return [(o["id"], o["text"], counts[o["id"]], o["id"] in keys) for o in item.options]


DIFFICULTY_FILTERS = {"easy": {"difficulty__lt": 0.4}, "medium": {"difficulty__gte": 0.4, "difficulty__lte": 0.6},
                      "hard": {"difficulty__gt": 0.6}}


def bank_filtered(*, teacher, chapter=None, section_number=None, skill="", kind="", status="", difficulty="",
                  text="") -> QuerySet[Item]:
    """The bank as the builder filters it (chapter, section, skill, kind, status, difficulty, text): the
    public bank and the teacher's own items."""
    items = (Item.objects.filter(visible_to(teacher), readable_by(teacher, "chapter__"))
             .select_related("chapter", "section").order_by("chapter__number", "section__number", "id"))
    if chapter:
        items = items.filter(chapter=chapter)
    if chapter and section_number:
        items = items.filter(section__number=section_number)
    for name, value in (("skill", skill), ("kind", kind), ("status", status)):
        if value:
            items = items.filter(**{name: value})
    if difficulty in DIFFICULTY_FILTERS:
        items = items.filter(**DIFFICULTY_FILTERS[difficulty])
    if text:
        items = items.filter(prompt__icontains=text) | items.filter(options__icontains=text)
    return items
