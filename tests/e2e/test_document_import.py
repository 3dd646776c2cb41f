"""An editor, in the browser, brings a 200-page PDF: the upload answers at once, the status page shows
the pages being read (a real background worker reads them), and the preview follows — with no request
taking longer than two seconds on the way. Then the editor publishes it."""

import threading

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from content.models import Chapter
from tests.e2e.conftest import log_in
from tests.pdf_builder import Line, build_pdf
from tests.pdf_builder import Page as PdfPage

PAGES = 200
SLOWEST_REQUEST_MS = 2000


def two_hundred_pages() -> bytes:
    pages = []
    for number in range(1, PAGES + 1):
        lines = []
        if number == 1:
            lines.append(Line("第１章　まちの歩み", 16))
        if number % 20 == 1:
            lines.append(Line(f"{number // 20 + 1}．第{number // 20 + 1}期の取組", 13))
        year = 1950 + number // 4
        lines += [Line(f"町は、{year}年に第{number}号の事業を始め、住民と共に地域の暮らしを支えてきました。"),
                  Line("この取組は、町の人口の推移や産業の変化に合わせて、毎年見直されています。")]
        pages.append(PdfPage(lines))
    return build_pdf(pages, header="町の歩み（資料編）")


class _Worker:
    """django-tasks-db's worker loop in a thread, on the test database, until stopped."""

    def __init__(self):
        from django_tasks_db.management.commands.db_worker import Worker

        self.worker = Worker(queue_names=["default"], interval=0.1, batch=False, backend_name="default",
                             startup_delay=False, max_tasks=None, worker_id="e2e-worker", excluded_queue_names=[])
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        from django.db import connections

        try:
            self.worker.run()
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.worker.running = False
        self.thread.join(timeout=30)


# The worker publishes in one long transaction while the page keeps asking; SQLite's in-memory test
# database locks whole tables across threads (the file database in WAL mode does not).
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need a database server; .ci/run runs this on PostgreSQL",
)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def reading_held(monkeypatch):
    """Holds the worker once it has reported a tenth of the pages, until the test lets it go: reading
    200 pages takes about as long as one poll, so without the hold the page may never show a count."""
    from quizzes.services import document_uploads

    go_on = threading.Event()
    parse = document_uploads.parse_document

    def held_parse(data, progress=None):
        if progress is None:  # publishing parses again, without reporting
            return parse(data)

        def reporting(done, total):
            progress(done, total)
            if done == total // 10:
                go_on.wait(timeout=60)
        return parse(data, progress=reporting)

    monkeypatch.setattr(document_uploads, "parse_document", held_parse)
    return go_on


@needs_postgresql
def test_a_200_page_pdf_goes_from_upload_to_preview_with_no_request_over_two_seconds(
        page: Page, site, transactional_db, django_user_model, database_tasks, reading_held, tmp_path, capture):
    django_user_model.objects.create_superuser("henshu", password="pw-12345678")
    pdf = tmp_path / "machi-no-ayumi.pdf"
    pdf.write_bytes(two_hundred_pages())
    timings = []
    page.on("requestfinished", lambda request: timings.append(
        (request.url, request.timing["responseEnd"] - request.timing["requestStart"])))
    log_in(page, site, "henshu", "pw-12345678")

    page.goto(f"{site}/imports/")
    page.get_by_label("文書").set_input_files(str(pdf))
    page.get_by_role("button", name="アップロードして読み込む").click()
    expect(page.locator("#import-status")).to_be_visible()
    with _Worker():
        expect(page.locator("#import-status progress")).to_be_visible(timeout=10_000)
        expect(page.locator(".status-message")).to_contain_text("ページ目", timeout=30_000)
        reading_held.set()
        expect(page.get_by_role("heading", name="第1章：まちの歩み")).to_be_visible(timeout=120_000)
        capture("preview")
        expect(page.locator("table.review").first).to_contain_text("町は、1950年に第1号の事業を始め")
        expect(page.get_by_label("タイトル: 第1期の取組")).to_have_value("第1期の取組")
        assert not Chapter.objects.exists()  # the preview writes no lesson
        page.get_by_role("button", name="公開する").click()
        expect(page.get_by_role("link", name="machi-no-ayumi")).to_be_visible(timeout=120_000)
        capture("published")
    assert Chapter.objects.filter(slug="machi-no-ayumi").exists()
    slow = [(url, round(ms)) for url, ms in timings if ms > SLOWEST_REQUEST_MS]
    assert timings and not slow, slow
