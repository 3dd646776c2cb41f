"""Small PDFs built for tests with reportlab: Japanese text in a CID font (no font file needed), with
running headers, page numbers, superscript note markers, small-type notes and ruled tables."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "HeiseiKakuGo-W5"
BODY = 10.5
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass
class Line:
    text: str
    size: float = BODY
    superscript: str | None = None  # digits set raised and small after the text


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Page:
    items: list[Line | Table] = field(default_factory=list)


def build_pdf(pages: list[Page], *, header: str | None = None, page_numbers: str | None = "- {n} -",
              encrypt: str | None = None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), encrypt=encrypt)
    for number, page in enumerate(pages, start=1):
        if header:
            pdf.setFont(FONT, 8)
            pdf.drawRightString(540, 812, header)
        y = 770.0
        for item in page.items:
            y = _table(pdf, item, y) if isinstance(item, Table) else _line(pdf, item, y)
        if page_numbers:
            pdf.setFont(FONT, 9)
            pdf.drawCentredString(297, 36, page_numbers.format(n=number))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _line(pdf, line: Line, y: float) -> float:
    pdf.setFont(FONT, line.size)
    pdf.drawString(60, y, line.text)
    if line.superscript:
        width = pdfmetrics.stringWidth(line.text, FONT, line.size)
        pdf.setFont(FONT, line.size * 0.55)
        pdf.drawString(60 + width, y + line.size * 0.45, line.superscript)
    return y - line.size * 1.9


def _table(pdf, table: Table, y: float) -> float:
    columns = len(table.rows[0])
    width = 470 / columns
    top = y + 14
    for row in table.rows:
        for index, cell in enumerate(row):
            pdf.setFont(FONT, 9)
            pdf.drawString(66 + index * width, y, cell)
        y -= 20
    for index in range(columns + 1):  # the column rules
        pdf.line(60 + index * width, top, 60 + index * width, y + 14)
    for row in range(len(table.rows) + 1):
        pdf.line(60, top - row * 20, 530, top - row * 20)
    return y - 12


def blank_pages(count: int) -> bytes:
    """A PDF of ``count`` pages with nothing drawn on them (no text layer), quickly."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for _ in range(count):
        pdf.rect(100, 100, 300, 300, fill=1)  # a scan's picture stands in for its text
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def zero_pages() -> bytes:
    """A well-formed PDF whose page tree is empty (reportlab always draws a page)."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
