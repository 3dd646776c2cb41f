"""Services write: every change to content goes through a function here."""

from .chapter_import import ImportReport, chapter_import, chapter_import_file

__all__ = ["ImportReport", "chapter_import", "chapter_import_file"]
