"""A quiz set's results as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that Excel reads
the Japanese right), and no cell a spreadsheet would run as a formula.

Times are in the site's time zone (Japan time, as the pages show them), to the second; time taken
is minutes:seconds.

>>> cell("-2+3"), cell("=HYPERLINK(1)"), cell("hanako"), cell(12.5)
("'-2+3", "'=HYPERLINK(1)", 'hanako', 12.5)
>>> from datetime import timedelta
>>> minutes_seconds(timedelta(seconds=6.4)), minutes_seconds(timedelta(minutes=72, seconds=5))
('0:06', '72:05')
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A text that a spreadsheet would read as a formula gets a leading apostrophe, shown as text."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def write_results_csv(out, results) -> None:
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_("Student"), _("Attempts"), _("Grade (%)"), _("Time taken (min:s)"), _("Finished")])
    for row in results.students:
        writer.writerow([cell(value) for value in (
            row.username, row.attempts, "" if row.grade is None else round(row.grade * 100, 1),
            "" if row.time_taken is None else minutes_seconds(row.time_taken),
            local_time(row.last_finished) if row.last_finished else "",
        )])


def minutes_seconds(taken: timedelta) -> str:
    minutes, seconds = divmod(round(taken.total_seconds()), 60)
    return f"{minutes}:{seconds:02d}"


def local_time(moment: datetime) -> str:
    """「2026-12-01T17:04:09+09:00」: the time the pages show, with its offset, to the second."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()
