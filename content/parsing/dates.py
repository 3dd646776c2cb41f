"""Dates in running text, and the events they place in time: a small grammar of Japanese dates.

A date is Western-first or era-first, either with the other in parentheses, in half- or full-width
digits, with 元年, a month and a day; or a range (令和２～６年度), a decade or a part of one
(昭和50年代, 1990年代中盤), an approximate year (明治20年頃), or a year relative to the date before it
(同年, 翌年度, 同月). Each keeps its precision and the span of years it covers.

>>> [(d.text, d.year, d.month, d.fiscal_year) for d in find_dates("平成９年（1997年）12月、札幌市は")]
[('平成９年（1997年）12月', 1997, 12, False)]
>>> [(d.text, d.year, d.span, d.precision) for d in find_dates("1990年代中盤以降も")]
[('1990年代中盤', 1990, (1993, 1996), 'decade_part')]
>>> [(d.year, d.end_year, d.precision) for d in find_dates("昭和50年代から")]
[(1975, 1984, 'decade')]
>>> [(d.year, d.month, d.era_year) for d in find_dates("2019年（令和元年）10月に")]
[(2019, 10, 1)]
>>> [(d.year, d.end_year, d.fiscal_year) for d in find_dates("平成27～令和元年度の計画")]
[(2015, 2019, True)]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .text import to_int

# The year before each era's first year (元年): 平成元年 is 1989.
ERA_OFFSETS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}

_D = "[0-9０-９]"
_ERA = "|".join(ERA_OFFSETS)
_TILDE = "[～〜~－\\-―ー]"
_DATE = re.compile(
    rf"""(?<![0-9０-９])(?:
        (?P<range_era>{_ERA})(?P<range_from>元|{_D}{{1,2}})(?:年(?:度)?)?{_TILDE}
            (?P<range_era_to>{_ERA})?(?P<range_to>元|{_D}{{1,2}})年(?P<range_fy>度)?
        | (?P<wrange_from>{_D}{{4}})(?:年(?:度)?)?{_TILDE}(?P<wrange_to>{_D}{{4}})年(?P<wrange_fy>度)?
        | (?P<era_decade_era>{_ERA})(?P<era_decade>{_D}?[0０])年代(?P<era_part>前半|後半|中盤|半ば|初頭|初め|終盤|末)?
        | (?P<decade>{_D}{{3}}[0０])年代(?P<part>前半|後半|中盤|半ば|初頭|初め|終盤|末)?
        | (?P<west>{_D}{{4}})(?:年(?P<west_fy>度)?)?（(?P<west_era>{_ERA})(?P<west_era_year>元|{_D}{{1,2}})年?
            (?P<west_era_fy>度)?）(?(west_fy)|年?(?P<west_fy2>度)?)
        | (?P<era>{_ERA})(?P<era_year>元|{_D}{{1,2}})
            (?:年(?P<era_fy>度)?(?:（(?P<paren_year>{_D}{{4}})年(?P<paren_fy>度)?）)?
              | （(?P<inner_year>{_D}{{4}})）年(?P<inner_fy>度)?)
        | (?P<year>{_D}{{4}})年(?P<fy>度)?
        | (?P<relative>同|翌)(?:年(?P<relative_fy>度)?|(?P<same_month>月))(?![代齢生輩])
    )
    (?:(?P<month>{_D}{{1,2}})月)?(?:(?P<day>{_D}{{1,2}})日)?
    (?P<about>頃|ごろ|前後)?""",
    re.VERBOSE,
)
# Where in a decade each part falls (first year, last year, counted from the decade's start).
_PARTS = {"前半": (0, 4), "後半": (5, 9), "中盤": (3, 6), "半ば": (3, 6), "初頭": (0, 2), "初め": (0, 2),
          "終盤": (7, 9), "末": (7, 9)}
_CONNECTIVE = re.compile(r"(?:さらに|また|そして|加えて|その後|次いで|併せて|なお)、?$")
_LEADING_CONNECTIVE = re.compile(r"^(?:さらに|また|そして|加えて|その後|次いで|併せて|なお)、")
_QUOTED = re.compile(r"「([^「」]+)」")

# What may follow a year that places something in time; any other word glued to it makes a name
# (「2024年問題」, 「平成27年国勢調査」, 「令和元年東日本台風」).
_ADVERBIAL_FOLLOWERS = tuple("度代頃以当末初中春夏秋冬来比時現上下半間前後")
_LAW_NUMBER = re.compile(r"^(?:法律|条例|政令|省令|告示|規則|訓令)第")
_AS_OF = re.compile(r"^[）)]?(?:時点|現在|調べ|調査時点|末日?現在|末時点)")
_TARGET_AFTER = re.compile(r"^(?:まで(?:に|の|を)?|を(?:目標|目途|めど|目指)|目標|の(?:目標|達成)|に向け)")
# 「2060年には8,674万人程度に減少すると推計されています」: a projection is not history either.
_PROJECTION = re.compile(r"^[^。]*?(?:推計|見込まれ|見込み|予測|見通し|想定され|予想され)")
_TARGET_BEFORE = re.compile(r"(?:目標年度?|計画期間|目標)[はを：:]?\s*$")


@dataclass(frozen=True)
class FoundDate:
    text: str
    start: int
    end: int
    year: int  # the year the text names: a range's first, a decade's first (1990 of 1990年代中盤)
    month: int | None
    day: int | None
    fiscal_year: bool
    approximate: bool
    precision: str  # day, month, year, range, decade, decade_part, approximate
    era: str | None
    era_year: int | None
    conflict: str | None  # the era and the Western year disagree
    span: tuple[int, int] = (0, 0)  # the first and last year the date may mean (inclusive)
    relative: bool = False  # 同年, 翌年度…: resolved from the date before

    @property
    def end_year(self) -> int:
        return self.span[1]


def find_dates(text: str, previous: FoundDate | None = None) -> list[FoundDate]:
    """Every date in ``text``; a relative date takes its year from the one before it (``previous``
    for the first), and is left out when there is none."""
    found = []
    for match in _DATE.finditer(text):
        date = _found_date(match, found[-1] if found else previous)
        if date is not None:
            found.append(date)
    return found


def event_dates(sentence: str, previous: FoundDate | None = None) -> tuple[list[FoundDate], list[FoundDate]]:
    """(events, targets): the dates that place something in time, and deadlines, target years and
    projections (「2050年までに」, 「目標年度は令和７年度」, 「2060年には…と推計」). Law numbers, names
    holding a year, as-of stamps (「令和３年７月時点」) and dates with nothing said of them are neither."""
    events, targets = [], []
    for date in find_dates(sentence, previous):
        after, before = sentence[date.end:], sentence[:date.start]
        if _LAW_NUMBER.match(after) or _AS_OF.match(after) or _is_name(date, sentence):
            continue
        if _TARGET_AFTER.match(after) or _TARGET_BEFORE.search(before) or _PROJECTION.search(after):
            targets.append(date)
        elif _says_something(sentence):
            events.append(date)
    return events, targets


def last_date(sentence: str, previous: FoundDate | None) -> FoundDate | None:
    """The date a following 同年 or 翌年 refers to."""
    dates = find_dates(sentence, previous)
    return dates[-1] if dates else previous


def _is_name(date: FoundDate, sentence: str) -> bool:
    following = sentence[date.end:date.end + 1]
    if date.precision == "year" and following and _is_word_char(following) \
            and not following.startswith(_ADVERBIAL_FOLLOWERS):
        return True
    return any(date.text in name and name != date.text and not name.startswith(date.text + "（")
               for name in quoted_names(sentence)) and not date.relative


def _is_word_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u30a1" <= char <= "\u30fa" or (char.isascii() and char.isalpha())


def _says_something(sentence: str) -> bool:
    """A table's header row (「平成27年　令和２年　令和７年」) names years and says nothing about them."""
    rest = _DATE.sub("", sentence)
    return len(re.findall(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]", rest)) >= 4


def _found_date(match: re.Match, previous: FoundDate | None) -> FoundDate | None:
    groups = match.groupdict()
    if groups["relative"]:
        date = _relative(match, groups, previous)
    elif groups["range_era"] or groups["wrange_from"]:
        date = _range(match, groups)
    elif groups["era_decade_era"] or groups["decade"]:
        date = _decade(match, groups)
    else:
        date = _year(match, groups)
    if date is not None and groups["about"] and date.precision in ("year", "month", "day"):
        date = replace(date, approximate=True, precision="approximate", span=(date.year - 2, date.year + 2))
    return date


def _month_day(groups: dict) -> tuple[int | None, int | None, str]:
    month = to_int(groups["month"]) if groups["month"] else None
    day = to_int(groups["day"]) if groups["day"] else None
    if month is None or not 1 <= month <= 12:
        return None, None, "year"
    if day is None or not 1 <= day <= 31:
        return month, None, "month"
    return month, day, "day"


def _era_number(text: str) -> int:
    return 1 if text == "元" else to_int(text)


def _found(match: re.Match, year: int, precision: str, span: tuple[int, int], *, month=None, day=None,
           fiscal=False, era=None, era_year=None, conflict=None, relative=False) -> FoundDate:
    return FoundDate(match.group(), match.start(), match.end(), year, month, day, fiscal,
                     precision in ("decade", "decade_part", "approximate"), precision, era, era_year, conflict,
                     span, relative)


def _year(match: re.Match, groups: dict) -> FoundDate:
    month, day, precision = _month_day(groups)
    if groups["west"]:
        written, era, era_year = to_int(groups["west"]), groups["west_era"], _era_number(groups["west_era_year"])
        fiscal = bool(groups["west_fy"] or groups["west_fy2"] or groups["west_era_fy"])
    elif groups["era"]:
        era, era_year = groups["era"], _era_number(groups["era_year"])
        paren = groups["paren_year"] or groups["inner_year"]
        written = to_int(paren) if paren else None
        fiscal = bool(groups["era_fy"] or groups["paren_fy"] or groups["inner_fy"])
    else:
        year = to_int(groups["year"])
        return _found(match, year, precision, (year, year), month=month, day=day, fiscal=bool(groups["fy"]))
    converted = ERA_OFFSETS[era] + era_year
    conflict = None
    if written is not None and written != converted:
        as_written = groups["era_year"] or groups["west_era_year"]
        conflict = f"{era}{as_written}年 is {converted}, but the text gives {written}"
    year = written if written is not None else converted
    return _found(match, year, precision, (year, year), month=month, day=day, fiscal=fiscal, era=era,
                  era_year=era_year, conflict=conflict)


def _range(match: re.Match, groups: dict) -> FoundDate | None:
    if groups["wrange_from"]:
        first, last = to_int(groups["wrange_from"]), to_int(groups["wrange_to"])
        era, era_year, fiscal = None, None, bool(groups["wrange_fy"])
    else:
        era = groups["range_era"]
        era_year = _era_number(groups["range_from"])
        first = ERA_OFFSETS[era] + era_year
        last = ERA_OFFSETS[groups["range_era_to"] or era] + _era_number(groups["range_to"])
        fiscal = bool(groups["range_fy"])
    if last <= first:
        return None
    return _found(match, first, "range", (first, last), fiscal=fiscal, era=era, era_year=era_year)


def _decade(match: re.Match, groups: dict) -> FoundDate:
    if groups["era_decade_era"]:
        era, era_year = groups["era_decade_era"], to_int(groups["era_decade"])
        start, part = ERA_OFFSETS[era] + max(era_year, 1), groups["era_part"]
        start -= 1 if era_year == 0 else 0  # 平成0年代 would be 平成元年から９年
    else:
        era, era_year, start, part = None, None, to_int(groups["decade"]), groups["part"]
    first, last = _PARTS.get(part, (0, 9))
    return _found(match, start, "decade_part" if part else "decade", (start + first, start + last),
                  era=era, era_year=era_year)


def _relative(match: re.Match, groups: dict, previous: FoundDate | None) -> FoundDate | None:
    """同年, 翌年度, 同年10月, 同月: from the date before, when that date has a single year."""
    if previous is None or previous.precision not in ("day", "month", "year"):
        return None
    if groups["same_month"]:
        if groups["relative"] != "同" or previous.month is None:
            return None
        day = to_int(groups["day"]) if groups["day"] and not groups["month"] else None
        return _found(match, previous.year, "day" if day else "month", (previous.year, previous.year),
                      month=previous.month, day=day, fiscal=previous.fiscal_year, relative=True)
    year = previous.year + (1 if groups["relative"] == "翌" else 0)
    month, day, precision = _month_day(groups)
    fiscal = bool(groups["relative_fy"])
    return _found(match, year, precision, (year, year), month=month, day=day, fiscal=fiscal, relative=True)


def western_label(*, year: int, precision: str, span: tuple[int, int], fiscal_year: bool, month: int | None,
                  day: int | None, era: str | None, date_text: str) -> str:
    """「1997年12月」, 「2001年度」, 「1980年代前半」, 「2020〜2024年度」, 「1887年頃」: the date in Western
    years, at the text's precision (an era's decade, 昭和50年代, is the years it spans)."""
    unit = "年度" if fiscal_year else "年"
    first, last = span
    if precision in ("decade", "decade_part") and not era:
        return f"{year}年代" + date_text.split("年代", 1)[-1][:2]
    if precision in ("decade", "decade_part", "range"):
        return f"{first}〜{last}{unit}"
    if precision == "approximate":
        return f"{year}{unit}頃"
    return f"{year}{unit}" + (f"{month}月" if month else "") + (f"{day}日" if day and month else "")


def split_sentences(paragraph: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a 「。」 inside brackets does not end a sentence."""
    sentences, start, depth = [], 0, 0
    for index, char in enumerate(paragraph):
        depth += {"「": 1, "『": 1, "」": -1, "』": -1}.get(char, 0)
        if char == "。" and depth <= 0:
            sentences.append((start, paragraph[start:index + 1]))
            start = index + 1
    if paragraph[start:].strip():
        sentences.append((start, paragraph[start:]))
    return sentences


def clauses_for_dates(sentence: str, dates: list[FoundDate]) -> list[str]:
    """One clause per date: a sentence holding two events is cut where the second begins.

    The cut is the 「、」 just before the second date (past a connective such as 「さらに、」).
    Without such a 「、」 (「…から平成29年まで」) the dates share the whole sentence.
    """
    cuts = [0]
    for date in dates[1:]:
        head = sentence[cuts[-1]:date.start]
        connective = _CONNECTIVE.search(head)
        head = head[:connective.start()] if connective else head
        cuts.append(cuts[-1] + len(head) if head.endswith("、") else cuts[-1])
    cuts.append(len(sentence))
    clauses = []
    for start, end in itertools.pairwise(cuts):
        clause = sentence[start:end] if end > start else sentence
        clauses.append(_LEADING_CONNECTIVE.sub("", clause).rstrip("、"))
    return clauses


def quoted_names(text: str) -> list[str]:
    return _QUOTED.findall(text)
