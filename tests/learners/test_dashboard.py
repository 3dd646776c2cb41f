"""The dashboard: mastery bars, due reviews, streak, recent sessions, terms most missed."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Item
from quizzes.services.answering import attempt_answer
from quizzes.services.practice import attempt_create
from tests.conftest import json_answer, without_csrf_tokens

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("quizzes:dashboard")


def practise(student, items, *, right):
    attempt = attempt_create(learner=student, items=items)
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=right))
    return attempt


def test_a_new_learner_sees_every_section_not_started(student_client, seed_bank):
    page = student_client.get(DASHBOARD).content.decode()
    assert page.count("未学習") == 4 + 3  # four sections and three skills
    assert "まだセッションはありません。" in page and 'action="/practice/"' in page


def test_the_dashboard_changes_after_practice(student_client, student, seed_bank):
    missed = list(Item.objects.filter(term__number=8, kind__in=["single_choice", "true_false"]))
    practise(student, missed, right=False)
    practise(student, list(Item.objects.filter(section__number=1, status="published")), right=True)
    page = student_client.get(DASHBOARD).content.decode()
    assert "学習中" in page or "習熟" in page or "マスター" in page
    assert '<a href="/chapters/sapporo-ict-chapter1/glossary/#term-8">SNS</a>' in page
    assert "1</strong> 日連続で練習しています" in page
    assert page.count('href="/practice/') >= 2  # two recent sessions


def test_the_review_button_appears_when_items_are_due(student_client, student, seed_bank):
    from django.utils import timezone

    from quizzes.models import ReviewCard

    practise(student, list(Item.objects.filter(kind="true_false")[:2]), right=True)
    assert 'action="/practice/review/"' not in student_client.get(DASHBOARD).content.decode()
    ReviewCard.objects.update(due=timezone.now())
    page = student_client.get(DASHBOARD).content.decode()
    assert 'action="/practice/review/"' in page and "今復習する2問を始める" in page
    response = student_client.post(reverse("quizzes:review-start"))
    assert response.status_code == 302 and "/practice/" in response["Location"]


@pytest.mark.parametrize("answered", [2, 40])
def test_the_dashboard_runs_bounded_queries(student_client, student, seed_bank, answered,
                                            django_assert_max_num_queries):
    practise(student, list(Item.objects.filter(status="published").order_by("id")[:answered]), right=False)
    # session, user, the dashboard's marker (the learner's rows with their answers whose reviews wait, and the
    # bank's, which the worker then remembers for a moment), those answers, the marker again after their
    # release, items, cards, streak
    # days, sections, the mastery of the days before and today's, recent attempts, missed terms with their rows,
    # today's mastery written, the chapters the practice form offers, assignments + their attempts + overrides;
    # the first time in a worker, one more: the form's own chapters, as it is rendered and kept; the first view
    # after answers, the batch that schedules their reviews (those answers and their cards locked, the cards
    # made, the logs, the answers marked; quizzes/services/reviews.py), the same however many answers wait, and
    # its two savepoints (its transaction is one inside a test's)
    with django_assert_max_num_queries(19 + 5 + 4):
        first = student_client.get(DASHBOARD)
    with django_assert_max_num_queries(3):  # the same again, kept: session, user, the marker
        again = student_client.get(DASHBOARD)
    assert again.status_code == first.status_code == 200
    assert without_csrf_tokens(again.content.decode()) == without_csrf_tokens(first.content.decode())


def test_recent_sessions_are_the_newest(student_client, student, seed_bank):
    from quizzes.selectors.learning import RECENT_ATTEMPTS

    items = list(Item.objects.filter(status="published").order_by("id")[:2])
    attempts = [practise(student, items, right=True) for _ in range(RECENT_ATTEMPTS + 2)]
    page = student_client.get(DASHBOARD).content.decode()
    shown = [attempt.pk for attempt in attempts if f'href="/practice/{attempt.pk}/"' in page]
    assert shown == [attempt.pk for attempt in attempts[-RECENT_ATTEMPTS:]]


def test_the_dashboard_draws_answers_by_day_and_reviews_ahead(student_client, student, seed_bank):
    import re
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import ReviewCard

    items = list(Item.objects.filter(kind="true_false", status="published").order_by("id")[:4])
    practise(student, items[:3], right=True)
    practise(student, items[3:], right=False)
    student_client.get(DASHBOARD)  # the first view schedules the answers' reviews
    ReviewCard.objects.filter(item=items[0]).update(due=timezone.now() + timedelta(days=2))
    page = student_client.get(DASHBOARD).content.decode()
    answers = page[page.index('id="answers-by-day"'):page.index('id="reviews-ahead"')]
    today = timezone.localtime()
    assert 'role="img"' in answers and "表で見る" in answers
    assert f"<td>{today.month}/{today.day}</td><td>4</td><td>3</td>" in answers  # answered, right: as a table
    assert answers.count('class="column right"') == 1  # the right part drawn inside today's column
    ahead = page[page.index('id="reviews-ahead"'):]
    in_two_days = today + timedelta(days=2)
    assert re.search(rf"<td>{in_two_days.month}/{in_two_days.day}</td><td>1</td>", ahead)


def test_mastery_is_drawn_day_by_day_from_what_the_dashboard_recorded(student_client, student, seed_bank):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import MasteryDay

    today = timezone.localdate()
    MasteryDay.objects.create(learner=student, chapter=seed_bank, day=today - timedelta(days=5), percent=12)
    MasteryDay.objects.create(learner=student, chapter=seed_bank, day=today - timedelta(days=3), percent=20)
    practise(student, list(Item.objects.filter(section__number=1, status="published")), right=True)
    page = student_client.get(DASHBOARD).content.decode()
    drawn = page[page.index('id="mastery-by-day"'):]
    drawn = drawn[:drawn.index("</figure>")]
    recorded = MasteryDay.objects.get(learner=student, day=today).percent  # today's written as it is shown
    day = lambda back: today - timedelta(days=back)  # noqa: E731
    cells = dict(re.findall(r"<tr><td>(\d+/\d+)</td><td>([^<]+)</td></tr>", drawn))
    assert cells[f"{day(6).month}/{day(6).day}"] == "—"  # before anything was recorded
    assert cells[f"{day(5).month}/{day(5).day}"] == "12%" and cells[f"{day(4).month}/{day(4).day}"] == "12%"
    assert cells[f"{day(3).month}/{day(3).day}"] == "20%" and cells[f"{today.month}/{today.day}"] == f"{recorded}%"
    assert "<polyline" in drawn
    student_client.get(DASHBOARD)
    assert MasteryDay.objects.filter(learner=student, day=today).count() == 1  # one row a day, updated


def test_todays_mastery_is_written_only_when_it_has_changed(student_client, student, seed_bank):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from quizzes.models import MasteryDay

    today = timezone.localdate()
    practise(student, list(Item.objects.filter(section__number=1, status="published"))[:3], right=True)
    student_client.get(DASHBOARD)
    first = MasteryDay.objects.get(learner=student, day=today).percent
    with CaptureQueriesContext(connection) as seen:
        student_client.get(DASHBOARD)
    assert not [q for q in seen.captured_queries if "quizzes_masteryday" in q["sql"] and "INSERT" in q["sql"]]
    practise(student, list(Item.objects.filter(section__number=2, status="published")), right=True)
    student_client.get(DASHBOARD)
    assert MasteryDay.objects.get(learner=student, day=today).percent > first
