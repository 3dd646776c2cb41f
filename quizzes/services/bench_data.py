"""A large, realistic data set for the benchmarks (bench/), written with bulk inserts.

Classes of students with their teachers, one assigned quiz set per class, and for every student one
submitted assignment attempt plus practice sessions, every answer graded and reviewed (FSRS cards).
The first class is a whole year group of LARGE_CLASS students (the results page's worst case); the
other students are shared evenly among the other classes.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from content.models import Chapter
from quizzes.models import (
    Answer,
    Assignment,
    Attempt,
    AttemptItem,
    Item,
    ItemVersion,
    Membership,
    QuizSet,
    QuizSetEntry,
    ReviewCard,
    SchoolClass,
)
from quizzes.scheduling import review
from quizzes.services.summaries import summaries_rebuild

BATCH = 5000
ITEMS_PER_ATTEMPT = 10
BENCH_PASSWORD = "bench-password-2026"
LARGE_CLASS = 200


@dataclass
class BenchReport:
    students: int = 0
    classes: int = 0
    answers: int = 0
    cards: int = 0
    seconds: float = 0.0


def bench_data_create(*, chapter: Chapter, students: int, classes: int, answers_per_student: int,
                      seed: int = 1) -> BenchReport:
    started = time.monotonic()
    rng = random.Random(seed)
    items = list(Item.objects.filter(chapter=chapter, status=Item.Status.PUBLISHED).order_by("id"))
    versions = {v.item_id: v for v in ItemVersion.objects.filter(item__in=items).order_by("item_id", "-number")}
    password = make_password(BENCH_PASSWORD)
    now = timezone.now()
    with transaction.atomic():
        teachers, class_rows = _classes(classes, password, now)
        learners = User.objects.bulk_create(
            [User(username=f"bench-student-{n:05}", password=password) for n in range(students)], batch_size=BATCH)
        Membership.objects.bulk_create(
            [Membership(school_class=class_rows[class_index(n, students, classes)], student=learner)
             for n, learner in enumerate(learners)], batch_size=BATCH)
        assignments = _assignments(teachers, class_rows, items, rng, now)
    report = BenchReport(students=students, classes=classes)
    sessions = max(1, answers_per_student // ITEMS_PER_ATTEMPT)
    for start in range(0, len(learners), 500):  # a transaction per 500 students keeps memory flat
        with transaction.atomic():
            group = learners[start:start + 500]
            report.answers += _practice(group, assignments, class_rows, items, versions, sessions, rng, now)
    report.cards = ReviewCard.objects.filter(learner__username__startswith="bench-student-").count()
    report.seconds = time.monotonic() - started
    return report


def class_index(student: int, students: int, classes: int) -> int:
    """Which class student number ``student`` joins: the first LARGE_CLASS go to class 0 when there are
    enough students to leave every other class one, the rest round the other classes.

    >>> [class_index(n, 205, 3) for n in (0, 199, 200, 201, 202)]
    [0, 0, 1, 2, 1]
    >>> [class_index(n, 4, 2) for n in range(4)]
    [0, 1, 0, 1]
    """
    large = LARGE_CLASS if classes > 1 and students >= LARGE_CLASS + classes - 1 else 0
    if student < large:
        return 0
    if large:
        return 1 + (student - large) % (classes - 1)
    return student % classes


def _classes(count: int, password: str, now):
    teachers = User.objects.bulk_create(
        [User(username=f"bench-teacher-{n:03}", password=password) for n in range(count)], batch_size=BATCH)
    Group.objects.get_or_create(name="teachers")[0].user_set.add(*teachers)
    rows = SchoolClass.objects.bulk_create(
        [SchoolClass(teacher=teacher, name=f"Bench class {n:03}", join_code=f"B{n:05}")
         for n, teacher in enumerate(teachers)], batch_size=BATCH)
    return teachers, rows


def _assignments(teachers, class_rows, items, rng, now) -> list[Assignment]:
    sets = QuizSet.objects.bulk_create([QuizSet(owner=teacher, title=f"Bench set {n:03}", attempts_allowed=0)
                                        for n, teacher in enumerate(teachers)])
    QuizSetEntry.objects.bulk_create([QuizSetEntry(quiz_set=quiz_set, position=p, item=item)
                                      for quiz_set in sets
                                      for p, item in enumerate(rng.sample(items, ITEMS_PER_ATTEMPT), start=1)])
    opens, closes = now - timedelta(days=30), now + timedelta(days=30)
    return Assignment.objects.bulk_create([
        Assignment(quiz_set=quiz_set, school_class=row, open_at=opens, close_at=closes)
        for quiz_set, row in zip(sets, class_rows, strict=True)])


def _practice(learners, assignments, class_rows, items, versions, sessions, rng, now) -> int:
    by_class = {row.pk: assignment for row, assignment in zip(class_rows, assignments, strict=True)}
    memberships = dict(Membership.objects.filter(student__in=learners).values_list("student_id", "school_class_id"))
    needed = {by_class[class_id] for class_id in memberships.values()}
    set_items = {a.pk: [e.item for e in a.quiz_set.entries.select_related("item").order_by("position")]
                 for a in needed}
    attempts, plans = [], []
    for learner in learners:
        assignment = by_class[memberships[learner.pk]]
        chosen = [set_items[assignment.pk]] + [rng.sample(items, ITEMS_PER_ATTEMPT) for _ in range(sessions - 1)]
        for number, attempt_items in enumerate(chosen):
            started = now - timedelta(days=rng.randrange(1, 60), minutes=rng.randrange(600))
            attempts.append(Attempt(learner=learner, mode="assignment" if number == 0 else "practice",
                                    assignment=assignment if number == 0 else None, started_at=started,
                                    finished_at=started + timedelta(minutes=rng.randrange(3, 15)),
                                    chapter_id=None if number == 0 else attempt_items[0].chapter_id))
            plans.append(attempt_items)
    attempts = Attempt.objects.bulk_create(attempts, batch_size=BATCH)
    slots = AttemptItem.objects.bulk_create([
        AttemptItem(attempt=attempt, position=p, item=item, version=versions[item.pk],
                    option_order=[o["id"] for o in item.options])
        for attempt, plan in zip(attempts, plans, strict=True) for p, item in enumerate(plan, start=1)],
        batch_size=BATCH)
    answers, cards, scores = [], {}, {}
    for slot in slots:
        right = rng.random() < 0.7
        answers.append(Answer(slot=slot, learner_id=slot.attempt.learner_id, response=slot.item.answer,
                              score=1.0 if right else 0.0, correct=right))
        scores[slot.attempt_id] = scores.get(slot.attempt_id, 0.0) + (1.0 if right else 0.0)
        cards[(slot.attempt.learner_id, slot.item_id)] = (right, slot.attempt.finished_at)
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    summaries_rebuild(learner_ids=[learner.pk for learner in learners])
    for attempt in attempts:
        attempt.score = scores.get(attempt.pk, 0.0)
    Attempt.objects.bulk_update(attempts, ["score"], batch_size=BATCH)
    ReviewCard.objects.bulk_create([_card(learner_id, item_id, right, at)
                                    for (learner_id, item_id), (right, at) in cards.items()], batch_size=BATCH)
    return len(answers)


def _card(learner_id, item_id, right, at) -> ReviewCard:
    reviewed = review(None, correct=right, at=at)
    return ReviewCard(learner_id=learner_id, item_id=item_id, card=reviewed.card, due=reviewed.due,
                      stability=reviewed.stability, difficulty=reviewed.difficulty, reviews=1,
                      lapses=0 if right else 1, last_review=at)
