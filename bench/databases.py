"""The benchmark's own databases: dropped and rebuilt for each run, analysed after the bulk load."""

from __future__ import annotations

from pathlib import Path


def recreate(database_url: str) -> None:
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


def analyze(database_url: str) -> None:
    """Fresh planner statistics, as autovacuum would gather after a bulk load (plans depend on them)."""
    if database_url.startswith("sqlite"):
        return
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def sibling(database_url: str, name: str) -> str | None:
    """Another database on the same PostgreSQL server (None on SQLite, which the peer does not run on)."""
    if database_url.startswith("sqlite"):
        return None
    return database_url.rpartition("/")[0] + "/" + name


def label(database_url: str) -> str:
    return "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
