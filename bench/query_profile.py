"""What a request to an endpoint costs in-process: its queries, the time spent in the database and
in Python (median of several requests), and the plans of its slowest queries (EXPLAIN ANALYZE on
PostgreSQL), and where the rest of its time goes (bench/breakdown.py). Runs with Django's test client,
without the HTTP server or the load generator."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test import Client, override_settings

from .breakdown import Breakdown, instrumented

EXPLAINED_PER_ENDPOINT = 2
TIMED_REQUESTS = 15


@dataclass
class Profile:
    name: str
    count: int
    total_ms: float = 0.0  # median time of a request, in-process
    database_ms: float = 0.0  # of which waiting for the database (median)
    queries: list[dict] = field(default_factory=list)  # sql, time (s) of the last request
    parts: dict[str, float] = field(default_factory=dict)  # median exclusive ms per part (bench/breakdown.py)


class _QueryTimer:
    """Times every query of a request (execute_wrapper) and keeps its final SQL for EXPLAIN."""

    def __init__(self):
        self.queries: list[dict] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            final = connection.ops.last_executed_query(context["cursor"], sql, params)
            self.queries.append({"sql": final, "time": time.perf_counter() - started})


def _sender(client: Client, line: str):
    """A request of ``line`` through ``client``: one client for all, as one server loads its middleware once
    (a new test client would load it, WhiteNoise's scan of the static files included, every time)."""
    method, path, auth, body = line.split("\t")
    extra = {"HTTP_AUTHORIZATION": auth} if auth.startswith("Token ") else {}

    def send():
        client.cookies.clear()
        if auth and not auth.startswith("Token "):
            for cookie in auth.split("; "):
                name, _, value = cookie.partition("=")
                client.cookies[name] = value
        if method == "POST":
            return client.post(path, data=json.loads(body), content_type="application/json", **extra)
        return client.get(path, **extra)

    return send


def profile(endpoint) -> Profile:
    """Warm the caches with one request, then time TIMED_REQUESTS more. Answers take the last lines
    of their file (the load run starts at the front), each a first answer to its slot."""
    if endpoint.app != "civiclearn":  # the bare view and the peer are other apps, served by other servers
        return Profile(endpoint.name, 0)
    breakdown = Breakdown()
    with instrumented(breakdown):
        client = Client()  # made here, so that its middleware chain is loaded through the timed wrappers
        if endpoint.group == "answer":
            client.get("/health/")  # load the middleware before the timed requests
            senders = [_sender(client, line) for line in endpoint.lines[-TIMED_REQUESTS:]]
        else:
            senders = [_sender(client, endpoint.lines[0])] * (TIMED_REQUESTS + 1)
            senders.pop()()
        totals, waits, parts, timer = [], [], [], None
        for send in senders:
            timer = _QueryTimer()
            breakdown.totals.clear()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = breakdown.request(send)
                totals.append(time.perf_counter() - started)
            if response.status_code not in (200, 201):
                raise SystemExit(f"{endpoint.name}: {endpoint.lines[0]!r} answered {response.status_code}")
            waits.append(sum(q["time"] for q in timer.queries))
            parts.append(dict(breakdown.totals))
    names = dict.fromkeys(name for request in parts for name in request)
    medians = {name: round(statistics.median(request.get(name, 0.0) for request in parts) * 1000, 2)
               for name in names}
    return Profile(endpoint.name, len(timer.queries), round(statistics.median(totals) * 1000, 1),
                   round(statistics.median(waits) * 1000, 1), timer.queries, medians)


def profile_afresh(endpoint) -> Profile:
    """``profile`` with no page kept for its reader (DASHBOARD_KEPT_SECONDS 0): what the first view after
    a change costs (the load runs mostly find the page kept)."""
    with override_settings(DASHBOARD_KEPT_SECONDS=0):
        return profile(endpoint)


def explain_all(profiles: dict[str, Profile]) -> str:
    if connection.vendor != "postgresql":
        return "EXPLAIN plans are taken on PostgreSQL only.\n"
    parts = []
    for name, found in profiles.items():
        selects = [q for q in found.queries if q["sql"].lstrip().upper().startswith("SELECT")]
        for query in sorted(selects, key=lambda q: -q["time"])[:EXPLAINED_PER_ENDPOINT]:
            parts.append(f"== {name}: {query['time'] * 1000:.2f} ms in the profiled request\n{query['sql']}\n\n"
                         f"{_plan(query)}\n")
    return "\n".join(parts)


def _plan(query: dict) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    return plan
