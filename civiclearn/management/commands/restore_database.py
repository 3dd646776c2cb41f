from django.core.management.base import BaseCommand, CommandError

from civiclearn.backups import BackupError, restore
from content.services.revisions import highest_revision, revisions_raise_past


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by backup_database. Stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to restore")
        parser.add_argument("--yes", action="store_true", help="confirm: everything now in the database is replaced")

    def handle(self, *args, path, yes, **options):
        if not yes:
            raise CommandError("Restoring replaces everything in the database; run again with --yes to confirm.")
        highest = highest_revision()
        try:
            restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        revisions_raise_past(highest)  # no page kept from before the restore is served for what it brought back
        self.stdout.write(f"restored from {path}")
