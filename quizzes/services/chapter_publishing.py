"""A chapter file in, lessons and their item bank out, in one transaction: the import goes from here
to content's import service (which parses) and back, then to item generation.

A dry run is decided here, at the outermost call, and nowhere below: everything runs as for real
inside one transaction, which is then rolled back, so the report says exactly what a real run would do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from content.models import Chapter
from content.services.chapter_import import ImportReport, chapter_import_file

from .item_generation import GenerationReport, items_generate


@dataclass(frozen=True)
class PublishReport:
    """What importing a chapter file did: the lessons' changes, then its items'."""

    dry_run: bool
    imported: ImportReport
    generated: GenerationReport


@dataclass(frozen=True)
class RegenerationReport:
    """What regenerating the items of some chapters did, chapter by chapter."""

    dry_run: bool
    generated: list[GenerationReport] = field(default_factory=list)


@contextmanager
def _rolled_back_if(dry_run: bool) -> Iterator[None]:
    with transaction.atomic():
        yield
        if dry_run:
            transaction.set_rollback(True)


def chapter_publish(*, data: bytes, source_name: str, slug: str | None = None,
                    dry_run: bool = False) -> PublishReport:
    """Import the chapter file, then regenerate its items. Raises ParseError with nothing written."""
    with _rolled_back_if(dry_run):
        imported = chapter_import_file(data=data, source_name=source_name, slug=slug)
        generated = items_generate(chapter=Chapter.objects.get(slug=imported.slug))
    return PublishReport(dry_run, imported, generated)


def chapters_regenerate(*, chapters: Iterable[Chapter], dry_run: bool = False) -> RegenerationReport:
    """Regenerate the item bank of each chapter, all in one transaction."""
    with _rolled_back_if(dry_run):
        generated = [items_generate(chapter=chapter) for chapter in chapters]
    return RegenerationReport(dry_run, generated)
