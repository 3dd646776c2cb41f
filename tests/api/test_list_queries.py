"""Every list endpoint runs the same number of queries for 1 row and for 50: the selectors build the
joins and prefetches, so nothing is fetched row by row (no N+1)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from content.models import Chapter, Event, GoalList, Paragraph, Section, Term
from quizzes.models import Assignment, Item, Membership, QuizSet, QuizSetEntry, ReviewCard, SchoolClass
from quizzes.services.answering import attempt_answer
from quizzes.services.assignments import assignment_start
from quizzes.services.practice import attempt_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
ROWS = [1, 50]


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def queries_of(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def content_rows(count: int) -> None:
    """``count`` chapters, and in the first one ``count`` sections, terms, events and goal lists."""
    chapters = Chapter.objects.bulk_create([Chapter(slug=f"c{n}", number=n, title=f"章{n}", source_name="x.txt",
                                                    source_sha256="0" * 64) for n in range(1, count + 1)])
    first = chapters[0]
    sections = Section.objects.bulk_create([Section(chapter=first, number=n, title=f"節{n}")
                                            for n in range(1, count + 1)])
    paragraphs = Paragraph.objects.bulk_create([Paragraph(section=s, position=0, text="本文。") for s in sections])
    Term.objects.bulk_create([Term(chapter=first, section=s, number=n, term=f"用語{n}", definition="説明。")
                              for n, s in enumerate(sections, start=1)])
    Event.objects.bulk_create([Event(chapter=first, section=s, paragraph=p, position=n, date_text="平成9年",
                                     year=1997, sentence="文。") for n, (s, p) in enumerate(zip(sections, paragraphs))])
    lists = GoalList.objects.bulk_create([GoalList(chapter=first, section=s, paragraph=p, position=n, title="目標",
                                                   sentence="文。") for n, (s, p) in enumerate(zip(sections, paragraphs))])
    for goal_list in lists:
        goal_list.goals.create(position=0, text="目標一")


@pytest.mark.parametrize("path", ["/api/v1/chapters/", "/api/v1/sections/", "/api/v1/terms/", "/api/v1/events/",
                                  "/api/v1/goals/"])
def test_content_lists(path, django_assert_max_num_queries):
    counts = {}
    for rows in ROWS:
        Chapter.objects.all().delete()
        content_rows(rows)
        with django_assert_max_num_queries(3):  # the count, the page, one prefetch (sections, paragraphs, goals)
            counts[rows] = queries_of(APIClient(), path)
    assert counts[1] == counts[50]


def practice_sessions(student, count: int) -> None:
    items = list(Item.objects.filter(status="published").order_by("id")[:3])
    for _ in range(count):
        attempt = attempt_create(learner=student, items=items)
        slot = attempt.slots.order_by("position").first()
        attempt_answer(slot=slot, response=json_answer(slot))


@pytest.mark.parametrize("rows", ROWS)
def test_practice_sessions_list(student, seed_bank, rows, django_assert_max_num_queries):
    practice_sessions(student, rows)
    api = client_for(student)
    # the count, the attempts (chapter, section, set joined), their slots (version, item, source, answer)
    with django_assert_max_num_queries(3):
        data = api.get("/api/v1/practice-sessions/").json()
    assert data["count"] == rows and all(len(session["items"]) == 3 for session in data["results"])
    assert data["results"][0]["items"][0]["feedback"]["correct"] is True


@pytest.mark.parametrize("rows", ROWS)
def test_due_reviews_list(student, seed_bank, rows, django_assert_max_num_queries):
    items = Item.objects.filter(status="published").order_by("id")[:rows]
    past = timezone.now() - timedelta(days=1)
    ReviewCard.objects.bulk_create([ReviewCard(learner=student, item=item, card={}, due=past) for item in items])
    client = client_for(student)
    with django_assert_max_num_queries(4):  # the first time in a worker, the release's query compiled in a savepoint
        client.get("/api/v1/reviews/due/")
    with django_assert_max_num_queries(2):  # reviews waiting for a release, the cards with their items
        data = client.get("/api/v1/reviews/due/").json()
    assert len(data) == rows


def classes_with_students(teacher, students, count: int) -> list[SchoolClass]:
    classes = SchoolClass.objects.bulk_create([SchoolClass(teacher=teacher, name=f"{n}組", join_code=f"CODE{n:03d}")
                                               for n in range(count)])
    Membership.objects.bulk_create([Membership(school_class=c, student=s) for c in classes for s in students])
    return classes


@pytest.mark.parametrize("rows", ROWS)
def test_classes_list_for_a_teacher_and_for_a_student(teacher, student, django_user_model, rows,
                                                       django_assert_max_num_queries):
    other = django_user_model.objects.create_user("taro", password="pw-12345678")
    classes_with_students(teacher, [student, other], rows)
    # the teacher check, the count, the classes, their memberships with students
    with django_assert_max_num_queries(4):
        data = client_for(teacher).get("/api/v1/classes/").json()
    assert data["count"] == rows and all(len(entry["students"]) == 2 for entry in data["results"])
    with django_assert_max_num_queries(3):  # the teacher check, the count, the classes with their teachers
        data = client_for(student).get("/api/v1/classes/").json()
    assert data["count"] == rows and data["results"][0]["teacher"] == "sensei"


def quiz_sets(teacher, count: int) -> list[QuizSet]:
    items = list(Item.objects.filter(status="published").order_by("id")[:2])
    sets = QuizSet.objects.bulk_create([QuizSet(owner=teacher, title=f"小テスト{n}") for n in range(count)])
    QuizSetEntry.objects.bulk_create([QuizSetEntry(quiz_set=s, position=p, item=item)
                                      for s in sets for p, item in enumerate(items, start=1)])
    return sets


@pytest.mark.parametrize("rows", ROWS)
def test_quiz_sets_list(teacher, seed_bank, rows, django_assert_max_num_queries):
    quiz_sets(teacher, rows)
    with django_assert_max_num_queries(4):  # the teacher check, the count, the sets, their entries (items joined)
        data = client_for(teacher).get("/api/v1/quiz-sets/").json()
    assert data["count"] == rows and all(len(entry["entries"]) == 2 for entry in data["results"])
    assert data["results"][0]["entries"][0]["item_prompt"]


@pytest.mark.parametrize("rows", ROWS)
def test_assignments_list_for_a_teacher_and_for_a_student(teacher, student, seed_bank, rows,
                                                          django_assert_max_num_queries):
    classes = classes_with_students(teacher, [student], rows)
    sets = quiz_sets(teacher, rows)
    now = timezone.now()
    assignments = Assignment.objects.bulk_create([
        Assignment(quiz_set=s, school_class=c, open_at=now - timedelta(days=1), close_at=now + timedelta(days=1))
        for s, c in zip(sets, classes)])
    assignment_start(assignment=assignments[0], student=student)
    with django_assert_max_num_queries(2):  # the teacher check, the assignments with their sets and classes
        data = client_for(teacher).get("/api/v1/assignments/").json()
    assert len(data) == rows
    client_for(student).get("/api/v1/assignments/")  # the first time in a worker, its queries are compiled
    with django_assert_max_num_queries(4):  # the teacher check, the assignments, the attempts, the own rules
        data = client_for(student).get("/api/v1/assignments/").json()
    assert len(data) == rows and sum(entry["status"] == "in_progress" for entry in data) == 1
    assert sorted({entry["next_step"] for entry in data}) == (["continue", "start"] if rows > 1 else ["continue"])
