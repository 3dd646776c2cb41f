"""A reviewer's edits applied to a parsed document before it is imported: drop, rename or merge a
section; drop or fix a term; drop an event or fix its year and precision.

Edits are plain data (they are kept as JSON between the preview and publishing), keyed by the
chapter's index in the document and, within it, by section number, term number and event index::

    {"chapters": {"0": {"sections": {"3": {"drop": True}, "4": {"merge": True}, "2": {"title": "…"}},
                        "terms": {"5": {"drop": True}, "6": {"term": "…", "definition": "…"}},
                        "events": {"7": {"drop": True}, "8": {"year": 1997, "precision": "year"}}}}}

A merged section joins the one before it; the sections left are numbered 1, 2, 3… again.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from .chapter import ParsedDocument
from .errors import ParseError
from .records import ParsedChapter, TermLink

PRECISIONS = ("day", "month", "year", "range", "decade", "decade_part", "approximate")


def apply_review(document: ParsedDocument, edits: dict) -> ParsedDocument:
    reviewed = copy.deepcopy(document)
    for key, chapter_edits in (edits.get("chapters") or {}).items():
        index = int(key)
        if not 0 <= index < len(reviewed.chapters):
            raise ParseError(f"the edits name chapter {index + 1}, which the document does not have")
        chapter = reviewed.chapters[index]
        _events(chapter, chapter_edits.get("events") or {})
        _terms(chapter, chapter_edits.get("terms") or {})
        _sections(chapter, chapter_edits.get("sections") or {})
    return reviewed


def _events(chapter: ParsedChapter, edits: dict) -> None:
    kept = []
    for index, event in enumerate(chapter.events):
        edit = edits.get(str(index)) or {}
        if edit.get("drop"):
            continue
        if "year" in edit or "precision" in edit:
            year = int(edit.get("year", event.year))
            precision = edit.get("precision", event.precision)
            if precision not in PRECISIONS:
                raise ParseError(f"「{precision}」 is not a precision")
            single = precision in ("day", "month", "year")
            span = (year, year) if single else _span(event, year, precision)
            event = replace(event, year=year, precision=precision, approximate=not single and precision != "range",
                            month=event.month if single else None, day=event.day if precision == "day" else None,
                            span_start=span[0], span_end=span[1])
        kept.append(event)
    chapter.events = kept


def _span(event, year: int, precision: str) -> tuple[int, int]:
    if precision == "decade":
        return year, year + 9
    if precision == "approximate":
        return year - 2, year + 2
    shift = year - event.year  # a range or a part of a decade keeps its length, moved with its start
    start = (event.span_start or event.year) + shift
    return start, (event.span_end or event.year) + shift


def _terms(chapter: ParsedChapter, edits: dict) -> None:
    dropped = {int(number) for number, edit in edits.items() if edit.get("drop")}
    terms = []
    for term in chapter.terms:
        if term.number in dropped:
            continue
        edit = edits.get(str(term.number)) or {}
        term.term = (edit.get("term") or term.term).strip()
        term.definition = (edit.get("definition") or term.definition).strip()
        terms.append(term)
    chapter.terms = terms
    for section in chapter.sections:
        for paragraph in section.paragraphs:
            paragraph.links = [link for link in paragraph.links if link.term not in dropped]


def _sections(chapter: ParsedChapter, edits: dict) -> None:
    numbers = {section.number for section in chapter.sections}
    for key in edits:
        if int(key) not in numbers:
            raise ParseError(f"the edits name section {key}, which chapter 「{chapter.chapter.title}」 does not have")
    target: dict[int, tuple[int | None, int]] = {}  # old number → (the section it now is in, paragraph offset)
    sections = []
    for section in chapter.sections:
        edit = edits.get(str(section.number)) or {}
        if edit.get("drop"):
            target[section.number] = (None, 0)
        elif edit.get("merge") and sections:
            into = sections[-1]
            target[section.number] = (into.number, len(into.paragraphs))
            into.paragraphs.extend(section.paragraphs)
        else:
            section.title = (edit.get("title") or section.title).strip()
            target[section.number] = (section.number, 0)
            sections.append(section)
    if not sections:
        raise ParseError(f"every section of 「{chapter.chapter.title}」 would be dropped; keep at least one")
    renumbered = {section.number: position for position, section in enumerate(sections, start=1)}
    for section in sections:
        section.number = renumbered[section.number]

    def moved(number, paragraph):
        into, offset = target.get(number, (None, 0)) if number is not None else (None, 0)
        return (renumbered[into], paragraph + offset) if into is not None else None

    for records in (chapter.events, chapter.targets, chapter.goals, chapter.figures):
        kept = []
        for record in records:
            place = moved(record.section, record.paragraph)
            if place is not None:
                record.section, record.paragraph = place
                kept.append(record)
        records[:] = kept
    for term in chapter.terms:
        place = moved(term.section, 0)
        term.section = place[0] if place else None
    live_terms = {term.number for term in chapter.terms}
    for section in sections:
        for paragraph in section.paragraphs:
            paragraph.links = [TermLink(link.start, link.end, link.term, link.marker) for link in paragraph.links
                               if link.term in live_terms]
    chapter.sections = sections
