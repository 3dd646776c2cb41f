"""Pass one: physical lines to headings, paragraphs, figures and footnotes.

Paragraph text is rejoined here but still carries its footnote markers; ``markers`` resolves them
once every footnote is known (footnotes are printed after the text that refers to them).
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field

from . import lines
from .errors import ParseError
from .records import Figure
from .structure import HeadingPlan, plan_headings
from .text import clean_line, is_blank, join_fragments

_WRAPPED_LINE_SHARE = 0.8  # a line this full of the usual width was wrapped by the PDF tool
_CLOSING = ("。", "」", "）", ")", "』")


@dataclass
class DraftParagraph:
    line: int
    kind: str = "paragraph"
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset where each physical line begins
    start_lines: list[int] = field(default_factory=list)
    rubies: list[tuple[int, str]] = field(default_factory=list)  # (offset after the word, reading)
    last_fragment: str = ""

    def append(self, fragment: str, line: int) -> None:
        joined = join_fragments(self.text, fragment) if self.text else fragment
        self.starts.append(len(joined) - len(fragment))
        self.start_lines.append(line)
        self.text = joined
        self.last_fragment = fragment

    def line_at(self, offset: int) -> int:
        return self.start_lines[max(bisect.bisect_right(self.starts, offset) - 1, 0)]


@dataclass
class DraftSection:
    number: int
    title: str
    line: int
    paragraphs: list[DraftParagraph] = field(default_factory=list)


@dataclass
class DraftFootnote:
    number: int
    term: str
    definition: str
    line: int
    numbered: bool = True  # False for an entry of an unnumbered glossary (linked where the term is used)


@dataclass
class Layout:
    chapter_number: int
    chapter_title: str
    chapter_line: int
    lead: list[DraftParagraph]
    sections: list[DraftSection]
    footnotes: list[DraftFootnote]
    figures: list[Figure]


def read_layout(text: str) -> Layout:
    """A chapter file's text alone (the headings planned from it)."""
    raw_lines = text.split("\n")
    return read_planned_layout(raw_lines, plan_headings(raw_lines), page_starts={
        index for index, raw in enumerate(raw_lines) if lines.starts_page(raw)})


def read_planned_layout(raw_lines: list[str], plan: HeadingPlan, *, first_line: int = 1,
                        page_starts: set[int] = frozenset(), figures: dict[int, tuple[str, str]] | None = None,
                        chapter: tuple[int, str] | None = None) -> Layout:
    """The lines of one chapter, the plan's indexes counted from ``first_line`` (line numbers for
    messages are ``first_line`` + the index). ``chapter`` names a chapter the text has no heading for."""
    reader = _LayoutReader(raw_lines, plan, first_line, page_starts, figures or {})
    if chapter is not None:
        reader.chapter = (chapter[0], chapter[1], first_line)
    reader.read()
    return reader.layout()


class _LayoutReader:
    def __init__(self, raw_lines: list[str], plan: HeadingPlan, first_line: int, page_starts: set[int],
                 figures: dict[int, tuple[str, str]]):
        self.raw_lines = raw_lines
        self.plan, self.first_line, self.page_starts, self.planned_figures = plan, first_line, page_starts, figures
        self.width = _usual_width(raw_lines)
        self.chapter: tuple[int, str, int] | None = None
        self.lead: list[DraftParagraph] = []
        self.sections: list[DraftSection] = []
        self.footnotes: list[DraftFootnote] = []
        self.figures: list[Figure] = []
        self.current: DraftParagraph | None = None
        self.mode = "text"  # "footnote" inside a page-bottom block, "glossary" after 【用語解説】
        self.previous_blank = True

    def read(self) -> None:
        for index, raw in enumerate(self.raw_lines):
            self.index, number = index, self.first_line + index
            if index in self.planned_figures:  # a chart set apart: the paragraph around it goes on
                self._add_figure(*self.planned_figures[index], number)
            if self.mode == "glossary":
                self._glossary_line(raw, number)
            elif self.mode == "footnote" and self._footnote_line(raw, number):
                pass
            else:
                self._text_line(raw, number)
            self.previous_blank = is_blank(raw)

    def layout(self) -> Layout:
        if self.chapter is None:
            raise ParseError("no chapter heading found (a line such as 「第１章　タイトル」)")
        number, title, line = self.chapter
        return Layout(
            chapter_number=number,
            chapter_title=title,
            chapter_line=line,
            lead=self.lead,
            sections=self.sections,
            footnotes=self.footnotes,
            figures=self.figures,
        )

    # -- footnotes -------------------------------------------------------------------------

    def _footnote_line(self, raw: str, number: int) -> bool:
        """Handle a line inside a footnote block; False when the block has ended."""
        if self._start_footnote(raw, number, lines.footnote(raw) or lines.signed_note(raw)):
            return True
        if self.index in self.page_starts or self.index in self.plan.chapters or self._next_section(raw):
            self.mode = "text"
            return False
        if not is_blank(raw):
            self._continue_footnote(raw)
        return True

    def _glossary_line(self, raw: str, number: int) -> None:
        entry = lines.glossary_entry(raw)
        if entry and entry[0] is None:
            self.footnotes.append(DraftFootnote(self._next_number(), entry[1], entry[2], number, numbered=False))
        elif not self._start_footnote(raw, number, entry) and not is_blank(raw) and self.footnotes:
            self._continue_footnote(raw)

    def _next_number(self) -> int:
        return max((note.number for note in self.footnotes), default=0) + 1

    def _start_footnote(self, raw: str, number: int, found: tuple[int, str, str] | None) -> bool:
        if found and any(note.number == found[0] for note in self.footnotes):
            first = next(note for note in self.footnotes if note.number == found[0])
            raise ParseError(f"footnote {found[0]} (「{found[1]}」) is numbered again; it was 「{first.term}」 at "
                             f"line {first.line}. Number each footnote once", line=number)
        if not found or (self.footnotes and found[0] <= self.footnotes[-1].number):
            return False
        self.footnotes.append(DraftFootnote(found[0], found[1], found[2], number))
        return True

    def _continue_footnote(self, raw: str) -> None:
        last = self.footnotes[-1]
        fragment = clean_line(raw)
        last.definition = join_fragments(last.definition, fragment) if last.definition else fragment

    # -- body text -------------------------------------------------------------------------

    def _text_line(self, raw: str, number: int) -> None:
        if is_blank(raw):
            return
        heading = self.plan.chapters.get(self.index)
        if heading and self.chapter is None:
            self.current = None
            self.chapter = (heading[0], heading[1], number)
        elif heading:
            self.current = None  # a second 第N章 heading: parse_document gives each chapter its own lines
        elif (self.previous_blank and self._start_footnote(raw, number, lines.footnote(raw))) \
                or self._start_footnote(raw, number, lines.signed_note(raw)):
            self.mode = "footnote"
        elif lines.is_glossary_heading(raw):
            self.current = None
            self.mode = "glossary"
        elif self.current and self.current.kind != "list_item" and lines.is_furigana(raw.strip()) \
                and not lines.ends_sentence(self.current.text):
            self.current.rubies.append((len(self.current.text), raw.strip()))
        elif self._next_section(raw):
            section_number, title = self.plan.sections[self.index]
            self.current = None
            self.sections.append(DraftSection(section_number, title, number))
        elif self.index in self.plan.subheadings and (self.sections or self.chapter):
            self.current = self._new_paragraph(number, kind="heading")
            self._append(self.plan.subheadings[self.index], number)
            self.current = None
        elif caption := lines.figure_caption(raw):
            self.current = None
            self._add_figure(*caption, number)
        elif item := lines.list_item(raw):
            self.current = self._new_paragraph(number, kind="list_item")
            self._append(item[1], number)
        else:
            self._body_line(raw, number)

    def _next_section(self, raw: str) -> bool:
        return bool(self.chapter) and self.index in self.plan.sections

    def _body_line(self, raw: str, number: int) -> None:
        fragment = clean_line(raw)
        if self.current is None or self._list_item_ended():
            self.current = self._new_paragraph(number)
        self._append(fragment, number)

    def _list_item_ended(self) -> bool:
        item = self.current
        return item.kind == "list_item" and (
            item.last_fragment.endswith(_CLOSING) or len(item.last_fragment) < self.width * _WRAPPED_LINE_SHARE
        )

    def _append(self, fragment: str, number: int) -> None:
        self.current.append(fragment, number)
        if lines.ends_sentence(fragment) and self.current.kind == "paragraph":
            self.current = None

    def _new_paragraph(self, number: int, kind: str = "paragraph") -> DraftParagraph:
        paragraph = DraftParagraph(line=number, kind=kind)
        if self.sections:
            self.sections[-1].paragraphs.append(paragraph)
        else:
            self.lead.append(paragraph)
        return paragraph

    def _add_figure(self, label: str, title: str, number: int) -> None:
        section = self.sections[-1] if self.sections else None
        self.figures.append(
            Figure(
                label=label,
                title=title,
                section=section.number if section else None,
                line=number,
                paragraph=len(section.paragraphs) if section else 0,
            )
        )


def _usual_width(raw_lines: list[str]) -> int:
    widths = [len(clean_line(raw)) for raw in raw_lines if len(raw.strip()) > 5]
    return int(statistics.median(widths)) if widths else 40
