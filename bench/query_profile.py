"""What one request to an endpoint costs the database: the queries it runs, and the plans of the
slowest (EXPLAIN ANALYZE on PostgreSQL). Runs in-process with Django's test client."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

EXPLAINED_PER_ENDPOINT = 2


@dataclass
class Profile:
    name: str
    count: int
    queries: list[dict] = field(default_factory=list)  # sql, time (s)


def _client_and_request(line: str):
    method, path, auth, body = line.split("\t")
    client = Client()
    extra = {}
    if auth.startswith("Token "):
        extra["HTTP_AUTHORIZATION"] = auth
    elif auth:
        name, _, value = auth.partition("=")
        client.cookies[name] = value
    if method == "POST":
        return lambda: client.post(path, data=json.loads(body), content_type="application/json", **extra)
    return lambda: client.get(path, **extra)


def profile(endpoint) -> Profile:
    """The queries of one request, made after a first one has warmed the caches (an answer is the
    first to its slot: each answer line is used once)."""
    send = _client_and_request(endpoint.lines[0])
    if endpoint.group != "answer":
        send()
    with CaptureQueriesContext(connection) as captured:
        response = send()
    if response.status_code not in (200, 201):
        raise SystemExit(f"{endpoint.name}: {endpoint.lines[0]!r} answered {response.status_code}")
    queries = [{"sql": q["sql"], "time": float(q["time"])} for q in captured.captured_queries]
    return Profile(endpoint.name, len(queries), queries)


def explain_all(profiles: dict[str, Profile]) -> str:
    if connection.vendor != "postgresql":
        return "EXPLAIN plans are taken on PostgreSQL only.\n"
    parts = []
    for name, found in profiles.items():
        selects = [q for q in found.queries if q["sql"].lstrip().upper().startswith("SELECT")]
        for query in sorted(selects, key=lambda q: -q["time"])[:EXPLAINED_PER_ENDPOINT]:
            parts.append(f"== {name}: {query['time'] * 1000:.1f} ms when profiled\n{query['sql']}\n\n{_plan(query)}\n")
    return "\n".join(parts)


def _plan(query: dict) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    return plan
