"""Matching and ordering on a phone: answered by keyboard and by touch at 375 px, nothing wider than
the screen, and the terms read across (not one character per line)."""

import re

from playwright.sync_api import Page, expect

from quizzes.models import Answer, Item
from quizzes.services.practice import attempt_create
from tests.e2e.conftest import PHONE, log_in


def _session(django_user_model, kinds):
    learner = django_user_model.objects.create_user("phone", password="pw-12345678")
    items = [Item.objects.filter(kind=kind, status="published").order_by("id").first() for kind in kinds]
    return attempt_create(learner=learner, items=items)


def _fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_matching_and_ordering_by_keyboard_on_a_phone(page: Page, site, e2e_bank, django_user_model, capture):
    attempt = _session(django_user_model, ["matching", "ordering"])
    page.set_viewport_size(PHONE)
    log_in(page, site, "phone", "pw-12345678")
    page.goto(f"{site}/practice/{attempt.pk}/items/1/")
    _fits_the_phone(page)
    for label in page.locator(".match-row label").all():  # a term reads across: far wider than one character
        box = label.bounding_box()
        assert box["width"] > 3 * 16 or box["height"] < 2 * 30
    capture("matching")
    page.set_viewport_size(PHONE)
    selects = page.locator(".match-row select")
    for index in range(selects.count()):
        selects.nth(index).focus()
        for _ in range(index + 1):
            page.keyboard.press("ArrowDown")  # the letter A, B, … by keyboard alone
    page.get_by_role("button", name="解答する").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".feedback")).to_be_visible()
    page.goto(f"{site}/practice/{attempt.pk}/items/2/")
    _fits_the_phone(page)
    capture("ordering")
    page.set_viewport_size(PHONE)
    places = page.locator(".order-row select")
    for index in range(places.count()):
        places.nth(index).focus()
        for _ in range(index + 1):
            page.keyboard.press("ArrowDown")
    page.get_by_role("button", name="解答する").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".feedback")).to_be_visible()
    assert Answer.objects.filter(slot__attempt=attempt).count() == 2


def test_matching_by_touch_on_a_phone(browser, site, e2e_bank, django_user_model):
    attempt = _session(django_user_model, ["matching"])
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="ja-JP")
    page = context.new_page()
    log_in(page, site, "phone", "pw-12345678")
    page.goto(f"{site}/practice/{attempt.pk}/items/1/")
    _fits_the_phone(page)
    selects = page.locator(".match-row select")
    for index in range(selects.count()):
        selects.nth(index).tap()
        selects.nth(index).select_option(index=index + 1)
    page.get_by_role("button", name="解答する").tap()
    expect(page.locator(".feedback")).to_be_visible()
    assert re.search(r"→", page.locator(".feedback").inner_text())
    context.close()
