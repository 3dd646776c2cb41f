"""FSRS updates under a fixed clock, the mastery rule, the streak and the order of practice."""

from datetime import UTC, datetime, timedelta

import pytest

from quizzes.mastery import mastery
from quizzes.models import Item, ReviewCard, ReviewLog
from quizzes.scheduling import recall_probability, review
from quizzes.selectors.learning import progress_for
from quizzes.services.answering import attempt_answer
from quizzes.services.practice import attempt_create, practice_start
from quizzes.services.reviews import reviews_release
from quizzes.services.summaries import summaries_rebuild
from tests.conftest import json_answer

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 4, 1, 0, 30, tzinfo=UTC)  # 09:30 in Sapporo


@pytest.fixture(autouse=True)
def no_fuzz(settings):
    settings.FSRS_FUZZING = False


def answer_all(attempt, *, right=True, at=T0):
    for slot in attempt.slots.select_related("version", "attempt"):
        attempt_answer(slot=slot, response=json_answer(slot, right=right), now=at)
    reviews_release(learner_id=attempt.learner_id, now=at)  # as the next read of the learner's cards does


def test_fsrs_good_and_again_under_a_fixed_clock():
    good = review(None, correct=True, at=T0)
    again = review(None, correct=False, at=T0)
    assert good.rating == 3 and again.rating == 1
    assert good.due == T0 + timedelta(minutes=10)  # the second learning step
    assert again.due == T0 + timedelta(minutes=1)  # back to the first
    later = review(good.card, correct=True, at=good.due)
    assert later.due - good.due >= timedelta(days=1)  # graduated to review
    assert recall_probability(later.card, later.due) == pytest.approx(0.9, abs=0.02)  # desired retention


def test_each_graded_answer_updates_the_learners_card_and_logs_it(student, seed_bank):
    items = list(Item.objects.filter(kind="single_choice").order_by("id")[:2])
    attempt = attempt_create(learner=student, items=items)
    first, second = attempt.slots.order_by("position")
    attempt_answer(slot=first, response=json_answer(first), now=T0)
    attempt_answer(slot=second, response=json_answer(second, right=False), now=T0)
    assert not ReviewCard.objects.exists()  # written behind the answers: by the next read of the cards
    assert reviews_release(learner_id=student.pk, now=T0 + timedelta(hours=1)) == 2
    right, wrong = (ReviewCard.objects.get(item=item) for item in items)
    assert right.due == T0 + timedelta(minutes=10) and right.reviews == 1 and right.lapses == 0
    assert wrong.due == T0 + timedelta(minutes=1) and wrong.lapses == 1
    assert right.card["due"].endswith("+00:00")  # stored in UTC
    assert list(ReviewLog.objects.order_by("card__item_id").values_list("rating", flat=True)) == [3, 1]
    again = attempt_create(learner=student, items=items[:1])
    attempt_answer(slot=again.slots.get(), response=json_answer(again.slots.get()), now=T0 + timedelta(minutes=10))
    reviews_release(learner_id=student.pk, now=T0 + timedelta(hours=1))
    right.refresh_from_db()
    assert right.reviews == 2 and right.due >= T0 + timedelta(days=1)


def test_the_mastery_rule():
    assert mastery([], total=10).level == "not_started"
    assert mastery([1.0] * 5, total=10) .percent == 50  # half the items seen and remembered
    assert mastery([0.95] * 8, total=10).level == "proficient"  # 76
    assert mastery([0.95] * 10, total=10).level == "mastered"  # 95
    assert mastery([0.5] * 10, total=10).level == "learning"


def test_mastery_decays_as_time_passes(student, seed_bank):
    section = seed_bank.sections.get(number=1)
    items = list(Item.objects.filter(section=section, status="published"))
    answer_all(attempt_create(learner=student, items=items))
    soon = progress_for(learner=student, now=T0 + timedelta(minutes=5)).chapters[0].sections[0].mastery
    later = progress_for(learner=student, now=T0 + timedelta(days=30)).chapters[0].sections[0].mastery
    assert soon.seen == soon.total == len(items) and soon.level in ("proficient", "mastered")
    assert later.percent < soon.percent


def test_the_streak_counts_days_in_a_row(student, seed_bank):
    items = list(Item.objects.filter(kind="true_false").order_by("id")[:4])
    for days_ago, item in zip((0, 1, 2, 4), items, strict=True):
        attempt = attempt_create(learner=student, items=[item])
        slot = attempt.slots.get()
        attempt_answer(slot=slot, response=json_answer(slot), now=T0)
        slot.answer.__class__.objects.filter(pk=slot.answer.pk).update(answered_at=T0 - timedelta(days=days_ago))
    summaries_rebuild(learner_ids=[student.pk])  # the answers were moved back in time behind the summaries' back
    assert progress_for(learner=student, now=T0).streak == 3
    assert progress_for(learner=student, now=T0 + timedelta(days=1)).streak == 3  # today not yet practised
    assert progress_for(learner=student, now=T0 + timedelta(days=2)).streak == 0


def test_practice_puts_due_items_first_then_the_weakest_skill(student, seed_bank):
    practised = list(Item.objects.filter(skill__in=["goal", "date"], status="published"))
    answer_all(attempt_create(learner=student, items=practised), at=T0)  # definitions stay the weakest
    due_item = practised[0]
    ReviewCard.objects.filter(item=due_item).update(due=T0)
    attempt = practice_start(learner=student, chapter=seed_bank, size=6, now=T0 + timedelta(minutes=5))
    items = [slot.item for slot in attempt.slots.order_by("position")]
    assert items[0] == due_item
    assert {item.skill for item in items[1:]} == {"definition"}
    assert len({item.pk for item in items}) == len(items) == 6


def test_a_session_never_holds_an_item_that_gives_another_away(student, seed_bank):
    from quizzes.drafts import leaks_among

    attempt = practice_start(learner=student, chapter=seed_bank, skill="date", size=20, now=T0)
    assert leaks_among([slot.item for slot in attempt.slots.all()]) == []


def test_review_only_takes_what_is_due(student, seed_bank):
    from quizzes.services.practice import PracticeRefused

    with pytest.raises(PracticeRefused):
        practice_start(learner=student, chapter=None, review_only=True, now=T0)
    items = list(Item.objects.filter(kind="true_false").order_by("id")[:3])  # they cannot leak keys
    answer_all(attempt_create(learner=student, items=items), at=T0)
    review_session = practice_start(learner=student, chapter=None, review_only=True, now=T0 + timedelta(hours=1))
    assert review_session.mode == "review" and review_session.slots.count() == 3
