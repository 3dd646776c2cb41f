"""parse_chapter prints the JSON contract without the database; both commands fail cleanly on bad files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from content.models import Chapter
from content.parsing import chapter_as_dict
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[2]


def test_parse_chapter_prints_the_json_contract_without_touching_the_database(seed, capsys):
    # no `db` fixture: pytest-django fails any query this command might run
    call_command("parse_chapter", str(SEED))
    printed = json.loads(capsys.readouterr().out)
    document = printed.pop("document")
    assert printed == json.loads(json.dumps(chapter_as_dict(seed), ensure_ascii=False))
    assert printed["chapter"]["title"] == "札幌とICT" and len(printed["terms"]) == 25
    assert (document["kind"], document["chapters"]) == ("text", 1)


def test_parse_chapter_takes_a_pdf_and_picks_one_of_several_chapters(capsys):
    documents = Path(__file__).resolve().parents[1] / "fixtures"
    call_command("parse_chapter", str(documents / "documents" / "otoineppu-sogo-senryaku.pdf"))
    printed = json.loads(capsys.readouterr().out)
    assert (printed["document"]["kind"], printed["document"]["pages"]) == ("pdf", 16)
    assert printed["chapter"]["title"] == "北海道音威子府村まち・ひと・しごと創生総合戦略"
    call_command("parse_chapter", str(documents / "chapters" / "layout-two-chapters-asterisk-notes.txt"), "--chapter", "2")
    assert json.loads(capsys.readouterr().out)["chapter"]["title"] == "産業の振興"
    with pytest.raises(CommandError, match="holds 2 chapter"):
        call_command("parse_chapter", str(documents / "chapters" / "layout-two-chapters-asterisk-notes.txt"),
                     "--chapter", "3")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02", "the file is binary"),
        ("見出しのない文章です。\n".encode(), "no chapter heading found"),
    ],
)
def test_manage_py_exits_non_zero_with_one_line_naming_the_problem(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "manage.py", "parse_chapter", str(bad)], cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert message in line and "bad.txt" in line and "Traceback" not in result.stderr


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="no such file"):
        call_command("parse_chapter", "/nonexistent/chapter.txt")


@pytest.mark.django_db
def test_import_chapter_prints_counts_and_is_idempotent(capsys):
    call_command("import_chapter", str(SEED), "--slug", "ict")
    first = capsys.readouterr().out
    assert "ict: 作成" in first and "用語 25" in first and "出来事 14" in first  # in the interface's language
    call_command("import_chapter", str(SEED), "--slug", "ict")
    assert "変更はありません。" in capsys.readouterr().out
    assert Chapter.objects.get().slug == "ict"


@pytest.mark.django_db
def test_import_chapter_dry_run_writes_nothing(capsys):
    call_command("import_chapter", str(SEED), "--dry-run")
    assert "試行（書き込みなし）" in capsys.readouterr().out
    assert not Chapter.objects.exists()


@pytest.mark.django_db
def test_import_chapter_refuses_a_bad_file_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("札幌".encode("euc_jp") * 10)
    with pytest.raises(CommandError, match="neither UTF-8 nor Shift_JIS"):
        call_command("import_chapter", str(bad))
    assert not Chapter.objects.exists()


@pytest.mark.django_db
def test_import_chapter_reports_warnings_with_their_lines(tmp_path, capsys):
    chapter = tmp_path / "warn.txt"
    chapter.write_text(" 第１章 テスト \n\n１．節 \n\n平成９年（1998年）に策定した。 \n", encoding="utf-8")
    call_command("import_chapter", str(chapter))
    assert "警告：5 行目: 平成９年は 1997 年ですが、本文では 1998 年となっています" in capsys.readouterr().out
