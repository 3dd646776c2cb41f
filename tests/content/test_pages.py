"""The lesson pages: what they show, that they need no JavaScript, and their bounded queries."""

import re

import pytest
from django.urls import reverse

SLUG = "sapporo-ict-chapter1"


def section_url(number, slug=SLUG):
    return reverse("content:section", kwargs={"slug": slug, "number": number})


def test_chapter_list_links_every_section(client, imported_seed):
    page = client.get(reverse("content:chapter-list")).content.decode()
    assert "札幌とICT" in page
    for number in range(1, 5):
        assert f'href="{section_url(number)}"' in page


def test_chapter_page_shows_the_lead(client, imported_seed):
    page = client.get(imported_seed.get_absolute_url()).content.decode()
    assert "札幌とICTの関わりについて整理します。" in page


def test_section_page_links_terms_with_their_definitions_and_lists_footnotes(client, imported_seed):
    page = client.get(section_url(1)).content.decode()
    # the marked use: the term, its footnote number, and its definition in a tooltip reachable by focus
    assert re.search(r'<a class="term" href="#fn-1" aria-describedby="(tip-[\d-]+)">スマートフォン</a>'
                     r'<sup class="fnref">1</sup><span class="term-tip" role="tooltip" id="\1">', page)
    assert "従来の携帯電話にパソコンや携帯情報機器としての機能が追加されたもの。</span>" in page
    footnotes = page[page.index('class="footnotes"'):]
    assert [int(n) for n in re.findall(r'<li id="fn-(\d+)"', footnotes)] == [1, 2, 3]
    scripts = re.findall(r"<script[^>]*>", page)  # one small script of our own improves the page, no more
    assert all('src="/static/js/' in tag and "defer" in tag for tag in scripts)  # no inline script, no CDN


def test_section_page_shows_its_goal_list_figure_and_neighbours(client, imported_seed):
    page = client.get(section_url(2)).content.decode()
    assert "<h2 id=\"goals-" in page and "札幌市情報化構想の基本目標" in page
    assert page.count("<li>札幌の情報化を支える人づくり</li>") == 1
    assert "図表 1-1 札幌市情報化構想における基本的目標" in page
    assert f'rel="prev" href="{section_url(1)}"' in page and f'rel="next" href="{section_url(3)}"' in page
    assert 'id="p1"' in page


def test_list_items_render_as_a_list_and_unknown_pages_are_404(client, all_chapters):
    page = client.get(section_url(1, "sample-chapter2-plans")).content.decode()
    assert '<ol class="item-list">' in page and "ICTを支える人材の育成" in page
    assert client.get(section_url(9)).status_code == 404
    assert client.get(reverse("content:glossary", kwargs={"slug": "missing"})).status_code == 404


def test_glossary_lists_terms_with_their_uses(client, imported_seed):
    page = client.get(reverse("content:glossary", kwargs={"slug": SLUG})).content.decode()
    assert page.count("<dt id=\"term-") == 25
    assert "NoMaps <span class=\"reading\">（ノーマップス）</span>" in page
    entry = page[page.index('id="term-8"'):page.index('id="term-9"')]
    assert f'href="{section_url(2)}#p9"' in entry


def test_glossary_in_kana_order_uses_the_readings_from_sudachipy(client, imported_seed):
    page = client.get(reverse("content:glossary", kwargs={"slug": SLUG}), {"order": "kana"}).content.decode()
    order = [int(number) for number in re.findall(r'<dt id="term-(\d+)"', page)]
    # ICT あいしーてぃー, イントラネット, ウェブコンテンツ, SNS えすえぬえす … メディア・アーツ, モバイルコンテンツ, ユネスコ…
    assert order[:4] == [3, 6, 22, 8] and order[-3:] == [25, 23, 24]
    # a reading is shown for kanji (from the dictionary when the text gives none), never for katakana
    assert "（すまーとふぉん）" not in page and "スマートフォン</dt>" in page
    assert "札幌市エレクトロニクスセンター <span class=\"reading\">（さっぽろしエレクトロニクスセンター）</span>" in page


def test_timeline_is_in_date_order_with_marks(client, imported_seed):
    page = client.get(reverse("content:timeline", kwargs={"slug": SLUG})).content.decode()
    years = [int(y) for y in re.findall(r"<strong>(\d{4})年", page)]
    assert years == sorted(years) and len(years) == 14
    assert "<strong>1997年12月</strong> <span class=\"era\">平成9年</span>" in page
    assert "<strong>2001年度</strong> <span class=\"era\">平成13年度</span>" in page
    assert page.count('class="badge"') >= 4 + 3  # four fiscal years, three approximate dates


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        (lambda: reverse("content:chapter-list"), 3),
        (lambda: reverse("content:chapter", kwargs={"slug": SLUG}), 3),
        (lambda: section_url(2), 9),
        (lambda: section_url(4), 9),
        (lambda: reverse("content:glossary", kwargs={"slug": SLUG}), 4),
        (lambda: reverse("content:timeline", kwargs={"slug": SLUG}), 4),
    ],
)
def test_pages_run_a_bounded_number_of_queries(client, some_chapters, django_assert_max_num_queries, url, limit):
    # chapter list: chapters with term counts + their sections; section page (not yet cached): its heading,
    # then section and chapter, paragraphs, term links with terms, figures, goal lists, goals, sibling sections
    with django_assert_max_num_queries(limit):
        assert client.get(url()).status_code == 200


def test_the_interface_speaks_japanese_by_default_and_english_on_request(client, imported_seed):
    assert "用語集" in client.get(section_url(1)).content.decode()
    english = client.get(section_url(1), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Glossary" in english and "用語集" not in english


@pytest.mark.django_db
def test_timeline_shows_each_precision_and_keeps_targets_apart_from_history(client):
    from quizzes.models import Item
    from quizzes.services.chapter_publishing import chapter_publish
    from tests.conftest import FIXTURES

    data = (FIXTURES / "layout-marked-sections-notes.txt").read_bytes()
    chapter_publish(data=data, source_name="bousai.txt", slug="bousai")
    page = client.get(reverse("content:timeline", kwargs={"slug": "bousai"})).content.decode()
    history, targets = page.split("目標と見通し")
    assert "<strong>1975〜1984年</strong> <span class=\"era\">昭和50年代</span>" in history
    assert "<strong>1887年頃</strong>" in history and "おおよその年" in history
    assert "<strong>2005年度</strong>" in history  # 翌年度 after 平成16年
    assert "<strong>2020〜2024年度</strong>" in targets and "2020〜2024年度" not in history
    assert not Item.objects.filter(chapter__slug="bousai", event__is_target=True).exists()
    assert not Item.objects.filter(chapter__slug="bousai", prompt__contains="1975年").exclude(
        prompt__contains="1975年代").exists()


def test_the_timeline_is_drawn_with_a_numbered_mark_per_event(client, imported_seed):
    page = client.get(reverse("content:timeline", kwargs={"slug": SLUG})).content.decode()
    picture = page[page.index('id="timeline-picture"'):page.index("</figure>")]
    listed = re.findall(r'<li class="precision-[a-z_]+" id="event-(\d+)">', page)
    marks = re.findall(r'<a href="#event-(\d+)"><g class="mark', picture)
    assert marks and sorted(marks, key=int) == listed  # every event drawn, each linked to its entry in the list
    assert 'role="group"' in picture and "件のできごと" in picture  # a group of links, named by its title
    assert re.search(r'<title>1997年12月 平成9年</title>', picture)
    # 1980年代前半 and 1990年代中盤 are spans: drawn as long as they last, not as one year
    spans = re.findall(r'<g class="mark span">\s*<title>([^<]+)</title>', picture)
    assert len(spans) == 3 and all("年代" in when for when in spans)
    ticks = [int(year) for year in re.findall(r'<text class="tick"[^>]*>(\d{4})</text>', picture)]
    assert ticks == sorted(ticks) and ticks[0] <= 1997 <= ticks[-1]
