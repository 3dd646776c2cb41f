"""Bring the .po files up to date with the code (makemessages), write the English catalogue (the
interface is written in English, so English is the source text itself), and list what still needs a
Japanese translation."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

SOURCE_LANGUAGE = "en"
# The benchmark's peer (another app, and the virtualenv the benchmark builds for it) is not ours to translate.
NOT_OURS = ["bench/results/*", "bench/peer/*"]


class Command(BaseCommand):
    help = "Update the translation catalogues and list the strings still to translate."

    def handle(self, *args, **options):
        languages = [code for code, _name in settings.LANGUAGES]
        call_command("makemessages", locale=languages, no_obsolete=True, verbosity=0, ignore_patterns=NOT_OURS)
        missing = 0
        for po_path in sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po")):
            po = polib.pofile(str(po_path))
            for entry in po:
                entry.previous_msgid = entry.previous_msgid_plural = None  # stale hints confuse msgmerge later
                if po_path.parts[-3] == SOURCE_LANGUAGE:
                    self._as_source(entry)
            po.save()
            for entry in po.untranslated_entries() + po.fuzzy_entries():
                missing += 1
                where = ", ".join(path for path, _line in entry.occurrences[:2])
                self.stdout.write(f"{po_path.parts[-3]}: {entry.msgid!r}  ({where})")
        self.stdout.write(f"{missing} string(s) still to translate" if missing else "every string is translated")

    @staticmethod
    def _as_source(entry: polib.POEntry) -> None:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
