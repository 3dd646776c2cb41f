import json

from django.core.management.base import BaseCommand, CommandError

from content.management.chapter_file import read_chapter_file
from content.parsing import ParseError, chapter_as_dict, parse_document


class Command(BaseCommand):
    help = ("Parse a chapter file (PDF or text) and print one chapter as JSON, without touching the database. "
            "The \"document\" key says how many chapters the file holds; --chapter picks one.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="the chapter file: a PDF, or text in UTF-8 or Shift_JIS/CP932")
        parser.add_argument("--chapter", type=int, default=1, help="which of the file's chapters (from 1)")

    def handle(self, *args, path, chapter, **options):
        try:
            document = parse_document(read_chapter_file(path))
        except ParseError as error:
            raise CommandError(f"{path}: {error}") from None
        if not 1 <= chapter <= len(document.chapters):
            raise CommandError(f"{path}: the file holds {len(document.chapters)} chapter(s); "
                               f"there is no chapter {chapter}")
        printed = chapter_as_dict(document.chapters[chapter - 1])
        printed["document"] = {"title": document.title, "kind": document.kind, "pages": document.pages,
                               "chapters": len(document.chapters), "removed": dict(document.removed)}
        self.stdout.write(json.dumps(printed, ensure_ascii=False, indent=2))
