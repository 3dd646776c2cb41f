"""Heavy or broken chapters are refused with a message that names the line, before anything is
written: too many notes, a definition that swallowed the text after it, a footnote numbered twice, a
file over the size limit."""

import pytest
from django.core.management import CommandError, call_command

from content.models import Chapter, Term
from content.parsing import ParseError, parse_chapter
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
HEAD = SEED_TEXT[:SEED_TEXT.index("1 スマートフォン：")]


def test_a_footnote_numbered_twice_stops_the_parse_naming_both_lines():
    doubled = SEED_TEXT.replace("2 タブレット端末：", "1 タブレット端末：")
    with pytest.raises(ParseError, match=r"line 70: footnote 1 .*タブレット端末.*スマートフォン.* line 69"):
        parse_chapter(doubled)


def test_ten_thousand_footnotes_are_refused():
    notes = "\n".join(f"{n} 用語{n}：用語{n}の説明。" for n in range(1, 10_001))
    with pytest.raises(ParseError, match="footnotes; a chapter has at most 400"):
        parse_chapter(HEAD + notes)


def test_a_runaway_definition_is_refused():
    runaway = SEED_TEXT.replace("従来の携帯電話に", "従来の携帯電話に" + "長い説明。" * 400)
    with pytest.raises(ParseError, match="line 69: the definition of 「スマートフォン」 runs to 2,034 characters"):
        parse_chapter(runaway)


@pytest.mark.django_db
def test_import_chapter_refuses_a_file_over_the_limit_before_reading_it(tmp_path, settings):
    settings.CHAPTER_UPLOAD_MAX_BYTES = 1000
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes())
    with pytest.raises(CommandError, match=r"the file is .* bytes; the limit is 1,000"):
        call_command("import_chapter", str(big))
    assert not Chapter.objects.exists() and not Term.objects.exists()


@pytest.mark.django_db
def test_a_refused_chapter_leaves_the_database_as_it_was(tmp_path, imported_seed):
    before = list(Term.objects.values_list("pk", "definition"))
    doubled = tmp_path / "sapporo-ict-chapter1.txt"
    doubled.write_text(SEED_TEXT.replace("2 タブレット端末：", "1 タブレット端末："), encoding="utf-8")
    with pytest.raises(CommandError, match="numbered again"):
        call_command("import_chapter", str(doubled))
    assert list(Term.objects.values_list("pk", "definition")) == before
