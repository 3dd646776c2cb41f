"""The one dry-run mechanism: a transaction that is rolled back at its end when asked, so a dry run
does every write (and every check the database makes) and keeps none of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back_if(dry_run: bool) -> Iterator[None]:
    with transaction.atomic():
        yield
        if dry_run:
            transaction.set_rollback(True)
