"""Across the items of one quiz or practice session: does one item give another's key away?

The stem and the explanation (shown after answering) of each item are searched for the written
forms of every other item's key. Both sides are folded once per item (``LeakProfile``), so checking
a pair is a substring test: the pairs of a whole bank are computed at generation and stored, and a
session is assembled from them without checking anything again.

>>> giver = leak_profile("g", "札幌市は1997年に構想を策定した。", "", [])
>>> receiver = leak_profile("r", "（　）年に策定した。", "", ["1997年", "平成9年"])
>>> [(leak.giver, leak.receiver, leak.form) for leak in leak_pairs([giver, receiver], [giver, receiver])]
[('g', 'r', '1997年')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..folding import fold
from ..records import ItemDraft


@dataclass(frozen=True)
class Leak:
    giver: str  # the key of the item that shows the answer
    receiver: str  # the key of the item whose answer is shown
    form: str


@dataclass(frozen=True)
class LeakProfile:
    """What an item shows (its stem and explanation) and the forms of its key, folded."""

    key: str
    shown: str
    forms: tuple[tuple[str, str], ...]  # (the form as written, folded)


def leak_profile(key: str, prompt: str, explanation: str, answer_forms: Iterable[str]) -> LeakProfile:
    forms = tuple((form, fold(form)) for form in answer_forms if form)
    return LeakProfile(key, fold(f"{prompt}\n{explanation}"), tuple((f, folded) for f, folded in forms if folded))


def leak_pairs(givers: Iterable[LeakProfile], receivers: Iterable[LeakProfile]) -> list[Leak]:
    """Every (giver, receiver) pair where the giver shows a form of the receiver's key."""
    receivers = [receiver for receiver in receivers if receiver.forms]
    leaks = []
    for giver in givers:
        for receiver in receivers:
            if receiver.key == giver.key:
                continue
            form = next((written for written, folded in receiver.forms if folded in giver.shown), None)
            if form:
                leaks.append(Leak(giver.key, receiver.key, form))
    return leaks


def cross_item_leaks(items: list[ItemDraft]) -> list[Leak]:
    profiles = [leak_profile(item.key, item.prompt, item.explanation, item.answer_forms) for item in items]
    return leak_pairs(profiles, profiles)
