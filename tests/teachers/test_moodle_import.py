"""Questions brought from Moodle (Moodle XML) into a teacher's bank and set: a set exported and
imported again gives the same items, a second import adds nothing, a dry run writes nothing, and every
malformed file or question is named with its line; per role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Item, QuizSet, QuizSetEntry
from quizzes.presentation.exports import export_items, quiz_set_export
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

pytestmark = pytest.mark.django_db
EXPORTED_KINDS = ["single_choice", "multiple_response", "true_false", "short_answer", "matching", "cloze"]


@pytest.fixture
def exported(teacher, seed_bank):
    """A set of one published item of every exportable kind, and its Moodle XML."""
    source = quiz_set_create(owner=teacher, title="書き出し")
    for kind in EXPORTED_KINDS:
        entry_add_item(quiz_set=source, item=Item.objects.filter(kind=kind, status=Item.Status.PUBLISHED).first())
    return source, quiz_set_export(quiz_set=source, fmt="moodle").content


def _import(client, quiz_set, content, chapter, **fields):
    upload = SimpleUploadedFile("questions.xml", content.encode() if isinstance(content, str) else content)
    data = {"moodle-file": upload, "moodle-chapter": chapter.slug, "moodle-skill": "definition", "back": "step=own",
            **fields}
    return client.post(reverse("quizzes:teach-set-action", kwargs={"set_id": quiz_set.pk, "operation": "import-moodle"}),
                       data, follow=True)


def _in_words(item: dict) -> tuple:
    texts = {option["id"]: option["text"] for option in item["options"]}
    lefts = {entry["id"]: entry["text"] for entry in item["left"]}
    answer = item["answer"]
    if item["kind"] == "matching":
        key = sorted((lefts[left], texts[right]) for left, right in answer.items())
    elif item["kind"] in ("single_choice", "cloze"):
        key = texts[answer]
    elif item["kind"] == "multiple_response":
        key = sorted(texts[option] for option in answer)
    else:
        key = answer
    kind = "single_choice" if item["kind"] == "cloze" else item["kind"]  # Moodle has one multichoice type
    return kind, item["prompt"], sorted(texts.values()), key, item["explanation"]


def test_a_set_exported_and_imported_again_gives_the_same_items(teacher_client, teacher, seed_bank, exported):
    source, xml = exported
    target = quiz_set_create(owner=teacher, title="読み込み")
    page = _import(teacher_client, target, xml, seed_bank).content.decode()
    assert "6問をセットに追加しました" in page, page[page.find("messages"):][:600]
    imported = export_items(QuizSet.objects.get(pk=target.pk))
    assert sorted(map(_in_words, imported)) == sorted(map(_in_words, export_items(source)))
    new = Item.objects.filter(author=teacher)
    assert new.count() == 6 and all(item.generator == "teacher" and item.chapter == seed_bank for item in new)


def test_a_second_import_adds_nothing(teacher_client, teacher, seed_bank, exported):
    _source, xml = exported
    target = quiz_set_create(owner=teacher, title="読み込み")
    _import(teacher_client, target, xml, seed_bank)
    entries = list(QuizSetEntry.objects.filter(quiz_set=target).values_list("item_id", flat=True))
    page = _import(teacher_client, target, xml, seed_bank).content.decode()
    assert "6問はすでにあなたの問題にあります" in page
    assert list(QuizSetEntry.objects.filter(quiz_set=target).values_list("item_id", flat=True)) == entries
    assert Item.objects.filter(author=teacher).count() == 6
    other = quiz_set_create(owner=teacher, title="別のセット")  # the same questions into another set: reused
    _import(teacher_client, other, xml, seed_bank)
    assert set(QuizSetEntry.objects.filter(quiz_set=other).values_list("item_id", flat=True)) == set(entries)
    assert Item.objects.filter(author=teacher).count() == 6


def test_a_dry_run_reports_and_writes_nothing(teacher_client, teacher, seed_bank, exported):
    _source, xml = exported
    target = quiz_set_create(owner=teacher, title="読み込み")
    page = _import(teacher_client, target, xml, seed_bank, **{"moodle-dry_run": "on"}).content.decode()
    assert "確認しました: 6問を追加できます" in page
    assert not Item.objects.filter(author=teacher).exists() and not target.entries.exists()


MOODLE_QUESTIONS = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/防災</text></category></question>
  <question type="multichoice">
    <name><text>避難所</text></name>
    <questiontext format="html"><text><![CDATA[<p>指定<b>避難所</b>を&nbsp;開設するのは<br>誰ですか。</p><script>x()</script>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>市町村が開設します。</p>]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100"><text>市町村</text></answer>
    <answer fraction="0"><text>国</text></answer>
    <answer fraction="0"><text>町内会</text></answer>
  </question>
  <question type="essay">
    <name><text>作文</text></name>
    <questiontext format="html"><text>防災について書きなさい。</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>正解なし</text></name>
    <questiontext format="plain_text"><text>どれですか。</text></questiontext>
    <single>true</single>
    <answer fraction="0"><text>甲</text></answer>
    <answer fraction="0"><text>乙</text></answer>
  </question>
  <question type="truefalse">
    <name><text>地図</text></name>
    <questiontext format="html"><text><![CDATA[<p>この地図の赤い地域は浸水想定区域である。<img src="@@PLUGINFILE@@/map.png"></p>]]></text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>
"""


def test_moodle_s_own_export_is_read_as_a_learner_sees_it_and_the_rest_named_by_line(teacher_client, teacher,
                                                                                       seed_bank):
    target = quiz_set_create(owner=teacher, title="防災")
    page = _import(teacher_client, target, MOODLE_QUESTIONS, seed_bank).content.decode()
    item = Item.objects.get(author=teacher)
    assert item.kind == "single_choice" and item.prompt == "指定避難所を 開設するのは\n誰ですか。"
    assert item.explanation == "市町村が開設します。"
    assert {option["id"]: option["text"] for option in item.options}[item.answer] == "市町村"
    assert "13行目（作文）は読み込みませんでした: Moodleのessay問題に当たる形式はありません。" in page
    assert "17行目（正解なし）は読み込みませんでした: 正解がありません。" in page
    assert "24行目（地図）は読み込みませんでした: 図について問う問題で、ここの問題は文字だけです。" in page


@pytest.mark.parametrize("content, message", [
    (b"<quiz><question type='truefalse'>\n<name>", "2行目: 整形式のXMLではありません"),
    (b"<?xml version='1.0'?><!DOCTYPE quiz [<!ENTITY a 'aaaa'>]><quiz>&a;</quiz>", "DTD"),
    (b"<questions><question/></questions>", "1行目: ファイルのいちばん外側の要素が&lt;questions&gt;"),
    ("<quiz>\n<question type='truefalse'>\n<name><text>名前</text></name></question></quiz>".encode("cp932"),
     "3行目はUTF-8ではありません"),
])
def test_a_file_that_cannot_be_read_is_named_with_its_line_and_nothing_is_written(teacher_client, teacher, seed_bank,
                                                                                   content, message):
    target = quiz_set_create(owner=teacher, title="防災")
    response = _import(teacher_client, target, content, seed_bank)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Item.objects.filter(author=teacher).exists() and not target.entries.exists()


def test_a_flawed_question_is_refused_with_the_checker_s_reason_and_the_others_are_added(teacher_client, teacher,
                                                                                          seed_bank):
    flawed = MOODLE_QUESTIONS.replace("<answer fraction=\"0\"><text>町内会</text></answer>",
                                      "<answer fraction=\"0\"><text>以上すべて</text></answer>")
    target = quiz_set_create(owner=teacher, title="防災")
    page = _import(teacher_client, target, flawed, seed_bank).content.decode()
    assert "4行目（避難所）はチェックで不可となりました" in page
    assert not Item.objects.filter(author=teacher).exists()


def test_only_a_teacher_imports_into_their_own_set_and_readable_chapters(client, teacher, student, seed_bank,
                                                                         django_user_model, exported):
    _source, xml = exported
    target = quiz_set_create(owner=teacher, title="読み込み")
    client.force_login(student)
    assert _import(client, target, xml, seed_bank).status_code == 403
    other = django_user_model.objects.create_user("tanin", password="pw-12345678")
    from django.contrib.auth.models import Group

    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    client.force_login(other)
    assert _import(client, target, xml, seed_bank).status_code == 404
    assert not Item.objects.filter(generator="teacher").exists()
