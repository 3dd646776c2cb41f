"""The benchmark's own parts (bench/): every request it will send works, and its report judges the
figures against the targets. Timings are never asserted here; `make bench` measures them."""

import pytest
from django.core.management import call_command

from bench import load_fixtures, query_profile
from bench.breakdown import OTHER, Breakdown
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
        # none for the bare view and /health/, and none for the lesson and glossary: served by the reader's
        # cookie the fixtures carry, their chapter's revision remembered by the worker (content/revision_memory.py)
        unqueried = ("floor", "health", "lesson", "glossary")
        assert (profile.count == 0) == (endpoint.name in unqueried), profile.queries
        assert profile.total_ms >= profile.database_ms >= 0
        if endpoint.app == "civiclearn":  # where the time went, by part
            assert profile.parts["middleware: SessionMiddleware"] > 0 and profile.parts[OTHER] > 0
            untemplated = ("health", "answer", "results_api", "lesson", "glossary", "class_results", "dashboard")  # kept
            assert (profile.parts.get("templates", 0) > 0) == (endpoint.name not in untemplated)
            assert (profile.parts.get("serialization", 0) > 0) == (endpoint.name in ("answer", "results_api"))
            assert (profile.parts.get("queries", 0) > 0) == (endpoint.name not in unqueried)
    afresh = query_profile.profile_afresh(load_fixtures.dashboard_afresh(endpoints))  # no page kept: rendered each time
    assert afresh.parts["templates"] > 0 and afresh.count > query_profile.profile(
        next(e for e in endpoints if e.name == "dashboard")).count
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
                      {"name": "answer", "label": "answer", "group": "answer", "queries": 10,
                       "parts_ms": {"queries": 4.0, "middleware: CSPMiddleware": 0.25, "middleware: X": 0.5,
                                    "serialization": 1.0, OTHER: 0.5}},
                      {"name": "practice_item", "label": "item page", "group": "practice_item", "queries": 5},
                      {"name": "peer_quiz_page", "label": "its quiz page", "group": "peer_quiz_page", "queries": 0,
                       "app": "peer"},
                      {"name": "peer_answer", "label": "its answer", "group": "peer_answer", "queries": 0,
                       "app": "peer"}],
        "runs": [_run("floor", 1000), _run("health", 500), _run("lesson", 600),
                 _run("answer", 50, p99=80_000, sent=120), _run("practice_item", 150),
                 _run("peer_quiz_page", 100), _run("peer_answer", 25)],
        "workers_compared": [{**_run("floor", 900), "workers": 2}, {**_run("lesson", 90), "workers": 2},
                             {**_run("floor", 1000), "workers": 4}, {**_run("lesson", 50), "workers": 4}],
    }
    text = write_report(results, tmp_path / "report.md")
    assert "| lesson page | 3 | 16 | 600 | 0.60 | ≥ 0.35 |" in text
    assert "| /health/ | 0 | 16 | 500 | 0.50 |  |" in text  # a row of its own, with no target
    assert "MISSED: answer at 0.05 of the bare Django view (target 0.08)" in text
    assert "MISSED: answer p99 is 8.0 × p50" in text and "some were repeats" in text
    assert "| lesson page | 3 | 9.5 | 1.5 | 8.0 |" in text
    assert "MISSED: a worker peaked at 160 MB" in text and "lesson page at" not in text
    assert "10 items 20 ms, 50 items 130 ms" in text and "MISSED: a 50-item practice session took 130 ms" in text
    # Against the peer: ours over theirs on the same kind of page, each pair judged against 1.5.
    assert "| item page | 150 | its quiz page | 100 | 1.50 | ≥ 1.5 |" in text
    assert "| answer | 50 | its answer | 25 | 2.00 | ≥ 1.5 |" in text and "MISSED: item page at" not in text
    assert "| its quiz page | 0 | 16 | 100 | 0.10 |" in text  # a row against the bare view too
    assert "| lesson page | 90 (0.10) | 50 (0.05) |" in text  # each worker count against its own floor
    # Where the answer's time went: its middleware summed, then each middleware by name.
    assert "| answer | 6.25 | 4.00 | 0.00 | 0.00 | 0.00 | 0.75 | 0.00 | 0.00 | 1.00 | 0.50 |" in text
    assert "| CSPMiddleware | 0.25 |" in text
    assert "its quiz page | 0 | 0.0" not in text  # the peer is not profiled in-process
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == text


def test_the_peer_is_judged_and_a_miss_named(tmp_path):
    results = {
        "mode": "quick", "database": "PostgreSQL", "workers": 4, "cpus": 2, "data_seconds": None,
        "settings": {"students": 10, "classes": 2, "answers_per_student": 10, "seconds": 3},
        "import": {"import_and_generate_s": 0.4, "django_setup_s": 0.5, "peak_rss_mb": 100,
                   "practice_assembly_ms": {"10": 20.0, "50": 30.0}},
        "memory": {"rss_mb": [80], "peak_rss_mb": [80]},
        "endpoints": [{"name": "floor", "label": "floor", "group": "floor", "queries": 0},
                      {"name": "practice_item", "label": "item page", "group": "practice_item", "queries": 5},
                      {"name": "peer_quiz_page", "label": "its quiz page", "group": "peer_quiz_page", "queries": 0,
                       "app": "peer"}],
        "runs": [_run("floor", 1000), _run("practice_item", 140), _run("peer_quiz_page", 100)],
    }
    text = write_report(results, tmp_path / "report.md")
    assert "MISSED: item page at 1.40 × its quiz page (target 1.5)" in text
    assert "Workers compared" not in text  # not measured in this run


def test_the_breakdown_gives_each_part_its_own_time_only(monkeypatch):
    """A query inside a template counts as the query's time, and the template keeps only the rest."""
    clock = iter([0.0, 1.0, 3.0, 7.0, 8.0, 10.0])  # enter other, template, query; exit query, template, other
    monkeypatch.setattr("bench.breakdown.time.perf_counter", lambda: next(clock))
    breakdown = Breakdown()

    def template():
        return breakdown.timed("queries", lambda: "rows")()

    assert breakdown.request(breakdown.timed("templates", template)) == "rows"
    assert dict(breakdown.totals) == {OTHER: 1.0 + 2.0, "templates": 2.0 + 1.0, "queries": 4.0}


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
