"""Time to import the seed chapter and generate its items, beyond Django's own start-up, and to
assemble practice sessions of 10 and 50 items from its bank (median of several, in-process).

Run as ``python -m bench.import_time`` with DATABASE_URL pointing at an empty database; prints JSON.
"""

import json
import os
import resource
import statistics
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiclearn.settings")
started = time.perf_counter()
import django  # noqa: E402  (timed: Django's own start-up is what the import is measured beyond)

django.setup()
setup_seconds = time.perf_counter() - started

from django.core.management import call_command  # noqa: E402

from quizzes.services.chapter_publishing import chapter_publish  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "content" / "sample_chapters" / "sapporo-ict-chapter1.txt"

call_command("migrate", verbosity=0)
rss_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = chapter_publish(data=SEED.read_bytes(), source_name=SEED.name)
import_seconds = time.perf_counter() - started
from django.contrib.auth.models import User  # noqa: E402

from content.models import Chapter  # noqa: E402
from quizzes.services.practice import practice_start  # noqa: E402

learner = User.objects.create_user("bench-assembly")
chapter = Chapter.objects.get(slug=report.imported.slug)
assembly_ms = {}
for size in (10, 50):
    timings = []
    for _ in range(7):
        began = time.perf_counter()
        practice_start(learner=learner, chapter=chapter, size=size)
        timings.append((time.perf_counter() - began) * 1000)
    assembly_ms[str(size)] = round(statistics.median(timings), 1)
print(json.dumps({
    "practice_assembly_ms": assembly_ms,
    "django_setup_s": round(setup_seconds, 3),
    "import_and_generate_s": round(import_seconds, 3),
    "items_created": report.generated.created,
    "peak_rss_mb_before_import": round(rss_before_kb / 1024, 1),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
