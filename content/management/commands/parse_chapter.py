import json

from django.core.management.base import BaseCommand, CommandError

from content.management.chapter_file import read_chapter_file
from content.parsing import ParseError, chapter_as_dict, parse_chapter


class Command(BaseCommand):
    help = "Parse a chapter file and print the result as JSON, without touching the database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the chapter text file (UTF-8 or Shift_JIS/CP932)")

    def handle(self, *args, path, **options):
        try:
            parsed = parse_chapter(read_chapter_file(path))
        except ParseError as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(json.dumps(chapter_as_dict(parsed), ensure_ascii=False, indent=2))
