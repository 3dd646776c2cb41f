"""A quiz set's results as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that Excel reads
the Japanese right), and no cell a spreadsheet would run as a formula.

>>> cell("-2+3"), cell("=HYPERLINK(1)"), cell("hanako"), cell(12.5)
("'-2+3", "'=HYPERLINK(1)", 'hanako', 12.5)
"""

from __future__ import annotations

import csv

from django.utils.translation import gettext as _

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A text that a spreadsheet would read as a formula gets a leading apostrophe, shown as text."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def write_results_csv(out, results) -> None:
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_("Student"), _("Attempts"), _("Grade (%)"), _("Time taken (minutes)"), _("Finished")])
    for row in results.students:
        writer.writerow([cell(value) for value in (
            row.username, row.attempts, "" if row.grade is None else round(row.grade * 100, 1),
            "" if row.time_taken is None else round(row.time_taken.total_seconds() / 60, 1),
            row.last_finished.isoformat() if row.last_finished else "",
        )])
