"""The benchmark: build the data, serve the app as in production, load it with wrk, report.

    python -m bench.run --mode quick     (make bench: a small data set, short runs, a few minutes)
    python -m bench.run --mode full      (make bench-full: 10,000 students, 1,000,000 answers)

Every figure comes from one run: gunicorn with production settings on the benchmark database
(PostgreSQL unless BENCH_DATABASE_URL says otherwise), and beside it the same gunicorn serving a bare
Django view (bench/bare: no apps, no middleware), so that each endpoint is given as a ratio to what
Django itself costs; /health/, which pays the whole middleware stack, is one more row.
Results go to bench/results/<mode>-<time>/ (report.md, results.json, explain.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from .report import write_report
from .server import Server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "sample_chapters" / "sapporo-ict-chapter1.txt"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/civiclearn_bench_{mode}"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"


@dataclass(frozen=True)
class Mode:
    students: int
    classes: int
    answers_per_student: int
    load_students: int  # how many of them the load run logs in as
    answers_each: int  # new answers each of those can post
    concurrencies: tuple[int, ...]
    seconds: int


MODES = {
    "quick": Mode(students=600, classes=12, answers_per_student=20, load_students=100, answers_each=40,
                  concurrencies=(1, 16), seconds=3),
    "full": Mode(students=10_000, classes=200, answers_per_student=100, load_students=500, answers_each=40,
                 concurrencies=(1, 4, 16, 32), seconds=15),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=MODES, default="quick")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE),
                        help="an empty or disposable database: it is dropped and rebuilt (default: %(default)s)")
    parser.add_argument("--reuse-data", action="store_true",
                        help="keep the benchmark database from an earlier run of the same mode")
    parser.add_argument("--data-only", action="store_true", help="build the data set and stop")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS),
                        help="a Redis database the run may empty, shared by the workers as in production; "
                             "'' for none (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    mode = MODES[args.mode]
    args.database_url = args.database_url.format(mode=args.mode)
    if shutil.which("wrk") is None:
        sys.exit("The load run needs wrk: `apt-get install wrk` (make bench does this when it can).")

    environment = _production_environment(args.database_url)
    if args.redis_url:
        _empty_redis(args.redis_url)
        environment["REDIS_URL"] = args.redis_url
    os.environ.update(environment)

    data_seconds = None if args.reuse_data else _build_data(args.database_url, mode)
    if args.data_only:
        return
    out = ROOT / "bench" / "results" / f"{args.mode}-{datetime.now():%Y%m%d-%H%M%S}"
    (out / "requests").mkdir(parents=True)
    import_figures = _import_time()
    _manage("collectstatic", "--noinput", "-v0")  # production settings serve the hashed names

    import django

    django.setup()
    from . import load_fixtures, query_profile

    endpoints = load_fixtures.prepare(students=mode.load_students, answers_each=mode.answers_each)
    profiles = {endpoint.name: query_profile.profile(endpoint) for endpoint in endpoints}
    (out / "explain.txt").write_text(query_profile.explain_all(profiles), encoding="utf-8")
    files = {endpoint.name: endpoint.write(out / "requests") for endpoint in endpoints}

    bare_server = Server(workers=args.workers, port=args.port + 1, log=out / "gunicorn-bare.log",
                         app="bench.bare.wsgi")
    with Server(workers=args.workers, port=args.port, log=out / "gunicorn.log") as server, bare_server as bare:
        urls = {endpoint.name: bare.url if endpoint.group == "floor" else server.url for endpoint in endpoints}
        _smoke(urls, endpoints)
        runs = [_wrk(urls[name], name, files[name], concurrency, mode.seconds)
                for name in files for concurrency in mode.concurrencies]
        memory = server.worker_memory()

    results = {
        "mode": args.mode, "settings": asdict(mode),
        "database": _database_label(args.database_url), "redis": bool(args.redis_url),
        "workers": args.workers, "cpus": os.cpu_count(),
        "data_seconds": data_seconds, "import": import_figures, "memory": memory,
        "endpoints": [{"name": e.name, "label": e.label, "group": e.group, "lines": len(e.lines),
                       "queries": profiles[e.name].count, "in_process_ms": profiles[e.name].total_ms,
                       "database_ms": profiles[e.name].database_ms} for e in endpoints],
        "runs": runs,
    }
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(write_report(results, out / "report.md"))
    print(f"\nWritten to {out.relative_to(ROOT)}/")


def _production_environment(database_url: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "civiclearn.settings", "DATABASE_URL": database_url, "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver", "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SSL_REDIRECT": "false", "DJANGO_HSTS_SECONDS": "0", "DJANGO_LOG_LEVEL": "ERROR",
    }


def _empty_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url).flushdb()
    except redis.exceptions.ConnectionError:
        sys.exit(f"No Redis at {url}: start one, or pass --redis-url '' to run without a shared cache.")


def _manage(*arguments: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return done.stdout


def _build_data(database_url: str, mode: Mode) -> float:
    print(f"Building the data set: {mode.students} students in {mode.classes} classes …", flush=True)
    _recreate_database(database_url)
    _manage("migrate", "--noinput")
    _manage("import_chapter", str(SEED), "--slug", "sapporo-ict-chapter1")
    started = time.monotonic()
    printed = _manage("make_bench_data", "--students", str(mode.students), "--classes", str(mode.classes),
                      "--answers-per-student", str(mode.answers_per_student))
    print(printed.strip(), flush=True)
    seconds = round(time.monotonic() - started, 1)
    _analyze(database_url)
    return seconds


def _analyze(database_url: str) -> None:
    """Fresh planner statistics, as autovacuum would gather after a bulk load (plans depend on them)."""
    if database_url.startswith("sqlite"):
        return
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def _recreate_database(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        path = Path(database_url.removeprefix("sqlite:///"))
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        return
    import psycopg

    base, _, name = database_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _import_time() -> dict:
    scratch = ROOT / "bench" / "results" / "import-time.sqlite3"
    scratch.parent.mkdir(exist_ok=True)
    for leftover in scratch.parent.glob(scratch.name + "*"):
        leftover.unlink()
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{scratch}"}
    done = subprocess.run([sys.executable, "-m", "bench.import_time"], cwd=ROOT, env=environment, check=True,
                          capture_output=True, text=True)
    for leftover in scratch.parent.glob(scratch.name + "*"):
        leftover.unlink()
    return json.loads(done.stdout.strip().splitlines()[-1])


def _smoke(urls: dict[str, str], endpoints) -> None:
    """One request to each endpoint before the load: a wrong set-up fails here, not as a fast 404."""
    for endpoint in endpoints:
        url = urls[endpoint.name]
        method, path, auth, body = endpoint.lines[-1].split("\t")
        headers = {"Authorization": auth} if auth.startswith("Token ") else {"Cookie": auth} if auth else {}
        if body:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url + path, data=body.encode() if body else None, method=method,
                                         headers=headers)
        with urllib.request.urlopen(request) as response:  # raises on 4xx and 5xx
            if response.status not in (200, 201) or response.url != url + path:
                sys.exit(f"{endpoint.name}: {method} {path} gave {response.status} at {response.url}")


def _wrk(url: str, name: str, requests_file: Path, concurrency: int, seconds: int) -> dict:
    threads = min(2, concurrency)
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s",
               "-s", str(ROOT / "bench" / "wrk_script.lua"), url, "--", str(requests_file), str(threads)]
    print(f"  {name:<14} {concurrency:>3} connections …", end="", flush=True)
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures.update(name=name, concurrency=concurrency,
                   rps=round(figures["requests"] / (figures["duration_us"] / 1e6), 1))
    print(f" {figures['rps']:>8.1f} req/s, p50 {figures['p50_us'] / 1000:.1f} ms, "
          f"p99 {figures['p99_us'] / 1000:.1f} ms", flush=True)
    time.sleep(1)  # let the last slow requests drain before the next run
    return figures


def _database_label(database_url: str) -> str:
    return "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"


if __name__ == "__main__":
    main()
