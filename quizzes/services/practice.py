"""Starting a practice or review session: which items, in which order, with options shuffled."""

from __future__ import annotations

import random
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from content.models import Chapter, Section
from quizzes.models import Attempt, AttemptItem, Item, ItemVersion, ReviewCard
from quizzes.scheduling import recall_probability
from quizzes.selectors.bank import leaking_pairs, published_items

from .reviews import reviews_release

DEFAULT_SIZE = 10
MAX_SIZE = 50


class PracticeRefused(ValueError):
    """Nothing to practise (an empty scope, nothing due); the message says why."""


@transaction.atomic
def practice_start(*, learner, chapter: Chapter | None, section: Section | None = None, skill: str = "",
                   size: int = DEFAULT_SIZE, review_only: bool = False, now: datetime | None = None) -> Attempt:
    """A session of up to ``size`` items: due reviews first, then the weakest skill, then unseen items.

    ``review_only`` takes only the items due now, from every chapter unless one is given.
    """
    now = now or timezone.now()
    reviews_release(learner_id=learner.pk, now=now)
    size = max(1, min(size, MAX_SIZE))
    scope = _scope(chapter, section, skill, learner)
    cards = {card.item_id: card for card in ReviewCard.objects.filter(learner=learner, item__in=scope)}
    candidates = _due(scope, cards, now) if review_only else _ordered(scope, cards, now, learner)
    chosen = _without_leaks(candidates, size)
    if not chosen:
        raise PracticeRefused(_("Nothing is due for review now.") if review_only
                              else _("There are no items to practise here yet."))
    mode = Attempt.Mode.REVIEW if review_only else Attempt.Mode.PRACTICE
    return attempt_create(learner=learner, items=chosen, mode=mode, chapter=chapter, section=section,
                              skill=skill, now=now)


@transaction.atomic
def attempt_create(*, learner, items: list[Item], mode: str = Attempt.Mode.PRACTICE,
                       chapter: Chapter | None = None, section: Section | None = None, skill: str = "",
                       now: datetime | None = None) -> Attempt:
    """An attempt at exactly these items, in this order, each at its current version, options shuffled."""
    attempt = Attempt.objects.create(learner=learner, mode=mode, chapter=chapter, section=section, skill=skill,
                                     started_at=now or timezone.now())
    attempt_add_slots(attempt, items)
    return attempt


def _scope(chapter, section, skill, learner) -> list[Item]:
    items = published_items(chapter=chapter, section=section, skill=skill, reader=learner)
    fields = ("id", "skill", "version", "options")  # what ordering, the leak check and the slots need
    return list(items.only(*fields).order_by("id"))


def _due(scope: list[Item], cards: dict, now: datetime) -> list[Item]:
    due = [item for item in scope if item.pk in cards and cards[item.pk].due <= now]
    return sorted(due, key=lambda item: cards[item.pk].due)


def _ordered(scope: list[Item], cards: dict, now: datetime, learner) -> list[Item]:
    recall = {item.pk: recall_probability(cards[item.pk].card, now) for item in scope if item.pk in cards}
    due = _due(scope, cards, now)
    weakest = _weakest_skill(scope, recall)
    rng = random.Random(f"{learner.pk}:{now.isoformat()}")
    unseen = [item for item in scope if item.pk not in cards]
    rng.shuffle(unseen)
    of_weakest = [item for item in unseen if item.skill == weakest] + sorted(
        (item for item in scope if item.skill == weakest and item.pk in recall), key=lambda item: recall[item.pk])
    weakest_seen_last = sorted((item for item in scope if item.pk in recall), key=lambda item: recall[item.pk])
    return list(dict.fromkeys([*due, *of_weakest, *unseen, *weakest_seen_last]))


def _weakest_skill(scope: list[Item], recall: dict[int, float]) -> str:
    """The skill whose items the learner would recall least (unseen items count as 0)."""
    totals: dict[str, list[float]] = {}
    for item in scope:
        totals.setdefault(item.skill, []).append(recall.get(item.pk, 0.0))
    return min(totals, key=lambda skill: sum(totals[skill]) / len(totals[skill])) if totals else ""


def _without_leaks(candidates: list[Item], size: int) -> list[Item]:
    """Items in order, skipping any that would give away, or be given away by, one already chosen
    (the pairs stored at generation: one query, whatever the size)."""
    clashes = leaking_pairs(item_ids=[item.pk for item in candidates])
    chosen, chosen_ids = [], set()
    for item in candidates:
        if len(chosen) == size:
            break
        if not clashes.get(item.pk, set()) & chosen_ids:
            chosen.append(item)
            chosen_ids.add(item.pk)
    return chosen


def attempt_add_slots(attempt: Attempt, items: list[Item], *, shuffle_options: bool = True) -> None:
    """The items in this order, each at its current version, options shuffled (seeded per attempt)."""
    versions = {v.item_id: v for v in ItemVersion.objects.filter(item__in=items, number=F("item__version"))}
    slots = []
    for position, item in enumerate(items, start=1):
        order = [option["id"] for option in item.options]
        if shuffle_options:
            random.Random(f"{attempt.pk}:{item.pk}").shuffle(order)
        slots.append(AttemptItem(attempt=attempt, position=position, item=item, version=versions[item.pk],
                                 option_order=order))
    AttemptItem.objects.bulk_create(slots)
