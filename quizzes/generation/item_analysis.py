"""Item analysis as Moodle's quiz statistics report it (ITEM_QUALITY.md: "After items are used").

Each graded attempt is a mapping of item id to the fraction of the mark scored (0–1).

- Facility index: the mean fraction scored on the item.
- Discrimination index: the correlation of the item's score with the score on the rest of the test
  (the attempt's total without this item), over the attempts that contain the item — Moodle's
  corrected item-total correlation. None when either varies not at all.

>>> attempts = [{"q1": 1, "q2": 1}, {"q1": 1, "q2": 0}, {"q1": 0, "q2": 0}]
>>> stats = item_statistics(attempts)
>>> round(stats["q1"].facility, 3), round(stats["q1"].discrimination, 3)
(0.667, 0.5)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import sqrt

LOW_FACILITY = 0.3
HIGH_FACILITY = 0.9
LOW_DISCRIMINATION = 0.2


@dataclass
class ItemStatistics:
    attempts: int
    facility: float
    discrimination: float | None
    flags: list[str] = field(default_factory=list)


def item_statistics(attempts: list[dict]) -> dict:
    items = {item for attempt in attempts for item in attempt}
    return {item: _statistics(item, [a for a in attempts if item in a]) for item in sorted(items, key=str)}


def _statistics(item, attempts: list[dict]) -> ItemStatistics:
    scores = [float(attempt[item]) for attempt in attempts]
    rest = [sum(float(v) for k, v in attempt.items() if k != item) for attempt in attempts]
    facility = sum(scores) / len(scores)
    discrimination = correlation(scores, rest)
    return ItemStatistics(len(scores), facility, discrimination, flags(facility, discrimination))


def correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's r; None when there are fewer than two values or one side does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread_x = sqrt(sum((x - mean_x) ** 2 for x in xs))
    spread_y = sqrt(sum((y - mean_y) ** 2 for y in ys))
    if spread_x == 0 or spread_y == 0:
        return None
    return covariance / (spread_x * spread_y)


def flags(facility: float, discrimination: float | None) -> list[str]:
    found = []
    if facility < LOW_FACILITY:
        found.append("too_hard")
    if facility > HIGH_FACILITY:
        found.append("too_easy")
    if discrimination is not None and discrimination < 0:
        found.append("negative_discrimination")
    elif discrimination is not None and discrimination < LOW_DISCRIMINATION:
        found.append("low_discrimination")
    return found


def option_counts(option_ids: list[str], responses: list) -> dict[str, int]:
    """How often each option was chosen (a multiple-response answer counts each choice)."""
    counts = dict.fromkeys(option_ids, 0)
    for response in responses:
        for chosen in response if isinstance(response, list) else [response]:
            if chosen in counts:
                counts[chosen] += 1
    return counts
