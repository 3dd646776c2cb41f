"""The benchmark's results as a Markdown report: throughput as a ratio to the floor (a bare Django
view: no apps, no middleware), latency percentiles, queries per request, worker memory and import
time, each against its target."""

from __future__ import annotations

from pathlib import Path

from .breakdown import OTHER

# Throughput targets as ratios to the bare Django view, by endpoint (issue 17)
RATIO_TARGETS = {"lesson": 0.35, "glossary": 0.35, "practice_item": 0.12, "answer": 0.08, "dashboard": 0.08,
                 "class_results": 0.08}
PEER_PAIRS = {"practice_item": "peer_quiz_page", "answer": "peer_answer"}  # ours: the peer's like of it
PEER_TARGET = 1.5  # times the peer's throughput on its own pages
JUDGED_AT = 16  # connections: the throughput and tail-latency targets are judged here
TAIL_TARGET = 5.0  # p99 at most this many times p50
MEMORY_TARGET_MB = 150
ASSEMBLY_TARGET_MS = 100


def write_report(results: dict, path: Path) -> str:
    text = "\n".join(_lines(results)) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def _lines(results: dict) -> list[str]:
    floor = {run["concurrency"]: run["rps"] for run in results["runs"] if run["name"] == "floor"}
    judged_at = max(c for c in floor if c <= JUDGED_AT) if any(c <= JUDGED_AT for c in floor) else min(floor)
    mode = results["settings"]
    lines = [
        f"Mode **{results['mode']}**: {mode['students']:,} students in {mode['classes']} classes, "
        f"{mode['students'] * mode['answers_per_student']:,} answers; {results['database']}"
        f"{' and a Redis cache' if results.get('redis') else ''}, gunicorn with "
        f"{results['workers']} sync workers on {results['cpus']} CPUs, wrk on the same machine, "
        f"{mode['seconds']} s per run. Targets judged at {judged_at} connections.",
        "",
        "| endpoint | queries | conn. | req/s | × bare Django | target | p50 ms | p95 ms | p99 ms | p99/p50 | bad |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts = []
    queries = {e["name"]: e["queries"] for e in results["endpoints"]}
    groups = {e["name"]: e["group"] for e in results["endpoints"]}
    labels = {e["name"]: e["label"] for e in results["endpoints"]}
    for run in results["runs"]:
        name, connections = run["name"], run["concurrency"]
        ratio = run["rps"] / floor[connections] if floor.get(connections) else 0.0
        tail = run["p99_us"] / run["p50_us"] if run["p50_us"] else 0.0
        target = RATIO_TARGETS.get(groups[name])
        lines.append(
            f"| {labels[name]} | {queries[name]} | {connections} | {run['rps']:,.0f} | {ratio:.2f} | "
            f"{'' if target is None else f'≥ {target}'} | {run['p50_us'] / 1000:.1f} | {run['p95_us'] / 1000:.1f} | "
            f"{run['p99_us'] / 1000:.1f} | {tail:.1f} | {run['unexpected_status'] + run['socket_errors']} |")
        if connections == judged_at:
            if target is not None and ratio < target:
                verdicts.append(f"- MISSED: {labels[name]} at {ratio:.2f} of the bare Django view (target {target}).")
            if tail > TAIL_TARGET:
                verdicts.append(f"- MISSED: {labels[name]} p99 is {tail:.1f} × p50 (target ≤ {TAIL_TARGET}).")
        if run["unexpected_status"] or run["socket_errors"]:
            verdicts.append(f"- {labels[name]} at {connections}: {run['unexpected_status']} responses other than "
                            f"200/201 and {run['socket_errors']} socket errors.")
        if run.get("reached", run["sent"]) > run["lines"] and groups[name] == "answer":
            verdicts.append(f"- {labels[name]} at {connections}: more requests than prepared answers, so some "
                            "were repeats (answered from the stored answer).")
    lines += _peer_lines(results, judged_at, labels, verdicts) + _worker_lines(results)
    lines += ["", "One request in-process (Django's test client, no HTTP server or load; median of several):", "",
              "| endpoint | queries | total ms | database ms | Python ms |", "|---|---:|---:|---:|---:|"]
    for endpoint in (e for e in results["endpoints"] if e.get("app", "civiclearn") == "civiclearn"):
        total, database = endpoint.get("in_process_ms", 0.0), endpoint.get("database_ms", 0.0)
        lines.append(f"| {endpoint['label']} | {endpoint['queries']} | {total:.1f} | {database:.1f} | "
                     f"{total - database:.1f} |")
    lines += breakdown_lines(results["endpoints"])
    memory, imported = results["memory"], results["import"]
    worst = max(memory["peak_rss_mb"])
    lines += [
        "",
        f"Worker memory after the run: {', '.join(f'{m:.0f}' for m in memory['rss_mb'])} MB resident; "
        f"peak {worst:.0f} MB (target under {MEMORY_TARGET_MB} MB).",
        f"Importing the seed chapter and generating its items: {imported['import_and_generate_s']:.2f} s "
        f"beyond Django's start-up ({imported['django_setup_s']:.2f} s); peak memory {imported['peak_rss_mb']:.0f} MB.",
        "Assembling a practice session from the seed's bank (in-process, median of 7): "
        + ", ".join(f"{size} items {ms:.0f} ms" for size, ms in imported["practice_assembly_ms"].items())
        + f" (target: 50 items under {ASSEMBLY_TARGET_MS} ms).",
    ]
    if imported["practice_assembly_ms"]["50"] >= ASSEMBLY_TARGET_MS:
        verdicts.append(f"- MISSED: a 50-item practice session took {imported['practice_assembly_ms']['50']:.0f} ms "
                        f"to assemble (target under {ASSEMBLY_TARGET_MS} ms).")
    if results["data_seconds"] is not None:
        lines.append(f"Building the data set took {results['data_seconds']:.0f} s.")
    if worst >= MEMORY_TARGET_MB:
        verdicts.append(f"- MISSED: a worker peaked at {worst:.0f} MB (target under {MEMORY_TARGET_MB} MB).")
    lines += ["", "Verdict:", *(verdicts or ["- Every target met."])]
    return lines


def _peer_lines(results: dict, judged_at: int, labels: dict, verdicts: list[str]) -> list[str]:
    rps = {run["name"]: run["rps"] for run in results["runs"] if run["concurrency"] == judged_at}
    pairs = [(ours, theirs) for ours, theirs in PEER_PAIRS.items() if ours in rps and theirs in rps]
    if not pairs:
        return ["", "The peer (django-quiz-app) was not measured in this run."]
    lines = ["", f"Against the peer (django-quiz-app 0.5.1 on Django 1.8, same machine and run) at {judged_at} "
             "connections:", "", "| CivicLearn | req/s | the peer | req/s | × the peer | target |",
             "|---|---:|---|---:|---:|---:|"]
    for ours, theirs in pairs:
        ratio = rps[ours] / rps[theirs] if rps[theirs] else 0.0
        lines.append(f"| {labels[ours]} | {rps[ours]:,.0f} | {labels[theirs]} | {rps[theirs]:,.0f} | {ratio:.2f} | "
                     f"≥ {PEER_TARGET} |")
        if ratio < PEER_TARGET:
            verdicts.append(f"- MISSED: {labels[ours]} at {ratio:.2f} × {labels[theirs]} (target {PEER_TARGET}).")
    return lines


def _worker_lines(results: dict) -> list[str]:
    compared = results.get("workers_compared") or []
    if not compared:
        return []
    counts = sorted({run["workers"] for run in compared})
    rps = {(run["name"], run["workers"]): run["rps"] for run in compared}
    labels = {e["name"]: e["label"] for e in results["endpoints"]}
    lines = ["", "Workers compared (req/s at the same connections; in brackets, × the bare view with as many "
             "workers):", "", "| endpoint | " + " | ".join(f"{n} workers" for n in counts) + " |",
             "|---|" + "---:|" * len(counts)]
    for name in dict.fromkeys(run["name"] for run in compared):
        cells = [f"{rps[name, n]:,.0f} ({rps[name, n] / rps['floor', n]:.2f})" for n in counts]
        lines.append(f"| {labels[name]} | " + " | ".join(cells) + " |")
    return lines


BREAKDOWN_COLUMNS = ("queries", "cache", "session", "auth", "middleware", "view", "templates", "serialization")


def breakdown_lines(endpoints: list[dict]) -> list[str]:
    """Where each endpoint's time goes (exclusive ms, median of the profiled requests), then each
    middleware by name."""
    profiled = [e for e in endpoints if e.get("parts_ms")]
    if not profiled:
        return []
    lines = ["", "Where the time goes, in-process (exclusive ms, medians; bench/breakdown.py):", "",
             "| endpoint | total | " + " | ".join(BREAKDOWN_COLUMNS) + " | WSGI, URLs, rest |",
             "|---|" + "---:|" * (len(BREAKDOWN_COLUMNS) + 2)]
    for endpoint in profiled:
        parts = endpoint["parts_ms"]
        middleware = sum(ms for name, ms in parts.items() if name.startswith("middleware: "))
        cells = [middleware if column == "middleware" else parts.get(column, 0.0) for column in BREAKDOWN_COLUMNS]
        total = sum(parts.values())
        lines.append(f"| {endpoint['label']} | {total:.2f} | " + " | ".join(f"{ms:.2f}" for ms in cells)
                     + f" | {parts.get(OTHER, 0.0):.2f} |")
    names = sorted({name for e in profiled for name in e["parts_ms"] if name.startswith("middleware: ")},
                   key=lambda name: -sum(e["parts_ms"].get(name, 0.0) for e in profiled))
    lines += ["", "Each middleware's own time (ms, medians):", "",
              "| middleware | " + " | ".join(e["name"] for e in profiled) + " |",
              "|---|" + "---:|" * len(profiled)]
    for name in names:
        lines.append(f"| {name.removeprefix('middleware: ')} | "
                     + " | ".join(f"{e['parts_ms'].get(name, 0.0):.2f}" for e in profiled) + " |")
    return lines
