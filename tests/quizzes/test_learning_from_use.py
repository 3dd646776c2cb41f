"""Learning from use: a distractor nobody picks is left out of the next version; a wrong answer learners
keep typing is proposed to a reviewer and used only once approved. Answers keep what they were given."""

import pytest

from quizzes.models import Item, LearnedDistractor
from quizzes.services.answering import attempt_answer
from quizzes.services.item_generation import items_generate
from quizzes.services.learning_from_use import IDLE_AFTER, OFFER_AFTER, learned_distractors_decide
from quizzes.services.practice import attempt_create

pytestmark = pytest.mark.django_db


def _answer(learner, item, response):
    attempt = attempt_create(learner=learner, items=[item])
    slot = attempt.slots.select_related("version", "attempt").get()
    attempt_answer(slot=slot, response=response)
    return slot


def test_a_distractor_nobody_picks_is_replaced_in_the_next_version(seed_bank, student):
    item = Item.objects.get(key__endswith="definition-to-term:スマートフォン")
    key, *distractors = [item.answer] + [o["id"] for o in item.options if o["id"] != item.answer]
    picked = distractors[0]
    idle = {o["text"] for o in item.options if o["id"] in distractors[1:]}
    slots = [_answer(student, item, key if n % 3 else picked) for n in range(IDLE_AFTER)]

    report = items_generate(chapter=seed_bank)
    item.refresh_from_db()
    learned = LearnedDistractor.objects.filter(chapter=seed_bank, source="idle")
    assert set(learned.values_list("text", flat=True)) == idle
    assert set(learned.values_list("fact", flat=True)) == {"definition:スマートフォン"} and report.updated >= 1
    shown = {o["text"] for o in item.options}
    assert item.version == 2 and not shown & idle and len(shown) == 4  # replaced, not just removed
    assert all(slot.version.number == 1 for slot in slots)  # each answer keeps the version it was given
    assert {o["text"] for o in slots[0].version.options} >= idle


def test_fewer_answers_teach_nothing(seed_bank, student):
    item = Item.objects.get(key__endswith="definition-to-term:スマートフォン")
    for _ in range(IDLE_AFTER - 1):
        _answer(student, item, item.answer)
    items_generate(chapter=seed_bank)
    assert not LearnedDistractor.objects.exists() and Item.objects.get(pk=item.pk).version == 1


def test_learners_wrong_answers_are_proposed_and_used_once_approved(seed_bank, django_user_model):
    typed = Item.objects.get(key__endswith="typed-term:ICT")
    for n in range(OFFER_AFTER):
        learner = django_user_model.objects.create_user(f"gakusei{n}", password="pw-12345678")
        _answer(learner, typed, "情報処理技術")
    items_generate(chapter=seed_bank)
    proposal = LearnedDistractor.objects.get(source="learners")
    assert (proposal.fact, proposal.text, proposal.count, proposal.status) == (
        "definition:ICT", "情報処理技術", OFFER_AFTER, "proposed")
    ict = Item.objects.filter(chapter=seed_bank, key__endswith=":ICT").exclude(status="retired")
    assert not any("情報処理技術" in str(item.options) for item in ict)  # not before a reviewer says so

    learned_distractors_decide(rows=LearnedDistractor.objects.filter(pk=proposal.pk), approve=True)
    items_generate(chapter=seed_bank)
    offering = [item for item in ict.all() if any(o["text"] == "情報処理技術" for o in item.options)]
    assert offering and offering[0].kind in ("cloze", "single_choice")
    assert typed.pk in ict.values_list("pk", flat=True)  # the answered item stays
    items_generate(chapter=seed_bank)
    proposal.refresh_from_db()
    assert proposal.status == "approved" and proposal.status_set_by_person  # a recount does not undo a decision


def test_the_reviewer_sees_and_decides_in_the_admin(staff_client, seed_bank, django_user_model):
    row = LearnedDistractor.objects.create(chapter=seed_bank, fact="definition:ICT", text="情報処理技術",
                                           source="learners", count=4, status="proposed")
    changelist = "/admin/quizzes/learneddistractor/"
    page = staff_client.get(changelist).content.decode()
    assert "情報処理技術" in page and "definition:ICT" in page
    staff_client.post(changelist, {"action": "approve", "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert row.status == "approved" and row.status_set_by_person
