"""Everything on a page that is not the text: running headers and footers, page numbers, the table of
contents, cover pages, table rows and the labels of charts. It never reaches a lesson: each such line
is blanked (so that line numbers still point into the file) and counted, and a chart or a table is
kept as a figure with the title it was printed under.

>>> is_toc_line("策定の趣旨 ・・・・・・・・・・・・・・・ １")
True
>>> is_page_number("－ 27 －"), is_page_number("- 3 -"), is_page_number("27"), is_page_number("平成27年")
(True, True, True, False)
>>> is_label_run(["時", "代", "の", "ト", "レ", "ン", "ド"])
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import lines as patterns
from .source import Source, SourceLine

_TOC_LEADER = re.compile(r"[・．.…‥·﹒]{4,}\s*[0-9０-９ ]{1,5}\s*$")
_TOC_HEADING = re.compile(r"^\s*(?:目\s*次|もくじ|CONTENTS|Contents|INDEX)\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-－―‐ー—~〜（(]\s*)?(?:[pP]\.?\s*)?[0-9０-９]{1,3}(?:\s*[-－―‐ー—~〜）)])?\s*$"
                          r"|^\s*[0-9０-９]{1,3}\s*/\s*[0-9０-９]{1,3}\s*$")
_ATTACHMENT_LABEL = re.compile(
    r"^\s*[（(【［]?\s*(?:別紙|別添|別表|参考資料|資料)\s*[0-9０-９一二三四五六七八九十]*\s*[）)】］]?\s*$")
_NUMERIC = re.compile(r"^[\s0-9０-９.,，．%％()（）\-－~～〜+＋:：/人年度月日件千万億円点倍歳]*$")
_SENTENCE_END = re.compile(r"[。．]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SHORT_LABEL = 12  # a line this short with no sentence end, among others alike, is a label
_LABEL_RUN = 3
_OFF_COLUMN = 0.15  # of the page's width: text starting this far right of the column is a table's
_TABLE_WINDOW = 5  # lines: off-column lines this close together make a table or a diagram
_TINY = 0.6  # of the body size: text this small is a chart's, whatever it says
_SMALL = 0.88  # of the body size: smaller text is a chart's or a table's, unless it reads as a note
_EDGE = 0.15  # of the page's height: the bands at its top and bottom where headers and footers sit
_RUNNING = 0.3  # a line at the top or bottom of this share of the pages (and at least 3) runs on every page


@dataclass
class Cleaned:
    lines: list[SourceLine]  # as many as the source's, furniture blanked
    removed: Counter = field(default_factory=Counter)  # reason → lines removed
    figures: dict[int, tuple[str, str]] = field(default_factory=dict)  # line index → (label, title)


def is_toc_line(text: str) -> bool:
    return bool(_TOC_LEADER.search(text)) and len(text.strip()) > 6


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text)) and not re.search(r"年|月|日", text)


def is_label_run(texts: list[str]) -> bool:
    return len(texts) >= _LABEL_RUN and all(_is_label(text) for text in texts)


def _is_label(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= _SHORT_LABEL and not _SENTENCE_END.search(stripped) \
        and not patterns.list_item(stripped) and not _heading_like(stripped) and not _numbered_heading(stripped)


def strip_furniture(source: Source) -> Cleaned:
    cleaned = Cleaned(list(source.lines))
    paged = source.pages >= 2 and any(line.page_start for line in source.lines[1:])
    _table_of_contents(cleaned, paged)
    if paged:
        _page_numbers(cleaned)
        _running_lines(cleaned, source.pages)
    if source.kind == "pdf":
        _cover_pages(cleaned)
        _off_column(cleaned, source.body_size or 0)
        _set_apart(cleaned, source.body_size or 0)
    _numeric_lines(cleaned)
    _label_runs(cleaned)
    for index, line in enumerate(cleaned.lines):
        if _ATTACHMENT_LABEL.match(line.text) and line.text.strip():
            _drop(cleaned, index, "attachment label")
    return cleaned


def _drop(cleaned: Cleaned, index: int, reason: str) -> None:
    if cleaned.lines[index].text.strip():
        cleaned.removed[reason] += 1
        cleaned.lines[index] = replace(cleaned.lines[index], text="", cells=1, superscripts=())


def _pages(cleaned: Cleaned) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(cleaned.lines):
        pages.setdefault(line.page or 1, []).append(index)
    return pages


def _table_of_contents(cleaned: Cleaned, paged: bool) -> None:
    lines = cleaned.lines
    for page_lines in (_pages(cleaned).values() if paged else [range(len(lines))]):
        texts = [lines[i].text for i in page_lines if lines[i].text.strip()]
        leaders = sum(is_toc_line(text) for text in texts)
        if paged and texts and (leaders >= max(3, len(texts) * 0.4)
                                or any(_TOC_HEADING.match(text) for text in texts[:3])):
            for index in page_lines:
                _drop(cleaned, index, "table of contents")
            continue
        in_toc = False
        for index in page_lines:
            text = lines[index].text
            if _TOC_HEADING.match(text):
                in_toc = True
            elif in_toc and text.strip() and not is_toc_line(text) and len(text.strip()) > 30:
                in_toc = False
            if in_toc or is_toc_line(text):
                _drop(cleaned, index, "table of contents")


def _page_numbers(cleaned: Cleaned) -> None:
    for page_lines in _pages(cleaned).values():
        filled = [i for i in page_lines if cleaned.lines[i].text.strip()]
        for index in filled[:1] + filled[-1:]:
            if is_page_number(cleaned.lines[index].text):
                _drop(cleaned, index, "page number")


def _running_lines(cleaned: Cleaned, pages: int) -> None:
    """A header or footer: the same words (numbers aside) at the top or bottom of many pages."""
    edges: dict[str, list[int]] = {}
    for page_lines in _pages(cleaned).values():
        filled = [i for i in page_lines if cleaned.lines[i].text.strip()]
        for index in dict.fromkeys(filled[:2] + filled[-2:]):
            line = cleaned.lines[index]
            key = re.sub(r"[\s0-9０-９]", "", line.text)
            if key and _at_an_edge(line) and not line.text.rstrip().endswith("。"):
                edges.setdefault(key, []).append(index)
    for indexes in edges.values():
        if len({cleaned.lines[i].page for i in indexes}) >= max(3, pages * _RUNNING):
            for index in indexes:
                _drop(cleaned, index, "running header or footer")


def _at_an_edge(line: SourceLine) -> bool:
    """In a PDF, a header or footer sits in the page's top or bottom band; a text file cannot say."""
    return line.top is None or not _EDGE < line.top < 1 - _EDGE


def _cover_pages(cleaned: Cleaned) -> None:
    """Pages before the first that holds a sentence or a heading are the cover and front matter."""
    for page_lines in _pages(cleaned).values():
        texts = [cleaned.lines[i].text.strip() for i in page_lines if cleaned.lines[i].text.strip()]
        if any(_SENTENCE_END.search(text) or _heading_like(text) for text in texts):
            return
        for index in page_lines:
            _drop(cleaned, index, "cover page")


def _numbered_heading(text: str) -> bool:
    return bool(re.match(r"^(?:第?[0-9０-９]{1,2}[．.章節]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][．.\s])", text)) and len(text) <= 40 \
        and not _SENTENCE_END.search(text)


def _heading_like(text: str) -> bool:
    return bool(patterns.chapter_heading(text) or patterns.section_heading(text))


def _set_apart(cleaned: Cleaned, body: float) -> None:
    """PDF: rows of a table (several cells, none a sentence) and text set smaller than the body that is
    not a note (chart labels, sources); each run of them is one figure, titled by its largest line."""
    run: list[int] = []
    boxes_seen: set[int] = set()
    box_sizes = Counter(line.box for line in cleaned.lines if line.box is not None and line.text.strip())
    for index, line in enumerate([*cleaned.lines, SourceLine("\u3000x。", size=body)]):
        apart = line.text.strip() and _apart(line, body, boxes_seen, box_sizes)
        if line.box is not None and line.text.strip():
            boxes_seen.add(line.box)
        if apart:
            run.append(index)
            continue
        if line.text.strip() and run:
            _figure(cleaned, run)
            run = []


def _apart(line: SourceLine, body: float, first_in_box_seen: set[int], box_sizes: Counter) -> bool:
    text = line.text.strip()
    if patterns.footnote(text) or patterns.signed_note(text):
        return False
    if line.ruled:
        return True
    if line.box is not None:  # a heading atop a small box (a goal's banner) stays; the rest of a box is a diagram
        return not (_numbered_heading(text) and line.box not in first_in_box_seen and box_sizes[line.box] <= 3)
    if (line.cells >= 2 and not _SENTENCE_END.search(text)) or _row_of_values(text):
        return True
    if body and line.size and line.size < _TINY * body:
        return True
    return bool(body and line.size and line.size < _SMALL * body and not _SENTENCE_END.search(text)
                and len(text) < 40)


def _row_of_values(text: str) -> bool:
    """「→2015年 →2020年 →2025年 …」: many short values side by side, no sentence — a table's row."""
    tokens = text.split()
    return len(tokens) >= 4 and sum(len(token) <= 7 for token in tokens) >= 0.75 * len(tokens) \
        and not _SENTENCE_END.search(text)


def _off_column(cleaned: Cleaned, body: float) -> None:
    """PDF: text that starts far right of the text column — a table's columns, a diagram's boxes — when
    several such lines stand close together (a centred heading stands alone)."""
    lefts = sorted(line.left for line in cleaned.lines if line.text.strip() and line.left is not None
                   and line.size and abs(line.size - body) < 0.5)
    if not lefts:
        return
    column = lefts[len(lefts) // 10]  # the left edge of the running text
    off = [i for i, line in enumerate(cleaned.lines) if line.text.strip() and line.left is not None
           and line.left > column + _OFF_COLUMN and not _numbered_heading(line.text.strip())]
    for index in off:
        near = [other for other in off if abs(other - index) <= _TABLE_WINDOW]
        if len(near) >= 3:
            start, end = min(near), max(near)
            for inside in range(start, end + 1):
                line = cleaned.lines[inside]
                on_column_body = line.size and abs(line.size - body) < 0.5 and inside not in off
                if not on_column_body and not _SENTENCE_END.search(line.text):
                    cleaned.lines[inside] = replace(line, cells=max(line.cells, 2))


def _figure(cleaned: Cleaned, run: list[int]) -> None:
    titled = [i for i in run if _CJK.search(cleaned.lines[i].text) and len(cleaned.lines[i].text.strip()) <= 40
              and not _NUMERIC.match(cleaned.lines[i].text)]
    caption = _caption_beside(cleaned, run)
    if caption is not None:
        titled, run = [caption], sorted([*run, caption])
    if len(run) >= 3 and titled:
        title_index = titled[0] if caption is not None else max(titled, key=lambda i: (cleaned.lines[i].size or 0, -i))
        page = cleaned.lines[title_index].page
        label = f"{page}ページの図表" if page else "図表"
        cleaned.figures[run[0]] = (label, re.sub(r"\s+", " ", cleaned.lines[title_index].text.strip()))
    for index in run:
        _drop(cleaned, index, "table or chart")


def _caption_beside(cleaned: Cleaned, run: list[int]) -> int | None:
    """A short line printed just above (or just below) a chart, in the body's type: its title."""
    for neighbour in (_next_filled(cleaned, run[0], -1), _next_filled(cleaned, run[-1], 1)):
        if neighbour is None:
            continue
        text = cleaned.lines[neighbour].text.strip()
        plain = not (_heading_like(text) or _numbered_heading(text) or patterns.list_item(text)
                     or text.startswith(("［", "【", "＜")))
        if len(text) <= 25 and not _SENTENCE_END.search(text) and plain:
            return neighbour
    return None


def _next_filled(cleaned: Cleaned, index: int, step: int) -> int | None:
    for other in range(index + step, index + 3 * step, step):
        if 0 <= other < len(cleaned.lines) and cleaned.lines[other].text.strip():
            return other
    return None


def _numeric_lines(cleaned: Cleaned) -> None:
    for index, line in enumerate(cleaned.lines):
        if line.text.strip() and _NUMERIC.match(line.text) and not patterns.footnote(line.text):
            _drop(cleaned, index, "table or chart")


def _label_runs(cleaned: Cleaned) -> None:
    run: list[int] = []
    for index, line in enumerate([*cleaned.lines, SourceLine("これは文です。")]):
        text = line.text.strip()
        if text and _is_label(text):
            run.append(index)
            continue
        if text or not run:  # a blank line does not end a run of labels
            if is_label_run([cleaned.lines[i].text for i in run]):
                for label_index in run:
                    _drop(cleaned, label_index, "table or chart")
            run = [] if text else run
