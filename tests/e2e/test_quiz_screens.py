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


def test_matching_and_ordering_by_touch_on_a_phone(browser, site, e2e_bank, django_user_model):
    attempt = _session(django_user_model, ["matching", "ordering"])
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="ja-JP")
    page = context.new_page()
    log_in(page, site, "phone", "pw-12345678")
    for position, rows in ((1, ".match-row select"), (2, ".order-row select")):
        page.goto(f"{site}/practice/{attempt.pk}/items/{position}/")
        _fits_the_phone(page)
        selects = page.locator(rows)
        for index in range(selects.count()):
            selects.nth(index).tap()
            selects.nth(index).select_option(index=index + 1)
        page.get_by_role("button", name="解答する").tap()
        expect(page.locator(".feedback")).to_be_visible()
    assert Answer.objects.filter(slot__attempt=attempt).count() == 2
    context.close()


def _timed_attempt(django_user_model, teacher, minutes=15):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.services.assignments import assignment_create, assignment_start
    from quizzes.services.classes import class_create, class_join
    from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

    learner = django_user_model.objects.create_user("timed", password="pw-12345678")
    quiz_set = quiz_set_create(owner=teacher, title="小テスト", time_limit_minutes=minutes)
    for item in Item.objects.filter(kind="true_false", status="published").order_by("id")[:3]:
        entry_add_item(quiz_set=quiz_set, item=item)
    school_class = class_create(teacher=teacher, name="3年1組")
    class_join(student=learner, join_code=school_class.join_code)
    now = timezone.now()
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                   close_at=now + timedelta(days=1))
    return assignment_start(assignment=assignment, student=learner)


def test_a_timed_quiz_counts_down_from_the_servers_deadline(page: Page, site, e2e_bank, django_user_model,
                                                            teacher, capture):
    attempt = _timed_attempt(django_user_model, teacher)
    log_in(page, site, "timed", "pw-12345678")
    page.goto(f"{site}/practice/{attempt.pk}/items/1/")
    clock = page.locator("time.countdown")
    expect(clock).to_be_visible()
    expect(clock).to_have_text(re.compile(r"^残り 1[45]:\d\d$"))
    expect(clock).not_to_have_text(clock.inner_text(), timeout=5000)  # it counts
    expect(page.locator("progress")).to_have_attribute("value", "1")
    capture("timed-quiz")


def test_without_javascript_the_deadline_is_written(browser, site, e2e_bank, django_user_model, teacher):
    attempt = _timed_attempt(django_user_model, teacher)
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    log_in(page, site, "timed", "pw-12345678")
    page.goto(f"{site}/practice/{attempt.pk}/items/1/")
    expect(page.locator(".deadline")).to_contain_text("まで")
    expect(page.locator("time.countdown")).to_be_hidden()
    context.close()


def test_the_dashboard_offers_only_what_the_server_allows(page: Page, site, e2e_bank, django_user_model, teacher,
                                                          capture):
    from datetime import timedelta

    from django.utils import timezone

    from quizzes.services.answering import attempt_finish
    from quizzes.services.assignments import assignment_create
    from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

    attempt = _timed_attempt(django_user_model, teacher)  # one attempt allowed, taken below
    attempt_finish(attempt=attempt)
    later = quiz_set_create(owner=teacher, title="来週の小テスト")
    entry_add_item(quiz_set=later, item=Item.objects.filter(kind="true_false", status="published").first())
    now = timezone.now()
    assignment_create(quiz_set=later, school_class=attempt.assignment.school_class, open_at=now + timedelta(days=3),
                      close_at=now + timedelta(days=4))
    log_in(page, site, "timed", "pw-12345678")
    rows = page.locator("ul.assignments li")
    used = rows.filter(has_text="小テスト").filter(has_not_text="来週")
    expect(used).to_contain_text("受験回数を使い切りました")
    expect(used.get_by_role("button")).to_have_count(0)  # no 「もう一度受ける」 that the server would refuse
    upcoming = rows.filter(has_text="来週の小テスト")
    expect(upcoming).to_contain_text("に開始")
    expect(upcoming.get_by_role("button")).to_have_count(0)
    capture("dashboard-states")
