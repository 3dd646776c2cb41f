"""Write a parsed chapter to the database, in place: what is unchanged keeps its primary key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction
from django.utils.text import slugify

from content.models import Chapter, Event, Figure, Goal, GoalList, Paragraph, Section, Term, TermLink
from content.parsing import ParsedChapter, ParsedDocument, ParseError, parse_document
from content.readings import shown_reading, term_reading

from .revisions import raise_revision
from .row_sync import Change, ChangeLog, apply_rows, match_by_alignment, match_by_keys, remove_rows


@dataclass
class ImportReport:
    """What an import wrote (or, inside a transaction that is then rolled back, would write)."""

    slug: str
    created: bool
    counts: dict[str, int]
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def tally(self, action: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for change in self.changes:
            if change.action == action:
                found[change.kind] = found.get(change.kind, 0) + 1
        return found

    @property
    def unchanged(self) -> bool:
        return not self.changes


def _section_label(values: dict) -> str:
    return f"{values['number']}．{values['title']}"


@dataclass(frozen=True)
class DocumentImport:
    """What importing a file did: the document as read, then each of its chapters."""

    kind: str  # "pdf" or "text"
    pages: int
    title: str
    removed: dict[str, int]  # furniture left out of the lessons: reason → lines
    chapters: list[ImportReport]


def chapter_import_file(*, data: bytes, source_name: str, slug: str | None = None) -> ImportReport:
    """Import a file of one chapter (its first, if it holds several); raise ParseError, nothing written,
    if it cannot be read as one."""
    return document_import(data=data, source_name=source_name, slug=slug).chapters[0]


@transaction.atomic
def document_import(*, data: bytes, source_name: str, slug: str | None = None, progress=None,
                    document: ParsedDocument | None = None, owner=None, public: bool = True) -> DocumentImport:
    """Parse a file (PDF or text) and import each chapter it holds: one chapter keeps ``slug``, several
    become ``slug-1``, ``slug-2``… Raises ParseError, nothing written, for a file that yields no lesson.
    ``document`` is the file already parsed (and reviewed); ``data`` then only names its source. A new
    chapter records its ``owner`` and whether it is ``public``; an existing one keeps both."""
    document = document or parse_document(data, progress=progress)
    empty = [parsed for parsed in document.chapters if not parsed.sections]
    if empty:
        raise ParseError(_nothing_to_learn(document, empty[0]))
    reports = [
        chapter_import(parsed=parsed, slug=chapter_slug, source_name=Path(source_name).name,
                       source_sha256=hashlib.sha256(data).hexdigest(), owner=owner, public=public)
        for parsed, chapter_slug in zip(document.chapters, document_slugs(source_name, slug, len(document.chapters)))
    ]
    return DocumentImport(document.kind, document.pages, document.title, dict(document.removed), reports)


def _nothing_to_learn(document, parsed) -> str:
    set_apart = sum(document.removed.values())
    found = f"; {set_apart} lines were set apart as tables, charts, page furniture or contents" if set_apart else ""
    return (f"「{parsed.chapter.title}」 yields no sections: no numbered headings (「１．…」, 「Ⅰ．…」, 「第１節」) "
            f"were found{found}. Nothing was imported")


def document_slugs(source_name: str, slug: str | None, chapters: int) -> list[str]:
    """One chapter keeps the slug (or the file's name); several become ``slug-1``, ``slug-2``…"""
    base = slug or default_slug(source_name)
    return [f"{base}-{index}" for index in range(1, chapters + 1)] if chapters > 1 else [base]


def default_slug(source_name: str) -> str:
    return slugify(Path(source_name).stem) or "chapter"


@transaction.atomic
def chapter_import(*, parsed: ParsedChapter, slug: str, source_name: str, source_sha256: str, owner=None,
                   public: bool = True) -> ImportReport:
    """Create or update chapter ``slug`` from ``parsed`` in one transaction. A dry run is the caller's:
    it rolls back the transaction this runs in (quizzes.services.chapter_publishing)."""
    return _ChapterWriter(parsed, slug, owner, public).write(source_name, source_sha256)


class _ChapterWriter:
    def __init__(self, parsed: ParsedChapter, slug: str, owner=None, public: bool = True):
        self.parsed = parsed
        self.slug = slug
        self.owner, self.public = owner, public
        self.log = ChangeLog()

    def write(self, source_name: str, source_sha256: str) -> ImportReport:
        chapter, created = self._chapter(source_name, source_sha256)
        sections, vanished_sections = self._sections(chapter)
        paragraphs = self._paragraphs(sections)
        terms = self._terms(chapter, sections)
        self._term_links(chapter, paragraphs, terms)
        self._events(chapter, sections, paragraphs)
        self._goal_lists(chapter, sections, paragraphs)
        self._figures(chapter, sections)
        # Last, so that the events and terms of a vanished section are reported one by one above.
        remove_rows(Section, vanished_sections, log=self.log, kind="section", label=_section_label)
        raise_revision([chapter.pk])
        counts = {
            "sections": len(sections), "paragraphs": len(paragraphs), "terms": len(terms),
            "events": len(self.parsed.events), "goal_lists": len(self.parsed.goals),
            "goals": sum(len(goals.items) for goals in self.parsed.goals), "figures": len(self.parsed.figures),
        }
        return ImportReport(self.slug, created, counts, self.log.changes, list(self.parsed.warnings))

    def _chapter(self, source_name: str, source_sha256: str) -> tuple[Chapter, bool]:
        heading = self.parsed.chapter
        values = {"number": heading.number, "title": heading.title, "lead": heading.lead,
                  "source_name": source_name, "source_sha256": source_sha256}
        chapter = Chapter.objects.select_for_update().filter(slug=self.slug).first()
        if chapter is None:
            self.log.record("chapter", "added", str(heading.title))
            return Chapter.objects.create(slug=self.slug, owner=self.owner, is_public=self.public, **values), True
        if any(getattr(chapter, name) != value for name, value in values.items()):
            if (chapter.number, chapter.title, chapter.lead) != (heading.number, heading.title, heading.lead):
                self.log.record("chapter", "changed", heading.title)
            Chapter.objects.filter(pk=chapter.pk).update(**values)
        return chapter, False

    def _sections(self, chapter: Chapter) -> tuple[dict[int, Section], list[Section]]:
        desired = [{"chapter_id": chapter.pk, "number": s.number, "title": s.title} for s in self.parsed.sections]
        pairs, leftovers = match_by_keys(chapter.sections.all(), desired, [("title",), ("number",)])
        Section.objects.filter(pk__in=[row.pk for row in leftovers]).update(number=models.F("number") + 500_000_000)
        rows = apply_rows(Section, pairs, [], log=self.log, kind="section", unique_field="number",
                          label=_section_label)
        return {row.number: row for row in rows}, leftovers

    def _paragraphs(self, sections: dict[int, Section]) -> dict[tuple[int, int], Paragraph]:
        existing: dict[int, list[Paragraph]] = {}
        for paragraph in Paragraph.objects.filter(section__in=sections.values()):
            existing.setdefault(paragraph.section_id, []).append(paragraph)
        rows = {}
        for parsed_section in self.parsed.sections:
            section = sections[parsed_section.number]
            desired = [{"section_id": section.pk, "position": index, "kind": p.kind, "text": p.text}
                       for index, p in enumerate(parsed_section.paragraphs)]
            pairs, leftovers = match_by_alignment(existing.get(section.pk, []), desired, "text")
            written = apply_rows(Paragraph, pairs, leftovers, log=self.log, kind="paragraph",
                                 unique_field="position", label=lambda v: v["text"][:30])
            rows.update({(parsed_section.number, index): row for index, row in enumerate(written)})
        return rows

    def _terms(self, chapter: Chapter, sections: dict[int, Section]) -> dict[int, Term]:
        desired = [
            {"chapter_id": chapter.pk, "number": t.number, "term": t.term, "reading": reading,
             "shown_reading": shown_reading(t.term, reading), "definition": t.definition,
             "section_id": sections[t.section].pk if t.section else None}
            for t in self.parsed.terms
            for reading in [term_reading(t.term, t.reading)]
        ]
        pairs, leftovers = match_by_keys(chapter.terms.all(), desired, [("term",), ("number",)])
        rows = apply_rows(Term, pairs, leftovers, log=self.log, kind="term", unique_field="number",
                          label=lambda v: f"{v['number']} {v['term']}")
        return {row.number: row for row in rows}

    def _term_links(self, chapter, paragraphs, terms) -> None:
        desired = [
            {"paragraph_id": paragraphs[(section.number, index)].pk, "term_id": terms[link.term].pk,
             "start": link.start, "end": link.end, "is_marker": link.marker}
            for section in self.parsed.sections
            for index, paragraph in enumerate(section.paragraphs)
            for link in paragraph.links
            if link.term in terms
        ]
        existing = TermLink.objects.filter(paragraph__section__chapter=chapter)
        pairs, leftovers = match_by_keys(existing, desired, [("paragraph_id", "term_id", "start", "end", "is_marker")])
        apply_rows(TermLink, pairs, leftovers, log=self.log, kind="term link",
                   label=lambda v: f"{v['term_id']}@{v['paragraph_id']}:{v['start']}")

    def _events(self, chapter, sections, paragraphs) -> None:
        desired = [
            {"chapter_id": chapter.pk, "section_id": sections[e.section].pk,
             "paragraph_id": paragraphs[(e.section, e.paragraph)].pk, "position": index,
             "date_text": e.text, "year": e.year, "month": e.month, "day": e.day, "fiscal_year": e.fiscal_year,
             "approximate": e.approximate, "precision": e.precision, "era": e.era or "",
             "era_year": e.era_year, "sentence": e.sentence, "span_start": e.span_start, "span_end": e.span_end,
             "is_target": is_target}
            for index, (e, is_target) in enumerate([*((e, False) for e in self.parsed.events),
                                                    *((e, True) for e in self.parsed.targets)])
        ]
        keys = [("date_text", "sentence"), ("date_text", "section_id"), ("sentence",), ("paragraph_id",)]
        pairs, leftovers = match_by_keys(chapter.events.all(), desired, keys)
        apply_rows(Event, pairs, leftovers, log=self.log, kind="event", unique_field="position",
                   label=lambda v: v["date_text"])

    def _goal_lists(self, chapter, sections, paragraphs) -> None:
        desired = [
            {"chapter_id": chapter.pk, "section_id": sections[g.section].pk,
             "paragraph_id": paragraphs[(g.section, g.paragraph)].pk, "position": index, "title": g.title,
             "plan": g.plan or "", "stated_count": g.stated_count, "sentence": g.sentence}
            for index, g in enumerate(self.parsed.goals)
        ]
        pairs, leftovers = match_by_keys(chapter.goal_lists.all(), desired, [("title",), ("position",)])
        rows = apply_rows(GoalList, pairs, leftovers, log=self.log, kind="goal list", unique_field="position",
                          label=lambda v: v["title"])
        for goal_list, parsed in zip(rows, self.parsed.goals):
            wanted = [{"goal_list_id": goal_list.pk, "position": index, "text": text}
                      for index, text in enumerate(parsed.items)]
            pairs, leftovers = match_by_keys(goal_list.goals.all(), wanted, [("text",), ("position",)])
            apply_rows(Goal, pairs, leftovers, log=self.log, kind="goal", unique_field="position",
                       label=lambda v: v["text"])

    def _figures(self, chapter, sections) -> None:
        desired = [
            {"section_id": sections[f.section].pk, "position": index, "label": f.label, "title": f.title,
             "after_paragraph": f.paragraph}
            for index, f in enumerate(self.parsed.figures)
            if f.section in sections
        ]
        existing = Figure.objects.filter(section__chapter=chapter)
        pairs, leftovers = match_by_keys(existing, desired, [("label",), ("title",)])
        apply_rows(Figure, pairs, leftovers, log=self.log, kind="figure", unique_field="position",
                   label=lambda v: v["label"])
