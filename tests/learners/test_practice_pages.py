"""A learner practises through the web pages: start, answer with feedback, resume, finish."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Answer, Attempt, AttemptItem, Item, ReviewCard
from quizzes.services.practice import attempt_create
from tests.conftest import form_answer

pytestmark = pytest.mark.django_db
KINDS = ["single_choice", "multiple_response", "true_false", "ordering", "matching", "short_answer", "cloze"]


def start(client, **fields):
    data = {"chapter": "sapporo-ict-chapter1", "size": 5, **fields}
    return client.post(reverse("quizzes:practice-start"), data)


def item_url(attempt, position):
    return reverse("quizzes:item", kwargs={"attempt_id": attempt.pk, "position": position})


def test_signing_up_makes_a_student_and_opens_the_dashboard(client, seed_bank, django_user_model):
    response = client.post(reverse("signup"), {"username": "taro", "email": "taro@example.org",
                                               "password1": "kotoba-no-mori-7", "password2": "kotoba-no-mori-7"})
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:dashboard")
    user = django_user_model.objects.get(username="taro")
    assert not user.is_staff and not user.groups.exists()
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    assert "第1章 札幌とICT" in page and "未学習" in page


def test_a_session_from_start_to_summary(student_client, seed_bank):
    response = start(student_client, section=2)
    attempt = Attempt.objects.get()
    assert response["Location"] == reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk})
    assert student_client.get(response["Location"])["Location"] == item_url(attempt, 1)
    assert set(attempt.slots.values_list("item__section__number", flat=True)) == {2}
    for slot in attempt.slots.order_by("position"):
        page = student_client.get(item_url(attempt, slot.position)).content.decode()
        assert slot.version.explanation.splitlines()[0] not in page  # no explanation before answering
        student_client.post(item_url(attempt, slot.position), form_answer(slot, right=slot.position != 2))
        feedback = student_client.get(item_url(attempt, slot.position)).content.decode()
        mark, word = ("icon-right", "正解") if slot.position != 2 else ("icon-wrong", "不正解")
        assert re.search(rf'<svg class="icon {mark}"[^>]*>.*?</svg> {word}</h2>', feedback)  # an icon and a word
        assert "本文で確かめる" in feedback and slot.version.explanation.splitlines()[0][:20] in feedback
        is_last = slot.position == attempt.slots.count()
        assert ("終了して結果を見る" if is_last else "次の問題へ") in feedback  # the way on, after the feedback
    count = attempt.slots.count()  # five, or fewer when the rest would give a key away
    assert count >= 3 and Answer.objects.count() == count
    student_client.post(reverse("quizzes:finish", kwargs={"attempt_id": attempt.pk}))
    assert ReviewCard.objects.filter(learner=attempt.learner).count() == count  # scheduled by the finish
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == count - 1
    summary = student_client.get(reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk})).content.decode()
    assert f"{count}問中{count - 1}" in summary


def test_feedback_links_back_to_the_source_paragraph(student_client, seed_bank):
    start(student_client, section=2, skill="date")
    slot = AttemptItem.objects.get(position=1)
    student_client.post(item_url(slot.attempt, 1), form_answer(slot))
    page = student_client.get(item_url(slot.attempt, 1)).content.decode()
    anchor = f"/chapters/sapporo-ict-chapter1/sections/2/#{slot.item.paragraph.anchor}"
    assert anchor in page


def test_closing_the_browser_and_coming_back_resumes(student_client, seed_bank, client, student):
    start(student_client)
    attempt = Attempt.objects.get()
    for slot in attempt.slots.filter(position__lte=2):
        student_client.post(item_url(attempt, slot.position), form_answer(slot))
    client.logout()
    client.force_login(student)  # a new browser session
    response = client.get(reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}))
    assert response["Location"] == item_url(attempt, 3)


def test_the_same_answer_twice_counts_once_and_a_different_one_is_refused(student_client, seed_bank):
    start(student_client)
    slot = AttemptItem.objects.get(position=1)
    url = item_url(slot.attempt, 1)
    student_client.post(url, form_answer(slot))
    student_client.post(url, form_answer(slot))
    assert Answer.objects.count() == 1
    response = student_client.post(url, form_answer(slot, right=False), follow=True)
    assert Answer.objects.get().correct and "変更" in response.content.decode()


def test_a_malformed_answer_gets_a_clear_message(student_client, student, seed_bank):
    attempt_create(learner=student, items=[Item.objects.filter(kind="single_choice").first()])
    slot = AttemptItem.objects.get(position=1)
    response = student_client.post(item_url(slot.attempt, 1), {"response": "zz"}, follow=True)
    assert response.status_code == 200 and Answer.objects.count() == 0
    assert "選択肢" in response.content.decode() or "option" in response.content.decode()


@pytest.mark.parametrize("right", [True, False])
def test_every_kind_can_be_answered_through_the_form(student_client, student, seed_bank, right):
    one_of_each = [Item.objects.filter(kind=kind).order_by("id").first() for kind in KINDS]
    attempt = attempt_create(learner=student, items=one_of_each)
    for slot in attempt.slots.all():
        response = student_client.post(item_url(attempt, slot.position), form_answer(slot, right=right))
        assert response.status_code == 302
    answers = {a.slot.version.kind: a.correct for a in Answer.objects.select_related("slot__version")}
    assert answers == dict.fromkeys(KINDS, right)


def test_another_learners_session_is_a_404(student_client, seed_bank, client, django_user_model):
    start(student_client)
    attempt = Attempt.objects.get()
    other = django_user_model.objects.create_user("jiro", password="pw-12345678")
    client.force_login(other)
    for url in (reverse("quizzes:attempt", kwargs={"attempt_id": attempt.pk}), item_url(attempt, 1),
                reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk})):
        assert client.get(url).status_code == 404
    assert client.post(item_url(attempt, 1), form_answer(attempt.slots.first())).status_code == 404
    assert Answer.objects.count() == 0


def test_practice_needs_a_login(client, seed_bank):
    response = client.get(reverse("quizzes:dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_lesson_offers_to_practise_its_section(student_client, seed_bank):
    page = student_client.get(reverse("content:section", kwargs={"slug": "sapporo-ict-chapter1", "number": 3}))
    assert 'name="section" value="3"' in page.content.decode()


def test_the_item_page_runs_bounded_queries(student_client, seed_bank, django_assert_max_num_queries):
    start(student_client, size=20)
    attempt = Attempt.objects.get()
    # the session, the user with their role, the slot with its attempt, version, answer and the item count
    with django_assert_max_num_queries(3):
        assert student_client.get(item_url(attempt, 1)).status_code == 200
    slot = attempt.slots.select_related("version", "item__section").filter(item__section__isnull=False).first()
    student_client.post(item_url(attempt, slot.position), form_answer(slot))
    with django_assert_max_num_queries(4):  # and, for the feedback, where the item came from
        page = student_client.get(item_url(attempt, slot.position)).content.decode()
    assert reverse("content:section", kwargs={"slug": "sapporo-ict-chapter1", "number": slot.item.section.number}) in page


@pytest.mark.parametrize("fields", [{"chapter": "nope"}, {"chapter": "sapporo-ict-chapter1", "section": 9},
                                    {"chapter": "sapporo-ict-chapter1", "size": 500}])
def test_a_bad_start_form_shows_its_errors(student_client, seed_bank, fields):
    response = student_client.post(reverse("quizzes:practice-start"), fields)
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not Attempt.objects.exists()


def test_review_with_nothing_due_says_so(student_client, seed_bank):
    response = student_client.post(reverse("quizzes:review-start"), follow=True)
    assert "今、復習する問題はありません。" in response.content.decode() and not Attempt.objects.exists()


def test_answering_a_finished_session_is_refused(student_client, seed_bank):
    start(student_client)
    attempt = Attempt.objects.get()
    student_client.post(reverse("quizzes:finish", kwargs={"attempt_id": attempt.pk}))
    slot = attempt.slots.get(position=1)
    response = student_client.post(item_url(attempt, 1), form_answer(slot), follow=True)
    page = response.content.decode()
    assert "終了しています" in page and "この問題には解答していません" in page and not Answer.objects.exists()


def test_a_summary_of_a_session_left_early_counts_what_was_left(student_client, seed_bank):
    start(student_client, section=2, size=5)
    attempt = Attempt.objects.get()
    first = attempt.slots.get(position=1)
    student_client.post(item_url(attempt, 1), form_answer(first, right=True))
    student_client.post(reverse("quizzes:finish", kwargs={"attempt_id": attempt.pk}))
    summary = student_client.get(reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk})).content.decode()
    total = attempt.slots.count()
    percent = round(100 / total)
    assert "全問正解" not in summary  # one right of five is not everything right
    assert f"{total - 1}問が未回答です" in summary
    assert f"{percent}%" in summary and f'aria-label="正答率{percent}%"' in summary  # the ring and its words
    assert f'stroke-dasharray="{percent} 100"' in summary


def test_everything_right_only_when_every_item_is_answered_right(student_client, seed_bank):
    start(student_client, section=2, size=3)
    attempt = Attempt.objects.get()
    for slot in attempt.slots.order_by("position"):
        student_client.post(item_url(attempt, slot.position), form_answer(slot, right=True))
    student_client.post(reverse("quizzes:finish", kwargs={"attempt_id": attempt.pk}))
    summary = student_client.get(reverse("quizzes:summary", kwargs={"attempt_id": attempt.pk})).content.decode()
    assert "全問正解です。よくできました。" in summary and "100%" in summary and "未回答" not in summary


def test_a_shorter_session_than_asked_says_why(student_client, seed_bank):
    response = start(student_client, size=20, skill="goal")
    given = Attempt.objects.get().slots.count()
    assert given < 20
    page = student_client.get(response["Location"], follow=True).content.decode()
    assert f"この範囲の問題は{given}問です。" in page


def test_a_matching_item_names_each_description_by_one_letter_everywhere(student_client, student, seed_bank):
    import re

    item = Item.objects.filter(kind="matching", status="published").first()
    attempt = attempt_create(learner=student, items=[item])
    page = student_client.get(item_url(attempt, 1)).content.decode()
    listed = re.findall(r'<span class="option-label" aria-hidden="true">([A-Z])</span>', page)
    chosen = re.findall(r'<option value="[^"]+" aria-label="[^"]*">([A-Z])</option>', page)
    assert listed == list("ABCDEFG"[:len(item.options)])
    assert chosen == listed * len(item.left_options)  # each drop-down offers the same letters, in the same order
    assert "1." not in page.split('class="matching"', 1)[1].split("</fieldset>", 1)[0]  # no numbers beside letters
