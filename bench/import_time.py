"""Time to import the seed chapter and generate its items, beyond Django's own start-up.

Run as ``python -m bench.import_time`` with DATABASE_URL pointing at an empty database; prints JSON.
"""

import json
import os
import resource
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
print(json.dumps({
    "django_setup_s": round(setup_seconds, 3),
    "import_and_generate_s": round(import_seconds, 3),
    "items_created": report.generated.created,
    "peak_rss_mb_before_import": round(rss_before_kb / 1024, 1),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
