"""Reading a chapter file for a command: a missing, unreadable or oversized path is a CommandError
(the same size limit as an upload, CHAPTER_UPLOAD_MAX_BYTES, checked before anything is read)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def read_chapter_file(path: str) -> bytes:
    limit = settings.CHAPTER_UPLOAD_MAX_BYTES
    try:
        file = Path(path)
        size = file.stat().st_size
        if file.is_dir():
            raise IsADirectoryError
        if size > limit:
            raise CommandError(f"{path}: the file is {size:,} bytes; the limit is {limit:,} "
                               "(CHAPTER_UPLOAD_MAX_BYTES)")
        return file.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a chapter file") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
