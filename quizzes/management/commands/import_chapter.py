from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.management.chapter_file import read_chapter_file
from content.parsing import ParseError
from quizzes.presentation.reports import publish_lines
from quizzes.services.chapter_publishing import chapter_publish


class Command(BaseCommand):
    help = ("Import a chapter file into the lessons, or update it in place, then regenerate its items "
            "(all in one transaction).")

    def add_arguments(self, parser):
        parser.add_argument("path", help="the chapter text file (UTF-8 or Shift_JIS/CP932)")
        parser.add_argument("--slug", help="the chapter's slug (default: from the file name)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")

    def handle(self, *args, path, slug, dry_run, **options):
        try:
            report = chapter_publish(data=read_chapter_file(path), source_name=Path(path).name, slug=slug,
                                     dry_run=dry_run)
        except ParseError as error:
            raise CommandError(f"{path}: {error}") from None
        for line in publish_lines(report):
            self.stdout.write(line)
