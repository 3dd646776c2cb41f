"""What kind of thing an option is, so that options of mixed kinds can be caught.

>>> [option_type(t) for t in ("1997年", "2001年度", "1980年代前半", "5つ", "平成9年12月", "行政の効率化")]
['year', 'fiscal', 'decade', 'count', 'year', 'text']
>>> sorted(years_covered("2020年代後半")), len(years_covered("1980年代"))
([2025, 2026, 2027, 2028, 2029], 10)
"""

from __future__ import annotations

import re

from ..years import read_year

_COUNT = re.compile(r"^[0-9０-９]+(?:つ|項目|個)$")
_DECADE = re.compile(r"^[0-9０-９]{4}年代")
_DECADE_PARTS = {"前半": (0, 4), "初頭": (0, 2), "半ば": (3, 6), "中盤": (3, 6), "中頃": (3, 6), "後半": (5, 9),
                 "末": (7, 9)}


def option_type(text: str) -> str:
    if _DECADE.match(text):
        return "decade"
    if _COUNT.match(text):
        return "count"
    year = read_year(text)
    if year:
        return "fiscal" if year.fiscal else "year"
    return "text"


def years_covered(text: str) -> set[int]:
    """Calendar years an option may mean: a 年度 runs into the next year; empty for non-years."""
    if _DECADE.match(text):
        start = int(text[:4])
        first, last = next((span for part, span in _DECADE_PARTS.items() if part in text), (0, 9))
        return set(range(start + first, start + last + 1))
    year = read_year(text)
    if not year:
        return set()
    return {year.year, year.year + 1} if year.fiscal else {year.year}
