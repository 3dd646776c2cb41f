"""What kind of thing an option is, so that options of mixed kinds can be caught.

>>> [option_type(t) for t in ("1997年", "2001年度", "1980年代前半", "5つ", "平成9年12月", "行政の効率化")]
['year', 'fiscal', 'decade', 'count', 'year', 'text']
"""

from __future__ import annotations

import re

from ..years import read_year

_COUNT = re.compile(r"^[0-9０-９]+(?:つ|項目|個)$")
_DECADE = re.compile(r"^[0-9０-９]{4}年代")


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
        return set(range(start, start + 10))
    year = read_year(text)
    if not year:
        return set()
    return {year.year, year.year + 1} if year.fiscal else {year.year}
