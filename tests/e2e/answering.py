"""Answering whatever item a page shows, as a learner would with the keyboard or the mouse."""

from playwright.sync_api import Page


def answer_shown_item(page: Page) -> None:
    """Choose the first option, tick the first box, type a word, or give each select a different
    choice (ordering places, matching letters)."""
    form = page.locator("form.item-form")
    radios = form.locator("input[type=radio]")
    if radios.count():
        radios.first.check()
        return
    boxes = form.locator("input[type=checkbox]")
    if boxes.count():
        boxes.first.check()
        return
    typed = form.locator("input[type=text]")
    if typed.count():
        typed.fill("札幌")
        return
    selects = form.locator("select")
    for index in range(selects.count()):
        selects.nth(index).select_option(index=index + 1)
