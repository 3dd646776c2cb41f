"""Across the bank: keys spread evenly over option positions.

>>> key_position_balance([("a", 4)] * 30 + [("b", 4)] * 2 + [("c", 4)] * 2 + [("d", 4)] * 2)[0].counts
{'a': 30, 'b': 2, 'c': 2, 'd': 2}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..assembly import OPTION_IDS
from ..balance import ITEMS_PER_FACT, facts_asked_too_often

# Chi-square critical values at p = 0.01 by degrees of freedom (positions − 1).
CRITICAL = {1: 6.63, 2: 9.21, 3: 11.34, 4: 13.28, 5: 15.09}
MINIMUM_ITEMS = 5  # per position, for the test to mean anything


@dataclass(frozen=True)
class BankFinding:
    rule: str
    message: str
    counts: dict[str, int]
    params: dict = field(default_factory=dict)


def key_position_balance(keys: list[tuple[str, int]]) -> list[BankFinding]:
    """``keys`` holds (key option id, number of options) for each single-choice item."""
    by_size: dict[int, Counter] = defaultdict(Counter)
    for key_id, size in keys:
        by_size[size][key_id] += 1
    findings = []
    for size, counts in sorted(by_size.items()):
        total = sum(counts.values())
        if size - 1 not in CRITICAL or total < MINIMUM_ITEMS * size:
            continue
        expected = total / size
        positions = OPTION_IDS[:size]
        statistic = sum((counts[p] - expected) ** 2 / expected for p in positions)
        if statistic > CRITICAL[size - 1]:
            shown = {p: counts[p] for p in positions}
            findings.append(BankFinding("key_position_bias",
                                        f"Keys of {size}-option items are unevenly placed: {shown}.", shown,
                                        {"size": size, "shown": ", ".join(f"{p} {n}" for p, n in shown.items())}))
    return findings


def too_many_per_fact(keys: list[str]) -> list[BankFinding]:
    """More than two items asking about one fact (a term asked six ways, one event three times)."""
    return [BankFinding("too_many_per_fact", f"{count} items ask about「{fact}」(at most {ITEMS_PER_FACT}).",
                        {fact: count}, {"fact": fact.split(":", 1)[1], "count": count, "limit": ITEMS_PER_FACT})
            for fact, count in sorted(facts_asked_too_often(keys).items())]
