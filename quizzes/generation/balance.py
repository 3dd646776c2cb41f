"""A bank worth studying: at most two items ask about one fact.

A fact is what an item's key names after its variant: one glossary term, one dated event, one goal of
a list. A term could be asked six ways; a learner who has answered two of them has learnt little more
from the other four, and a bank of six near-copies per term drowns everything else.

A generator writes a fact's ways of asking in the order it would keep them (turning the order from
fact to fact, so that the bank holds every way of asking); an item a person has edited or a learner
has answered is always kept, and a clean item goes before one the checker flagged.

>>> fact_of("seed:definition:cloze:ICT")
'definition:ICT'
>>> drafts = [ItemDraft(f"s:definition:{v}:ICT", "single_choice", "definition", "", "a", "", SourceRef(1), "")
...           for v in ("one", "two", "three", "four")]
>>> kept = [d.key.split(":")[2] for d in at_most_per_fact(drafts, flagged=set(), keep={"s:definition:four:ICT"})]
>>> len(kept), "four" in kept
(2, True)
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .kinds import Kind
from .records import ItemDraft, SourceRef, fact_of  # noqa: F401 (SourceRef: the doctest)

ITEMS_PER_FACT = 2


def at_most_per_fact(drafts: list[ItemDraft], *, flagged: set[str], keep: set[str],
                     limit: int = ITEMS_PER_FACT) -> list[ItemDraft]:
    """``drafts`` (in their order) with no more than ``limit`` per fact, unless more are to be kept."""
    by_fact: dict[str, list[ItemDraft]] = defaultdict(list)
    for draft in drafts:
        by_fact[fact_of(draft.key)].append(draft)
    chosen: set[str] = set()
    for asked in by_fact.values():
        chosen.update(draft.key for draft in _varied(_preferred(asked, flagged, keep), max(limit, _kept(asked, keep))))
    return [draft for draft in drafts if draft.key in chosen]


def _varied(preferred: list[ItemDraft], count: int) -> list[ItemDraft]:
    """The first ``count`` of ``preferred``, passing over a draft alike to one already taken while an
    unlike one is left."""
    taken: list[ItemDraft] = []
    for draft in preferred:
        if len(taken) < count and not any(_alike(draft, other) for other in taken):
            taken.append(draft)
    return taken + [draft for draft in preferred if draft not in taken][:count - len(taken)]


def _alike(one: ItemDraft, other: ItemDraft) -> bool:
    """Two items that teach a fact once: the same quoted sentence (a year chosen and the same year typed),
    or a true and a false statement about one definition."""
    same_stem = "\n" in one.prompt and one.prompt.rsplit("\n", 1)[-1] == other.prompt.rsplit("\n", 1)[-1]
    return same_stem or one.kind == other.kind == Kind.TRUE_FALSE


def facts_asked_too_often(keys: list[str], limit: int = ITEMS_PER_FACT) -> dict[str, int]:
    """The facts more than ``limit`` of ``keys`` ask about, with how many do."""
    counts = Counter(fact_of(key) for key in keys)
    return {fact: count for fact, count in counts.items() if count > limit}


def _kept(asked: list[ItemDraft], keep: set[str]) -> int:
    return sum(draft.key in keep for draft in asked)


def _preferred(asked: list[ItemDraft], flagged: set[str], keep: set[str]) -> list[ItemDraft]:
    """Kept items first, then clean ones, each in the order its generator prefers them."""
    return sorted(asked, key=lambda draft: (draft.key not in keep, draft.key in flagged))
