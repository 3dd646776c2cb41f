"""Quiz items as a QTI 3.0 content package: ``imsmanifest.xml``, one ``qti-assessment-item`` per
item and a ``qti-assessment-test`` that lists them in order — what TAO, Citolab, MEXCBT-style
players and other QTI 3 tools import.

Items are dicts in the bank's shape (interchange.py). Each kind becomes its QTI interaction:
single choice, cloze and true/false → choice (one), multiple response → choice (several, +1/k for a
right choice and −1/k for a wrong one, never below 0, as CivicLearn scores it), ordering → order,
matching → match (1/n for each right pair), short answer → text entry (every accepted form scores
1). The explanation is modal feedback shown after the response. Scores are out of 1 per item.
Ordering is scored whole (the full order right) — QTI's standard processing has no "share of pairs
in order", which is how CivicLearn itself gives part marks.

>>> package = qti_package(title="確認", identifier="set-1", items=[{"kind": "true_false", "title": "Q1",
...     "prompt": "札幌は北海道にある", "answer": True, "options": [], "left": [], "explanation": ""}])
>>> sorted(package)
['assessment.xml', 'imsmanifest.xml', 'items/item-1.xml']
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .interchange import xml_safe
from .kinds import Kind

QTI = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ASI_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
FEEDBACK_ID = "EXPLANATION"
_NOT_NCNAME = re.compile(r"[^\w.-]", re.ASCII)


def identifier(text: str, *, prefix: str = "id-") -> str:
    """An xs:NCName made from ``text`` (a letter first, then letters, digits, '-', '_' or '.')."""
    safe = _NOT_NCNAME.sub("-", text)
    return safe if safe[:1].isalpha() else prefix + safe


def qti_package(*, title: str, identifier: str, items: list[dict], language: str = "ja") -> dict[str, bytes]:
    """The package's files by path inside the zip."""
    files = {}
    refs = []
    for number, item in enumerate(items, start=1):
        item_id = f"item-{number}"
        href = f"items/{item_id}.xml"
        files[href] = _document(_item(item, item_id, language), ASI_XSD, QTI)
        refs.append((item_id, href))
    files["assessment.xml"] = _document(_test(title, identifier, refs), ASI_XSD, QTI)
    files["imsmanifest.xml"] = _document(_manifest(identifier, refs), CP_XSD, CP)
    return files


def _document(root: ET.Element, xsd: str, namespace: str) -> bytes:
    # Elements are built unqualified and the root declares their namespace as the default one: the
    # documents read as QTI's own examples do (ElementTree would otherwise write ns0: everywhere).
    root.set("xmlns", namespace)
    root.set(f"{{{XSI}}}schemaLocation", f"{namespace} {xsd}")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def _q(name: str) -> str:
    return name  # in QTI's namespace, declared on the root (_document)


def _sub(parent: ET.Element, name: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, _q(name), {key.replace("_", "-"): str(value) for key, value in attributes.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


# --- items -----------------------------------------------------------------------------------------

def _item(item: dict, item_id: str, language: str) -> ET.Element:
    root = ET.Element(_q("qti-assessment-item"), {
        "identifier": item_id, "title": xml_safe(item["title"])[:255] or item_id, "adaptive": "false",
        "time-dependent": "false", XML_LANG: language})
    choices = {option["id"]: f"c{index}" for index, option in enumerate(item["options"], start=1)}
    kind = item["kind"]
    declaration = _BUILDERS[kind](root, item, choices)
    _sub(root, "qti-outcome-declaration", identifier="SCORE", cardinality="single", base_type="float",
         normal_maximum="1")
    maximum = _sub(root, "qti-outcome-declaration", identifier="MAXSCORE", cardinality="single", base_type="float")
    _sub(maximum, "qti-default-value").append(_value("1"))
    if item.get("explanation"):
        _sub(root, "qti-outcome-declaration", identifier="FEEDBACK", cardinality="single", base_type="identifier")
    body = _sub(root, "qti-item-body")
    declaration(body)
    _processing(root, mapped=kind in (Kind.MULTIPLE_RESPONSE, Kind.MATCHING, Kind.SHORT_ANSWER),
                feedback=bool(item.get("explanation")))
    if item.get("explanation"):
        modal = _sub(root, "qti-modal-feedback", outcome_identifier="FEEDBACK", show_hide="show",
                     identifier=FEEDBACK_ID)
        _sub(_sub(modal, "qti-content-body"), "p", item["explanation"])
    return root


def _value(text: str) -> ET.Element:
    value = ET.Element(_q("qti-value"))
    value.text = xml_safe(text)
    return value


def _response(root: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    declaration = _sub(root, "qti-response-declaration", identifier="RESPONSE", cardinality=cardinality,
                       base_type=base_type)
    values = _sub(declaration, "qti-correct-response")
    for value in correct:
        values.append(_value(value))
    return declaration


def _mapping(declaration: ET.Element, entries: list[tuple[str, float]], **entry_attributes) -> None:
    """Each response value's share of the mark; the total is kept between 0 and 1."""
    mapping = _sub(declaration, "qti-mapping", default_value="0", lower_bound="0", upper_bound="1")
    for key, value in entries:
        _sub(mapping, "qti-map-entry", map_key=xml_safe(key), mapped_value=f"{value:.6g}", **entry_attributes)


def _choice_items(root, item, choices):
    kind = item["kind"]
    keys = item["answer"] if kind == Kind.MULTIPLE_RESPONSE else [item["answer"]]
    declaration = _response(root, "multiple" if kind == Kind.MULTIPLE_RESPONSE else "single", "identifier",
                            [choices[key] for key in keys])
    if kind == Kind.MULTIPLE_RESPONSE:
        share = 1 / len(keys)
        _mapping(declaration, [(choices[o["id"]], share if o["id"] in keys else -share) for o in item["options"]])

    def body(parent):
        interaction = _sub(parent, "qti-choice-interaction", response_identifier="RESPONSE", shuffle="true",
                           max_choices=len(choices) if kind == Kind.MULTIPLE_RESPONSE else 1)
        _sub(interaction, "qti-prompt", item["prompt"])
        for option in item["options"]:
            _sub(interaction, "qti-simple-choice", option["text"], identifier=choices[option["id"]])
    return body


def _true_false(root, item, _choices):
    _response(root, "single", "identifier", ["true" if item["answer"] else "false"])

    def body(parent):
        interaction = _sub(parent, "qti-choice-interaction", response_identifier="RESPONSE", shuffle="false",
                           max_choices=1)
        _sub(interaction, "qti-prompt", item["prompt"])
        _sub(interaction, "qti-simple-choice", "正しい", identifier="true", fixed="true")
        _sub(interaction, "qti-simple-choice", "誤り", identifier="false", fixed="true")
    return body


def _ordering(root, item, choices):
    _response(root, "ordered", "identifier", [choices[key] for key in item["answer"]])

    def body(parent):
        interaction = _sub(parent, "qti-order-interaction", response_identifier="RESPONSE", shuffle="true")
        _sub(interaction, "qti-prompt", item["prompt"])
        for option in item["options"]:
            _sub(interaction, "qti-simple-choice", option["text"], identifier=choices[option["id"]])
    return body


def _matching(root, item, choices):
    lefts = {entry["id"]: f"l{index}" for index, entry in enumerate(item["left"], start=1)}
    pairs = [f"{lefts[left]} {choices[right]}" for left, right in
             ((entry["id"], item["answer"][entry["id"]]) for entry in item["left"])]
    declaration = _response(root, "multiple", "directedPair", pairs)
    _mapping(declaration, [(pair, 1 / len(pairs)) for pair in pairs])

    def body(parent):
        interaction = _sub(parent, "qti-match-interaction", response_identifier="RESPONSE", shuffle="true",
                           max_associations=len(lefts))
        _sub(interaction, "qti-prompt", item["prompt"])
        sources, targets = _sub(interaction, "qti-simple-match-set"), _sub(interaction, "qti-simple-match-set")
        for entry in item["left"]:
            _sub(sources, "qti-simple-associable-choice", entry["text"], identifier=lefts[entry["id"]], match_max=1)
        for option in item["options"]:
            _sub(targets, "qti-simple-associable-choice", option["text"], identifier=choices[option["id"]],
                 match_max=len(lefts))
    return body


def _short_answer(root, item, _choices):
    forms = list(dict.fromkeys(item["answer"]))
    declaration = _response(root, "single", "string", forms[:1])
    _mapping(declaration, [(form, 1) for form in forms], case_sensitive="false")

    def body(parent):
        _sub(parent, "p", item["prompt"])
        _sub(_sub(parent, "div"), "qti-text-entry-interaction", response_identifier="RESPONSE",
             expected_length=max(10, max(len(form) for form in forms)))
    return body


_BUILDERS = {Kind.SINGLE_CHOICE: _choice_items, Kind.CLOZE: _choice_items, Kind.MULTIPLE_RESPONSE: _choice_items,
             Kind.TRUE_FALSE: _true_false, Kind.ORDERING: _ordering, Kind.MATCHING: _matching,
             Kind.SHORT_ANSWER: _short_answer}


def _processing(root: ET.Element, *, mapped: bool, feedback: bool) -> None:
    processing = _sub(root, "qti-response-processing")
    condition = _sub(processing, "qti-response-condition")
    if mapped:
        when = _sub(condition, "qti-response-if")
        _sub(_sub(when, "qti-is-null"), "qti-variable", identifier="RESPONSE")
        _sub(_sub(when, "qti-set-outcome-value", identifier="SCORE"), "qti-base-value", "0", base_type="float")
        otherwise = _sub(condition, "qti-response-else")
        _sub(_sub(otherwise, "qti-set-outcome-value", identifier="SCORE"), "qti-map-response", identifier="RESPONSE")
    else:
        when = _sub(condition, "qti-response-if")
        match = _sub(when, "qti-match")
        _sub(match, "qti-variable", identifier="RESPONSE")
        _sub(match, "qti-correct", identifier="RESPONSE")
        _sub(_sub(when, "qti-set-outcome-value", identifier="SCORE"), "qti-variable", identifier="MAXSCORE")
        otherwise = _sub(condition, "qti-response-else")
        _sub(_sub(otherwise, "qti-set-outcome-value", identifier="SCORE"), "qti-base-value", "0", base_type="float")
    if feedback:
        _sub(_sub(processing, "qti-set-outcome-value", identifier="FEEDBACK"), "qti-base-value", FEEDBACK_ID,
             base_type="identifier")


# --- the test and the manifest ---------------------------------------------------------------------

def _test(title: str, test_id: str, refs: list[tuple[str, str]]) -> ET.Element:
    root = ET.Element(_q("qti-assessment-test"), {"identifier": identifier(test_id), "title": xml_safe(title)[:255],
                                                  "tool-name": "CivicLearn"})
    outcome = _sub(root, "qti-outcome-declaration", identifier="SCORE", cardinality="single", base_type="float")
    _sub(outcome, "qti-default-value").append(_value("0"))
    part = _sub(root, "qti-test-part", identifier="part-1", navigation_mode="nonlinear", submission_mode="simultaneous")
    section = _sub(part, "qti-assessment-section", identifier="section-1", title=xml_safe(title)[:255] or "1",
                   visible="true")
    for item_id, href in refs:
        _sub(section, "qti-assessment-item-ref", identifier=item_id, href=href)
    processing = _sub(root, "qti-outcome-processing")
    total = _sub(_sub(processing, "qti-set-outcome-value", identifier="SCORE"), "qti-sum")
    _sub(total, "qti-test-variables", variable_identifier="SCORE")
    return root


def _cp(parent: ET.Element | None, name: str, **attributes) -> ET.Element:
    return ET.Element(name, attributes) if parent is None else ET.SubElement(parent, name, attributes)


def _manifest(package_id: str, refs: list[tuple[str, str]]) -> ET.Element:
    manifest = _cp(None, "manifest", identifier=identifier(f"manifest-{package_id}"))
    metadata = _cp(manifest, "metadata")
    _cp(metadata, "schema").text = "QTI Package"
    _cp(metadata, "schemaversion").text = "3.0.0"
    _cp(manifest, "organizations")
    resources = _cp(manifest, "resources")
    test = _cp(resources, "resource", identifier="assessment", type="imsqti_test_xmlv3p0", href="assessment.xml")
    _cp(test, "file", href="assessment.xml")
    for item_id, _href in refs:
        _cp(test, "dependency", identifierref=item_id)
    for item_id, href in refs:
        resource = _cp(resources, "resource", identifier=item_id, type="imsqti_item_xmlv3p0", href=href)
        _cp(resource, "file", href=href)
    return manifest
