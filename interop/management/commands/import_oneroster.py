from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from interop.oneroster.reader import BundleRefused, files_of_zip
from interop.presentation import roster_report_lines
from interop.services.roster_imports import roster_import


class Command(BaseCommand):
    help = _("Import a OneRoster 1.2 CSV bundle (a zip, or a folder of its CSV files): classes, teachers "
             "and students, created or brought up to date.")

    def add_arguments(self, parser):
        parser.add_argument("bundle", help=_("the bundle: a .zip file or a folder holding manifest.csv"))
        parser.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))

    def handle(self, *args, bundle, dry_run, **options):
        try:
            report = roster_import(files=_files(Path(bundle)), dry_run=dry_run)
        except BundleRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(_("The bundle was not imported (%(count)d problems); nothing was written.")
                               % {"count": len(refused.problems)}) from None
        for line in roster_report_lines(report):
            self.stdout.write(line)


def _files(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {file.name: file.read_bytes() for file in sorted(path.glob("*.csv"))}
    if not path.is_file():
        raise CommandError(_("No such file or folder: %(path)s") % {"path": path})
    return files_of_zip(path.read_bytes())
