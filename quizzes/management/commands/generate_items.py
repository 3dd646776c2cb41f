import json

from django.core.management.base import BaseCommand, CommandError

from content.models import Chapter
from quizzes.presentation.item_json import draft_as_dict, item_as_dict
from quizzes.presentation.reports import regeneration_lines
from quizzes.selectors.bank import bank_items
from quizzes.services.chapter_publishing import RegenerationReport, chapters_regenerate


class Command(BaseCommand):
    help = "Generate (or regenerate) the item bank of one chapter or of every chapter, and check each item."

    def add_arguments(self, parser):
        parser.add_argument("--chapter", metavar="SLUG", help="only this chapter (default: every chapter)")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
        parser.add_argument("--json", action="store_true", help="print every item as JSON instead of the report")

    def handle(self, *args, chapter, dry_run, json: bool, **options):
        chapters = self._chapters(chapter)
        report = chapters_regenerate(chapters=chapters, dry_run=dry_run)
        if json:
            self.stdout.write(self._json(chapters, report))
            return
        for line in regeneration_lines(report):
            self.stdout.write(line)

    def _chapters(self, slug):
        chapters = Chapter.objects.order_by("number", "slug")
        if slug:
            chapters = chapters.filter(slug=slug)
            if not chapters:
                raise CommandError(f"No chapter with the slug {slug!r}; import it first (import_chapter).")
        elif not chapters:
            raise CommandError("No chapters yet; import one first (import_chapter).")
        return list(chapters)

    def _json(self, chapters, report: RegenerationReport) -> str:
        if report.dry_run:
            items = [draft_as_dict(draft, status=status, chapter=generated.chapter)
                     for generated in report.generated for draft, status in generated.drafts]
        else:
            items = [item_as_dict(item) for item in bank_items().filter(chapter__in=chapters).order_by("chapter", "id")]
        return json.dumps(items, ensure_ascii=False, indent=1)
