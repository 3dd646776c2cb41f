"""Two requests answering the same item at once record exactly one answer (needs a server database)."""

import threading

import pytest
from django.db import connection, connections

from content.models import Chapter
from content.services.chapter_import import chapter_import_file
from quizzes.models import Answer, Item, ReviewCard, ReviewLog
from quizzes.services.answering import AnswerRefused, attempt_answer
from quizzes.services.item_generation import items_generate
from quizzes.services.practice import attempt_create
from quizzes.services.reviews import reviews_release
from tests.conftest import SEED, json_answer

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need a database server; .ci/run runs this on PostgreSQL",
)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("same_answer", [True, False])
def test_two_threads_answering_at_once_leave_exactly_one_row(student, same_answer):
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    attempt = attempt_create(learner=student, items=[Item.objects.filter(kind="single_choice").first()])
    slot = attempt.slots.select_related("version", "attempt").get()
    responses = [json_answer(slot), json_answer(slot) if same_answer else json_answer(slot, right=False)]
    barrier, outcomes = threading.Barrier(2), []

    def answer(response):
        try:
            barrier.wait()
            outcomes.append(attempt_answer(slot=slot, response=response).created)
        except AnswerRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=(response,)) for response in responses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Answer.objects.filter(slot=slot).count() == 1
    assert reviews_release(learner_id=student.pk) == 1
    assert ReviewCard.objects.get(learner=student).reviews == 1 and ReviewLog.objects.count() == 1
    assert sorted(map(str, outcomes)) == (["False", "True"] if same_answer else ["True", "refused"])


_INHERITED = []  # the parent's connection objects, kept alive in a child and never closed there


def _in_child(target, barrier, queue, *args):
    """Run ``target`` in a forked process with its own database connection; report what happened."""
    from asgiref.local import Local
    from django.db import connections

    # A forked child shares the parent's sockets. Whatever connection objects it inherited (the parent
    # closes its own before forking, but a worker must not rely on it) are set aside unused and unclosed:
    # closing them here would end the parent's session with the server.
    _INHERITED.append(connections._connections)
    connections._connections = Local(connections.thread_critical)
    try:
        barrier.wait(timeout=30)
        queue.put(target(*args))
    except AnswerRefused:
        queue.put("refused")
    finally:
        connections.close_all()


def _answer(slot_id, response):
    from quizzes.models import AttemptItem

    slot = AttemptItem.objects.select_related("version", "attempt").get(pk=slot_id)
    return str(attempt_answer(slot=slot, response=response).created)


def _finish(attempt_id):
    from quizzes.models import Attempt
    from quizzes.services.answering import attempt_finish

    return attempt_finish(attempt=Attempt.objects.get(pk=attempt_id)).finished_at.isoformat()


def _run_in_processes(target, *argument_sets):
    """``target`` in one forked worker per argument set, all starting together; what each returned."""
    import multiprocessing

    connections.close_all()  # children must not share the parent's connection
    context = multiprocessing.get_context("fork")
    barrier, queue = context.Barrier(len(argument_sets)), context.Queue()
    processes = [context.Process(target=_in_child, args=(target, barrier, queue, *args)) for args in argument_sets]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    return sorted(queue.get(timeout=5) for _ in processes)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_answering_and_finishing_at_once(student):
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    attempt = attempt_create(learner=student, items=list(Item.objects.filter(kind="true_false")[:2]))
    slot = attempt.slots.select_related("version", "attempt").order_by("position").first()
    outcomes = _run_in_processes(_answer, (slot.pk, json_answer(slot)), (slot.pk, json_answer(slot)))
    assert outcomes == ["False", "True"]  # one recorded it, the other found the same answer there
    assert Answer.objects.filter(slot=slot).count() == 1
    finished = _run_in_processes(_finish, (attempt.pk,), (attempt.pk,))
    assert finished[0] == finished[1]  # finished once: both see the same moment
    attempt.refresh_from_db()
    assert attempt.score == 1.0 and ReviewLog.objects.count() == 1  # its review scheduled once, by the finish


def _release(learner_id):
    from quizzes.services.reviews import reviews_release

    return reviews_release(learner_id=learner_id)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_releases_racing_in_three_workers_review_each_answer_once(student):
    """Three app servers read the learner's cards at once (the dashboard, the due reviews, a new session)
    after two sessions answered the same items: each answer is reviewed once, in the order given, and each
    item has one card (10 rounds)."""
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    items = list(Item.objects.filter(kind="true_false").order_by("id")[:4])
    for round_number in range(1, 11):
        for _session in range(2):
            attempt = attempt_create(learner=student, items=items)
            for slot in attempt.slots.select_related("version", "attempt"):
                attempt_answer(slot=slot, response=json_answer(slot, right=round_number % 3 != 0))
        released = _run_in_processes(_release, *[(student.pk,)] * 3)
        assert sum(map(int, released)) == 2 * len(items)
        assert not Answer.objects.filter(review_pending=True).exists()
        assert ReviewCard.objects.filter(learner=student).count() == len(items)
        assert set(ReviewCard.objects.values_list("reviews", flat=True)) == {2 * round_number}
        assert ReviewLog.objects.count() == 2 * len(items) * round_number



@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_sessions_finished_at_once_make_each_new_card_once(student):
    """Two sessions of one learner asked the same new items and are finished at once by two app servers:
    each finish reviews its own answers, both find no card and one makes it first; the other reviews the
    card just made (10 rounds, new items each time)."""
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    published = list(Item.objects.filter(status=Item.Status.PUBLISHED, kind="single_choice").order_by("id"))
    for round_number in range(10):
        items = published[3 * round_number:3 * round_number + 3]
        attempts = [attempt_create(learner=student, items=items) for _ in range(2)]
        for attempt in attempts:
            for slot in attempt.slots.select_related("version", "attempt"):
                attempt_answer(slot=slot, response=json_answer(slot))
        _run_in_processes(_finish, *[(attempt.pk,) for attempt in attempts])
        cards = ReviewCard.objects.filter(learner=student, item__in=items)
        assert sorted(cards.values_list("reviews", flat=True)) == [2, 2, 2]
        assert ReviewLog.objects.filter(card__in=cards).count() == 6

def _log_in(username, password):
    from django.conf import settings
    from django.test import Client

    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.status_code
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _dashboard_with(session_key):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    response = client.get("/dashboard/")
    return response.status_code, response.content.decode()


def _in_own_process(target, *args):
    """``target(*args)`` in a fresh forked worker: what another app server would see."""
    return _run_in_processes(target, args)[0]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_session_made_by_one_worker_is_honoured_by_another(django_user_model):
    django_user_model.objects.create_user("kaede", password="pw-12345678")
    session_key = _in_own_process(_log_in, "kaede", "pw-12345678")
    status, page = _in_own_process(_dashboard_with, session_key)
    assert status == 200 and "kaede" in page
    status, _page = _in_own_process(_dashboard_with, "not-a-session")
    assert status == 302  # an unknown session is a visitor, sent to log in


def _answer_or_refusal(slot_id, response):
    try:
        return _answer(slot_id, response)
    except AnswerRefused:
        return "refused"


def _finish_marker(attempt_id):
    _finish(attempt_id)
    return "finish"


def _in_child_any(kind, *args):
    return _finish_marker(*args) if kind == "finish" else _answer_or_refusal(*args)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_finish_racing_answers_counts_exactly_the_answers_it_kept(student):
    """Each answer either lands before the finish and counts in its score, or is refused after it: the
    stored score is always the sum of the stored answers, and every 201 is counted (15 rounds)."""
    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    items = list(Item.objects.filter(kind="true_false").order_by("id")[:5])
    for _round in range(15):
        attempt = attempt_create(learner=student, items=items)
        slots = list(attempt.slots.select_related("version").order_by("position"))
        jobs = [("answer", slot.pk, json_answer(slot)) for slot in slots] + [("finish", attempt.pk)]
        outcomes = _run_in_processes(_in_child_any, *jobs)
        attempt.refresh_from_db()
        stored = list(Answer.objects.filter(slot__attempt=attempt).values_list("score", flat=True))
        assert attempt.is_finished and attempt.score == sum(stored)
        assert outcomes.count("True") == len(stored) and outcomes.count("refused") == len(slots) - len(stored)


def _start(assignment_id, student_id):
    from django.contrib.auth import get_user_model

    from quizzes.models import Assignment
    from quizzes.services.assignments import assignment_start

    assignment = Assignment.objects.select_related("quiz_set").get(pk=assignment_id)
    return assignment_start(assignment=assignment, student=get_user_model().objects.get(pk=student_id)).pk


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_three_starts_at_once_make_one_attempt(student, teacher):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.models import Attempt
    from quizzes.services.assignments import assignment_create
    from quizzes.services.classes import class_create, class_join
    from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

    imported = chapter_import_file(data=SEED.read_bytes(), source_name=SEED.name)
    items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    school_class = class_create(teacher=teacher, name="1組")
    class_join(student=student, join_code=school_class.join_code)
    quiz_set = quiz_set_create(owner=teacher, title="確認")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false").first())
    now = timezone.now()
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                   close_at=now + timedelta(days=1))
    started = _run_in_processes(_start, *[(assignment.pk, student.pk)] * 3)
    assert len(set(started)) == 1 and Attempt.objects.filter(assignment=assignment).count() == 1
