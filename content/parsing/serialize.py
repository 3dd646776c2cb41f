"""A ParsedChapter as the JSON that ``parse_chapter`` prints (a contract other tools rely on)."""

from __future__ import annotations

from dataclasses import asdict

from .records import ParsedChapter


def chapter_as_dict(parsed: ParsedChapter) -> dict:
    return {
        "chapter": {"number": parsed.chapter.number, "title": parsed.chapter.title, "lead": parsed.chapter.lead},
        "sections": [
            {
                "number": section.number,
                "title": section.title,
                "paragraphs": [p.text for p in section.paragraphs],
                "paragraph_kinds": [p.kind for p in section.paragraphs],
                "links": [[asdict(link) for link in p.links] for p in section.paragraphs],
            }
            for section in parsed.sections
        ],
        "terms": [
            {"number": t.number, "term": t.term, "reading": t.reading, "definition": t.definition,
             "section": t.section, "line": t.line}
            for t in parsed.terms
        ],
        "events": [_event(e) for e in parsed.events],
        "targets": [_event(e) for e in parsed.targets],
        "goals": [
            {"title": g.title, "items": g.items, "section": g.section, "stated_count": g.stated_count,
             "plan": g.plan, "sentence": g.sentence, "line": g.line}
            for g in parsed.goals
        ],
        "figures": [
            {"label": f.label, "title": f.title, "section": f.section, "line": f.line} for f in parsed.figures
        ],
        "warnings": parsed.warnings,
    }


def _event(e) -> dict:
    return {"text": e.text, "year": e.year, "month": e.month, "day": e.day, "fiscal_year": e.fiscal_year,
            "approximate": e.approximate, "sentence": e.sentence, "section": e.section,
            "precision": e.precision, "era": e.era, "era_year": e.era_year, "subjects": e.subjects,
            "line": e.line, "span": [e.span_start, e.span_end], "relative": e.relative}
