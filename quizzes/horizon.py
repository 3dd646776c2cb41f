"""The next moment at which a page read now would show something else by time alone: a review falling
due, an assignment opening or closing, a set's feedback released at its close, the day turning. A kept
page is served until then (quizzes/views/learning.py: the dashboard), so that time changes it exactly
when it would have changed the page rendered afresh.

>>> from datetime import datetime, UTC
>>> horizon = Horizon(now=datetime(2026, 12, 4, 9, tzinfo=UTC))
>>> horizon.note(datetime(2026, 12, 4, 8, tzinfo=UTC)); horizon.note(None); horizon.at is None
True
>>> horizon.note(datetime(2026, 12, 5, tzinfo=UTC)); horizon.note(datetime(2026, 12, 4, 12, tzinfo=UTC))
>>> horizon.at.hour
12
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Horizon:
    now: datetime
    at: datetime | None = None  # the earliest moment noted after ``now``

    def note(self, moment: datetime | None) -> None:
        """A moment at which what was read changes (one in the past or None changes nothing)."""
        if moment is not None and moment > self.now and (self.at is None or moment < self.at):
            self.at = moment
