"""What a reviewer sees before a document is published: every chapter with its sections (their first
lines), terms with definitions, events with their Western year and precision, targets, goals, figures
and warnings, and what looks like junk flagged. Plain data, kept as JSON until publishing."""

from __future__ import annotations

import re

from .chapter import ParsedDocument
from .dates import western_label
from .records import Event, ParsedChapter

FIRST_LINE = 80  # characters of a section's first paragraph shown
_MOSTLY_FIGURES = re.compile(r"^[\s0-9０-９,.，．%％\-－()（）年月度]+$")


def document_preview(document: ParsedDocument) -> dict:
    return {
        "title": document.title, "kind": document.kind, "pages": document.pages,
        "removed": dict(document.removed),
        "chapters": [_chapter(chapter) for chapter in document.chapters],
    }


def _chapter(chapter: ParsedChapter) -> dict:
    return {
        "number": chapter.chapter.number, "title": chapter.chapter.title, "lead": chapter.chapter.lead[:FIRST_LINE],
        "sections": [
            {"number": s.number, "title": s.title, "line": s.line, "paragraphs": len(s.paragraphs),
             "first_line": next((p.text[:FIRST_LINE] for p in s.paragraphs if p.kind != "heading"), ""),
             "flags": _section_flags(s)}
            for s in chapter.sections
        ],
        "terms": [
            {"number": t.number, "term": t.term, "definition": t.definition, "section": t.section, "line": t.line,
             "flags": _term_flags(t.term, t.definition)}
            for t in chapter.terms
        ],
        "events": [_event(index, event) for index, event in enumerate(chapter.events)],
        "targets": [_event(index, event) for index, event in enumerate(chapter.targets)],
        "goals": [{"title": g.title, "items": g.items, "section": g.section} for g in chapter.goals],
        "figures": [{"label": f.label, "title": f.title, "section": f.section} for f in chapter.figures],
        "warnings": chapter.warnings,
    }


def _event(index: int, event: Event) -> dict:
    span = (event.span_start or event.year, event.span_end or event.year)
    label = western_label(year=event.year, precision=event.precision, span=span, fiscal_year=event.fiscal_year,
                          month=event.month, day=event.day, era=event.era, date_text=event.text)
    flags = ["short"] if len(event.sentence) - len(event.text) < 8 else []
    return {"index": index, "text": event.text, "year": event.year, "precision": event.precision,
            "span": list(span), "western": label, "sentence": event.sentence, "section": event.section,
            "line": event.line, "flags": flags}


def _section_flags(section) -> list[str]:
    flags = []
    if not section.paragraphs:
        flags.append("empty")
    if any(_MOSTLY_FIGURES.match(p.text) for p in section.paragraphs):
        flags.append("figures")
    return flags


def _term_flags(term: str, definition: str) -> list[str]:
    flags = []
    if len(definition) < 6:
        flags.append("short")
    if len(term) > 30:
        flags.append("long_term")
    return flags
