"""Browser tests: Playwright driving the system's Chromium (Debian's package, /usr/bin/chromium) against
the app on pytest-django's live server. Playwright never downloads a browser here. Without Chromium
these tests are skipped, and the summary says so.

Every page a test visits can be captured at desktop and phone width (artefacts/screenshots/) and
checked with axe-core for serious and critical violations."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
# What sticks out past the screen's right edge, for the message of a page found too wide
WIDEST_ELEMENTS = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"""

# Playwright's sync API runs an event loop in this thread; Django's guard against database access from
# async code would otherwise refuse the fixtures' queries. The app itself runs in the live server's thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM:
        return
    skip = pytest.mark.skip(reason=f"browser tests skipped: no Chromium at {CHROMIUM} "
                                   "(install Debian's chromium package, or set CHROMIUM_PATH)")
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "ja-JP"}


@pytest.fixture
def site(live_server):
    return live_server.url


@pytest.fixture
def e2e_bank(transactional_db, seed_bytes):
    """The seed chapter imported with its published items, as `make seed` leaves it."""
    from content.models import Chapter
    from quizzes.services.chapter_publishing import chapter_publish

    chapter_publish(data=seed_bytes, source_name="sapporo-ict-chapter1.txt", slug="sapporo-ict-chapter1")
    return Chapter.objects.get(slug="sapporo-ict-chapter1")


@pytest.fixture
def capture(page, request):
    """capture(name): screenshots of the current page at desktop and phone width, and an axe-core run
    at each width and in both colour schemes that fails the test on a serious or critical violation;
    at phone width the page must not be wider than the screen."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    prefix = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")

    def shoot(name: str) -> None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            page.screenshot(path=ARTEFACTS / f"{prefix}--{name}--{width_name}.png", full_page=True)
            if width_name == "phone":  # nothing wider than a phone: no sideways scrolling on any page
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= viewport["width"], f"{name} is {wide} px wide at {viewport['width']} px: " + \
                    page.evaluate(WIDEST_ELEMENTS)
            for scheme in ("light", "dark"):  # contrast and the rest in both colour schemes
                page.emulate_media(color_scheme=scheme)
                found = axe.run(page).response["violations"]
                serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                           for v in found if v["impact"] in ("serious", "critical")]
                assert not serious, f"{name} at {width_name} width, {scheme} scheme:\n" + "\n".join(serious)
            if width_name == "desktop":
                page.screenshot(path=ARTEFACTS / f"{prefix}--{name}--desktop-dark.png", full_page=True)
            page.emulate_media(color_scheme="light")
        page.set_viewport_size(DESKTOP)

    return shoot


def log_in(page, site: str, username: str, password: str) -> None:
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(password)
    page.get_by_role("button", name="ログイン").click()


def expect_chart(page, chart_id: str, *, rows: int | None = None) -> None:
    """A chart drawn on the page, named for screen readers, with its data as a table that opens."""
    from playwright.sync_api import expect

    figure = page.locator(f"figure#{chart_id}")
    expect(figure.locator("svg")).to_be_visible()
    expect(figure.locator("svg title").first).not_to_be_empty()
    summary = figure.locator("details summary")
    if summary.count():
        summary.click()
        table = figure.locator("details table")
        expect(table).to_be_visible()
        if rows is not None:
            expect(table.locator("tbody tr")).to_have_count(rows)

