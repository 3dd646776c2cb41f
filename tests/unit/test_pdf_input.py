"""PDFs in: what a PDF knows that a text file does not (glyph size, baseline, place on the page), and
broken PDFs refused with a clear message."""

import pytest

from content.models import Chapter
from content.parsing import ParseError, parse_document
from content.parsing.pdf import MAX_PAGES
from quizzes.models import Item
from quizzes.services.chapter_publishing import chapter_publish
from tests.pdf_builder import Line, Page, Table, blank_pages, build_pdf, zero_pages

HEADER = "音川町デジタル推進計画"


def _plan_pages():
    return [
        Page([Line("第１章　デジタルのまちづくり", 16), Line("１．これまでの歩み", 13),
              Line("町は、平成13年（2001年）4月に町のホームページを開設しました。町はクラウド", superscript="1"),
              Line("の活用を令和２年度（2020年度）に始めました。")]),
        Page([Line("窓口の利用者は次のとおりです。"),
              Table([["年度", "令和元年", "令和２年", "令和３年"], ["窓口", "1,200", "1,050", "980"],
                     ["オンライン", "310", "620", "1,400"]]),
              Line("２．これからの取組", 13), Line("町は、住民の皆さんと共にオープンデータ", superscript="2"),
              Line("の公開を進め、令和４年（2022年）10月に公開サイトを開きました。"),
              Line("1 クラウド：インターネットを通じてサービスを使う仕組み。", 8),
              Line("2 オープンデータ：誰でも自由に使えるよう公開されたデータ。", 8)]),
        Page([Line("３．推進の体制", 13), Line("町は、令和５年（2023年）４月にデジタル推進室を置きました。")]),
    ]


@pytest.fixture(scope="module")
def plan_pdf():
    return parse_document(build_pdf(_plan_pages(), header=HEADER))


def _paragraphs(document):
    return [p.text for chapter in document.chapters for s in chapter.sections for p in s.paragraphs]


def test_a_pdf_is_read_with_its_headings(plan_pdf):
    assert plan_pdf.kind == "pdf" and plan_pdf.pages == 3
    (chapter,) = plan_pdf.chapters
    assert chapter.chapter.title == "デジタルのまちづくり"
    assert [s.title for s in chapter.sections] == ["これまでの歩み", "これからの取組", "推進の体制"]


def test_superscript_markers_link_their_notes_and_leave_the_text(plan_pdf):
    (chapter,) = plan_pdf.chapters
    assert [(t.number, t.term, t.section) for t in chapter.terms] == [(1, "クラウド", 1), (2, "オープンデータ", 2)]
    first = chapter.sections[0].paragraphs[0]
    assert "町はクラウドの活用を" in first.text
    assert [first.text[link.start:link.end] for link in first.links if link.marker] == ["クラウド"]
    assert not any("：" in text for text in _paragraphs(plan_pdf))  # the notes are not prose


def test_running_headers_page_numbers_and_table_cells_never_reach_a_lesson(plan_pdf):
    texts = _paragraphs(plan_pdf)
    assert not any(HEADER in text for text in texts)
    assert not any(text.strip(" -0123456789") == "" for text in texts)
    assert not any(cell in text for text in texts for cell in ("1,200", "オンライン", "令和元年"))
    (chapter,) = plan_pdf.chapters
    assert [(e.text, e.year) for e in chapter.events] == [
        ("平成13年（2001年）4月", 2001), ("令和２年度（2020年度）", 2020), ("令和４年（2022年）10月", 2022),
        ("令和５年（2023年）４月", 2023)]


def test_a_pdf_warning_names_its_page_not_a_line():
    pages = _plan_pages()
    pages[2].items.append(Line("平成９年（1998年）に計画を改めました。"))
    (chapter,) = parse_document(build_pdf(pages, header=HEADER)).chapters
    assert chapter.warnings == ["page 3: 平成９年 is 1997, but the text gives 1998"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (blank_pages(2), "the PDF has no text layer: it is probably a scan"),
        (build_pdf(_plan_pages(), encrypt="secret"), "the PDF is encrypted"),
        (build_pdf(_plan_pages())[:400], "the PDF cannot be read: the file is damaged"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "the PDF cannot be read: the file is damaged"),
        (zero_pages(), "the PDF has no pages"),
        (blank_pages(MAX_PAGES + 1), f"the PDF has {MAX_PAGES + 1} pages; at most {MAX_PAGES}"),
        (build_pdf([Page([Line("見出しも本文もない表紙です")])], page_numbers=None), "no sections"),
        ("札幌市の情報化の歩み\n\n１．はじめに\n".encode("euc_jp"), "it looks like EUC-JP"),
        ("第１章 テスト".encode("utf-16"), "the file is UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is binary"),
    ],
    ids=["scanned", "encrypted", "truncated", "corrupt", "zero-pages", "over-the-page-cap", "no-headings",
         "euc-jp", "utf-16", "image"],
)
@pytest.mark.django_db
def test_broken_files_get_one_clear_message_and_leave_the_database_as_it_was(imported_seed, data, message):
    before = (Chapter.objects.count(), Item.objects.count())
    with pytest.raises(ParseError) as caught:
        chapter_publish(data=data, source_name="broken.pdf", slug="broken")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert (Chapter.objects.count(), Item.objects.count()) == before


def test_a_line_repeated_on_every_page_is_furniture_only_at_the_pages_edge():
    pages = [Page([Line("第１章　町の歩み", 16), Line("１．記録", 13)] if n == 1 else [])
             for n in range(1, 5)]
    for page in pages:
        page.items += [Line("町では、毎年この時期に住民の意見を聞く会を開いています。"),
                       Line("各年度の記録は次のとおりです。")]
    document = parse_document(build_pdf(pages, header="町の歩み　資料編"))
    texts = _paragraphs(document)
    assert texts.count("町では、毎年この時期に住民の意見を聞く会を開いています。") == 4  # mid-page: text
    assert not any("資料編" in text for text in texts)  # at the top of every page: a running header
