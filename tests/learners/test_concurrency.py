"""Two requests answering the same item at once record exactly one answer (needs a server database)."""

import threading

import pytest
from django.db import connection, connections

from content.models import Chapter
from content.services import chapter_import_file
from quizzes.models import Answer, Item, ReviewCard, ReviewLog
from quizzes.services.answering import AnswerRefused, attempt_answer
from quizzes.services.item_generation import generate_items
from quizzes.services.practice import start_attempt_with
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
    generate_items(chapter=Chapter.objects.get(slug=imported.slug))
    attempt = start_attempt_with(learner=student, items=[Item.objects.filter(kind="single_choice").first()])
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
    assert ReviewCard.objects.get(learner=student).reviews == 1 and ReviewLog.objects.count() == 1
    assert sorted(map(str, outcomes)) == (["False", "True"] if same_answer else ["True", "refused"])
