"""Which lines are headings, and of what level: chosen by consistent numbering, not by one layout.

Municipal plans number their parts in many ways — 「第１章　…」 or 「第 1 章：…」, 「１．…」 or 「１　…」,
「■１　…」, 「Ⅰ．…」, 「第１節」, 「基本目標１　…」, then 「（１）」 「(1)」 「①」 below them — and a PDF may set
an unnumbered heading only larger. Each way of numbering is a family; a family whose numbers run
1, 2, 3… (starting again under a higher heading) is a real heading scheme, one whose numbers jump is
body text that happens to start with a digit. The highest-ranking real family gives the sections;
the others, and lines set larger than the body, are subheadings inside them.

>>> plan = plan_headings(["第１章　総則", "１．目的", "本文です。", "２．範囲", "（１）対象",
...                       "この計画が対象とするのは、市の行う全ての事業と施策です。"])
>>> plan.chapters, plan.sections, plan.subheadings
({0: (1, '総則')}, {1: (1, '目的'), 3: (2, '範囲')}, {4: '（１）対象'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import clean_line, to_int

_DIGITS = "[0-9０-９]{1,2}"
_KANJI_NUMERAL = "[0-9０-９一二三四五六七八九十]{1,3}"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_SEP = r"[\s\u3000]*[．.、：:]?[\s\u3000]*"
_TITLE = r"(?P<title>[^\s\u3000].{0,59}?)"
GOAL_WORDS = "基本目標|基本方針|施策の柱|重点目標"  # headings that name a plan's goals

# (family, pattern), highest rank first. A family's pattern captures ``number`` and ``title``.
FAMILIES: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(rf"^第[\s\u3000]*(?P<number>{_KANJI_NUMERAL})[\s\u3000]*章{_SEP}{_TITLE}\s*$")),
    ("part", re.compile(rf"^(?P<number>[{_ROMAN}]){_SEP}{_TITLE}\s*$")),
    ("article", re.compile(rf"^第[\s\u3000]*(?P<number>{_KANJI_NUMERAL})[\s\u3000]*節{_SEP}{_TITLE}\s*$")),
    ("marked", re.compile(rf"^[■□●◆◇▼▲◎][\s\u3000]*(?P<number>{_DIGITS}){_SEP}{_TITLE}\s*$")),
    ("dotted", re.compile(rf"^(?P<number>{_DIGITS})[\s\u3000]*[．.][\s\u3000]*{_TITLE}\s*$")),
    ("spaced", re.compile(rf"^(?P<number>{_DIGITS})[\s\u3000]+{_TITLE}\s*$")),
    ("goal", re.compile(rf"^(?:{GOAL_WORDS})[\s\u3000]*(?P<number>{_DIGITS}){_SEP}{_TITLE}\s*$")),
]
SUBHEADING_FAMILIES: list[tuple[str, re.Pattern]] = [
    ("paren", re.compile(rf"^[（(](?P<number>{_DIGITS})[）)][\s\u3000]*{_TITLE}\s*$")),
    ("circled", re.compile(rf"^(?P<number>[①-⑳])[\s\u3000]*{_TITLE}\s*$")),
]
_LIST_ITEM = re.compile(r"^(?:[（(][0-9０-９]{1,2}[）)]|[①-⑳⑴-⒇])")
_BRACKETED = re.compile(r"^[［\[【＜<〈《][^］\]】＞>〉》]{1,24}[］\]】＞>〉》]$")
_ALONE_OK = {"part", "article", "marked", "dotted"}
_MAX_TITLE = 40
_MAX_LEAD_IN = 30
_PROSE = 25  # a line this long is running text, not an item of a list
_BULLETS = ("○", "●", "◎", "◇", "◆", "□", "■", "◯")
_LARGER = 1.12  # of the body size: an unnumbered short line set at least this large is a heading
_CONSISTENT = 0.7  # the share of a family's lines that must follow its numbering


@dataclass
class HeadingPlan:
    chapters: dict[int, tuple[int, str]] = field(default_factory=dict)  # line index → (number, title)
    sections: dict[int, tuple[int, str]] = field(default_factory=dict)
    subheadings: dict[int, str] = field(default_factory=dict)
    section_family: str | None = None


def plan_headings(texts: list[str], sizes: list[float | None] | None = None,
                  body_size: float | None = None) -> HeadingPlan:
    """``texts`` are the lines (furniture already blanked); ``sizes`` their glyph sizes, for a PDF."""
    candidates = {family: _candidates(texts, pattern) for family, pattern in FAMILIES}
    plan = HeadingPlan(chapters=_following(candidates.pop("chapter"), set(), first=None))
    boundaries = set(plan.chapters)
    for family, _pattern in FAMILIES[1:]:
        found = _following(candidates[family], boundaries)
        if family in _ALONE_OK:  # 「１．…」 may stand alone, and a 「３．…」 out of turn is only text
            if not found:
                continue
        elif len(found) < max(2, _CONSISTENT * len(candidates[family])):
            continue  # 「１ …」: numbers that jump about are text that starts with a digit, not headings
        if plan.section_family is None:
            plan.section_family, plan.sections = family, found
        else:
            plan.subheadings |= {index: clean_line(texts[index]) for index in found}
        boundaries |= set(found)
    for _family, pattern in SUBHEADING_FAMILIES:  # 「（１）」 then 「①」 under it, numbered afresh under each
        found = _following(_candidates(texts, pattern), boundaries)
        headings = {index: clean_line(texts[index]) for index in found if _stands_alone(index, texts)}
        plan.subheadings |= headings
        boundaries |= set(headings)
    plan.subheadings |= {index: clean_line(text) for index, text in enumerate(texts)
                         if _BRACKETED.match(text.strip()) and index not in plan.sections}
    if sizes and body_size:
        plan.subheadings |= _larger_lines(texts, sizes, body_size, plan)
    plan.subheadings |= _lead_ins(texts, plan)
    return plan


def _lead_ins(texts: list[str], plan: HeadingPlan) -> dict[int, str]:
    """An unnumbered heading in the body's own type: a short line, after a finished sentence, that the
    bulleted paragraphs it heads follow (「策定の趣旨」 then 「○加速する…」)."""
    taken = set(plan.chapters) | set(plan.sections) | set(plan.subheadings)
    found = {}
    filled = [index for index, text in enumerate(texts) if text.strip()]
    for position, index in enumerate(filled[1:-1], start=1):
        text, before, after = texts[index].strip(), texts[filled[position - 1]].strip(), texts[filled[position + 1]]
        if index in taken or not _title_fits(clean_line(text)) or len(text) > _MAX_LEAD_IN or _LIST_ITEM.match(text):
            continue
        after_a_close = before.endswith(("。", "）", "」")) or filled[position - 1] in taken
        if after.strip().startswith(_BULLETS) and after_a_close:
            found[index] = clean_line(text)
    return found


def _stands_alone(index: int, texts: list[str]) -> bool:
    """A 「（１）…」 line heads what follows it when prose follows (or a lower heading, 「①…」, that prose
    follows); among short lines like it, it is an item of a list."""
    after = next((i for i in range(index + 1, len(texts)) if texts[i].strip()), None)
    before = next((texts[i].strip() for i in range(index - 1, -1, -1) if texts[i].strip()), "")
    mark = _marker_kind(texts[index])
    if after is None or _marker_kind(before) == mark:
        return False  # the next of a list's items
    text = texts[after].strip()
    if _LIST_ITEM.match(text):
        return _marker_kind(text) != mark and _stands_alone(after, texts)
    return len(text) >= _PROSE


def _marker_kind(text: str) -> str | None:
    """「（１）」 and 「(1)」 are one kind of list marker, 「①」… another, 「⑴」… a third."""
    found = _LIST_ITEM.match(text.strip())
    if not found:
        return None
    first = found.group()[0]
    return "circled" if "①" <= first <= "⑳" else "parenthesised" if "⑴" <= first <= "⒇" else "paren"


def _candidates(texts: list[str], pattern: re.Pattern) -> dict[int, tuple[int, str]]:
    found = {}
    for index, text in enumerate(texts):
        match = pattern.match(text.strip())
        if match and _title_fits(match["title"]):
            found[index] = (_number(match["number"]), clean_line(match["title"]))
    return found


def _title_fits(title: str) -> bool:
    title = title.strip()
    return 0 < len(title) <= _MAX_TITLE and not title.endswith(("。", "、", "，", "：")) \
        and "：" not in title and not re.fullmatch(r"[\d０-９.,%％年度月日\s]+", title)


def _number(numeral: str) -> int:
    if numeral in _ROMAN:
        return _ROMAN.index(numeral) + 1
    if "①" <= numeral <= "⑳":
        return ord(numeral) - ord("①") + 1
    return to_int(numeral)


def _following(found: dict[int, tuple[int, str]], boundaries: set[int],
               first: int | None = 1) -> dict[int, tuple[int, str]]:
    """The lines of a family that continue its numbering, 1, 2, 3…, starting again at 1 only under a
    new higher heading (one of ``boundaries``); a jump or a repeat is not a heading. Chapters may start
    at any number (``first=None``): a file may hold chapter 2 of a plan."""
    kept, expected, last = {}, first, -1
    ordered_boundaries = sorted(boundaries)
    for index in sorted(found):
        if any(last < boundary < index for boundary in ordered_boundaries):
            expected = 1
        number = found[index][0]
        if number == expected or expected is None:
            kept[index] = found[index]
            expected, last = number + 1, index
    return kept


def _larger_lines(texts, sizes, body_size, plan: HeadingPlan) -> dict[int, str]:
    taken = set(plan.chapters) | set(plan.sections)
    return {index: clean_line(text) for index, (text, size) in enumerate(zip(texts, sizes, strict=False))
            if size and size >= _LARGER * body_size and index not in taken and _title_fits(clean_line(text))
            and len(clean_line(text)) >= 2}
