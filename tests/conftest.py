from pathlib import Path

import pytest

from content.parsing import parse_chapter

SEED = Path(__file__).resolve().parent.parent / "content" / "sample_chapters" / "sapporo-ict-chapter1.txt"
# Chapters we wrote ourselves in the same format, to test the parser beyond the seed (not real content).
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "chapters"
PLANS = FIXTURES / "sample-chapter2-plans.txt"
OPEN_DATA = FIXTURES / "sample-chapter3-open-data.txt"


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''} {database['NAME']}"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed():
    return parse_chapter(SEED.read_bytes())


@pytest.fixture(scope="session")
def plans():
    return parse_chapter(PLANS.read_bytes())


@pytest.fixture(scope="session")
def open_data():
    return parse_chapter(OPEN_DATA.read_bytes())


@pytest.fixture
def imported_seed(db, seed_bytes):
    from content.models import Chapter
    from content.services import chapter_import_file

    chapter_import_file(data=seed_bytes, source_name=SEED.name)
    return Chapter.objects.get(slug="sapporo-ict-chapter1")


@pytest.fixture
def all_chapters(imported_seed):
    """The seed and our two fixture chapters."""
    from content.services import chapter_import_file

    for path in (PLANS, OPEN_DATA):
        chapter_import_file(data=path.read_bytes(), source_name=path.name)
    return imported_seed


@pytest.fixture(params=["one chapter", "three chapters"])
def some_chapters(request, imported_seed):
    """For query bounds: the same limit must hold with one chapter and with three."""
    if request.param == "three chapters":
        request.getfixturevalue("all_chapters")
    return imported_seed
