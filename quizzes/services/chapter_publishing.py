"""A chapter file in, lessons and their item bank out, in one transaction: the import goes from here
to content's import service (which parses) and back, then to item generation.

A dry run is decided here, at the outermost call, and nowhere below: everything runs as for real
inside one transaction, which is then rolled back, so the report says exactly what a real run would do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from civiclearn.transactions import rolled_back_if
from content.models import Chapter
from content.parsing import ParsedDocument
from content.services.chapter_import import DocumentImport, ImportReport, document_import

from .item_generation import GenerationReport, items_generate


@dataclass(frozen=True)
class PublishedChapter:
    imported: ImportReport  # the lessons' changes
    generated: GenerationReport  # then its items'


@dataclass(frozen=True)
class PublishReport:
    """What importing a file did: the document as read (pages, furniture left out), then each chapter."""

    dry_run: bool
    document: DocumentImport
    chapters: list[PublishedChapter]


@dataclass(frozen=True)
class RegenerationReport:
    """What regenerating the items of some chapters did, chapter by chapter."""

    dry_run: bool
    generated: list[GenerationReport] = field(default_factory=list)


def chapter_publish(*, data: bytes, source_name: str, slug: str | None = None, dry_run: bool = False,
                    progress=None, parsed: ParsedDocument | None = None, owner=None,
                    public: bool = True) -> PublishReport:
    """Import the file's chapters (``parsed``, when it has been read and reviewed already), then
    regenerate their items. Raises ParseError with nothing written."""
    with rolled_back_if(dry_run):
        document = document_import(data=data, source_name=source_name, slug=slug, progress=progress,
                                   document=parsed, owner=owner, public=public)
        chapters = [PublishedChapter(imported, items_generate(chapter=Chapter.objects.get(slug=imported.slug)))
                    for imported in document.chapters]
    return PublishReport(dry_run, document, chapters)


def chapters_regenerate(*, chapters: Iterable[Chapter], dry_run: bool = False) -> RegenerationReport:
    """Regenerate the item bank of each chapter, all in one transaction."""
    with rolled_back_if(dry_run):
        generated = [items_generate(chapter=chapter) for chapter in chapters]
    return RegenerationReport(dry_run, generated)
