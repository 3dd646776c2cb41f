"""Backing up and restoring the database: SQLite through its online backup API, PostgreSQL through
pg_dump and pg_restore (custom format)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(RuntimeError):
    pass


def backup(path: str) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)  # consistent even while others write (WAL)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", *_pg_arguments()])
    else:
        raise BackupError(f"No backup method for {connection.vendor}.")


def restore(path: str) -> None:
    if not Path(path).is_file():
        raise BackupError(f"{path}: no such backup file")
    if connection.vendor == "sqlite":
        source = sqlite3.connect(path)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        connection.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *_pg_arguments(), path])
    else:
        raise BackupError(f"No restore method for {connection.vendor}.")


def _pg_arguments() -> list[str]:
    settings = connection.settings_dict
    arguments = [f"--dbname={settings['NAME']}"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments.append(f"{flag}={settings[key]}")
    return arguments


def _run(command: list[str]) -> None:
    environment = {**os.environ, **({"PGPASSWORD": connection.settings_dict["PASSWORD"]}
                                    if connection.settings_dict.get("PASSWORD") else {})}
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools).") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
