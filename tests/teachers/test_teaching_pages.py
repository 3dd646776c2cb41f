"""The teachers' pages, end to end without JavaScript: class, builder, assignment, results, CSV, export."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Item, Membership, QuizSet, QuizSetEntry, SchoolClass
from tests.conftest import form_answer

pytestmark = pytest.mark.django_db
TEACH = reverse("quizzes:teach")


def action(set_id, operation):
    return reverse("quizzes:teach-set-action", kwargs={"set_id": set_id, "operation": operation})


@pytest.fixture
def quiz_set(teacher_client, seed_bank):
    teacher_client.post(TEACH, {"set-title": "第1章 確認テスト"})
    return QuizSet.objects.get()


def test_students_cannot_open_the_teaching_pages(student_client):
    assert student_client.get(TEACH).status_code == 403


def test_a_teacher_creates_a_class_and_manages_its_roster(teacher_client, student, client):
    response = teacher_client.post(TEACH, {"class-name": "3年1組"})
    school_class = SchoolClass.objects.get()
    assert response["Location"] == reverse("quizzes:teach-class", kwargs={"class_id": school_class.pk})
    client.force_login(student)
    client.post(reverse("quizzes:join-class"), {"join_code": school_class.join_code.lower()})
    page = teacher_client.get(response["Location"]).content.decode()
    assert "hanako" in page and school_class.join_code in page
    teacher_client.post(response["Location"], {"renew": "1"})
    school_class.refresh_from_db()
    assert school_class.join_code not in page
    teacher_client.post(response["Location"], {"remove": student.pk})
    assert not Membership.objects.exists()


def test_another_teachers_pages_are_404(quiz_set, django_user_model, client, teacher):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("sensei2", password="pw-12345678")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    client.force_login(other)
    for name in ("quizzes:teach-set", "quizzes:teach-results", "quizzes:teach-results-csv", "quizzes:teach-export"):
        assert client.get(reverse(name, kwargs={"set_id": quiz_set.pk})).status_code == 404
    assert client.post(action(quiz_set.pk, "add-item"), {"item": Item.objects.first().pk}).status_code == 404


@pytest.mark.parametrize(("filters", "expected"), [
    ({"chapter": "sapporo-ict-chapter1", "skill": "goal", "status": "published"},
     lambda items: items.filter(skill="goal")),
    ({"kind": "ordering", "status": "published"}, lambda items: items.filter(kind="ordering")),
    ({"chapter": "sapporo-ict-chapter1", "section": 4, "kind": "true_false", "status": ""},
     lambda items: items.filter(section__number=4, kind="true_false")),
    ({"q": "NoMaps", "status": "published"}, lambda items: items.filter(prompt__icontains="NoMaps")
     | items.filter(options__icontains="NoMaps")),
    ({"difficulty": "hard", "status": "published"}, lambda items: items.filter(difficulty__gt=0.6)),
])
def test_the_builder_filters_the_bank(teacher_client, quiz_set, filters, expected):
    page = teacher_client.get(reverse("quizzes:teach-set", kwargs={"set_id": quiz_set.pk}), filters)
    count = expected(Item.objects.filter(status="published") if filters.get("status") else Item.objects.all())
    assert page.context["page"].paginator.count == count.distinct().count() > 0


def test_building_a_set_without_javascript(teacher_client, quiz_set, seed_bank):
    first, second = Item.objects.filter(kind="single_choice").order_by("id")[:2]
    for item in (first, second):
        teacher_client.post(action(quiz_set.pk, "add-item"), {"item": item.pk})
    teacher_client.post(action(quiz_set.pk, "add-random"), {"slot-count": 2, "slot-chapter": seed_bank.slug,
                                                             "slot-skill": "goal"})
    entries = list(quiz_set.entries.order_by("position"))
    assert [e.item_id for e in entries] == [first.pk, second.pk, None] and entries[2].count == 2
    teacher_client.post(action(quiz_set.pk, "move"), {"entry": entries[1].pk, "direction": "up"})
    assert list(quiz_set.entries.order_by("position").values_list("item_id", flat=True)) == [second.pk, first.pk, None]
    teacher_client.post(action(quiz_set.pk, "remove"), {"entry": entries[0].pk})
    assert quiz_set.entries.count() == 2
    builder = teacher_client.get(reverse("quizzes:teach-set", kwargs={"set_id": quiz_set.pk})).content.decode()
    assert "2 random items" in builder or "ランダムに2問" in builder


def test_writing_an_item_of_ones_own(teacher_client, quiz_set, seed_bank):
    fields = {"own-chapter": seed_bank.slug, "own-kind": "ordering", "own-skill": "date",
              "own-prompt": "古い順に並べてください。", "own-lines": "札幌市エレクトロニクスセンター\n札幌市情報化構想\nNoMaps",
              "own-key": "", "own-explanation": "1986年、1997年、2017年。"}
    teacher_client.post(action(quiz_set.pk, "write-item"), fields)
    item = QuizSetEntry.objects.get(quiz_set=quiz_set).item
    texts = {option["id"]: option["text"] for option in item.options}
    assert item.author.username == "sensei" and item.kind == "ordering"
    assert [texts[option_id] for option_id in item.answer] == ["札幌市エレクトロニクスセンター", "札幌市情報化構想", "NoMaps"]
    flawed = {**fields, "own-kind": "single_choice", "own-lines": "以上すべて\n札幌", "own-key": "2"}
    response = teacher_client.post(action(quiz_set.pk, "write-item"), flawed, follow=True)
    page = response.content.decode()
    assert "「すべて正しい」「どれも正しくない」の選択肢がある: " in page and QuizSetEntry.objects.count() == 1


def test_assigning_taking_and_reading_the_results(teacher_client, quiz_set, student, client):
    for item in Item.objects.filter(kind="single_choice").order_by("id")[:3]:
        teacher_client.post(action(quiz_set.pk, "add-item"), {"item": item.pk})
    teacher_client.post(action(quiz_set.pk, "settings"), {
        "title": "第1章 確認テスト", "instructions": "落ち着いて", "time_limit_minutes": 15, "attempts_allowed": 1,
        "grading": "highest", "shuffle_options": "on", "feedback": "immediately"})
    teacher_client.post(TEACH, {"class-name": "3年1組"})
    school_class = SchoolClass.objects.get()
    now = timezone.localtime()
    teacher_client.post(action(quiz_set.pk, "assign"), {
        "assign-school_class": school_class.pk, "assign-open_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "assign-close_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")})
    assignment = Assignment.objects.get()
    client.force_login(student)
    client.post(reverse("quizzes:join-class"), {"join_code": school_class.join_code})
    dashboard = client.get(reverse("quizzes:dashboard")).content.decode()
    assert "第1章 確認テスト" in dashboard and "未開始" in dashboard
    client.post(reverse("quizzes:assignment-start", kwargs={"assignment_id": assignment.pk}))
    attempt = Attempt.objects.get()
    assert attempt.deadline <= timezone.now() + timedelta(minutes=15)
    for slot in attempt.slots.order_by("position"):
        client.post(reverse("quizzes:item", kwargs={"attempt_id": attempt.pk, "position": slot.position}),
                    form_answer(slot, right=slot.position != 3))
    client.post(reverse("quizzes:finish", kwargs={"attempt_id": attempt.pk}))
    assert "提出済み" in client.get(reverse("quizzes:dashboard")).content.decode()
    refused = client.post(reverse("quizzes:assignment-start", kwargs={"assignment_id": assignment.pk}), follow=True)
    assert "1回" in refused.content.decode() and Attempt.objects.count() == 1
    results = teacher_client.get(reverse("quizzes:teach-results", kwargs={"set_id": quiz_set.pk})).content.decode()
    assert "hanako" in results and "67%" in results
    csv_response = teacher_client.get(reverse("quizzes:teach-results-csv", kwargs={"set_id": quiz_set.pk}))
    body = csv_response.content.decode("utf-8")
    assert body.startswith("\ufeff") and csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][0] == "生徒" and rows[1][:3] == ["hanako", "1", "66.7"]
    assert re.fullmatch(r"\d+:\d\d", rows[1][3])  # minutes:seconds, not 0.1 minutes
    finished = datetime.fromisoformat(rows[1][4])  # Japan time, as the pages show, to the second
    assert finished.utcoffset() == timedelta(hours=9) and finished.microsecond == 0
    assert abs(finished - Attempt.objects.get().finished_at) < timedelta(seconds=1)


def test_exports_download(teacher_client, quiz_set):
    teacher_client.post(action(quiz_set.pk, "add-item"), {"item": Item.objects.filter(kind="true_false").first().pk})
    for fmt, marker in (("moodle", "<quiz>"), ("gift", "{T")):
        response = teacher_client.get(reverse("quizzes:teach-export", kwargs={"set_id": quiz_set.pk}), {"format": fmt})
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        assert marker in response.content.decode() or "{F" in response.content.decode()


def test_the_results_page_runs_bounded_queries_for_200_students(teacher_client, quiz_set, teacher, django_user_model,
                                                                django_assert_max_num_queries):
    from quizzes.models import Answer, AttemptItem
    from quizzes.services.classes import class_create

    school_class = class_create(teacher=teacher, name="大人数")
    items = list(Item.objects.filter(kind="single_choice").order_by("id")[:5])
    QuizSetEntry.objects.bulk_create([QuizSetEntry(quiz_set=quiz_set, position=n, item=item)
                                      for n, item in enumerate(items, start=1)])
    now = timezone.now()
    assignment = Assignment.objects.create(quiz_set=quiz_set, school_class=school_class, open_at=now,
                                           close_at=now + timedelta(days=1))
    students = django_user_model.objects.bulk_create([django_user_model(username=f"st{n:03}") for n in range(200)])
    Membership.objects.bulk_create([Membership(school_class=school_class, student=s) for s in students])
    attempts = Attempt.objects.bulk_create([Attempt(learner=s, mode="assignment", assignment=assignment,
                                                    finished_at=now, score=2.0) for s in students])
    versions = {item.pk: item.versions.get() for item in items}
    slots = AttemptItem.objects.bulk_create([
        AttemptItem(attempt=a, position=p, item=i, version=versions[i.pk], option_order=[])
        for a in attempts for p, i in enumerate(items, start=1)])
    Answer.objects.bulk_create([Answer(slot=slot, learner_id=slot.attempt.learner_id, response=slot.item.answer,
                                       score=float(n % 3 == 0), correct=n % 3 == 0) for n, slot in enumerate(slots)])
    # session, user, teacher check, the set with entries, the marker's four aggregates, then the results' queries
    # and the students' own rules
    with django_assert_max_num_queries(14):
        page = teacher_client.get(reverse("quizzes:teach-results", kwargs={"set_id": quiz_set.pk}))
    assert page.content.decode().count("<tr><td>st") == 200


@pytest.mark.parametrize(("operation", "fields"), [("add-item", {"item": "abc"}), ("move", {"entry": ""}),
                                                   ("remove", {"entry": "9999"}), ("no-such", {})])
def test_bad_builder_posts_are_404_not_500(teacher_client, quiz_set, operation, fields):
    assert teacher_client.post(action(quiz_set.pk, operation), fields).status_code == 404


def test_the_builder_warns_of_items_that_give_each_other_away(teacher_client, quiz_set):
    from quizzes.models import ItemLeak

    leak = ItemLeak.objects.select_related("giver", "receiver").filter(
        giver__author__isnull=True, receiver__author__isnull=True).order_by("pk").first()
    assert leak is not None  # the seed bank has pairs such as a year item and its year-to-event item
    pair = [leak.giver_id, leak.receiver_id]
    bystander = Item.objects.exclude(pk__in=pair).exclude(leaks_given__receiver__in=pair).exclude(
        leaks_received__giver__in=pair).order_by("pk").first()  # gives neither away, nor is given away
    builder = reverse("quizzes:teach-set", kwargs={"set_id": quiz_set.pk})
    first = teacher_client.post(action(quiz_set.pk, "add-item"), {"item": leak.giver_id}, follow=True)
    calm = teacher_client.post(action(quiz_set.pk, "add-item"), {"item": bystander.pk}, follow=True)
    assert "互いの答え" not in first.content.decode() + calm.content.decode()
    added = teacher_client.post(action(quiz_set.pk, "add-item"), {"item": leak.receiver_id}, follow=True).content.decode()
    assert "追加しました。ただし、この問題と1番の問題は互いの答えを明かしてしまいます" in added
    page = teacher_client.get(builder).content.decode()
    assert 'id="set-leaks"' in page and "1番と3番" in page
    teacher_client.post(action(quiz_set.pk, "remove"), {"entry": quiz_set.entries.get(item_id=leak.giver_id).pk})
    assert 'id="set-leaks"' not in teacher_client.get(builder).content.decode()


def test_the_teacher_home_links_assignments_to_results_with_their_state(teacher_client, teacher, quiz_set, student,
                                                                       django_assert_max_num_queries):
    from quizzes.services.answering import attempt_finish
    from quizzes.services.assignments import assignment_create, assignment_start
    from quizzes.services.classes import class_create, class_join
    from quizzes.services.quiz_sets import entry_add_item

    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="true_false").first())
    school_class = class_create(teacher=teacher, name="3年1組")
    class_join(student=student, join_code=school_class.join_code)
    now = timezone.now()
    running = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                close_at=now + timedelta(days=1))
    assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now + timedelta(days=2),
                      close_at=now + timedelta(days=3))
    attempt_finish(attempt=assignment_start(assignment=running, student=student))
    with django_assert_max_num_queries(8):
        page = teacher_client.get(TEACH).content.decode()
    results = reverse("quizzes:teach-results", kwargs={"set_id": quiz_set.pk})
    assert page.count(f'href="{results}"') >= 3  # the set's own link, and one per assignment
    assert "実施中" in page and "開始前" in page and "1人中1人" in page and "1人中0人" in page


def test_the_builder_goes_in_steps_beside_a_running_summary(teacher_client, quiz_set):
    builder = reverse("quizzes:teach-set", kwargs={"set_id": quiz_set.pk})
    first = teacher_client.get(builder).content.decode()
    assert 'aria-current="step"' in first and "問題バンクから選ぶ" in first
    assert 'name="slot-count"' not in first and 'name="assign-school_class"' not in first  # one step at a time
    for item in Item.objects.filter(kind="true_false").order_by("id")[:2]:
        teacher_client.post(action(quiz_set.pk, "add-item"), {"item": item.pk, "back": "step=items"})
    random_step = teacher_client.get(builder, {"step": "random"}).content.decode()
    assert 'name="slot-count"' in random_step and 'name="item"' not in random_step
    response = teacher_client.post(action(quiz_set.pk, "add-random"), {"slot-count": 3, "back": "step=random"})
    assert response["Location"].endswith("?step=random")  # back to the step it was posted from
    summary = teacher_client.get(builder, {"step": "settings"}).content.decode()
    aside = summary[summary.index('class="set-summary'):summary.index("</aside>")]
    assert "<strong>5</strong>" in aside and "（選んだ問題2問、ランダム3問）" in aside and "まだありません" in aside
    assert "次へ：課題を出す" in summary
    unknown = teacher_client.get(builder, {"step": "nonsense"}).content.decode()
    assert "問題バンクから選ぶ" in unknown and 'name="q"' in unknown  # an unknown step is the first
