"""A quiz set as a QTI 3.0 content package: the manifest validates against 1EdTech's QTI 3.0 profile of
IMS CP 1.2, the assessment test and every item against 1EdTech's QTI 3.0 ASI schema (tests/schemas/qti3,
vendored; README there); every item of every kind carries its key, its scoring and its explanation in
QTI's own terms; teachers export only their own sets.

The ASI schema vendored is 1EdTech's SBAC profile edition (imsqti_asiv3p0_sbacv1p0_v1p0.xsd): the base
file is not reachable from this project's machines, and the profile differs from it only in ``data-*``
attributes, which CivicLearn does not write (a test below checks that it does not)."""

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema
from django.urls import reverse

from quizzes.models import Item
from quizzes.services.quiz_sets import entry_add_item, entry_add_random, quiz_set_create

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "qti3"
QTI = "{http://www.imsglobal.org/xsd/imsqtiasi_v3p0}"
CP = "{http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1}"
NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
KINDS = ["single_choice", "multiple_response", "true_false", "short_answer", "matching", "cloze", "ordering"]


@pytest.fixture(scope="module")
def package_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "imsqtiv3p0_imscpv1p2_v1p0.xsd"))


@pytest.fixture(scope="module")
def item_schema():
    """The ASI schema, its imports found in the vendored folder (its own hints point at 1EdTech's tree)."""
    imports = [("http://www.w3.org/XML/1998/namespace", SCHEMAS / "xml.xsd"),
               ("http://www.w3.org/2001/XInclude", SCHEMAS / "XInclude.xsd"),
               ("http://www.w3.org/1998/Math/MathML", SCHEMAS / "mathml3" / "mathml3.xsd"),
               ("http://www.w3.org/2001/10/synthesis", SCHEMAS / "ssml" / "ssmlv1p0.xsd")]
    return xmlschema.XMLSchema(str(SCHEMAS / "imsqti_asiv3p0_sbacv1p0_v1p0.xsd"),
                               locations=[(namespace, str(path)) for namespace, path in imports])


@pytest.fixture
def every_kind(teacher, seed_bank):
    quiz_set = quiz_set_create(owner=teacher, title="QTI 書き出し")
    items = []
    for kind in KINDS:
        item = Item.objects.filter(kind=kind, status=Item.Status.PUBLISHED).first()
        if item is None:  # no generated item of this kind: a teacher's own
            from quizzes.services.quiz_sets import item_write

            item = item_write(author=teacher, chapter=seed_bank, section=None, kind=kind, skill="date",
                              prompt="次の出来事を古い順に並べなさい。",
                              options=[{"id": "a", "text": "光ファイバー網の整備"}, {"id": "b", "text": "電子市役所の開始"},
                                       {"id": "c", "text": "オープンデータの公開"}],
                              answer=["a", "b", "c"], explanation="本文の年表の順です。")
        entry_add_item(quiz_set=quiz_set, item=item)
        items.append(item)
    return quiz_set, items


def _zip(response) -> dict[str, bytes]:
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].endswith('.zip"') or ".zip" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_package_manifest_validates_and_names_every_file(teacher_client, every_kind, package_schema):
    quiz_set, items = every_kind
    files = _zip(teacher_client.get(reverse("quizzes:teach-export", args=[quiz_set.pk]) + "?format=qti"))
    package_schema.validate(files["imsmanifest.xml"].decode())
    manifest = ET.fromstring(files["imsmanifest.xml"])
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    hrefs = {resource.get("href") for resource in resources}
    assert hrefs == set(files) - {"imsmanifest.xml"} and len(resources) == len(items) + 1
    test = ET.fromstring(files["assessment.xml"])
    assert test.tag == f"{QTI}qti-assessment-test" and test.get("title") == "QTI 書き出し"
    refs = [ref.get("href") for ref in test.iter(f"{QTI}qti-assessment-item-ref")]
    assert refs == [f"items/item-{n}.xml" for n in range(1, len(items) + 1)]


def test_the_test_and_every_item_validate_against_the_asi_schema(every_kind, item_schema):
    from quizzes.presentation.exports import quiz_set_export

    quiz_set, items = every_kind
    archive = zipfile.ZipFile(io.BytesIO(quiz_set_export(quiz_set=quiz_set, fmt="qti").content))
    documents = ["assessment.xml"] + [f"items/item-{n}.xml" for n in range(1, len(items) + 1)]
    for name in documents:
        text = archive.read(name).decode()
        errors = [f"{error.path}: {error.reason}" for error in item_schema.iter_errors(text)]
        assert errors == [], f"{name}: {errors[:3]}"
        # the profile and the base schema differ only in data-* attributes: none are written
        assert not any(key.startswith("data-") for element in ET.fromstring(text).iter() for key in element.attrib)


def test_the_asi_schema_refuses_what_the_base_schema_refuses(every_kind, item_schema):
    """The schema is no formality: an item without its identifier, or with an interaction QTI does not
    know, is refused."""
    from quizzes.presentation.exports import quiz_set_export

    quiz_set, _items = every_kind
    archive = zipfile.ZipFile(io.BytesIO(quiz_set_export(quiz_set=quiz_set, fmt="qti").content))
    text = archive.read("items/item-1.xml").decode()
    root = ET.fromstring(text)
    del root.attrib["identifier"]
    assert not item_schema.is_valid(ET.tostring(root, encoding="unicode"))
    wrong = text.replace("qti-choice-interaction", "qti-pick-interaction")
    assert wrong != text and not item_schema.is_valid(wrong)


def _texts(element, tag) -> dict[str, str]:
    return {choice.get("identifier"): choice.text for choice in element.iter(f"{QTI}{tag}")}


def _correct(root) -> list[str]:
    return [value.text for value in root.iter(f"{QTI}qti-value") if value in
            list(root.find(f"{QTI}qti-response-declaration/{QTI}qti-correct-response"))]


def _mapping(root) -> dict[str, float]:
    return {entry.get("map-key"): float(entry.get("mapped-value")) for entry in root.iter(f"{QTI}qti-map-entry")}


def test_every_kind_carries_its_key_and_scoring(client, every_kind):
    from quizzes.presentation.exports import quiz_set_export

    quiz_set, items = every_kind
    archive = zipfile.ZipFile(io.BytesIO(quiz_set_export(quiz_set=quiz_set, fmt="qti").content))
    for number, item in enumerate(items, start=1):
        root = ET.fromstring(archive.read(f"items/item-{number}.xml"))
        identifiers = [element.get("identifier") for element in root.iter() if element.get("identifier")]
        assert all(NCNAME.match(identifier) for identifier in identifiers), identifiers
        assert root.find(f"{QTI}qti-item-body") is not None and root.find(f"{QTI}qti-response-processing") is not None
        options = {option["id"]: option["text"] for option in item.options}
        if item.kind in ("single_choice", "cloze"):
            texts = _texts(root, "qti-simple-choice")
            assert [texts[key] for key in _correct(root)] == [options[item.answer]]
            assert sorted(texts.values()) == sorted(options.values())
        elif item.kind == "multiple_response":
            texts = _texts(root, "qti-simple-choice")
            assert sorted(texts[key] for key in _correct(root)) == sorted(options[key] for key in item.answer)
            shares = {texts[key]: value for key, value in _mapping(root).items()}
            assert all(abs(shares[options[o]] - (1 if o in item.answer else -1) / len(item.answer)) < 1e-5
                       for o in options)
        elif item.kind == "true_false":
            assert _correct(root) == ["true" if item.answer else "false"]
        elif item.kind == "short_answer":
            assert set(_mapping(root)) == set(item.answer) and root.find(f".//{QTI}qti-text-entry-interaction") is not None
        elif item.kind == "matching":
            texts = _texts(root, "qti-simple-associable-choice")
            lefts = {entry["id"]: entry["text"] for entry in item.left_options}
            pairs = {tuple(texts[part] for part in value.split()) for value in _correct(root)}
            assert pairs == {(lefts[left], options[right]) for left, right in item.answer.items()}
            assert abs(sum(_mapping(root).values()) - 1) < 1e-5
        elif item.kind == "ordering":
            texts = _texts(root, "qti-simple-choice")
            assert [texts[key] for key in _correct(root)] == [options[key] for key in item.answer]
            assert root.find(f".//{QTI}qti-order-interaction") is not None
        feedback = root.find(f"{QTI}qti-modal-feedback")
        assert (feedback is not None) == bool(item.explanation)
        if item.explanation:
            assert "".join(feedback.itertext()).strip() == item.explanation.strip()


def test_random_slots_and_empty_sets_still_make_a_valid_package(teacher, seed_bank, package_schema, item_schema):
    from quizzes.presentation.exports import quiz_set_export

    quiz_set = quiz_set_create(owner=teacher, title="空")
    entry_add_random(quiz_set=quiz_set, chapter=seed_bank, count=2)
    archive = zipfile.ZipFile(io.BytesIO(quiz_set_export(quiz_set=quiz_set, fmt="qti").content))
    package_schema.validate(archive.read("imsmanifest.xml").decode())
    item_schema.validate(archive.read("assessment.xml").decode())
    assert sorted(archive.namelist()) == ["assessment.xml", "imsmanifest.xml"]


def test_only_the_sets_teacher_exports_it(every_kind, client, student_client, django_user_model):
    from django.contrib.auth.models import Group

    quiz_set, _items = every_kind
    url = reverse("quizzes:teach-export", args=[quiz_set.pk]) + "?format=qti"
    assert student_client.get(url).status_code == 403
    other = django_user_model.objects.create_user("other-teacher")
    other.groups.add(Group.objects.get_or_create(name="teachers")[0])
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/quiz-sets/{quiz_set.pk}/export/?format=qti").status_code == 404


def test_the_api_serves_the_package(teacher, every_kind, package_schema):
    from rest_framework.test import APIClient

    quiz_set, items = every_kind
    api = APIClient()
    api.force_authenticate(teacher)
    files = _zip(api.get(f"/api/v1/quiz-sets/{quiz_set.pk}/export/?format=qti"))
    package_schema.validate(files["imsmanifest.xml"].decode())
    assert len(files) == len(items) + 2


def test_markup_and_quotes_in_a_teacher_s_item_stay_text_and_still_validate(teacher, seed_bank, item_schema):
    from quizzes.presentation.exports import quiz_set_export
    from quizzes.services.quiz_sets import item_write

    quiz_set = quiz_set_create(owner=teacher, title="<b>記号</b> & \"引用\"")
    item = item_write(author=teacher, chapter=seed_bank, section=None, kind="single_choice", skill="definitions",
                      prompt="<script>alert(1)</script> と & の意味は？", explanation="5 < 6 & 7 > 3 です。",
                      options=[{"id": "a", "text": "<i>斜体</i>"}, {"id": "b", "text": "A & B"},
                               {"id": "c", "text": "\"引用\" と 'アポストロフィ'"}], answer="b")
    entry_add_item(quiz_set=quiz_set, item=item)
    archive = zipfile.ZipFile(io.BytesIO(quiz_set_export(quiz_set=quiz_set, fmt="qti").content))
    for name in ("assessment.xml", "items/item-1.xml"):
        item_schema.validate(archive.read(name).decode())
    root = ET.fromstring(archive.read("items/item-1.xml"))
    assert "<script>alert(1)</script>" in "".join(root.find(f"{QTI}qti-item-body").itertext())  # text, not markup
    assert sorted(_texts(root, "qti-simple-choice").values()) == sorted(o["text"] for o in item.options)
