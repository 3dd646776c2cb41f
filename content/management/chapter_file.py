"""Reading a chapter file for a command: a missing or unreadable path is a CommandError."""

from pathlib import Path

from django.core.management.base import CommandError


def read_chapter_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a chapter file") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
