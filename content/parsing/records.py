"""The dataclasses a parsed chapter is made of. Plain data: no Django, no behaviour beyond shape."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TermLink:
    """A glossary term used in a paragraph: ``text[start:end]`` names term ``term``.

    ``marker`` is true for the occurrence the source annotated with its footnote marker.
    """

    start: int
    end: int
    term: int
    marker: bool = False


@dataclass
class Paragraph:
    text: str
    line: int
    kind: str = "paragraph"  # or "list_item"
    links: list[TermLink] = field(default_factory=list)
    line_starts: list[tuple[int, int]] = field(default_factory=list, repr=False)  # (offset, line)

    def line_at(self, offset: int) -> int:
        """The source line that holds ``text[offset]``."""
        found = self.line
        for start, line in self.line_starts:
            if start > offset:
                break
            found = line
        return found


@dataclass
class Section:
    number: int
    title: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Term:
    number: int
    term: str
    definition: str
    line: int
    reading: str | None = None
    section: int | None = None


@dataclass
class Event:
    text: str
    year: int
    sentence: str
    line: int
    section: int | None
    month: int | None = None
    day: int | None = None
    fiscal_year: bool = False
    approximate: bool = False
    precision: str = "year"  # day, month, year, range, decade, decade_part, approximate
    era: str | None = None
    era_year: int | None = None
    subjects: list[str] = field(default_factory=list)
    paragraph: int = 0  # index of the paragraph within its section
    span_start: int | None = None  # the first and last year the date may mean (None: ``year``)
    span_end: int | None = None
    relative: bool = False  # written 同年, 翌年度…; the year comes from the date before


@dataclass
class GoalList:
    title: str
    items: list[str]
    section: int | None
    line: int
    sentence: str
    stated_count: int | None = None
    plan: str | None = None
    paragraph: int = 0  # index of the paragraph that introduces the list


@dataclass
class Figure:
    label: str
    title: str
    section: int | None
    line: int
    paragraph: int = 0  # number of the section's paragraphs that precede the figure


@dataclass
class ChapterHeading:
    number: int
    title: str
    lead: str
    line: int


@dataclass
class ParsedChapter:
    chapter: ChapterHeading
    sections: list[Section]
    terms: list[Term]
    events: list[Event]
    goals: list[GoalList]
    figures: list[Figure]
    warnings: list[str] = field(default_factory=list)
    targets: list[Event] = field(default_factory=list)  # deadlines and target years, not history
