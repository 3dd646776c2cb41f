"""Reading a chapter file for a command: a missing, unreadable or oversized path is a CommandError
(the same size limits as an upload, checked before the file is read)."""

from pathlib import Path

from django.core.management.base import CommandError

from content.uploads import size_limit


def read_chapter_file(path: str) -> bytes:
    try:
        file = Path(path)
        size = file.stat().st_size
        if file.is_dir():
            raise IsADirectoryError
        with file.open("rb") as opened:
            limit, setting = size_limit(opened.read(1024))
        if size > limit:
            raise CommandError(f"{path}: the file is {size:,} bytes; the limit is {limit:,} ({setting})")
        return file.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a chapter file") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
