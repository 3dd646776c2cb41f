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
# A note numbered with its sign: ※1, 注1）, 注１, ＊1, *1, (1) or 1) before the term.
_SIGNED_NUMBER = r"(?:※|＊|\*|注)\s*(?P<number>[0-9０-９]{1,3})[）)]?"
_NOTE_NUMBER = rf"(?:{_SIGNED_NUMBER}|[（(](?P<paren>[0-9０-９]{{1,3}})[）)]|(?P<bare>[0-9０-９]{{1,3}})[）)])"
_ENTRY_BODY = (
    r"(?:【(?P<bracketed>[^】]{1,40})】[\s\u3000]*(?P<after_bracket>\S.*?)"
    r"|(?P<term>[^\s：:…‥。、][^：:…‥。]{0,39}?)[\s\u3000]*(?:[：:]|[…‥・]{2,})[\s\u3000]*(?P<definition>\S.*?))"
)
_SIGNED_NOTE = re.compile(rf"^\s*{_SIGNED_NUMBER}[\s\u3000]*{_ENTRY_BODY}\s*$")
_GLOSSARY_ENTRY = re.compile(
    rf"^\s*(?:{_NOTE_NUMBER}|(?P<plain>[0-9０-９]{{1,3}})[\s\u3000]+)?[\s\u3000]*{_ENTRY_BODY}\s*$")
_GLOSSARY_HEADING = re.compile(
    r"^\s*[【［\[〔＜<《■●◆□◇〈]?\s*(?:用語(?:解説|集|の解説|説明|の説明)|注釈|脚注|注)\s*[】］\]〕＞>》〉]?\s*$"
)
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


def signed_note(raw: str) -> tuple[int, str, str] | None:
    """A note whose number carries its sign (``※1 用語：説明``, ``注2）【用語】説明``): a page-bottom
    note outside any glossary block."""
    found = _SIGNED_NOTE.match(raw)
    if not found:
        return None
    term, definition = _entry_parts(found)
    return to_int(found.group("number")), term, definition


def glossary_entry(raw: str) -> tuple[int | None, str, str] | None:
    """An entry of a 用語集 block, numbered or not: ``※1 用語：説明``, ``用語：説明``, ``【用語】説明``,
    ``用語……説明``. The number is None for an unnumbered entry."""
    found = _GLOSSARY_ENTRY.match(raw)
    if not found:
        return None
    term, definition = _entry_parts(found)
    number = next((found.group(name) for name in ("number", "paren", "bare", "plain") if found.group(name)), None)
    return (to_int(number) if number else None), term, definition


def _entry_parts(found: re.Match) -> tuple[str, str]:
    if found.group("bracketed"):
        return clean_line(found.group("bracketed")), clean_line(found.group("after_bracket"))
    return clean_line(found.group("term")).lstrip("・●○■□◆◇-－"), clean_line(found.group("definition"))


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
