"""A student, in the browser: signs up, joins a class with its code, reads a lesson and opens a glossary
term, practises with feedback and the link back to the paragraph, and sees the dashboard change."""

import re

from playwright.sync_api import Page, expect

from quizzes.services.classes import class_create
from tests.e2e.answering import answer_shown_item
from tests.e2e.conftest import expect_chart

PASSWORD = "kiku-no-hana-2026"


def test_a_student_from_sign_up_to_progress(page: Page, site, e2e_bank, capture, teacher):
    school_class = class_create(teacher=teacher, name="3年1組")

    page.goto(f"{site}/accounts/signup/")
    capture("sign-up")
    page.get_by_label("ユーザー名").fill("hanako")
    page.get_by_label("パスワード", exact=True).fill(PASSWORD)
    page.get_by_label("パスワード(確認用)").fill(PASSWORD)
    page.get_by_role("button", name="アカウントを作成する").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_text("最近のセッション")).to_be_visible()
    expect(page.get_by_text("まだセッションはありません。")).to_be_visible()
    capture("dashboard-new")

    page.get_by_label("参加コード").fill(school_class.join_code)
    page.get_by_role("button", name="クラスに参加する").click()
    expect(page.get_by_text("3年1組")).to_be_visible()

    # A lesson, and a glossary term's definition opened from the text by keyboard.
    page.goto(f"{site}/chapters/sapporo-ict-chapter1/sections/2/")
    capture("lesson")
    term = page.locator("a.term").first
    term.focus()
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("：")
    term.press("Enter")  # opens the definition in place (the script), no jump to the notes
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(page).not_to_have_url(re.compile(r"#fn-\d+$"))
    page.keyboard.press("Escape")
    expect(term).to_have_attribute("aria-expanded", "false")

    page.get_by_role("button", name="この節を練習する").click()
    expect(page).to_have_url(re.compile(r"/practice/\d+/items/1/$"))
    capture("practice-item")
    linked = False
    for _ in range(10):
        answer_shown_item(page)
        page.get_by_role("button", name="解答する").click()
        expect(page.locator("section.feedback")).to_be_visible()
        expect(page.locator("section.feedback h2")).to_have_text(re.compile("正解|不正解|部分的に正解"))
        source = page.get_by_role("link", name="本文で確かめる")
        if source.count() and not linked:
            capture("feedback")
            href = source.get_attribute("href")
            source.click()
            expect(page).to_have_url(re.compile(r"/sections/\d+/(#p\d+)?$"))
            if "#" in href:
                expect(page.locator(href[href.index("#"):])).to_be_visible()
            page.go_back()
            linked = True
        next_item = page.get_by_role("link", name="次の問題へ")
        if not next_item.count():
            break
        next_item.click()
    assert linked, "no feedback linked back to its paragraph"
    page.get_by_role("button", name="終了して結果を見る").click()  # the summary, drawn
    expect(page.locator("svg.ring")).to_be_visible()
    expect(page.locator(".skill-lines li").first).to_be_visible()
    capture("summary")
    page.goto(f"{site}/dashboard/")
    expect(page.get_by_text("まだセッションはありません。")).to_have_count(0)
    expect(page.locator("section").filter(has_text="最近のセッション").locator("li")).to_have_count(1)
    expect(page.locator(".seen").filter(has_text=re.compile(r"問中[1-9]\d*問に挑戦")).first).to_be_visible()
    capture("dashboard-after-practice")
    expect_chart(page, "answers-by-day", rows=14)
    expect_chart(page, "reviews-ahead", rows=7)
    expect_chart(page, "mastery-by-day", rows=14)
