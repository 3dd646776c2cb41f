"""The dashboard's summaries (quizzes/models/summaries.py) stay true: after random sequences of practice,
assigned attempts under each feedback rule, finishes, regenerations and days passing, each figure read
from the summaries equals the same figure computed from the raw answer rows — and a rebuild from the
answers (what migration quizzes 0015 and the benchmark's data do) gives the same rows as keeping them."""

import contextlib
import random
from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from quizzes.models import Answer, AnswerDay, Item, MissedItem, QuizSet
from quizzes.selectors.learning import STREAK_WINDOW_DAYS, answer_days_of, missed_term_counts, progress_for
from quizzes.services.answering import AnswerRefused, attempt_answer, attempt_finish
from quizzes.services.assignments import AttemptRefused, assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join
from quizzes.services.item_generation import items_generate
from quizzes.services.practice import attempt_create
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create
from quizzes.services.summaries import summaries_rebuild
from tests.conftest import Clock, json_answer
from tests.release_rule import released

pytestmark = pytest.mark.django_db


def _raw_days(learner, now):
    """Answers per local day from every answer row: the figure the summaries replace."""
    since = timezone.localdate(now) - timedelta(days=STREAK_WINDOW_DAYS)
    rows = (Answer.objects.filter(slot__attempt__learner=learner)
            .annotate(day=TruncDate("answered_at", tzinfo=timezone.get_current_timezone())).filter(day__gte=since)
            .order_by("day").values("day")
            .annotate(answered=Count("id"), right=Count("id", filter=released(now, to_attempt="slot__attempt__")
                                                        & Q(correct=True))))
    return {row["day"]: (row["answered"], row["right"]) for row in rows}


def _raw_missed(learner, now):
    return Counter(dict(
        Answer.objects.filter(released(now, to_attempt="slot__attempt__"), slot__attempt__learner=learner,
                              correct=False, slot__item__term__isnull=False)
        .order_by().values("slot__item__term").annotate(n=Count("id")).values_list("slot__item__term", "n")))


def _rows(model, *fields):
    return sorted(model.objects.values_list(*fields), key=lambda row: tuple(-1 if v is None else v for v in row))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_summaries_equal_the_raw_rows_after_a_random_history(seed, seed_bank, teacher, django_user_model,
                                                                 monkeypatch):
    rng = random.Random(seed)
    clock = Clock(monkeypatch)
    learners = [django_user_model.objects.create_user(f"learner{n}") for n in range(3)]
    school_class = class_create(teacher=teacher, name="検証")
    for learner in learners:
        class_join(student=learner, join_code=school_class.join_code)
    published = list(Item.objects.filter(status="published", kind__in=["single_choice", "true_false"]))
    assignments = []
    for feedback in QuizSet.Feedback.values:
        quiz_set = quiz_set_create(owner=teacher, title=feedback, attempts_allowed=0, feedback=feedback)
        for item in rng.sample(published, 3):
            entry_add_item(quiz_set=quiz_set, item=item)
        assignments.append(assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=clock.now,
                                             close_at=clock.now + timedelta(days=rng.randrange(1, 4))))
    open_attempts = []
    for _step in range(25):
        action = rng.choice(["practice", "practice", "assigned", "finish", "day", "regenerate"])
        learner = rng.choice(learners)
        if action == "practice":
            open_attempts.append(attempt_create(learner=learner, items=rng.sample(published, 3)))
        elif action == "assigned":
            with contextlib.suppress(AttemptRefused):  # the set has closed, or the learner has one open
                open_attempts.append(assignment_start(assignment=rng.choice(assignments), student=learner))
        elif action == "finish" and open_attempts:
            attempt_finish(attempt=open_attempts.pop(rng.randrange(len(open_attempts))))
        elif action == "day":
            clock.advance(hours=rng.choice([5, 20, 30]))
        elif action == "regenerate":
            items_generate(chapter=seed_bank)
        for attempt in open_attempts:
            for slot in attempt.slots.select_related("version", "attempt").filter(answer__isnull=True):
                if rng.random() < 0.6:
                    with contextlib.suppress(AnswerRefused):  # its time is up, or the set has closed
                        attempt_answer(slot=slot, response=json_answer(slot, right=rng.random() < 0.5))
        for learner_ in learners:
            for now in (clock.now, clock.now + timedelta(days=5)):  # before and after every set closes
                assert answer_days_of(learner_, now) == _raw_days(learner_, now)
                assert missed_term_counts(learner_, now) == _raw_missed(learner_, now)
    assert Answer.objects.count() > 10 and AnswerDay.objects.count() > 1 and MissedItem.objects.exists()

    kept = (_rows(AnswerDay, "learner", "day", "attempt", "answered", "right"),
            _rows(MissedItem, "learner", "item", "attempt", "missed"))
    summaries_rebuild()
    assert (_rows(AnswerDay, "learner", "day", "attempt", "answered", "right"),
            _rows(MissedItem, "learner", "item", "attempt", "missed")) == kept


def test_the_dashboard_reads_the_same_rows_at_10_and_at_300_answers(student, seed_bank,
                                                                    django_assert_max_num_queries, monkeypatch):
    clock = Clock(monkeypatch)
    items = list(Item.objects.filter(status="published", kind="true_false"))
    counts = []
    for days in (1, 30):
        for _ in range(days):
            attempt = attempt_create(learner=student, items=items[:10])
            for slot in attempt.slots.select_related("version", "attempt"):
                attempt_answer(slot=slot, response=json_answer(slot, right=slot.position % 3 != 0))
            clock.advance(days=1)
        counts.append((AnswerDay.objects.filter(learner=student).count(),
                       MissedItem.objects.filter(learner=student).count()))
        with django_assert_max_num_queries(8):
            progress_for(learner=student)
    assert counts[0] == (1, 3) and counts[1] == (31, 3)  # one row a day; one per item missed, whatever the count
