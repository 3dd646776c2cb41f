"""Written forms of a year, and typed years read back.

>>> year_forms(1997)
['1997', '1997年', '平成9年', '平成９年', 'H9']
>>> year_forms(2001, fiscal=True)
['2001', '2001年度', '平成13年度', '平成１３年度', 'H13年度', 'H13']
>>> read_year("平成九年")
YearAnswer(year=1997, fiscal=False, decade=False)
>>> read_year("H13年度"), read_year("１９８０年代")
(YearAnswer(year=2001, fiscal=True, decade=False), YearAnswer(year=1980, fiscal=False, decade=True))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from content.parsing.dates import ERA_OFFSETS
from content.parsing.text import to_int

ERA_INITIALS = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}
_ERA_STARTS = sorted(((offset + 1, era) for era, offset in ERA_OFFSETS.items()), reverse=True)
_NUMERAL = r"(?:元|\d{1,2}|[一二三四五六七八九十]{1,3})"
_TYPED = re.compile(
    rf"""^(?:
        (?P<era>{'|'.join(ERA_OFFSETS)}|[MTSHRmtshr])(?P<era_year>{_NUMERAL})(?:年)?(?P<era_fy>度)?
        | (?P<year>\d{{4}})(?:(?P<decade>年代)|年(?P<fy>度)?)?
    )(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class YearAnswer:
    year: int
    fiscal: bool
    decade: bool


def era_of(year: int) -> tuple[str, int] | None:
    """The era and era year of a Western year (from 明治 on): 1997 → ("平成", 9)."""
    for first_year, era in _ERA_STARTS:
        if year >= first_year:
            return era, year - first_year + 1
    return None


def era_label(year: int, fiscal: bool = False) -> str:
    era = era_of(year)
    if not era:
        return ""
    name, number = era
    return f"{name}{'元' if number == 1 else number}年{'度' if fiscal else ''}"


def year_forms(year: int, *, fiscal: bool = False) -> list[str]:
    """The ways the text or a learner writes ``year``; for 年度 the bare number and era initial too."""
    suffix = "年度" if fiscal else "年"
    forms = [str(year), f"{year}{suffix}"]
    era = era_of(year)
    if era:
        name, number = era
        forms += [f"{name}{number}{suffix}", f"{name}{_full_width(number)}{suffix}"]
        forms += [f"{name}元{suffix}"] if number == 1 else []
        forms += [f"{ERA_INITIALS[name]}{number}{'年度' if fiscal else ''}"]
        if fiscal:
            forms.append(f"{ERA_INITIALS[name]}{number}")
    return list(dict.fromkeys(forms))


def decade_forms(decade: int) -> list[str]:
    return [f"{decade}年代", str(decade)]


def read_year(typed: str) -> YearAnswer | None:
    """A typed year (Western, era name or initial, kanji or full-width numerals) or None."""
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", typed))
    match = _TYPED.match(text)
    if not match:
        return None
    if match["year"]:
        return YearAnswer(int(match["year"]), bool(match["fy"]), bool(match["decade"]))
    era = match["era"]
    era = next((name for name, initial in ERA_INITIALS.items() if initial == era.upper()), era)
    return YearAnswer(ERA_OFFSETS[era] + to_int(match["era_year"]), bool(match["era_fy"]), False)


def _full_width(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
