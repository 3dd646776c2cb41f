"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no system gettext is needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the interface translations (.po to .mo)."

    def handle(self, *args, **options):
        catalogs = [po for root in settings.LOCALE_PATHS for po in Path(root).glob("*/LC_MESSAGES/*.po")]
        for po_path in catalogs:
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        self.stdout.write(f"compiled {len(catalogs)} translation catalogue(s)")
