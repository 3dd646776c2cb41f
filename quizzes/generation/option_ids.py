"""Opaque option ids: an option's id says nothing about where it stands or whether it is the key.

Generators and teachers lay options out with positional ids (a, b, c…; 1, 2, 3… for a matching
item's terms), and for ordering and matching those ids follow the key: sorting them would answer the
item. Before an item is checked or stored its ids are replaced by a hash of the item's key and the
option's text, so they are stable while the option stays the same, and the key is remapped.

>>> from quizzes.generation.records import SourceRef
>>> draft = ItemDraft(key="k", kind="ordering", skill="date", prompt="古い順に", answer=["a", "b", "c"],
...                   explanation="", source=SourceRef(section=1), source_text="",
...                   options=[Option("a", "一"), Option("b", "二"), Option("c", "三")])
>>> opaque = with_opaque_ids(draft)
>>> [option.text for option in opaque.options], opaque.answer == [option.id for option in opaque.options]
(['一', '二', '三'], True)
>>> sorted(opaque.answer) == opaque.answer, len(opaque.options[0].id)
(False, 8)
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from .kinds import Kind
from .records import ItemDraft, Option


def _ids(item_key: str, side: str, options: list[Option]) -> dict[str, str]:
    """Old id → opaque id; two options with the same text get different ids."""
    mapping: dict[str, str] = {}
    for index, option in enumerate(options):
        seed, attempt = f"{item_key}\x1f{side}\x1f{option.text}", 0
        opaque = hashlib.blake2s(seed.encode(), digest_size=4).hexdigest()
        while opaque in mapping.values():
            attempt += 1
            opaque = hashlib.blake2s(f"{seed}\x1f{index}\x1f{attempt}".encode(), digest_size=4).hexdigest()
        mapping[option.id] = opaque
    return mapping


def with_opaque_ids(draft: ItemDraft) -> ItemDraft:
    """The draft with opaque ids on both sides and its key remapped (short answers and true/false have
    no ids to hide)."""
    if not draft.options and not draft.left:
        return draft
    right, left = _ids(draft.key, "option", draft.options), _ids(draft.key, "left", draft.left)
    return replace(
        draft,
        options=[Option(right[o.id], o.text) for o in draft.options],
        left=[Option(left[o.id], o.text) for o in draft.left],
        answer=_remapped(draft.kind, draft.answer, right, left),
    )


def _remapped(kind: str, answer, right: dict[str, str], left: dict[str, str]):
    if kind == Kind.MATCHING and isinstance(answer, dict):
        return {left.get(l_id, l_id): right.get(r_id, r_id) for l_id, r_id in answer.items()}
    if kind in (Kind.MULTIPLE_RESPONSE, Kind.ORDERING) and isinstance(answer, list):
        return [right.get(option_id, option_id) for option_id in answer]
    if kind in (Kind.SINGLE_CHOICE, Kind.CLOZE) and isinstance(answer, str):
        return right.get(answer, answer)
    return answer


def option_position(draft: ItemDraft, option_id: str) -> int | None:
    """Where an option stands in the draft's own order (0 first), or None."""
    return next((index for index, option in enumerate(draft.options) if option.id == option_id), None)
