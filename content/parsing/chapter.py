"""A document to ParsedChapters: the passes put together.

source (PDF or text) → furniture blanked → headings planned → each 第N章 (or the whole document, named
by its title) laid out into sections, paragraphs and notes → markers resolved → events and goals.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .dates import clauses_for_dates, event_dates, quoted_names, split_sentences
from .errors import ParseError
from .furniture import Cleaned, strip_furniture
from .goals import goal_list_title, inline_goal_lists, introduces_list, plan_named
from .layout import Layout, read_planned_layout
from .markers import resolve_markers
from .records import ChapterHeading, Event, GoalList, Paragraph, ParsedChapter, Section
from .source import Source, read_source
from .structure import HeadingPlan, plan_headings


@dataclass
class ParsedDocument:
    chapters: list[ParsedChapter]
    kind: str  # "pdf" or "text"
    pages: int
    title: str
    removed: Counter = field(default_factory=Counter)  # furniture left out: reason → lines


def parse_chapter(source: bytes | str) -> ParsedChapter:
    """The first (usually the only) chapter of a file; raise ParseError if it holds none."""
    return parse_document(source).chapters[0]


def parse_document(source: bytes | str, *, progress=None) -> ParsedDocument:
    """Parse a chapter file's bytes (PDF or text) or text; raise ParseError if it cannot be read."""
    read = read_source(source, progress=progress)
    cleaned = strip_furniture(read)
    texts = [line.text for line in cleaned.lines]
    sizes = [line.size for line in cleaned.lines] if read.kind == "pdf" else None
    plan = plan_headings(texts, sizes, read.body_size)
    title = _document_title(read, plan)
    if not plan.chapters and read.kind == "text" and not plan.sections:
        raise ParseError("no chapter heading found (a line such as 「第１章　タイトル」), and no numbered "
                         "sections (「１．…」, 「Ⅰ．…」) either")
    chapters = [_parse_range(cleaned, plan, start, end, chapter, read)
                for start, end, chapter in _chapter_ranges(plan, len(texts), title)]
    return ParsedDocument(chapters, read.kind, read.pages, title, cleaned.removed)


def _chapter_ranges(plan: HeadingPlan, length: int, title: str):
    """(first line, end, the chapter to name when the text has no heading for it) per chapter."""
    starts = sorted(plan.chapters)
    if not starts:
        return [(0, length, (1, title))]
    ends = [*starts[1:], length]
    return [(0 if position == 0 else start, end, None) for position, (start, end) in enumerate(zip(starts, ends))]


def _parse_range(cleaned: Cleaned, plan: HeadingPlan, start: int, end: int, chapter, read: Source) -> ParsedChapter:
    texts = [line.text for line in cleaned.lines[start:end]]
    layout = read_planned_layout(
        texts, _shifted(plan, start, end), first_line=start + 1, chapter=chapter,
        page_starts={i - start for i, line in enumerate(cleaned.lines) if start <= i < end and line.page_start},
        figures={i - start: figure for i, figure in cleaned.figures.items() if start <= i < end},
    )
    parsed = _chapter_from_layout(layout)
    if read.kind == "pdf":
        parsed.warnings = [_with_page(warning, cleaned) for warning in parsed.warnings]
    return parsed


def _shifted(plan: HeadingPlan, start: int, end: int) -> HeadingPlan:
    def part(mapping):
        return {index - start: value for index, value in mapping.items() if start <= index < end}

    return replace(plan, chapters=part(plan.chapters), sections=part(plan.sections),
                   subheadings=part(plan.subheadings))


def _with_page(warning: str, cleaned: Cleaned) -> str:
    """「line 812: …」 means nothing in a PDF; 「page 27: …」 does."""
    found = re.match(r"line (\d+): ", warning)
    if not found or not 0 < int(found.group(1)) <= len(cleaned.lines):
        return warning
    page = cleaned.lines[int(found.group(1)) - 1].page
    return f"page {page}: {warning[found.end():]}"


def _document_title(read: Source, plan: HeadingPlan) -> str:
    """What names a document without 第N章: the largest text of its first pages (a PDF's title), or
    its first line that is not a heading."""
    early = [(index, line) for index, line in enumerate(read.lines)
             if (line.page or 1) <= 2 and 2 <= len(line.text.strip()) <= 40]
    if read.kind == "pdf" and early:
        _index, line = max(early, key=lambda pair: (pair[1].size or 0, -pair[0]))
        return re.sub(r"\s+", " ", line.text).strip()
    first = next((line.text.strip() for index, line in enumerate(read.lines)
                  if line.text.strip() and index not in plan.sections), "")
    return first[:40] or "文書"


def _chapter_from_layout(layout: Layout) -> ParsedChapter:
    _within_limits(layout)
    drafts = [(None, p) for p in layout.lead] + [(s.number, p) for s in layout.sections for p in s.paragraphs]
    resolved = resolve_markers(layout, drafts)
    lead_count = len(layout.lead)
    sections, cursor = [], lead_count
    for draft in layout.sections:
        paragraphs = resolved.paragraphs[cursor:cursor + len(draft.paragraphs)]
        cursor += len(draft.paragraphs)
        sections.append(Section(draft.number, draft.title, draft.line, paragraphs))
    warnings = list(resolved.warnings)
    events = _events(sections, warnings)
    goals = _goal_lists(sections, warnings)
    if not sections:
        warnings.append(f"line {layout.chapter_line}: the chapter has no numbered sections (「１．…」)")
    heading = ChapterHeading(
        number=layout.chapter_number,
        title=layout.chapter_title,
        lead="\n".join(p.text for p in resolved.paragraphs[:lead_count]),
        line=layout.chapter_line,
    )
    return ParsedChapter(heading, sections, resolved.terms, events, goals, layout.figures, _by_line(warnings))


# A chapter of a municipal plan has tens of notes of a few lines each; far more, or far longer, means
# the file is not one chapter, or a note's end was missed and the text after it was read as its
# definition. Either way the import stops and says where.
MAX_NOTES = 400
MAX_DEFINITION = 1500


def _within_limits(layout: Layout) -> None:
    if len(layout.footnotes) > MAX_NOTES:
        raise ParseError(f"the file has {len(layout.footnotes)} footnotes; a chapter has at most {MAX_NOTES}. "
                         "Split it into chapters", line=layout.footnotes[MAX_NOTES].line)
    for note in layout.footnotes:
        if len(note.definition) > MAX_DEFINITION:
            raise ParseError(f"the definition of 「{note.term}」 runs to {len(note.definition):,} characters (at most "
                             f"{MAX_DEFINITION:,}); has the end of its footnote block been missed?", line=note.line)


def _events(sections: list[Section], warnings: list[str]) -> list[Event]:
    events = []
    for section in sections:
        for index, paragraph in enumerate(section.paragraphs):
            events.extend(_paragraph_events(section.number, index, paragraph, warnings))
    return events


def _paragraph_events(section: int, index: int, paragraph: Paragraph, warnings: list[str]) -> list[Event]:
    events = []
    for offset, sentence in split_sentences(paragraph.text):
        dates = event_dates(sentence)
        for date, clause in zip(dates, clauses_for_dates(sentence, dates)):
            line = paragraph.line_at(offset + date.start)
            if date.conflict:
                warnings.append(f"line {line}: {date.conflict}")
            events.append(Event(
                text=date.text, year=date.year, sentence=clause, line=line, section=section,
                month=date.month, day=date.day, fiscal_year=date.fiscal_year, approximate=date.approximate,
                precision=date.precision, era=date.era, era_year=date.era_year,
                subjects=quoted_names(clause), paragraph=index,
            ))
    return events


def _goal_lists(sections: list[Section], warnings: list[str]) -> list[GoalList]:
    goal_lists, earlier_text = [], ""
    for section in sections:
        for index, paragraph in enumerate(section.paragraphs):
            if paragraph.kind == "paragraph":
                goal_lists.extend(_inline_lists(section.number, index, paragraph, earlier_text, warnings))
                goal_lists.extend(_line_list(section, index, earlier_text, warnings))
            earlier_text += paragraph.text
    return goal_lists


def _inline_lists(section, index, paragraph, earlier_text, warnings) -> list[GoalList]:
    found_lists = []
    for offset, sentence in split_sentences(paragraph.text):
        for found in inline_goal_lists(sentence):
            line = paragraph.line_at(offset + found.start)
            plan = plan_named(sentence, earlier_text + paragraph.text[:offset])
            _check_count(found.stated_count, found.items, line, warnings)
            found_lists.append(GoalList(
                title=goal_list_title(plan, found.kind), items=found.items, section=section, line=line,
                sentence=sentence, stated_count=found.stated_count, plan=plan, paragraph=index,
            ))
    return found_lists


def _line_list(section: Section, index: int, earlier_text: str, warnings: list[str]) -> list[GoalList]:
    """Items on lines of their own (「（１）…」, 「①…」) after a paragraph that announces them."""
    intro = section.paragraphs[index]
    items = []
    for following in section.paragraphs[index + 1:]:
        if following.kind != "list_item":
            break
        items.append(following.text)
    named, count, kind = introduces_list(intro.text)
    if not items or not named:
        return []
    sentence = split_sentences(intro.text)[-1][1]
    plan = plan_named(sentence, earlier_text + intro.text)
    _check_count(count, items, intro.line, warnings)
    return [GoalList(
        title=goal_list_title(plan, kind), items=items, section=section.number, line=intro.line,
        sentence=sentence, stated_count=count, plan=plan, paragraph=index,
    )]


def _check_count(stated: int | None, items: list[str], line: int, warnings: list[str]) -> None:
    if stated is not None and stated != len(items):
        warnings.append(f"line {line}: the text announces {stated} goals but lists {len(items)}")


def _by_line(warnings: list[str]) -> list[str]:
    def line_of(warning: str) -> int:
        head = warning.split(":", 1)[0]
        return int(head.removeprefix("line ")) if head.startswith("line ") else 0

    return sorted(warnings, key=line_of)
