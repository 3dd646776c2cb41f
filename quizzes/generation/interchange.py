r"""Quiz items as GIFT and as Moodle XML, the formats teachers move questions between systems in.

Items are dicts in the bank's shape: ``kind``, ``title``, ``prompt``, ``options`` ([{"id", "text"}]),
``left`` (matching), ``answer`` and ``explanation``. Ordering items are not exported: GIFT has no
ordering type and Moodle's needs a plugin; both outputs say how many were left out.

>>> print(to_gift([{"kind": "true_false", "title": "Q1", "prompt": "Q: 札幌は北海道にある", "answer": True,
...                 "options": [], "explanation": "本文より"}]))
::Q1:: [plain]Q\: 札幌は北海道にある {T#本文より}
<BLANKLINE>
>>> print(gift_escape("a\\#b}"))
a\\\#b\}
>>> xml_safe("ok\x0bnot\x00")
'oknot'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .kinds import Kind

NOT_EXPORTED = (Kind.ORDERING,)
_GIFT_SPECIAL = "\\~=#{}:"  # with the backslash itself, or a written "\\#" would read as an escape
# What XML 1.0 cannot hold at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Moodle accepts only these fractions; 1/k for k right choices of a multiple-response item.
_MOODLE_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def exportable(items: list[dict]) -> tuple[list[dict], int]:
    kept = [item for item in items if item["kind"] not in NOT_EXPORTED]
    return kept, len(items) - len(kept)


def gift_escape(text: str) -> str:
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(f"\\{char}" if char in _GIFT_SPECIAL else char for char in text).replace("\n", "\\n")


def xml_safe(text: str) -> str:
    """The text without the characters XML (and so Moodle) cannot hold."""
    return _XML_ILLEGAL.sub("", text)


def to_gift(items: list[dict]) -> str:
    kept, skipped = exportable(items)
    blocks = [f"// {skipped} ordering item(s) not exported: GIFT has no ordering type."] if skipped else []
    blocks += [_gift_question(item) for item in kept]
    return "\n\n".join(blocks) + "\n"


def _gift_question(item: dict) -> str:
    feedback = f"#{gift_escape(item['explanation'])}" if item.get("explanation") else ""
    # [plain]: the text is shown as written; without it Moodle would render any HTML in it
    head = f"::{gift_escape(item['title'])}:: [plain]{gift_escape(item['prompt'])}"
    return f"{head} {{{_gift_answers(item)}{feedback}}}"


def _gift_answers(item: dict) -> str:
    kind, answer, texts = item["kind"], item["answer"], {o["id"]: o["text"] for o in item["options"]}
    if kind == Kind.TRUE_FALSE:
        return "T" if answer else "F"
    if kind == Kind.SHORT_ANSWER:
        return " ".join(f"={gift_escape(form)}" for form in answer)
    if kind == Kind.MATCHING:
        # in the entries' order (a database may reorder the key's); GIFT has no spare answers, so they are left out
        return " ".join(f"={gift_escape(entry['text'])} -> {gift_escape(texts[answer[entry['id']]])}"
                        for entry in item["left"])
    if kind == Kind.MULTIPLE_RESPONSE:
        right, wrong = _fractions(len(answer))
        return " ".join(f"~%{right if o['id'] in answer else wrong}%{gift_escape(o['text'])}" for o in item["options"])
    return " ".join(f"{'=' if o['id'] == answer else '~'}{gift_escape(o['text'])}" for o in item["options"])


def _fractions(keys: int) -> tuple[str, str]:
    right = _MOODLE_FRACTIONS.get(keys, f"{100 / keys:.5f}")
    return right, f"-{right}"


def to_moodle_xml(items: list[dict]) -> str:
    kept, skipped = exportable(items)
    quiz = ET.Element("quiz")
    if skipped:
        quiz.append(ET.Comment(f" {skipped} ordering item(s) not exported: Moodle's ordering type is a plugin. "))
    for item in kept:
        quiz.append(_moodle_question(item))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


_MOODLE_TYPES = {Kind.SINGLE_CHOICE: "multichoice", Kind.CLOZE: "multichoice", Kind.MULTIPLE_RESPONSE: "multichoice",
                 Kind.TRUE_FALSE: "truefalse", Kind.SHORT_ANSWER: "shortanswer", Kind.MATCHING: "matching"}


def _moodle_question(item: dict) -> ET.Element:
    question = ET.Element("question", type=_MOODLE_TYPES[item["kind"]])
    _text(ET.SubElement(question, "name"), item["title"])
    _text(ET.SubElement(question, "questiontext", format="plain_text"), item["prompt"])
    _text(ET.SubElement(question, "generalfeedback", format="plain_text"), item.get("explanation", ""))
    _MOODLE_BODIES[item["kind"]](question, item)
    return question


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = xml_safe(value)


def _answer(question: ET.Element, fraction: str, text: str) -> None:
    _text(ET.SubElement(question, "answer", fraction=fraction, format="plain_text"), text)


def _choices(question: ET.Element, item: dict) -> None:
    keys = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
    single = item["kind"] != Kind.MULTIPLE_RESPONSE
    ET.SubElement(question, "single").text = "true" if single else "false"
    ET.SubElement(question, "shuffleanswers").text = "true"
    right, wrong = ("100", "0") if single else _fractions(len(keys))
    for option in item["options"]:
        _answer(question, right if option["id"] in keys else wrong, option["text"])


def _true_false(question: ET.Element, item: dict) -> None:
    _answer(question, "100" if item["answer"] else "0", "true")
    _answer(question, "0" if item["answer"] else "100", "false")


def _short_answer(question: ET.Element, item: dict) -> None:
    ET.SubElement(question, "usecase").text = "0"
    for form in item["answer"]:
        _answer(question, "100", form)


def _matching(question: ET.Element, item: dict) -> None:
    """Each entry with its answer; a spare option is a subquestion with no text, as Moodle writes one."""
    texts = {option["id"]: option["text"] for option in item["options"]}
    for entry in item["left"]:
        sub = ET.SubElement(question, "subquestion", format="plain_text")
        _text(sub, entry["text"])
        _text(ET.SubElement(sub, "answer"), texts[item["answer"][entry["id"]]])
    matched = set(item["answer"].values())
    for option in item["options"]:
        if option["id"] not in matched:
            sub = ET.SubElement(question, "subquestion", format="plain_text")
            _text(sub, "")
            _text(ET.SubElement(sub, "answer"), option["text"])


_MOODLE_BODIES = {Kind.SINGLE_CHOICE: _choices, Kind.CLOZE: _choices, Kind.MULTIPLE_RESPONSE: _choices,
                  Kind.TRUE_FALSE: _true_false, Kind.SHORT_ANSWER: _short_answer, Kind.MATCHING: _matching}
