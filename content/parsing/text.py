"""Character classes and the small text repairs a PDF-to-text extraction needs.

>>> remove_artefact_spaces("平成 13 年度（2001 年度）に「札幌市 IT 経営戦略」")
'平成13年度（2001年度）に「札幌市IT経営戦略」'
>>> remove_artefact_spaces("SAPPORO Short Fest")
'SAPPORO Short Fest'
"""

from __future__ import annotations

import re
import unicodedata

# Kana, CJK ideographs, CJK punctuation and full-width forms; U+3000 (a space) excluded.
CJK = "\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef"
LATIN_OR_DIGIT = "A-Za-z0-9"

_SPACE_AFTER_CJK = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{LATIN_OR_DIGIT}])")
_SPACE_BEFORE_CJK = re.compile(rf"(?<=[{LATIN_OR_DIGIT}])[ \t]+(?=[{CJK}])")
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_IGNORED_IN_COMPARISON = re.compile(r"[\s「」『』“”\"]")


def remove_artefact_spaces(text: str) -> str:
    """Drop the spaces a PDF tool puts between CJK text and Latin letters or digits."""
    return _SPACE_BEFORE_CJK.sub("", _SPACE_AFTER_CJK.sub("", text))


def clean_line(raw: str) -> str:
    """One physical line without its surrounding whitespace and its artefact spaces."""
    return remove_artefact_spaces(raw.strip())


def join_fragments(left: str, right: str) -> str:
    """Rejoin a line broken by the PDF wrap: no space, except between two Latin words."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return left + " " + right
    return left + right


def to_int(numeral: str) -> int:
    """``"12"``, ``"１２"``, ``"十二"`` or ``"元"`` (the first year of an era) as an int.

    >>> [to_int(n) for n in ("12", "１２", "十二", "二十", "元")]
    [12, 12, 12, 20, 1]
    """
    if numeral == "元":
        return 1
    if numeral.isdigit():
        return int(unicodedata.normalize("NFKC", numeral))
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return _KANJI_DIGITS.get(tens, 1) * 10 + (_KANJI_DIGITS[units] if units else 0)
    return _KANJI_DIGITS[numeral]


def comparable(text: str) -> str:
    """A form for comparing names: NFKC, without spaces and quotation brackets."""
    return _IGNORED_IN_COMPARISON.sub("", unicodedata.normalize("NFKC", text))


def is_blank(raw: str) -> bool:
    return not raw.strip()
