"""Every interface string is translated into every language: the committed .po files are complete and
up to date with the code (makemessages run on a copy of the project adds nothing untranslated)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIPPED = {".venv", ".git", "artefacts", "staticfiles", "media", "results", "__pycache__", ".pytest_cache"}


def _problems(po_path: Path) -> list[str]:
    po = polib.pofile(str(po_path))
    return ([f"untranslated: {e.msgid!r} ({e.occurrences[:1]})" for e in po.untranslated_entries()]
            + [f"fuzzy: {e.msgid!r}" for e in po.fuzzy_entries()])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_translations_are_complete(language):
    assert _problems(ROOT / "locale" / language / "LC_MESSAGES" / "django.po") == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs GNU gettext (xgettext)")
def test_no_interface_string_is_left_untranslated(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=lambda _dir, names: [n for n in names if n in SKIPPED or n.endswith(".mo")])
    done = subprocess.run([sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location",
                           *[f"-l{code}" for code in LANGUAGES]], cwd=copy, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    problems = {code: _problems(copy / "locale" / code / "LC_MESSAGES" / "django.po") for code in LANGUAGES}
    assert problems == {code: [] for code in LANGUAGES}, "run `make translations` and translate what it lists"
