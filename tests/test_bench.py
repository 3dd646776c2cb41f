"""The benchmark's own parts (bench/): every request it will send works, and its report judges the
figures against the targets. Timings are never asserted here; `make bench` measures them."""

import pytest
from django.core.management import call_command

from bench import load_fixtures, query_profile
from bench.report import write_report
from quizzes.models import Answer


@pytest.mark.django_db
def test_every_prepared_request_is_answered_as_the_load_run_expects(seed_bank, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("make_bench_data", students=12, classes=3, answers_per_student=10, stdout=None)
    before = Answer.objects.count()
    endpoints = load_fixtures.prepare(students=4, answers_each=5)

    assert {e.name for e in endpoints} == {"floor", "health", "lesson", "glossary", "practice_item", "answer",
                                           "dashboard", "class_results", "results_api", "bank_filter"}
    answers = next(e for e in endpoints if e.name == "answer")
    assert len(answers.lines) == 4 * 5 and len(set(answers.lines)) == 20  # each a new answer, never a repeat
    for endpoint in endpoints:
        profile = query_profile.profile(endpoint)  # exits, naming the endpoint, unless it answers 200 or 201
        assert (profile.count == 0) == (endpoint.name in ("floor", "health"))  # the bare view, and /health/
        assert profile.total_ms >= profile.database_ms >= 0
    # The timed answers are the file's last lines, each recorded once; the load run starts at the front.
    assert Answer.objects.count() == before + query_profile.TIMED_REQUESTS


def _run(name, group_rps, p50=10_000, p99=20_000, unexpected=0, sent=100, lines=100):
    return {"name": name, "concurrency": 16, "rps": group_rps, "p50_us": p50, "p95_us": p99, "p99_us": p99,
            "max_us": p99, "unexpected_status": unexpected, "socket_errors": 0, "sent": sent, "lines": lines}


def test_the_report_gives_ratios_to_the_floor_and_names_every_miss(tmp_path):
    results = {
        "mode": "quick", "database": "PostgreSQL", "workers": 4, "cpus": 2, "data_seconds": 3.0,
        "settings": {"students": 10, "classes": 2, "answers_per_student": 10, "seconds": 3},
        "import": {"import_and_generate_s": 0.4, "django_setup_s": 0.5, "peak_rss_mb": 170,
                   "practice_assembly_ms": {"10": 20.0, "50": 130.0}},
        "memory": {"rss_mb": [80, 81], "peak_rss_mb": [80, 160]},
        "endpoints": [{"name": "floor", "label": "floor", "group": "floor", "queries": 0},
                      {"name": "health", "label": "/health/", "group": "health", "queries": 0},
                      {"name": "lesson", "label": "lesson page", "group": "lesson", "queries": 3,
                       "in_process_ms": 9.5, "database_ms": 1.5},
                      {"name": "answer", "label": "answer", "group": "answer", "queries": 10}],
        "runs": [_run("floor", 1000), _run("health", 500), _run("lesson", 600),
                 _run("answer", 50, p99=80_000, sent=120)],
    }
    text = write_report(results, tmp_path / "report.md")
    assert "| lesson page | 3 | 16 | 600 | 0.60 | ≥ 0.35 |" in text
    assert "| /health/ | 0 | 16 | 500 | 0.50 |  |" in text  # a row of its own, with no target
    assert "MISSED: answer at 0.05 of the bare Django view (target 0.08)" in text
    assert "MISSED: answer p99 is 8.0 × p50" in text and "some were repeats" in text
    assert "| lesson page | 3 | 9.5 | 1.5 | 8.0 |" in text
    assert "MISSED: a worker peaked at 160 MB" in text and "lesson page at" not in text
    assert "10 items 20 ms, 50 items 130 ms" in text and "MISSED: a 50-item practice session took 130 ms" in text
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == text


def test_the_bare_django_view_has_no_apps_and_no_middleware():
    """The floor of the ratios, loaded as gunicorn loads it: its own settings, whatever the environment."""
    import subprocess
    import sys

    script = ("import io, bench.bare.wsgi as w; from django.conf import settings; out = []; "
              "body = b''.join(w.application({'REQUEST_METHOD': 'GET', 'PATH_INFO': '/bare/', 'SERVER_NAME': 'x', "
              "'SERVER_PORT': '80', 'wsgi.input': io.BytesIO(), 'wsgi.url_scheme': 'http'}, "
              "lambda status, headers: out.append(status))); "
              "print(out[0], body.decode(), settings.INSTALLED_APPS, settings.MIDDLEWARE)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"DJANGO_SETTINGS_MODULE": "civiclearn.settings", "PATH": ""})
    assert done.stdout.strip() == "200 OK ok [] []"
