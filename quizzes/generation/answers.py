"""Whether a typed answer matches a short-answer item's accepted strings.

Folding (``fold``) accepts another script or width; when the accepted strings are years, any
written form of the same year is accepted (平成９年, H9, 1997年), and a fiscal-year key accepts
its 年度 forms and the bare year.

>>> answer_matches("すまーとふぉん", ["スマートフォン"])
True
>>> answer_matches("H9", ["1997", "1997年"])
True
>>> answer_matches("1998", ["1997", "1997年"])
False
"""

from __future__ import annotations

from .folding import fold
from .years import YearAnswer, read_year


def answer_matches(typed: str, accepted: list[str]) -> bool:
    if not typed.strip():
        return False
    folded = fold(typed)
    if any(folded == fold(form) for form in accepted):
        return True
    key = _year_key(accepted)
    given = read_year(typed)
    return bool(key and given and _same_year(given, key))


def _year_key(accepted: list[str]) -> YearAnswer | None:
    years = [read_year(form) for form in accepted]
    if not years or any(year is None for year in years):
        return None
    fiscal = any(year.fiscal for year in years)
    return YearAnswer(years[0].year, fiscal, all(year.decade for year in years if year))


def _same_year(given: YearAnswer, key: YearAnswer) -> bool:
    if given.year != key.year or given.decade != key.decade:
        return False
    return key.fiscal or not given.fiscal  # 「1997年度」 is not the calendar year 1997
