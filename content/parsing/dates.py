"""Dates in running text, and the events they place in time.

>>> [(d.text, d.year, d.month, d.fiscal_year) for d in find_dates("平成９年（1997年）12月、札幌市は")]
[('平成９年（1997年）12月', 1997, 12, False)]
>>> [(d.text, d.year, d.approximate) for d in find_dates("1990年代中盤以降も")]
[('1990年代中盤', 1990, True)]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .text import to_int

# The year before each era's first year (元年): 平成元年 is 1989.
ERA_OFFSETS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}

_D = "[0-9０-９]"
_DATE = re.compile(
    rf"""(?<![0-9０-９])(?:
        (?P<era>{'|'.join(ERA_OFFSETS)})(?P<era_year>元|{_D}{{1,2}})年(?P<era_fy>度)?
            (?:（(?P<paren_year>{_D}{{4}})年(?P<paren_fy>度)?）)?
        | (?P<decade>{_D}{{3}}0)年代(?P<part>前半|後半|中盤|半ば|初頭|初め|終盤|末)?
        | (?P<year>{_D}{{4}})年(?P<fy>度)?
    )
    (?(decade)|(?:(?P<month>{_D}{{1,2}})月(?:(?P<day>{_D}{{1,2}})日)?)?)""",
    re.VERBOSE,
)
_CONNECTIVE = re.compile(r"(?:さらに|また|そして|加えて|その後|次いで|併せて|なお)、?$")
_LEADING_CONNECTIVE = re.compile(r"^(?:さらに|また|そして|加えて|その後|次いで|併せて|なお)、")
_QUOTED = re.compile(r"「([^「」]+)」")


@dataclass(frozen=True)
class FoundDate:
    text: str
    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    fiscal_year: bool
    approximate: bool
    precision: str
    era: str | None
    era_year: int | None
    conflict: str | None  # the era and the Western year disagree


def find_dates(text: str) -> list[FoundDate]:
    return [_found_date(match) for match in _DATE.finditer(text)]


def event_dates(sentence: str) -> list[FoundDate]:
    """The dates that place something in time; a deadline (「2050年までに」) is a target, not an event."""
    return [date for date in find_dates(sentence) if not sentence.startswith("までに", date.end)]


def _found_date(match: re.Match) -> FoundDate:
    groups = match.groupdict()
    month = to_int(groups["month"]) if groups["month"] else None
    day = to_int(groups["day"]) if groups["day"] else None
    precision = "day" if day else "month" if month else "year"
    if groups["decade"]:
        return FoundDate(match.group(), match.start(), match.end(), to_int(groups["decade"]), None, None,
                         False, True, "decade", None, None, None)
    if groups["era"]:
        year, era_year, conflict = _era_year(groups)
        fiscal = bool(groups["era_fy"] or groups["paren_fy"])
        return FoundDate(match.group(), match.start(), match.end(), year, month, day, fiscal, False,
                         precision, groups["era"], era_year, conflict)
    return FoundDate(match.group(), match.start(), match.end(), to_int(groups["year"]), month, day,
                     bool(groups["fy"]), False, precision, None, None, None)


def _era_year(groups: dict) -> tuple[int, int, str | None]:
    era_year = to_int(groups["era_year"])
    converted = ERA_OFFSETS[groups["era"]] + era_year
    if not groups["paren_year"]:
        return converted, era_year, None
    written = to_int(groups["paren_year"])
    if written == converted:
        return written, era_year, None
    era_text = f"{groups['era']}{groups['era_year']}年"
    return written, era_year, f"{era_text} is {converted}, but the text gives {written}"


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
