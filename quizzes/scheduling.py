"""FSRS review scheduling (package ``fsrs``): a wrong answer rates Again, a right one Good.

Binary outcomes are rated Again/Good as the fsrs maintainers suggest when there is no self-rating;
response times from school laptops say more about the network and the class than about recall, so
they do not pick Hard or Easy. Every time is UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from fsrs import Card, Rating, Scheduler


@dataclass(frozen=True)
class Reviewed:
    card: dict
    log: dict
    due: datetime
    rating: int
    stability: float | None
    difficulty: float | None


def scheduler() -> Scheduler:
    return _scheduler(settings.FSRS_DESIRED_RETENTION, settings.FSRS_FUZZING)


@cache
def _scheduler(desired_retention: float, enable_fuzzing: bool) -> Scheduler:
    # Built once per setting: the dashboard asks for the recall of every card, and building a Scheduler
    # validates its parameters each time.
    return Scheduler(desired_retention=desired_retention, enable_fuzzing=enable_fuzzing)


def review(card: dict | None, *, correct: bool, at: datetime) -> Reviewed:
    """The card after one review at ``at`` (a new card when ``card`` is None)."""
    rating = Rating.Good if correct else Rating.Again
    current = Card.from_dict(card) if card else Card(card_id=1, due=at.astimezone(UTC))
    updated, log = scheduler().review_card(current, rating, review_datetime=at.astimezone(UTC))
    return Reviewed(card=updated.to_dict(), log=log.to_dict(), due=updated.due, rating=int(rating),
                    stability=updated.stability, difficulty=updated.difficulty)


def recall_probability(card: dict, at: datetime) -> float:
    """FSRS's retrievability: the predicted probability of recalling the item at ``at``."""
    return scheduler().get_card_retrievability(Card.from_dict(card), current_datetime=at.astimezone(UTC))
