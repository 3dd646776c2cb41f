from django.core.management.base import BaseCommand, CommandError

from civiclearn.backups import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database while the site runs (SQLite copy, or pg_dump -Fc)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to write")

    def handle(self, *args, path, **options):
        try:
            backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"backup written to {path}")
