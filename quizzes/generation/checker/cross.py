"""Across the items of one quiz or practice session: does one item give another's key away?

The stem and the explanation (shown after answering) of each item are searched for the written
forms of every other item's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..folding import contains_form
from ..records import ItemDraft


@dataclass(frozen=True)
class Leak:
    giver: str  # the key of the item that shows the answer
    receiver: str  # the key of the item whose answer is shown
    form: str


def cross_item_leaks(items: list[ItemDraft]) -> list[Leak]:
    leaks = []
    for giver in items:
        shown = f"{giver.prompt}\n{giver.explanation}"
        for receiver in items:
            if receiver is giver:
                continue
            form = next((f for f in receiver.answer_forms if contains_form(shown, f)), None)
            if form:
                leaks.append(Leak(giver.key, receiver.key, form))
    return leaks
