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
import contextlib
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

from . import databases, peer_env
from .report import JUDGED_AT, breakdown_lines, write_report
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
    "full": Mode(students=10_000, classes=200, answers_per_student=100, load_students=1_500, answers_each=40,
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
    parser.add_argument("--profile-only", action="store_true",
                        help="profile each endpoint in-process and print where its time goes, without the load")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS),
                        help="a Redis database the run may empty, shared by the workers as in production; "
                             "'' for none (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="gunicorn workers for the main run, as `make serve` starts (default: one per CPU)")
    parser.add_argument("--compare-workers", default="2,4",
                        help="worker counts to compare on a few pages after the main run; '' for none "
                             "(default: %(default)s)")
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
    afresh = load_fixtures.dashboard_afresh(endpoints)
    if args.profile_only:
        figures = [_endpoint_figures(e, query_profile.profile(e)) for e in endpoints]
        figures.append(_endpoint_figures(afresh, query_profile.profile_afresh(afresh)))
        print("\n".join(breakdown_lines(figures)))
        return
    peer = _peer(args.database_url)
    if peer is not None:
        endpoints += load_fixtures.peer_endpoints(peer.prepare(out, students=2 * mode.load_students))
    profiles = {endpoint.name: query_profile.profile(endpoint) for endpoint in endpoints}
    profiles[afresh.name] = query_profile.profile_afresh(afresh)
    (out / "explain.txt").write_text(query_profile.explain_all(profiles), encoding="utf-8")
    files = {endpoint.name: endpoint.write(out / "requests") for endpoint in endpoints}

    servers = {
        "civiclearn": Server(workers=args.workers, port=args.port, log=out / "gunicorn.log"),
        "bare": Server(workers=args.workers, port=args.port + 1, log=out / "gunicorn-bare.log", app="bench.bare.wsgi"),
    }
    if peer is not None:
        servers["peer"] = Server(workers=args.workers, port=args.port + 2, log=out / "gunicorn-peer.log",
                                 app="bench.peer.wsgi", python=peer.python, environment=peer.environment, probe="/")
    with contextlib.ExitStack() as stack:
        urls = {app: stack.enter_context(server).url for app, server in servers.items()}
        urls = {endpoint.name: urls[endpoint.app] for endpoint in endpoints}
        _smoke(urls, endpoints)
        runs = []
        for name in files:
            start = 0  # each run of our answer POST goes on where the one before stopped: new answers only
            for concurrency in mode.concurrencies:
                if name == peer_env.Peer.ANSWER:
                    peer.reset()  # its students back at question 1, where the request lines start
                runs.append(_wrk(urls[name], name, files[name], concurrency, mode.seconds, start=start))
                if name == "answer":
                    start = runs[-1]["reached"]
        memory = servers["civiclearn"].worker_memory()
    compared = _compare_workers(args.compare_workers, args.port + 3, out, files, mode.seconds)

    results = {
        "mode": args.mode, "settings": asdict(mode),
        "database": databases.label(args.database_url), "redis": bool(args.redis_url),
        "workers": args.workers, "cpus": os.cpu_count(),
        "data_seconds": data_seconds, "import": import_figures, "memory": memory,
        "endpoints": [_endpoint_figures(e, profiles[e.name]) for e in [*endpoints, afresh]],
        "runs": runs, "workers_compared": compared,
    }
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(write_report(results, out / "report.md"))
    print(f"\nWritten to {out.relative_to(ROOT)}/")


def _endpoint_figures(endpoint, found) -> dict:
    return {"name": endpoint.name, "label": endpoint.label, "group": endpoint.group, "app": endpoint.app,
            "lines": len(endpoint.lines), "queries": found.count, "in_process_ms": found.total_ms,
            "database_ms": found.database_ms, "parts_ms": found.parts}


def _production_environment(database_url: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "civiclearn.settings", "DATABASE_URL": database_url, "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver", "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SSL_REDIRECT": "false", "DJANGO_HSTS_SECONDS": "0", "DJANGO_LOG_LEVEL": "ERROR",
        # wrk replays the cookies the fixtures wrote, where a browser takes the renewed reader cookie from a
        # response every READER_COOKIE_SECONDS (ten minutes): the run's cookies stand for the whole run
        "READER_COOKIE_SECONDS": "7200",
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
    databases.recreate(database_url)
    _manage("migrate", "--noinput")
    _manage("import_chapter", str(SEED), "--slug", "sapporo-ict-chapter1")
    started = time.monotonic()
    printed = _manage("make_bench_data", "--students", str(mode.students), "--classes", str(mode.classes),
                      "--answers-per-student", str(mode.answers_per_student))
    print(printed.strip(), flush=True)
    seconds = round(time.monotonic() - started, 1)
    databases.analyze(database_url)
    return seconds


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
            headers["Content-Type"] = "application/json" if body.startswith("{") else FORM
        request = urllib.request.Request(url + path, data=body.encode() if body else None, method=method,
                                         headers=headers)
        with urllib.request.urlopen(request) as response:  # raises on 4xx and 5xx
            if response.status not in (200, 201) or response.url != url + path:
                sys.exit(f"{endpoint.name}: {method} {path} gave {response.status} at {response.url}")


def _wrk(url: str, name: str, requests_file: Path, concurrency: int, seconds: int, *, start: int = 0) -> dict:
    """One wrk run sending the lines of ``requests_file`` from line ``start`` on."""
    threads = min(2, concurrency)
    command = ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s",
               "-s", str(ROOT / "bench" / "wrk_script.lua"), url, "--", str(requests_file), str(threads), str(start)]
    print(f"  {name:<14} {concurrency:>3} connections …", end="", flush=True)
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures.update(name=name, concurrency=concurrency,
                   rps=round(figures["requests"] / (figures["duration_us"] / 1e6), 1))
    print(f" {figures['rps']:>8.1f} req/s, p50 {figures['p50_us'] / 1000:.1f} ms, "
          f"p99 {figures['p99_us'] / 1000:.1f} ms", flush=True)
    time.sleep(1)  # let the last slow requests drain before the next run
    return figures


def _peer(database_url: str) -> peer_env.Peer | None:
    peer_database = databases.sibling(database_url, "civiclearn_bench_peer")
    if peer_database is None:
        print("The peer runs on PostgreSQL only: this run goes on without it.")
        return None
    python = peer_env.peer_python()
    return None if python is None else peer_env.Peer(python, peer_database)


FORM = "application/x-www-form-urlencoded"
COMPARED_ENDPOINTS = ("floor", "lesson", "practice_item", "dashboard")


def _compare_workers(counts: str, port: int, out: Path, files: dict[str, Path], seconds: int) -> list[dict]:
    """A few read-only pages at JUDGED_AT connections under each worker count, CivicLearn and the floor
    each on its own gunicorn, to choose how many workers this machine serves best."""
    compared = []
    for workers in [int(n) for n in counts.split(",") if n.strip()]:
        print(f"With {workers} workers:", flush=True)
        with Server(workers=workers, port=port, log=out / f"gunicorn-{workers}w.log") as server, \
                Server(workers=workers, port=port + 1, log=out / f"gunicorn-bare-{workers}w.log",
                       app="bench.bare.wsgi") as bare:
            for name in COMPARED_ENDPOINTS:
                url = bare.url if name == "floor" else server.url
                compared.append({**_wrk(url, name, files[name], JUDGED_AT, seconds), "workers": workers})
    return compared


if __name__ == "__main__":
    main()
