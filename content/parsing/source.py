"""A chapter file as source lines, whatever it came as: a PDF (read by pdf.py, with pages, positions
and glyph sizes) or text (decoded by decoding.py; pages split at form feeds, as pdftotext writes them,
or at the page-start space the seed's tool left).

>>> lines = text_lines("一行目\\n二行目\\f三行目")
>>> [(line.text, line.page, line.page_start) for line in lines]
[('一行目', 1, True), ('二行目', 1, False), ('三行目', 2, True)]
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .decoding import decode_chapter
from .pdf import read_pdf


@dataclass(frozen=True)
class SourceLine:
    text: str
    page: int | None = None  # 1-based, when the source has pages
    page_start: bool = False  # the first line of a page
    size: float | None = None  # glyph size in points (PDF)
    cells: int = 1  # runs split by wide gaps (PDF): a table row or labels across a chart
    top: float | None = None  # 0 at the top of the page, 1 at the bottom (PDF)
    left: float | None = None  # 0 at the left edge, 1 at the right (PDF)
    superscripts: tuple[int, ...] = ()  # offsets of raised digit runs: note markers (PDF)
    box: int | None = None  # the drawn rectangle it stands in (PDF): a diagram, a banner
    ruled: bool = False  # between a table's column rules (PDF)


@dataclass(frozen=True)
class Source:
    lines: list[SourceLine]
    kind: str  # "pdf" or "text"
    pages: int
    body_size: float | None  # the usual glyph size of the running text (PDF)
    title: str = ""  # the title in a PDF's metadata
    year: int | None = None  # the year a PDF was made


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def read_source(source: bytes | str, *, progress=None) -> Source:
    if isinstance(source, str):
        return _text_source(source)
    if is_pdf(source):
        return pdf_source(source, progress=progress)
    return _text_source(decode_chapter(source))


def _text_source(text: str) -> Source:
    lines = text_lines(text)
    return Source(lines, "text", max((line.page or 1) for line in lines) if lines else 0, None)


def text_lines(text: str) -> list[SourceLine]:
    lines = []
    for number, page in enumerate(text.split("\f"), start=1):
        for index, raw in enumerate(page.split("\n")):
            page_start = (index == 0 and "\f" in text) or _starts_page(raw)
            lines.append(SourceLine(raw, page=number, page_start=page_start))
    return lines


def _starts_page(raw: str) -> bool:
    """Without form feeds, the seed's PDF tool started each page's first line with a space."""
    return raw[:1].isspace() and not raw.isspace()


def pdf_source(data: bytes, *, progress=None) -> Source:
    document = read_pdf(data, progress=progress)
    pages = document.pages
    lines = [SourceLine(line.text, page=line.page, page_start=index == 0, size=line.size, cells=len(line.cells),
                        top=line.top, left=line.left, superscripts=line.superscripts, box=line.box, ruled=line.ruled)
             for page in pages for index, line in enumerate(page)]
    return Source(lines, "pdf", len(pages), _body_size(lines), document.title, document.year)


def _body_size(lines: list[SourceLine]) -> float | None:
    """The size most of the text is set in (weighted by length), which headings exceed and labels undercut."""
    weighted = [line.size for line in lines if line.size for _ in range(len(line.text.strip()))]
    return statistics.mode(weighted) if weighted else None
