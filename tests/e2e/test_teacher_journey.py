"""A teacher, in the browser: builds a quiz set from the filtered bank plus a random slot, assigns it;
a student takes it; the teacher reads the results and downloads the CSV."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.answering import answer_shown_item
from tests.e2e.conftest import expect_chart, log_in

PASSWORD = "pw-12345678"  # the conftest's teacher and the student below


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_teacher_builds_assigns_and_reads_the_results(page: Page, browser, site, e2e_bank, capture, teacher,
                                                         django_user_model):
    log_in(page, site, "sensei", PASSWORD)
    expect(page).to_have_url(re.compile(r"/teach/$"))  # a teacher lands on the teacher home
    page.get_by_label("クラス名").fill("2年3組")
    page.get_by_role("button", name="クラスを作る").click()
    join_code = page.locator("code.join-code").inner_text()  # a new class opens on its own page
    page.goto(f"{site}/teach/")
    page.get_by_label("タイトル").fill("第1章 確認テスト")
    page.get_by_role("button", name="問題セットを作る").click()  # and a new set in the builder
    expect(page.get_by_role("heading", name="第1章 確認テスト")).to_be_visible()

    filters = page.locator("form.filters")
    filters.get_by_label("技能").select_option(label="用語")
    filters.get_by_role("button", name="絞り込む").click()
    expect(page).to_have_url(re.compile(r"skill=definition"))
    capture("builder-filtered")
    for _ in range(2):
        page.get_by_role("button", name="セットに追加").first.click()
    page.locator("nav.steps").get_by_role("link", name="ランダムな問題").click()  # the builder goes in steps
    random_slot = page.locator("section").filter(has=page.get_by_role("heading", name="ランダムな問題の追加"))
    random_slot.get_by_label("問題数").fill("2")
    random_slot.get_by_role("button", name="ランダム枠を追加").click()
    expect(page).to_have_url(re.compile(r"step=random"))
    summary = page.locator(".set-summary")
    expect(summary).to_contain_text("（選んだ問題2問、ランダム2問）")
    capture("builder-random-step")
    page.locator("nav.steps").get_by_role("link", name="問題バンクから選ぶ").click()
    entries = page.locator("ol.entries > li")
    expect(entries).to_have_count(3)
    expect(entries.nth(2)).to_contain_text("2")

    page.locator("nav.steps").get_by_role("link", name="課題を出す").click()
    assign = page.locator("section").filter(has=page.get_by_role("heading", name="クラスに課題を出す"))
    assign.get_by_label("クラス").select_option(label="2年3組")
    now = timezone.now()
    assign.get_by_label("開始").fill(_local(now - timedelta(minutes=5)))
    assign.get_by_label("締切").fill(_local(now + timedelta(days=7)))
    assign.get_by_role("button", name="課題を出す").click()
    expect(page.locator(".messages")).to_contain_text("2年3組")
    capture("builder-assigned")

    # The student, in a browser of their own.
    django_user_model.objects.create_user("taro", password=PASSWORD)
    student_context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP")
    student = student_context.new_page()
    log_in(student, site, "taro", PASSWORD)
    student.goto(f"{site}/dashboard/")
    student.get_by_label("参加コード").fill(join_code)
    student.get_by_role("button", name="クラスに参加する").click()
    assignment = student.locator("ul.assignments li").filter(has_text="第1章 確認テスト")
    assignment.get_by_role("button", name="始める").click()
    for _ in range(4):
        answer_shown_item(student)
        student.get_by_role("button", name="解答する").click()
        next_item = student.get_by_role("link", name="次の問題へ")
        if next_item.count():
            next_item.click()
    student.get_by_role("button", name="終了して結果を見る").click()
    expect(student).to_have_url(re.compile(r"/summary/$"))
    student_context.close()

    page.goto(f"{site}/teach/")
    page.get_by_role("link", name="結果").first.click()
    student_row = page.locator("table.students tr").filter(has_text="taro")
    expect(student_row).to_contain_text(re.compile(r"\b\d+:\d\d\b"))  # the time taken, as minutes:seconds
    capture("results")
    expect_chart(page, "grade-spread", rows=10)
    expect(page.locator(".option-bars .key-mark").first).to_be_visible()  # a bar per option, the key marked
    with page.expect_download() as download:
        page.get_by_role("link", name="CSVをダウンロード").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("生徒") and "taro" in text
