"""The main pages not already visited by the journeys, in both languages: captured at desktop and
phone width, checked with axe-core, and usable by keyboard alone."""

import re

from playwright.sync_api import Page, expect

from quizzes.services.classes import class_create
from tests.e2e.answering import answer_shown_item
from tests.e2e.conftest import expect_chart, log_in


def test_reading_pages_for_a_visitor(page: Page, site, e2e_bank, capture):
    for name, path, heading in [
        ("chapter-list", "/", "章"),
        ("chapter", "/chapters/sapporo-ict-chapter1/", e2e_bank.title),
        ("glossary", "/chapters/sapporo-ict-chapter1/glossary/", "用語集"),
        ("timeline", "/chapters/sapporo-ict-chapter1/timeline/", "年表"),
        ("log-in", "/accounts/login/", "ログイン"),
    ]:
        page.goto(site + path)
        expect(page.locator("h1")).to_contain_text(heading)
        capture(name)
        if name == "timeline":  # drawn, each mark a link to its entry in the list beneath
            expect_chart(page, "timeline-picture")
            expect(page.locator("#timeline-picture a").first).to_have_attribute("href", "#event-1")
        if name in ("chapter-list", "chapter"):  # 「1．…」 once: no list marker before the document's own number
            markers = page.locator(".section-links li").evaluate_all(
                "items => items.map(item => getComputedStyle(item).listStyleType)")
            assert markers and set(markers) == {"none"}


def test_english_is_chosen_with_the_switcher_and_kept(page: Page, site, e2e_bank, capture):
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/glossary/")
    page.get_by_label("言語").select_option("en")
    page.get_by_role("button", name="変更").click()
    expect(page.locator("h1")).to_have_text("Glossary")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{site}/")
    expect(page.get_by_role("link", name="Chapters")).to_be_visible()
    capture("chapter-list-english")


def test_the_browser_language_is_honoured(browser, site, e2e_bank):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/glossary/")
    expect(page.locator("h1")).to_have_text("Glossary")
    context.close()


def test_a_quiz_by_keyboard_alone(page: Page, site, e2e_bank, capture, teacher, django_user_model):
    django_user_model.objects.create_user("keyboard", password="pw-12345678")
    log_in(page, site, "keyboard", "pw-12345678")
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/sections/2/")
    page.get_by_role("button", name="この節を練習する").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/items/1/$"))
    for _ in range(3):
        form = page.locator("form.item-form")
        first = form.locator("input:not([type=hidden]), select").first
        first.focus()
        expect(first).to_be_focused()
        kind = first.get_attribute("type") or "select"
        if kind in ("radio", "checkbox"):
            page.keyboard.press("Space")
        elif kind == "text":
            page.keyboard.type("札幌")
        else:
            answer_shown_item(page)  # selects: one choice each (keyboard selection of <select> is the browser's)
            form.get_by_role("button", name="解答する").focus()
        page.keyboard.press("Enter") if kind == "text" else form.get_by_role("button", name="解答する").press("Enter")
        feedback = page.locator("section.feedback")
        expect(feedback).to_be_visible()
        # Right or wrong is said in words and a sign, never by colour alone.
        expect(feedback.locator("h2 svg.icon")).to_be_visible()
        expect(feedback.locator("h2")).to_have_text(re.compile(r"正解|不正解|部分的"))
        next_item = page.get_by_role("link", name="次の問題へ")
        next_item.focus()
        expect(next_item).to_be_focused()
        outline = next_item.evaluate("element => getComputedStyle(element).outlineStyle")
        assert outline != "none", "the focused link shows no outline"
        page.keyboard.press("Enter")
    capture("practice-by-keyboard")


def test_teacher_pages(page: Page, site, e2e_bank, capture, teacher):
    school_class = class_create(teacher=teacher, name="1年2組")
    log_in(page, site, "sensei", "pw-12345678")
    page.goto(f"{site}/teach/")
    expect(page.get_by_role("link", name="1年2組")).to_be_visible()
    capture("teaching")
    page.get_by_role("link", name="1年2組").click()
    expect(page.locator("h1")).to_contain_text("1年2組")
    expect(page.get_by_text(school_class.join_code)).to_be_visible()
    capture("class")


def test_the_header_folds_into_a_menu_on_a_phone_without_javascript(browser, site, e2e_bank):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] < 70  # the brand and the menu button, not the whole menu
    chapters = page.locator(".site-menu").get_by_role("link", name="章の一覧")
    expect(chapters).to_be_hidden()
    page.locator(".menu-button").click()
    expect(chapters).to_be_visible()
    context.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP").new_page()
    desktop.goto(f"{site}/chapters/sapporo-ict-chapter1/")
    expect(desktop.locator(".menu-button")).to_be_hidden()
    expect(desktop.locator(".site-menu").get_by_role("link", name="章の一覧")).to_be_visible()
    desktop.context.close()


def test_a_tapped_term_shows_its_definition_where_it_stands(browser, site, e2e_bank):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True,
                                  locale="ja-JP")
    page = context.new_page()
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/sections/2/")
    term = page.locator(".lesson a.term").first
    term.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    term.tap()
    tip = page.locator(".term-wrap.open .term-tip")
    expect(tip).to_be_visible()
    assert abs(page.evaluate("window.scrollY") - before) < 50  # no jump to the notes at the foot of the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    term.tap()
    expect(page.locator(".term-wrap.open")).to_have_count(0)
    context.close()


def test_furigana_on_and_off(page: Page, site, e2e_bank, capture, django_user_model):
    django_user_model.objects.create_user("young", password="pw-12345678")
    log_in(page, site, "young", "pw-12345678")
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/sections/1/")
    lesson = page.locator("article.lesson")
    expect(lesson.locator("ruby")).to_have_count(0)
    toggle = page.locator(".reading-toggle button")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(page).to_have_url(re.compile(r"/sections/1/$"))
    expect(lesson.locator("ruby").first).to_be_visible()
    expect(lesson.locator("rt").first).not_to_be_empty()
    capture("lesson-with-furigana")
    page.locator(".reading-toggle button").click()
    expect(page.locator("article.lesson ruby")).to_have_count(0)
