"""Bring a table's rows in line with what a parse wants, keeping the primary keys of what matches.

Matching comes first (by natural keys, or by aligning texts); ``apply_rows`` then updates matched
rows that differ, creates the new ones and deletes the leftovers, recording each change.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import models

# While rows trade places (paragraph 3 becomes 4), their unique position passes through this range.
_TEMPORARY_OFFSET = 1_000_000_000
_POSITION_FIELDS = {"position", "after_paragraph"}


@dataclass(frozen=True)
class Change:
    kind: str
    action: str  # "added", "changed", "removed"
    label: str


@dataclass
class ChangeLog:
    changes: list[Change] = field(default_factory=list)

    def record(self, kind: str, action: str, label: str) -> None:
        self.changes.append(Change(kind, action, label))


Pairs = list[tuple[models.Model | None, dict]]


def match_by_keys(existing: Sequence[models.Model], desired: list[dict], keys: list[tuple[str, ...]]):
    """Pair each wanted row with an existing one equal on the first key that finds one."""
    remaining = list(existing)
    matched: list[models.Model | None] = [None] * len(desired)
    for key in keys:
        buckets: dict[tuple, list[models.Model]] = {}
        for row in remaining:
            buckets.setdefault(tuple(getattr(row, name) for name in key), []).append(row)
        for index, values in enumerate(desired):
            bucket = buckets.get(tuple(values[name] for name in key))
            if matched[index] is None and bucket:
                matched[index] = bucket.pop(0)
                remaining.remove(matched[index])
    return list(zip(matched, desired)), remaining


def match_by_alignment(existing: Sequence[models.Model], desired: list[dict], text_field: str):
    """Pair rows in order the way ``diff`` would: unchanged texts keep their rows across insertions."""
    old = [getattr(row, text_field) for row in existing]
    new = [values[text_field] for values in desired]
    matched: list[models.Model | None] = [None] * len(desired)
    leftovers = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag in ("equal", "replace") else 0
        for offset in range(paired):
            matched[j1 + offset] = existing[i1 + offset]
        leftovers.extend(existing[i1 + paired:i2])
    return list(zip(matched, desired)), leftovers


def apply_rows(
    model: type[models.Model],
    pairs: Pairs,
    leftovers: Sequence[models.Model],
    *,
    log: ChangeLog,
    kind: str,
    label: Callable[[dict], str],
    unique_field: str | None = None,
) -> list[models.Model]:
    """Write the matched pairs (after deleting ``leftovers``); return the rows in the order of ``pairs``."""
    remove_rows(model, leftovers, log=log, kind=kind, label=label)
    if unique_field:
        _move_aside(model, pairs, unique_field)
    rows = [_update(row, values, log, kind, label) if row else model(**values) for row, values in pairs]
    new_rows = [row for row, (old, _) in zip(rows, pairs) if old is None]
    model.objects.bulk_create(new_rows)
    for row in new_rows:
        log.record(kind, "added", label(_values_of(row)))
    return rows


def remove_rows(model, leftovers: Sequence[models.Model], *, log: ChangeLog, kind: str, label) -> None:
    for row in leftovers:
        log.record(kind, "removed", label(_values_of(row)))
    model.objects.filter(pk__in=[row.pk for row in leftovers]).delete()


def _move_aside(model, pairs: Pairs, unique_field: str) -> None:
    moving = [row.pk for row, values in pairs if row and getattr(row, unique_field) != values[unique_field]]
    for pk in moving:
        model.objects.filter(pk=pk).update(**{unique_field: _TEMPORARY_OFFSET + pk})


def _update(row: models.Model, values: dict, log: ChangeLog, kind: str, label) -> models.Model:
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
        if set(changed) - _POSITION_FIELDS:
            log.record(kind, "changed", label(values))
    return row


def _values_of(row: models.Model) -> dict:
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
