"""How the dashboard and the class results grow with data, in-process (Django's test client, median
of 15 requests after one that warms the caches):

    python -m bench.scaling        (its own database, civiclearn_bench_scaling, dropped and rebuilt)

The dashboard of one learner with 10, 100, 1,000 and 3,000 answers spread over the last 300 days, and
the results page of a class of 50, 100, 200 and 400 students who each submitted one 10-item attempt:
each first rendered (no kept page) and then kept. Prints a Markdown table.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import timedelta

from bench import databases
from bench.run import DEFAULT_DATABASE, SEED, _manage, _production_environment

ANSWER_COUNTS = (10, 100, 1_000, 3_000)
CLASS_SIZES = (50, 100, 200, 400)
TIMED = 15


def main() -> None:
    database_url = DEFAULT_DATABASE.format(mode="scaling")
    os.environ.update(_production_environment(database_url))
    databases.recreate(database_url)
    _manage("migrate", "--noinput")
    _manage("import_chapter", str(SEED), "--slug", "sapporo-ict-chapter1")
    import django

    django.setup()
    from django.core.cache import cache
    from django.urls import reverse

    from bench.load_fixtures import _session_cookie

    rng = random.Random(5)
    print("| data | queries | ms (median) |\n|---|---:|---:|")
    for count in ANSWER_COUNTS:
        learner = _learner_with_answers(f"scaling-{count}", count, rng)
        cookie, url = _session_cookie(learner), reverse("quizzes:dashboard")
        for label, cold in (("rendered", True), ("kept", False)):
            queries, ms = _timed(cookie, url, cold=cold)
            print(f"| dashboard, {count:,} answers, {label} | {queries} | {ms:.1f} |", flush=True)
    for size in CLASS_SIZES:
        quiz_set = _class_with_results(size, rng)
        cookie = _session_cookie(quiz_set.owner)
        url = reverse("quizzes:teach-results", args=[quiz_set.pk])
        cache.clear()
        queries, ms = _timed(cookie, url, cold=True)
        print(f"| class results, {size} students, rendered | {queries} | {ms:.1f} |", flush=True)
        queries, ms = _timed(cookie, url)
        print(f"| class results, {size} students, kept | {queries} | {ms:.1f} |", flush=True)


def _timed(cookie: str, path: str, *, cold: bool = False) -> tuple[int, float]:
    """Queries and median ms of a GET; ``cold``: every request finds no kept page."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from civiclearn import kept_pages

    client = Client()
    name, _, value = cookie.partition("=")
    client.cookies[name] = value
    client.get(path)
    times = []
    for _ in range(TIMED):
        if cold:
            cache.clear()
            kept_pages.forget_all()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries), statistics.median(times) * 1000


def _learner_with_answers(username: str, count: int, rng: random.Random):
    from django.contrib.auth.models import User
    from django.utils import timezone

    from quizzes.models import Answer, Attempt, AttemptItem, Item, ItemVersion, ReviewCard
    from quizzes.services.bench_data import _card
    from quizzes.services.summaries import summaries_rebuild

    learner = User.objects.create_user(username)
    items = list(Item.objects.filter(status=Item.Status.PUBLISHED).order_by("pk"))
    versions = {v.item_id: v for v in ItemVersion.objects.filter(item__in=items).order_by("item_id", "-number")}
    now = timezone.now()
    per_attempt = min(10, count)
    attempts = Attempt.objects.bulk_create([
        Attempt(learner=learner, started_at=now - timedelta(days=rng.randrange(300)), finished_at=now)
        for _ in range(count // per_attempt)])
    slots = AttemptItem.objects.bulk_create([
        AttemptItem(attempt=attempt, position=p, item=item, version=versions[item.pk],
                    option_order=[o["id"] for o in item.options])
        for attempt in attempts for p, item in enumerate(rng.sample(items, per_attempt), start=1)])
    answers = Answer.objects.bulk_create([
        Answer(slot=slot, response=slot.item.answer, score=1.0, correct=rng.random() < 0.7) for slot in slots])
    for attempt in attempts:  # answered on the day the attempt was started
        Answer.objects.filter(slot__attempt=attempt).update(answered_at=attempt.started_at)
    ReviewCard.objects.bulk_create([_card(learner.pk, item_id, True, now)
                                    for item_id in {slot.item_id for slot in slots}])
    summaries_rebuild(learner_ids=[learner.pk])
    assert len(answers) == count
    return learner


def _class_with_results(size: int, rng: random.Random):
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

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
        SchoolClass,
    )

    now = timezone.now()
    teacher = User.objects.create_user(f"scaling-teacher-{size}")
    teacher.groups.add(Group.objects.get(name="teachers"))
    school_class = SchoolClass.objects.create(teacher=teacher, name=f"scaling {size}", join_code=f"S{size:05}")
    items = rng.sample(list(Item.objects.filter(status=Item.Status.PUBLISHED, kind="single_choice")), 10)
    versions = {v.item_id: v for v in ItemVersion.objects.filter(item__in=items).order_by("item_id", "-number")}
    quiz_set = QuizSet.objects.create(owner=teacher, title=f"scaling {size}", attempts_allowed=0)
    QuizSetEntry.objects.bulk_create([QuizSetEntry(quiz_set=quiz_set, position=p, item=item)
                                      for p, item in enumerate(items, start=1)])
    assignment = Assignment.objects.create(quiz_set=quiz_set, school_class=school_class,
                                           open_at=now - timedelta(days=1), close_at=now + timedelta(days=1))
    students = User.objects.bulk_create([User(username=f"scaling-{size}-{n:03}") for n in range(size)])
    Membership.objects.bulk_create([Membership(school_class=school_class, student=s) for s in students])
    attempts = Attempt.objects.bulk_create([
        Attempt(learner=s, mode="assignment", assignment=assignment, started_at=now - timedelta(minutes=20),
                finished_at=now - timedelta(minutes=rng.randrange(1, 15)), score=0.0) for s in students])
    slots = AttemptItem.objects.bulk_create([
        AttemptItem(attempt=a, position=p, item=item, version=versions[item.pk],
                    option_order=[o["id"] for o in item.options])
        for a in attempts for p, item in enumerate(items, start=1)])
    Answer.objects.bulk_create([
        Answer(slot=slot, response=slot.item.answer if right else slot.item.options[0]["id"], correct=right,
               score=1.0 if right else 0.0)
        for slot in slots for right in [rng.random() < 0.6]])
    return quiz_set


if __name__ == "__main__":
    main()
