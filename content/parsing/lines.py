"""What one physical line of a chapter file is: the patterns of the format.

>>> chapter_heading(" 第１章   札幌と ICT ")
(1, '札幌とICT')
>>> section_heading(" ３．ICT関連企業の集積 ")
(3, 'ICT関連企業の集積')
>>> footnote(" 8 SNS：ソーシャルネットワーキングサービスの略")  # a page start, not a footnote
>>> footnote("8 SNS：ソーシャルネットワーキングサービスの略")
(8, 'SNS', 'ソーシャルネットワーキングサービスの略')
"""

from __future__ import annotations

import re

from .text import clean_line, to_int

_NUMERAL = r"[0-9０-９一二三四五六七八九十]+"
_CHAPTER = re.compile(rf"^\s*第\s*({_NUMERAL})\s*章[\s\u3000]+(\S.*?)\s*$")
_SECTION = re.compile(r"^\s*([0-9０-９]{1,2})[．.]\s*(\S.*?)\s*$")
_FIGURE = re.compile(r"^\s*((?:図表|図|表)\s*[0-9０-９]+(?:\s*[-‐－−]\s*[0-9０-９]+)?)[\s\u3000]+(\S.*?)\s*$")
_FOOTNOTE = re.compile(r"^(\d{1,3})[ \u3000]+([^：:\s][^：]*?)\s*：\s*(.*?)\s*$")
_KOME_FOOTNOTE = re.compile(r"^\s*※\s*(\d{1,3})[ \u3000]*([^：\s][^：]*?)\s*：\s*(.*?)\s*$")
_GLOSSARY_HEADING = re.compile(r"^\s*【\s*用語(?:解説|集|の解説)\s*】\s*$")
_LIST_ITEM = re.compile(r"^\s*(（[0-9０-９]{1,2}）|\([0-9]{1,2}\)|[①-⑳]|[⑴-⒇])\s*(\S.*?)\s*$")
_FURIGANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30faー・]{1,20}$")
_SENTENCE_END = ("。", "．")


def chapter_heading(raw: str) -> tuple[int, str] | None:
    found = _CHAPTER.match(raw)
    if not found:
        return None
    return to_int(found.group(1)), _collapse_spaces(clean_line(found.group(2)))


def section_heading(raw: str) -> tuple[int, str] | None:
    found = _SECTION.match(raw)
    if not found:
        return None
    title = clean_line(found.group(2))
    if len(title) > 40 or title.endswith(("。", "、", "，")):
        return None
    return to_int(found.group(1)), title


def figure_caption(raw: str) -> tuple[str, str] | None:
    found = _FIGURE.match(raw)
    if not found or found.group(2).endswith("。"):
        return None
    return _collapse_spaces(found.group(1)), clean_line(found.group(2))


def footnote(raw: str) -> tuple[int, str, str] | None:
    """A ``N 用語：定義`` line (a page-bottom footnote never starts with a space)."""
    found = _FOOTNOTE.match(raw.rstrip())
    if not found:
        return None
    return int(found.group(1)), clean_line(found.group(2)), clean_line(found.group(3))


def kome_footnote(raw: str) -> tuple[int, str, str] | None:
    """A ``※N 用語：定義`` line of a 【用語解説】 block."""
    found = _KOME_FOOTNOTE.match(raw)
    if not found:
        return None
    return int(found.group(1)), clean_line(found.group(2)), clean_line(found.group(3))


def is_glossary_heading(raw: str) -> bool:
    return bool(_GLOSSARY_HEADING.match(raw))


def list_item(raw: str) -> tuple[str, str] | None:
    found = _LIST_ITEM.match(raw)
    if not found:
        return None
    return found.group(1), clean_line(found.group(2))


def is_furigana(raw: str) -> bool:
    """A reading printed on its own line above a word (``ノーマップス``)."""
    return bool(_FURIGANA.match(raw))


def starts_page(raw: str) -> bool:
    """The PDF tool starts each page's first line with a space."""
    return raw[:1].isspace() and not raw.isspace()


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def _collapse_spaces(text: str) -> str:
    """Heading text: runs of spaces between CJK words are layout, not content."""
    return re.sub(r"[\s\u3000]+", " ", text).strip()
