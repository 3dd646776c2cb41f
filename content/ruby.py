"""Furigana for young readers: kanji words of a text wrapped in <ruby> with their readings from
SudachiPy, the kana they carry (送り仮名) left outside, and nothing over kana or Latin.

>>> ruby_html("札幌市が置いた<施設>。")
'<ruby>札幌市<rt>さっぽろし</rt></ruby>が<ruby>置<rt>お</rt></ruby>いた&lt;<ruby>施設<rt>しせつ</rt></ruby>&gt;。'
>>> ruby_html("取り組み")
'<ruby>取<rt>と</rt></ruby>り<ruby>組<rt>く</rt></ruby>み'
>>> ruby_html("スマートフォンとICT")
'スマートフォンとICT'
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from .readings import KANA, KANJI, KANJI_CLASS, katakana_to_hiragana, tokenizer


@lru_cache(maxsize=8192)
def ruby_html(text: str) -> str:
    """The text as escaped HTML, its kanji read above them."""
    if not KANJI.search(text):
        return escape(text)
    return "".join(_morpheme_html(m.surface(), m.reading_form()) for m in tokenizer().tokenize(text))


def _morpheme_html(surface: str, reading: str) -> str:
    if not KANJI.search(surface) or not KANA.match(reading):
        return escape(surface)
    kana = katakana_to_hiragana(reading)
    plain = katakana_to_hiragana(surface)
    start = 0  # kana before the kanji (お in お知らせ) and after them (いた in 置いた) stay as they are
    while (start < len(surface) and not KANJI.match(surface[start]) and start < len(kana)
           and plain[start] == kana[start]):
        start += 1
    end = 0
    while (end < len(surface) - start and not KANJI.match(surface[-1 - end]) and end < len(kana) - start
           and plain[-1 - end] == kana[-1 - end]):
        end += 1
    base, read = surface[start:len(surface) - end], kana[start:len(kana) - end]
    if not read:
        return escape(surface)
    return f"{escape(surface[:start])}{_aligned(base, read)}{escape(surface[len(surface) - end:])}"


def _aligned(base: str, read: str) -> str:
    """Each run of kanji under its own reading when the kana between them can be found in the reading
    (取り組 / とりく → 取(と)り組(く)); else one reading over the whole."""
    runs = re.findall(f"{KANJI_CLASS}+|(?:(?!{KANJI_CLASS}).)+", base)
    pattern = "".join("(.+?)" if KANJI.match(run) else re.escape(katakana_to_hiragana(run)) for run in runs)
    match = re.fullmatch(pattern, read)
    if match is None or len(runs) == 1:
        return f"<ruby>{escape(base)}<rt>{escape(read)}</rt></ruby>"
    readings = iter(match.groups())
    return "".join(f"<ruby>{escape(run)}<rt>{escape(next(readings))}</rt></ruby>" if KANJI.match(run)
                   else escape(run) for run in runs)
