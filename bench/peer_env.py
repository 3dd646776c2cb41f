"""The peer's virtualenv: django-quiz-app 0.5.1 (PyPI) under Django 1.8 on Python 3.6, built at bench
time under bench/results/ (never committed). Django 1.8 predates Python 3.7, so the run needs a Python 3.6:
PEER_PYTHON, or python3.6 on PATH, or one pyenv installed. Without one the run goes on without the peer."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from . import databases

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / "results" / "peer-venv"
REQUIREMENTS = ROOT / "bench" / "peer" / "requirements.txt"
PACKAGE = "django-quiz-app==0.5.1"


def peer_python() -> Path | None:
    """The peer venv's Python, built on first use; None (and why, printed) when no Python 3.6 is here."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == REQUIREMENTS.read_text():
        return python
    base = _python36()
    if base is None:
        print("No Python 3.6 for the peer (set PEER_PYTHON): the run goes on without django-quiz-app.")
        return None
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    print("Building the peer's virtualenv (django-quiz-app, Django 1.8, Python 3.6) …", flush=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for arguments in (["-r", str(REQUIREMENTS)], ["--no-deps", PACKAGE]):
        done = subprocess.run([*pip, *arguments], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"Installing the peer failed:\n{done.stdout}{done.stderr}")
    stamp.write_text(REQUIREMENTS.read_text())
    return python


def _python36() -> str | None:
    """The first candidate that runs and is 3.6 (a pyenv shim may be on PATH and fail)."""
    pyenv = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.6*/bin/python3.6")))
    candidates = [os.environ.get("PEER_PYTHON"), *pyenv, shutil.which("python3.6")]
    for candidate in filter(None, candidates):
        done = subprocess.run([candidate, "-c", "import sys; sys.exit(sys.version_info[:2] != (3, 6))"],
                              capture_output=True)
        if done.returncode == 0:
            return candidate
    return None

class Peer:
    """The peer's database, data and request files for one run, and its gunicorn's settings."""

    QUIZ_PAGE, ANSWER = "peer_quiz_page", "peer_answer"
    LABELS = {QUIZ_PAGE: "django-quiz-app: its quiz page", ANSWER: "django-quiz-app: its answer POST"}

    def __init__(self, python: Path, database_url: str):
        self.python, self.database_url = python, database_url
        self.environment = {**{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
                            "DJANGO_SETTINGS_MODULE": "bench.peer.settings", "PEER_DATABASE_URL": database_url}

    def prepare(self, out: Path, students: int) -> dict[str, Path]:
        """Rebuild its database and write one request file per endpoint into ``out``."""
        databases.recreate(self.database_url)
        self._run("setup", "--out", str(out), "--students", str(students))
        return {name: out / f"{name}.requests" for name in self.LABELS}

    def reset(self) -> None:
        """Every answering student back at question 1, so each load run's lines match their sittings."""
        self._run("reset")

    def _run(self, *arguments: str) -> None:
        subprocess.run([str(self.python), "-m", "bench.peer.prepare", *arguments], cwd=ROOT, env=self.environment,
                       check=True)

