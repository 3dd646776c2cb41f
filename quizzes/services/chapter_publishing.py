"""A chapter file in, lessons and their item bank out, in one transaction."""

from __future__ import annotations

from django.db import transaction

from content.models import Chapter
from content.services import ImportReport, chapter_import_file

from .item_generation import GenerationReport, generate_items


class _DryRunRollback(Exception):
    pass


def import_chapter_with_items(*, data: bytes, source_name: str, slug: str | None = None,
                              dry_run: bool = False) -> tuple[ImportReport, GenerationReport]:
    """Import the chapter, then regenerate its items. A dry run does both and then undoes them, so
    its reports say exactly what a real run would do. Raises ParseError with nothing written."""
    try:
        with transaction.atomic():
            imported = chapter_import_file(data=data, source_name=source_name, slug=slug)
            generated = generate_items(chapter=Chapter.objects.get(slug=imported.slug))
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        imported.dry_run = generated.dry_run = True
    return imported, generated
