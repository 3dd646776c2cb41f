"""Time to import the seed chapter and generate its items, beyond Django's own start-up, and to
assemble practice sessions of 10 and 50 items from its bank (median of several, in-process); and to
read the 49-page population vision PDF (extraction and parse) and preview its import (a dry run:
parse, import and generation, rolled back), beside ``manage.py check`` in a fresh process.

Run as ``python -m bench.import_time`` with DATABASE_URL pointing at an empty database; prints JSON.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiclearn.settings")
started = time.perf_counter()
import django  # noqa: E402  (timed: Django's own start-up is what the import is measured beyond)

django.setup()
setup_seconds = time.perf_counter() - started

from django.core.management import call_command  # noqa: E402

from quizzes.services.chapter_publishing import chapter_publish  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "sample_chapters" / "sapporo-ict-chapter1.txt"
PDF = ROOT / "tests" / "fixtures" / "documents" / "otoineppu-jinko-vision.pdf"

call_command("migrate", verbosity=0)
rss_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = chapter_publish(data=SEED.read_bytes(), source_name=SEED.name)
import_seconds = time.perf_counter() - started
from django.contrib.auth.models import User  # noqa: E402

from content.models import Chapter  # noqa: E402
from quizzes.services.practice import practice_start  # noqa: E402

learner = User.objects.create_user("bench-assembly")
chapter = Chapter.objects.get(slug=report.chapters[0].imported.slug)
assembly_ms = {}
for size in (10, 50):
    timings = []
    for _ in range(7):
        began = time.perf_counter()
        practice_start(learner=learner, chapter=chapter, size=size)
        timings.append((time.perf_counter() - began) * 1000)
    assembly_ms[str(size)] = round(statistics.median(timings), 1)
from content.parsing import parse_document  # noqa: E402

began = time.perf_counter()
parse_document(PDF.read_bytes())
pdf_parse_seconds = time.perf_counter() - began
began = time.perf_counter()
chapter_publish(data=PDF.read_bytes(), source_name=PDF.name, slug="bench-pdf", dry_run=True)
pdf_preview_seconds = time.perf_counter() - began
began = time.perf_counter()
subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, check=True, capture_output=True)
check_seconds = time.perf_counter() - began
print(json.dumps({
    "pdf_49_pages_parse_s": round(pdf_parse_seconds, 2),
    "pdf_49_pages_preview_s": round(pdf_preview_seconds, 2),
    "manage_py_check_s": round(check_seconds, 2),
    "pdf_parse_to_check_ratio": round(pdf_parse_seconds / check_seconds, 2),
    "pdf_preview_to_check_ratio": round(pdf_preview_seconds / check_seconds, 2),
    "practice_assembly_ms": assembly_ms,
    "django_setup_s": round(setup_seconds, 3),
    "import_and_generate_s": round(import_seconds, 3),
    "items_created": report.chapters[0].generated.created,
    "peak_rss_mb_before_import": round(rss_before_kb / 1024, 1),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
