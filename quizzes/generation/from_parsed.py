"""Material straight from a parsed chapter, for the command line and for tests without a database.

The site builds the same material from the database (``quizzes.selectors``), so edits made in the
admin reach the items.
"""

from __future__ import annotations

from content.parsing import ParsedChapter
from content.parsing.dates import split_sentences
from content.readings import term_reading

from .records import ChapterMaterial, EventSource, GoalListSource, SentenceSource, TermSource


def material_from_parsed(parsed: ParsedChapter, slug: str) -> ChapterMaterial:
    return ChapterMaterial(
        slug=slug,
        title=parsed.chapter.title,
        terms=[TermSource(t.number, t.term, t.definition, t.section, term_reading(t.term, t.reading))
               for t in parsed.terms],
        events=[
            EventSource(e.text, e.year, e.sentence, e.section or 0, e.precision, e.fiscal_year, e.approximate,
                        e.month, tuple(e.subjects), _span(e.span_start, e.span_end), e.era or "")
            for e in parsed.events
        ],
        goal_lists=[
            GoalListSource(index + 1, g.title, tuple(g.items), g.sentence, g.section or 0, g.plan or "",
                           g.stated_count)
            for index, g in enumerate(parsed.goals)
        ],
        sentences=[
            SentenceSource(sentence, section.number)
            for section in parsed.sections for paragraph in section.paragraphs
            for _offset, sentence in split_sentences(paragraph.text)
        ],
        section_titles={section.number: section.title for section in parsed.sections},
    )


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None
