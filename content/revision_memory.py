"""A worker's memory of public chapters' revisions, kept for ``REVISION_MEMORY_SECONDS`` (one second).

Every lesson and glossary request needs its chapter's id and revision to find its kept page
(content/page_cache.py). For a public chapter that answer is the same for every reader, so a worker
remembers it for a moment instead of asking the database on each request. The price is bounded by
construction: a change made through another app server (an edit, an import, a chapter made private)
shows on this one at most that long later. A change made through this worker is seen at once: raising
a revision forgets everything remembered, when it is written and again when it is committed.

The dashboards' marker of the item bank and the chapters (quizzes/selectors/dashboard_marker.py) is
remembered here too, and forgotten the same way by the services that change items.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

from django.conf import settings
from django.db import transaction

LIMIT = 10_000  # entries; beyond it the memory starts again (a worker never holds more than this)

_remembered: dict[Hashable, tuple[float, object]] = {}


def remembered(key: Hashable, look_up: Callable[[], object]):
    """``look_up()``, or what it gave for ``key`` less than ``REVISION_MEMORY_SECONDS`` ago. None (no
    such public chapter or section) is never remembered: the request goes on to the reader's own query."""
    seconds = settings.REVISION_MEMORY_SECONDS
    if seconds <= 0:
        return look_up()
    now = time.monotonic()
    kept = _remembered.get(key)
    if kept is not None and kept[0] > now:
        return kept[1]
    found = look_up()
    if found is not None:
        if len(_remembered) >= LIMIT:
            _remembered.clear()
        _remembered[key] = (now + seconds, found)
    return found


def forget() -> None:
    """Forget every revision remembered, now and once the transaction that changed one commits (so
    that a request served in between cannot leave the old one remembered)."""
    _remembered.clear()
    transaction.on_commit(_remembered.clear)
