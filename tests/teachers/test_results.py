"""Results on a constructed data set: grades, facility and discrimination computed by hand."""

from datetime import UTC, datetime, timedelta

import pytest

from quizzes.models import Item
from quizzes.selectors.teaching import quiz_set_results
from quizzes.services.answering import attempt_answer, attempt_finish
from quizzes.services.assignments import assignment_create, assignment_start
from quizzes.services.classes import class_create, class_join
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
# Who got which of items A, B, C right on their first attempt (totals 3, 2, 1, 0):
MATRIX = {"s1": (1, 1, 1), "s2": (1, 0, 1), "s3": (0, 1, 0), "s4": (0, 0, 0)}


@pytest.fixture
def constructed(teacher, seed_bank, django_user_model):
    school_class = class_create(teacher=teacher, name="検証用")
    quiz_set = quiz_set_create(owner=teacher, title="手計算", attempts_allowed=0, grading="highest")
    items = list(Item.objects.filter(kind="single_choice", skill="date").order_by("id")[:3])
    for item in items:
        entry_add_item(quiz_set=quiz_set, item=item)
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0,
                                   close_at=T0 + timedelta(days=1))
    for name, row in MATRIX.items():
        student = django_user_model.objects.create_user(name, password="pw-12345678")
        class_join(student=student, join_code=school_class.join_code)
        attempt = assignment_start(assignment=assignment, student=student, now=T0)
        for slot, right in zip(attempt.slots.select_related("version", "attempt").order_by("position"), row,
                               strict=True):
            attempt_answer(slot=slot, response=json_answer(slot, right=bool(right)), now=T0 + timedelta(minutes=1))
        attempt_finish(attempt=attempt, now=T0 + timedelta(minutes=5))
    # s4 tries again and gets everything: the grade takes the highest, the statistics the first attempt
    retake = assignment_start(assignment=assignment, student=django_user_model.objects.get(username="s4"),
                              now=T0 + timedelta(hours=1))
    for slot in retake.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot), now=T0 + timedelta(hours=1))
    attempt_finish(attempt=retake, now=T0 + timedelta(hours=1, minutes=3))
    django_user_model.objects.create_user("s5", password="pw-12345678")
    class_join(student=django_user_model.objects.get(username="s5"), join_code=school_class.join_code)
    return quiz_set, items


def test_students_grades_attempts_and_time(constructed):
    quiz_set, _items = constructed
    students = {row.username: row for row in quiz_set_results(quiz_set=quiz_set).students}
    assert students["s1"].grade == 1.0 and students["s2"].grade == pytest.approx(2 / 3)
    assert students["s4"].attempts == 2 and students["s4"].grade == 1.0  # highest
    assert students["s4"].time_taken == timedelta(minutes=3)
    assert students["s1"].time_taken == timedelta(minutes=5)
    assert students["s5"].attempts == 0 and students["s5"].grade is None  # in the class, not started


def test_facility_and_discrimination_as_computed_by_hand(constructed):
    quiz_set, (a, b, c) = constructed
    stats = {row.item.pk: row.statistics for row in quiz_set_results(quiz_set=quiz_set).items}
    # Facility: each item right for two of the four first attempts.
    assert [stats[item.pk].facility for item in (a, b, c)] == [0.5, 0.5, 0.5]
    # A: scores 1,1,0,0 against the rest (B+C) 2,1,1,0: r = 1 / (1 · √2) = 0.7071.
    assert stats[a.pk].discrimination == pytest.approx(0.70711, abs=1e-4)
    # B: scores 1,0,1,0 against the rest (A+C) 2,2,0,0: covariance 0, r = 0 — flagged.
    assert stats[b.pk].discrimination == pytest.approx(0.0, abs=1e-9)
    assert "low_discrimination" in stats[b.pk].flags
    assert stats[c.pk].discrimination == pytest.approx(0.70711, abs=1e-4)
    assert all(row.attempts == 4 for row in stats.values())


def test_option_frequencies_show_distractors_nobody_picked(constructed):
    quiz_set, (a, _b, _c) = constructed
    row = next(row for row in quiz_set_results(quiz_set=quiz_set).items if row.item.pk == a.pk)
    picked = {option_id: count for option_id, _text, count, _is_key in row.options}
    assert picked[a.answer] == 2 and sum(picked.values()) == 4
    assert sorted(picked.values()).count(0) == 2  # the wrong answers all chose the same distractor


def test_results_run_bounded_queries_for_200_students(teacher, seed_bank, django_user_model,
                                                      django_assert_max_num_queries):
    from quizzes.models import Answer, Attempt, AttemptItem, Membership

    school_class = class_create(teacher=teacher, name="大人数")
    quiz_set = quiz_set_create(owner=teacher, title="大人数", attempts_allowed=0)
    items = list(Item.objects.filter(kind="single_choice").order_by("id")[:5])
    for item in items:
        entry_add_item(quiz_set=quiz_set, item=item)
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0,
                                   close_at=T0 + timedelta(days=1))
    students = django_user_model.objects.bulk_create(
        [django_user_model(username=f"st{n:03}") for n in range(200)])
    Membership.objects.bulk_create([Membership(school_class=school_class, student=s) for s in students])
    versions = {item.pk: item.versions.get() for item in items}
    attempts = Attempt.objects.bulk_create([
        Attempt(learner=s, mode="assignment", assignment=assignment, finished_at=T0, score=3.0) for s in students])
    slots = AttemptItem.objects.bulk_create([
        AttemptItem(attempt=attempt, position=p, item=item, version=versions[item.pk], option_order=[])
        for attempt in attempts for p, item in enumerate(items, start=1)])
    Answer.objects.bulk_create([Answer(slot=slot, learner_id=slot.attempt.learner_id, response=slot.item.answer,
                                       score=float(n % 2), correct=bool(n % 2)) for n, slot in enumerate(slots)])
    with django_assert_max_num_queries(6):
        results = quiz_set_results(quiz_set=quiz_set)
    assert len(results.students) == 200 and len(results.items) == 5


def test_multiple_response_picks_count_each_chosen_option(teacher, seed_bank, django_user_model):
    school_class = class_create(teacher=teacher, name="複数選択")
    quiz_set = quiz_set_create(owner=teacher, title="複数選択", attempts_allowed=0)
    item = Item.objects.filter(kind="multiple_response").order_by("id").first()
    entry_add_item(quiz_set=quiz_set, item=item)
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0,
                                   close_at=T0 + timedelta(days=1))
    first, second = (option["id"] for option in item.options[:2])
    for name, chosen in (("m1", [first, second]), ("m2", [first, second]), ("m3", [first])):
        student = django_user_model.objects.create_user(name, password="pw-12345678")
        class_join(student=student, join_code=school_class.join_code)
        attempt = assignment_start(assignment=assignment, student=student, now=T0)
        attempt_answer(slot=attempt.slots.select_related("version", "attempt").get(), response=sorted(chosen),
                       now=T0 + timedelta(minutes=1))
        attempt_finish(attempt=attempt, now=T0 + timedelta(minutes=2))
    row = quiz_set_results(quiz_set=quiz_set).items[0]
    picked = {option_id: count for option_id, _text, count, _is_key in row.options}
    assert picked[first] == 3 and picked[second] == 2 and sum(picked.values()) == 5


def test_no_csv_cell_runs_as_a_formula_in_a_spreadsheet(teacher, seed_bank, django_user_model, client):
    """A username may start with + - or @ (Django allows them): the cell gets an apostrophe."""
    import csv
    import io

    from django.urls import reverse

    quiz_set = quiz_set_create(owner=teacher, title="確認")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false").first())
    school_class = class_create(teacher=teacher, name="1組")
    for name in ("-2+3", "@SUM", "+1"):
        class_join(student=django_user_model.objects.create_user(name, password="pw-12345678"),
                   join_code=school_class.join_code)
    assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=T0, close_at=T0 + timedelta(days=1))
    client.force_login(teacher)
    body = client.get(reverse("quizzes:teach-results-csv", kwargs={"set_id": quiz_set.pk})).content.decode()
    names = [row[0] for row in list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[1:]]
    assert sorted(names) == ["'+1", "'-2+3", "'@SUM"]


def test_the_results_page_draws_grades_items_and_options(constructed, client, teacher):
    import re

    from django.urls import reverse

    from quizzes.presentation.results_charts import results_pictures

    quiz_set, _items = constructed
    client.force_login(teacher)
    page = client.get(reverse("quizzes:teach-results", kwargs={"set_id": quiz_set.pk})).content.decode()
    pictures = results_pictures(quiz_set_results(quiz_set=quiz_set))
    # grades 100, 67, 33, 100 (s4's highest): bands 90–100 twice, 60 once, 30 once; s5 has none
    assert [column.value for column in pictures.grades.columns] == [0, 0, 0, 1, 0, 0, 1, 0, 0, 2]
    spread = page[page.index('id="grade-spread"'):]
    assert 'role="img"' in spread and "<title" in spread and "表で見る" in spread
    assert re.search(r"<td>90</td><td>2</td>", spread)  # the chart's data, as a table
    items_map = page[page.index('id="item-map"'):]
    assert items_map.count('class="point') == len(pictures.items.points) == 3
    assert page.count('<svg class="icon icon-key"') == 3 and page.count("</svg> 正答") >= 3  # one key marked per item
    assert "誰も選ばなかった誤答" not in page  # four students: too few answers to call a distractor idle


def test_a_distractor_is_called_idle_only_once_enough_answered():
    from quizzes.generation.item_analysis import ItemStatistics
    from quizzes.presentation.results_charts import results_pictures
    from quizzes.selectors.teaching import ItemResult, Results
    from quizzes.services.learning_from_use import IDLE_AFTER

    def picture(key_picks):
        options = [("a", "1997年", key_picks, True), ("b", "2001年", 3, False), ("c", "1985年", 0, False)]
        row = ItemResult(Item(prompt="…"), ItemStatistics(key_picks + 3, 0.8, 0.3), options)
        return results_pictures(Results(None, [], [row])).per_item[0]

    assert picture(IDLE_AFTER - 4).idle == []  # 29 answers: the class is small, not the option idle
    assert picture(IDLE_AFTER).idle == ["1985年"]
    assert [bar.share for bar in picture(IDLE_AFTER - 3).bars] == [90, 10, 0]
