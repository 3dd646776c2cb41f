"""An admin, in the browser: edits a term's definition, regenerates the chapter's items, and finds the
new definition in the lesson and in the items."""

import re

from playwright.sync_api import Page, expect

from content.models import Term
from tests.e2e.conftest import log_in

NEW_DEFINITION = "市民が自ら情報を発信し、地域の課題を解決するための取組。"


def test_an_admin_edits_a_definition_and_regenerates_the_items(page: Page, site, e2e_bank, capture,
                                                               django_user_model):
    django_user_model.objects.create_superuser("kanri", password="pw-12345678")
    term = Term.objects.get(chapter=e2e_bank, number=1)
    log_in(page, site, "kanri", "pw-12345678")

    page.goto(f"{site}/admin/content/term/{term.pk}/change/")
    definition = page.locator("textarea[name=definition]")
    definition.fill(NEW_DEFINITION)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(f"{site}/admin/content/chapter/")
    page.locator("input[name=_selected_action]").first.check()
    page.locator("select[name=action]").select_option(value="regenerate_items")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    lesson = f"{site}/chapters/sapporo-ict-chapter1/sections/{term.section.number}/"
    page.goto(lesson)
    expect(page.locator(f"#fn-{term.number}")).to_contain_text(NEW_DEFINITION)
    capture("lesson-after-edit")

    page.goto(f"{site}/admin/quizzes/item/?q={NEW_DEFINITION[:12]}")
    expect(page.locator("#result_list tbody tr").first).to_be_visible()
    expect(page.locator("p.paginator")).to_contain_text(re.compile(r"\d"))
