"""A document to ParsedChapters: the passes put together.

source (PDF or text) → furniture blanked → headings planned → each 第N章 (or the whole document, named
by its title) laid out into sections, paragraphs and notes → markers resolved → events and goals.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .dates import FoundDate, clauses_for_dates, event_dates, last_date, quoted_names, split_sentences
from .errors import ParseError
from .furniture import Cleaned, strip_furniture
from .goals import goal_list_title, inline_goal_lists, introduces_list, plan_named
from .layout import Layout, read_planned_layout
from .markers import SUPERSCRIPT, resolve_markers
from .records import ChapterHeading, Event, GoalList, Paragraph, ParsedChapter, Section
from .source import Source, read_source
from .structure import GOAL_WORDS, HeadingPlan, plan_headings


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
    for parsed in chapters:
        _future_as_targets(parsed, read.year or datetime.date.today().year)
    return ParsedDocument(chapters, read.kind, read.pages, title, cleaned.removed)


def _future_as_targets(parsed: ParsedChapter, written: int) -> None:
    """A date after the document was written is a projection or a goal, not history."""
    future = [event for event in parsed.events if (event.span_start or event.year) > written]
    if future:
        parsed.events = [event for event in parsed.events if (event.span_start or event.year) <= written]
        parsed.targets = sorted(parsed.targets + future, key=lambda event: event.line)


def _chapter_ranges(plan: HeadingPlan, length: int, title: str):
    """(first line, end, the chapter to name when the text has no heading for it) per chapter."""
    starts = sorted(plan.chapters)
    if not starts:
        return [(0, length, (1, title))]
    ends = [*starts[1:], length]
    return [(0 if position == 0 else start, end, None) for position, (start, end) in enumerate(zip(starts, ends))]


def _parse_range(cleaned: Cleaned, plan: HeadingPlan, start: int, end: int, chapter, read: Source) -> ParsedChapter:
    texts = [_as_note(_with_superscripts(line), line, read.body_size) for line in cleaned.lines[start:end]]
    layout = read_planned_layout(
        texts, _shifted(plan, start, end), first_line=start + 1, chapter=chapter,
        page_starts={i - start for i, line in enumerate(cleaned.lines) if start <= i < end and line.page_start},
        figures={i - start: figure for i, figure in cleaned.figures.items() if start <= i < end},
    )
    if chapter is not None and layout.lead and layout.lead[0].text.strip() == chapter[1]:
        layout.lead.pop(0)  # the title that names the chapter is not its lead
    goal_word = None
    if plan.section_family == "goal" and (first := next((i for i in sorted(plan.sections) if start <= i < end), None)) \
            is not None and (word := re.match(GOAL_WORDS, texts[first].strip())):
        goal_word = word.group()
    parsed = _chapter_from_layout(layout, goal_word)
    if read.kind == "pdf":
        parsed.warnings = [_with_page(warning, cleaned) for warning in parsed.warnings]
    return parsed


def _with_superscripts(line) -> str:
    """A PDF's raised digits marked as note markers (the resolver strips the sign)."""
    text = line.text
    for offset in sorted(line.superscripts, reverse=True):
        if offset >= len(text) or not text[offset].isdigit():
            continue
        if offset == 0 or text[:offset].isspace():  # a note's own number, set raised: 「¹用語：説明」
            end = offset + len(re.match(r"\d+", text[offset:]).group())
            text = text[:end] + " " + text[end:]
        else:
            text = text[:offset] + SUPERSCRIPT + text[offset:]
    return text


_SMALL_NOTE = re.compile(r"^\s*([0-9]{1,3})[\s\u3000]*(?=[^\s0-9：:][^：:]{0,39}[：:])")
_NOTE_SIZE = 0.92  # of the body size: a page-bottom note is set smaller than the text


def _as_note(text: str, line, body_size: float | None) -> str:
    """A PDF's page-bottom note (「1 用語：説明」 in smaller type) written as a signed note, which the
    layout knows without the blank line a text file would have before it."""
    if not (line.size and body_size and line.size <= _NOTE_SIZE * body_size):
        return text
    return _SMALL_NOTE.sub(lambda found: f"※{found.group(1)} ", text, count=1)


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
    """What names a document without 第N章: the title in a PDF's metadata, else the largest text of its
    first pages, or a text's first line that is not a heading."""
    if 2 <= len(read.title) <= 60 and read.title.lower() not in ("untitled", "無題", "タイトルなし"):
        return read.title
    early = [(index, line) for index, line in enumerate(read.lines)
             if (line.page or 1) <= 2 and 2 <= len(line.text.strip()) <= 40]
    if read.kind == "pdf" and early:
        _index, line = max(early, key=lambda pair: (pair[1].size or 0, -pair[0]))
        return re.sub(r"\s+", " ", line.text).strip()
    first = next((line.text.strip() for index, line in enumerate(read.lines)
                  if line.text.strip() and index not in plan.sections), "")
    return first[:40] or "文書"


def _chapter_from_layout(layout: Layout, goal_word: str | None = None) -> ParsedChapter:
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
    events, targets = _events(sections, warnings)
    goals = _distinct_lists(_goal_lists(sections, warnings) + _heading_goal_lists(sections, goal_word), warnings)
    if not sections:
        warnings.append(f"line {layout.chapter_line}: the chapter has no numbered sections (「１．…」)")
    heading = ChapterHeading(
        number=layout.chapter_number,
        title=layout.chapter_title,
        lead="\n".join(p.text for p in resolved.paragraphs[:lead_count]),
        line=layout.chapter_line,
    )
    return ParsedChapter(heading, sections, resolved.terms, events, goals, layout.figures, _by_line(warnings),
                         targets)


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


def _events(sections: list[Section], warnings: list[str]) -> tuple[list[Event], list[Event]]:
    """(events, targets) in text order; 同年 and 翌年 count from the date before, within a section."""
    events, targets = [], []
    for section in sections:
        previous = None
        for index, paragraph in enumerate(section.paragraphs):
            if paragraph.kind == "heading":
                continue
            for offset, sentence in split_sentences(paragraph.text):
                found, deadlines = event_dates(sentence, previous)
                previous = last_date(sentence, previous)
                events.extend(_dated(section.number, index, paragraph, offset, sentence, found, warnings))
                targets.extend(_dated(section.number, index, paragraph, offset, sentence, deadlines, warnings))
    return events, targets


def _dated(section: int, index: int, paragraph: Paragraph, offset: int, sentence: str, dates: list[FoundDate],
           warnings: list[str]) -> list[Event]:
    events = []
    for date, clause in zip(dates, clauses_for_dates(sentence, dates)):
        line = paragraph.line_at(offset + date.start)
        if date.conflict:
            warnings.append(f"line {line}: {date.conflict}")
        events.append(Event(
            text=date.text, year=date.year, sentence=clause, line=line, section=section,
            month=date.month, day=date.day, fiscal_year=date.fiscal_year, approximate=date.approximate,
            precision=date.precision, era=date.era, era_year=date.era_year,
            subjects=quoted_names(clause), paragraph=index, span_start=date.span[0], span_end=date.span[1],
            relative=date.relative,
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
    named, count, kind = introduces_list(intro.text)
    items = _items_after(section.paragraphs[index + 1:], count)
    if not items or not named:
        return []
    sentence = split_sentences(intro.text)[-1][1]
    plan = plan_named(sentence, earlier_text + intro.text)
    _check_count(count, items, intro.line, warnings)
    return [GoalList(
        title=goal_list_title(plan, kind), items=items, section=section.number, line=intro.line,
        sentence=sentence, stated_count=count, plan=plan, paragraph=index,
    )]


_NUMBERED_HEADING = re.compile(
    rf"^(?:[（(][0-9０-９]{{1,2}}[）)]|[①-⑳]|(?:{GOAL_WORDS})[\s\u3000]*[0-9０-９]{{1,2}})[\s\u3000：:．.]*")


def _items_after(following: list[Paragraph], count: int | None) -> list[str]:
    """The items a paragraph announces: the list lines right after it, or — when it names how many —
    the numbered headings that follow, each with its own text between them (「（１）…」…「（４）…」)."""
    items = []
    for paragraph in following:
        if paragraph.kind != "list_item":
            break
        items.append(paragraph.text)
    if items or not count:
        return items
    for paragraph in following:
        if paragraph.kind == "heading" and (numbered := _NUMBERED_HEADING.match(paragraph.text)):
            items.append(paragraph.text[numbered.end():].strip())
            if len(items) == count:
                break
        elif paragraph.kind == "heading":
            break
    return items


_GOAL_HEADING = re.compile(rf"^({GOAL_WORDS})[\s\u3000]*[0-9０-９]{{1,2}}[\s\u3000：:．.]*(\S.*)$")


def _heading_goal_lists(sections: list[Section], family_word: str | None) -> list[GoalList]:
    """Headings 「基本目標１　…」, 「施策の柱２　…」 are the plan's goals: the sections' titles when they
    are the sections, or headings within a section."""
    lists = []
    if family_word and len(sections) >= 2 and sections[0].paragraphs:
        first = sections[0]
        lists.append(GoalList(title=family_word, items=[s.title for s in sections], section=first.number,
                              line=first.line, sentence=first.paragraphs[0].text, paragraph=0))
    for section in sections:
        found = [(index, _GOAL_HEADING.match(p.text)) for index, p in enumerate(section.paragraphs)
                 if p.kind == "heading"]
        found = [(index, match) for index, match in found if match]
        if len(found) >= 2:
            index, first = found[0]
            lists.append(GoalList(title=first.group(1), items=[match.group(2) for _i, match in found],
                                  section=section.number, line=section.paragraphs[index].line,
                                  sentence=section.paragraphs[index].text, paragraph=index))
    return lists


def _distinct_lists(goal_lists: list[GoalList], warnings: list[str]) -> list[GoalList]:
    """One list per set of items; a list of fewer than two items is reported, not kept."""
    kept, seen = [], set()
    for goal_list in goal_lists:
        if len(goal_list.items) < 2:
            warnings.append(f"line {goal_list.line}: 「{goal_list.title}」 lists {len(goal_list.items)} item(s); "
                            "a goal list needs at least two, so it was left out")
        elif tuple(goal_list.items) not in seen:
            seen.add(tuple(goal_list.items))
            kept.append(goal_list)
    return kept


def _check_count(stated: int | None, items: list[str], line: int, warnings: list[str]) -> None:
    if stated is not None and stated != len(items):
        warnings.append(f"line {line}: the text announces {stated} goals but lists {len(items)}")


def _by_line(warnings: list[str]) -> list[str]:
    def line_of(warning: str) -> int:
        head = warning.split(":", 1)[0]
        return int(head.removeprefix("line ")) if head.startswith("line ") else 0

    return sorted(warnings, key=line_of)
