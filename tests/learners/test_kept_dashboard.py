"""The kept dashboard (quizzes/views/learning.py) stays true: after random sequences of answers,
finishes, assignments started, edited and overridden, feedback rules changed, classes joined and left,
items retired and published, chapters made private and public, cards edited and time passing, the page
served from the kept copy equals the page rendered afresh at the same moment."""

import contextlib
import difflib
import random
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Chapter
from content.services.revisions import raise_revision
from content.services.visibility import chapters_make_public
from quizzes.models import AssignmentOverride, Attempt, Item, QuizSet, ReviewCard
from quizzes.services.answering import AnswerRefused, attempt_answer, attempt_finish
from quizzes.services.assignments import AttemptRefused, assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join, class_remove_student
from quizzes.services.item_review import items_publish, items_retire
from quizzes.services.overrides import override_remove, override_set
from quizzes.services.practice import attempt_create
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create, quiz_set_update
from tests.conftest import Clock, json_answer, without_csrf_tokens

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("quizzes:dashboard")


@pytest.fixture
def kept(settings):
    settings.DASHBOARD_KEPT_SECONDS = 60
    settings.SESSION_COOKIE_AGE = 365 * 24 * 3600  # the clock runs on for weeks
    return settings


def _page(client) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return without_csrf_tokens(response.content.decode())


def _served_and_fresh(client, settings) -> tuple[str, str]:
    served = _page(client)
    settings.DASHBOARD_KEPT_SECONDS = 0  # rendered afresh, and not kept
    fresh = _page(client)
    settings.DASHBOARD_KEPT_SECONDS = 60
    return served, fresh


class _School:
    """A teacher's class with the student in it, three sets assigned (one per feedback rule)."""

    def __init__(self, rng, clock, teacher, student):
        self.rng, self.clock, self.teacher, self.student = rng, clock, teacher, student
        self.school_class = class_create(teacher=teacher, name="検証")
        class_join(student=student, join_code=self.school_class.join_code)
        self.items = list(Item.objects.filter(status="published", kind__in=["single_choice", "true_false"]))
        self.assignments = []
        for feedback in QuizSet.Feedback.values:
            quiz_set = quiz_set_create(owner=teacher, title=feedback, attempts_allowed=2, feedback=feedback)
            for item in rng.sample(self.items, 3):
                entry_add_item(quiz_set=quiz_set, item=item)
            self.assignments.append(assignment_create(
                quiz_set=quiz_set, school_class=self.school_class, open_at=clock.now + timedelta(hours=rng.choice([0, 2])),
                close_at=clock.now + timedelta(hours=rng.choice([5, 30, 60]))))

    def open_attempts(self):
        return list(Attempt.objects.filter(learner=self.student, finished_at__isnull=True))

    def practise(self):
        attempt_create(learner=self.student, items=self.rng.sample(self.items, 3))

    def answer(self):
        for attempt in self.open_attempts():
            for slot in attempt.slots.select_related("version", "attempt").filter(answer__isnull=True):
                if self.rng.random() < 0.6:
                    with contextlib.suppress(AnswerRefused):  # its time is up, or the set has closed
                        attempt_answer(slot=slot, response=json_answer(slot, right=self.rng.random() < 0.5))

    def finish(self):
        if attempts := self.open_attempts():
            attempt_finish(attempt=self.rng.choice(attempts))

    def start_assigned(self):  # the student back in the class first, if they had left
        class_join(student=self.student, join_code=self.school_class.join_code)  # twice changes nothing
        with contextlib.suppress(AttemptRefused):  # not open, closed, every attempt used, or one open
            assignment_start(assignment=self.rng.choice(self.assignments), student=self.student)

    def change_feedback(self):
        quiz_set = self.rng.choice(self.assignments).quiz_set
        quiz_set_update(quiz_set=quiz_set, feedback=self.rng.choice(QuizSet.Feedback.values))

    def move_close(self):  # as the admin's change form saves it
        assignment = self.rng.choice(self.assignments)
        assignment.close_at = max(assignment.open_at, self.clock.now) + timedelta(hours=self.rng.choice([1, 3, 40]))
        assignment.save()

    def override(self):
        assignment = self.rng.choice(self.assignments)
        found = AssignmentOverride.objects.filter(assignment=assignment, student=self.student).first()
        if found and self.rng.random() < 0.5:
            override_remove(teacher=self.teacher, override=found)
        else:
            with contextlib.suppress(Exception):  # the student has left the class
                override_set(teacher=self.teacher, assignment=assignment, student=self.student,
                             close_at=self.clock.now + timedelta(hours=self.rng.choice([1, 4, 50])))

    def leave_or_join(self):
        if not class_remove_student(school_class=self.school_class, student=self.student):
            class_join(student=self.student, join_code=self.school_class.join_code)

    def retire_or_publish(self):
        item = self.rng.choice(self.items)
        item.refresh_from_db()
        if item.status == Item.Status.PUBLISHED:
            items_retire(items=[item])
        else:
            items_publish(items=[item])

    def rename_class(self):
        self.school_class.name = f"検証{self.rng.randrange(100)}"
        self.school_class.save()

    def private_or_public(self):
        chapter = Chapter.objects.get()
        if chapter.is_public:  # as the admin saves it
            chapter.is_public = False
            chapter.save()
            raise_revision([chapter.pk])
        else:
            chapters_make_public(chapters=Chapter.objects.all())

    def cards_due_now(self):  # an edit that no review made
        ReviewCard.objects.filter(learner=self.student).update(due=self.clock.now)

    def time_passes(self):
        """Just past one of the next moments at which the page changes by time alone, worked out here
        from the rows themselves; or past the kept copy's limit."""
        upcoming = sorted(moment for moment in self._moments() if moment > self.clock.now)
        if upcoming and self.rng.random() < 0.8:
            self.clock.now = self.rng.choice(upcoming[:3]) + timedelta(seconds=1)
        else:
            self.clock.advance(seconds=61)

    def _moments(self):
        tomorrow = timezone.localtime(self.clock.now).replace(hour=0, minute=0, second=0) + timedelta(days=1)
        yield tomorrow
        for assignment in self.assignments:
            assignment.refresh_from_db()
            yield from (assignment.open_at, assignment.close_at)
        for override in AssignmentOverride.objects.filter(student=self.student):
            yield from (moment for moment in (override.open_at, override.close_at) if moment)
        for attempt in Attempt.objects.filter(learner=self.student):
            yield from (moment for moment in (attempt.deadline, attempt.closes_at) if moment)
        yield from ReviewCard.objects.filter(learner=self.student).values_list("due", flat=True)


STEPS = ["practise", "answer", "answer", "finish", "start_assigned", "start_assigned", "change_feedback", "move_close", "override",
         "leave_or_join", "retire_or_publish", "rename_class", "private_or_public", "cards_due_now",
         "time_passes", "time_passes", "time_passes"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_kept_dashboard_equals_the_dashboard_rendered_afresh(seed, seed_bank, teacher, student, client, kept,
                                                                 monkeypatch):
    rng = random.Random(seed)
    clock = Clock(monkeypatch, ticking=True)  # no two writes at one instant: the marker reads when rows changed
    school = _School(rng, clock, teacher, student)
    client.force_login(student)
    served_kept = 0
    for _step in range(40):
        _page(client)  # the copy kept before the step
        step = rng.choice(STEPS)
        getattr(school, step)()
        school.answer()
        served, fresh = _served_and_fresh(client, kept)
        assert served == fresh, f"step {_step}: {step}\n" + "\n".join(difflib.unified_diff(
            served.splitlines(), fresh.splitlines(), "served", "fresh", lineterm="", n=0))
        served_kept += _page(client) == served  # and nothing changed by reading it
    assert served_kept == 40
    assert Attempt.objects.filter(learner=student, assignment__isnull=False).exists()


KEPT_QUERIES = 3  # session, user, the marker (with the answers whose reviews wait)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        _page(client)
    return len(queries)


def test_a_repeated_view_is_served_kept(student_client, student, seed_bank, kept):
    attempt = attempt_create(learner=student, items=list(Item.objects.filter(status="published")[:3]))
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=True))
    first = _page(student_client)
    assert _queries(student_client) <= KEPT_QUERIES
    assert _page(student_client) == first
    kept.DASHBOARD_KEPT_SECONDS = 0  # switched off: every view is rendered
    assert _queries(student_client) > KEPT_QUERIES + 5


def test_an_answer_shows_at_once(student_client, student, seed_bank, kept):
    attempt = attempt_create(learner=student, items=list(Item.objects.filter(status="published")[:2]))
    before = _page(student_client)
    slot = attempt.slots.select_related("version", "attempt").first()
    attempt_answer(slot=slot, response=json_answer(slot, right=True))
    assert _queries(student_client) > KEPT_QUERIES + 5
    kept.DASHBOARD_KEPT_SECONDS = 0
    assert _page(student_client) != before


def test_the_kept_copy_ends_when_its_time_is_up(student_client, student, seed_bank, kept, monkeypatch):
    clock = Clock(monkeypatch)
    _page(student_client)
    clock.advance(seconds=59)
    assert _queries(student_client) <= KEPT_QUERIES
    clock.advance(seconds=2)  # past DASHBOARD_KEPT_SECONDS: recall has moved on
    assert _queries(student_client) > KEPT_QUERIES + 5


def test_an_assignment_opening_shows_at_its_moment(student_client, student, teacher, seed_bank, kept, monkeypatch):
    clock = Clock(monkeypatch)
    school_class = class_create(teacher=teacher, name="3年1組")
    class_join(student=student, join_code=school_class.join_code)
    quiz_set = quiz_set_create(owner=teacher, title="復習")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(status="published").first())
    assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=clock.now + timedelta(seconds=30),
                      close_at=clock.now + timedelta(days=1))
    start = reverse("quizzes:assignment-start", kwargs={"assignment_id": quiz_set.assignments.get().pk})
    assert start not in _page(student_client)
    clock.advance(seconds=31)  # within the kept copy's minute: its horizon is the opening
    assert start in _page(student_client)


def test_each_learner_has_their_own(client, student, django_user_model, seed_bank, kept):
    other = django_user_model.objects.create_user("taro")
    attempt = attempt_create(learner=other, items=list(Item.objects.filter(status="published")[:2]))
    client.force_login(other)
    others = _page(client)
    assert f'href="/practice/{attempt.pk}/"' in others and "taro" in others
    client.force_login(student)
    mine = _page(client)
    assert f'href="/practice/{attempt.pk}/"' not in mine and "hanako" in mine and "taro" not in mine


def test_messages_are_filled_in_and_shown_once(student_client, student, teacher, seed_bank, kept):
    school_class = class_create(teacher=teacher, name="3年2組")
    _page(student_client)  # kept
    response = student_client.post(reverse("quizzes:join-class"), {"join_code": school_class.join_code}, follow=True)
    assert re.search(r'class="messages".*3年2組', response.content.decode(), re.S)
    assert _queries(student_client) <= KEPT_QUERIES  # the kept copy
    assert 'class="messages"' not in _page(student_client)


def test_a_review_falling_due_shows_at_its_moment(student_client, student, seed_bank, kept, monkeypatch):
    clock = Clock(monkeypatch)
    attempt = attempt_create(learner=student, items=list(Item.objects.filter(status="published")[:2]))
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=True))
    _page(student_client)  # the reviews scheduled
    ReviewCard.objects.filter(learner=student).update(due=clock.now + timedelta(seconds=30))
    review = 'action="/practice/review/"'
    assert review not in _page(student_client)
    clock.advance(seconds=31)  # within the kept copy's minute: its horizon is the first review due
    assert review in _page(student_client)


def test_the_day_turning_ends_the_kept_copy(student_client, student, seed_bank, kept, monkeypatch):
    clock = Clock(monkeypatch)
    clock.now = timezone.localtime(clock.now).replace(hour=23, minute=59, second=30)
    _page(student_client)
    assert _queries(student_client) <= KEPT_QUERIES
    clock.advance(seconds=31)  # a new day: the streak, the charts' days, today's reviews
    assert _queries(student_client) > KEPT_QUERIES + 5
