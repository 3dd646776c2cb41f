"""Moodle XML in: the questions a teacher brings from Moodle's question bank, as items in the bank's
shape (the shape ``interchange.to_moodle_xml`` writes), each with the line it starts on.

Read: multichoice (one right answer → single choice; several → multiple response), truefalse,
shortanswer and matching. Everything else Moodle has (essay, numerical, calculated, cloze, drag and
drop…) is passed over and named, as are questions that cannot be read faithfully (no right answer, a
matching question with fewer than two pairs). Text in HTML is read as the text a learner sees.

>>> read = read_moodle_xml('''<quiz><question type="truefalse"><name><text>Q</text></name>
... <questiontext format="html"><text><![CDATA[<p>札幌は<b>北海道</b>にある</p>]]></text></questiontext>
... <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
... </question></quiz>''')
>>> read.items[0].item["prompt"], read.items[0].item["answer"], read.items[0].line
('札幌は北海道にある', True, 1)
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import XMLParser

from .kinds import Kind

MAX_QUESTIONS = 2000  # a bank of more is split into files; bounds the work of one upload


class MoodleFileError(ValueError):
    """The file is not Moodle XML that can be read. ``code``: not_xml (``detail``: the parser's words),
    dtd, root (``detail``: the root's tag), too_many (``detail``: how many); ``line`` where, when known."""

    def __init__(self, code: str, detail: str = "", line: int | None = None):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail, self.line = code, detail, line


@dataclass(frozen=True)
class ReadQuestion:
    line: int
    name: str
    item: dict  # kind, prompt, options, left, answer, explanation


@dataclass(frozen=True)
class PassedOver:
    line: int
    name: str
    moodle_type: str
    reason: str  # a code: "type", "no_key", "several_keys", "pairs", "empty", "picture"


@dataclass
class MoodleRead:
    items: list[ReadQuestion] = field(default_factory=list)
    passed_over: list[PassedOver] = field(default_factory=list)


class _LineRecorder:
    """ElementTree's tree builder, noting the line each element starts on (expat knows it)."""

    def __init__(self):
        self.builder, self.parser, self.lines = ET.TreeBuilder(), None, {}

    def start(self, tag, attributes):
        element = self.builder.start(tag, attributes)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag):
        return self.builder.end(tag)

    def data(self, text):
        self.builder.data(text)

    def comment(self, text):
        pass

    def close(self):
        return self.builder.close()


def read_moodle_xml(text: str) -> MoodleRead:
    recorder = _LineRecorder()
    parser = XMLParser(target=recorder, forbid_dtd=True)
    recorder.parser = parser
    try:
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as error:
        raise MoodleFileError("not_xml", str(error).split(":")[0], error.position[0]) from None
    except DefusedXmlException:
        raise MoodleFileError("dtd") from None  # Moodle XML never declares a DTD or entities
    if root.tag != "quiz":
        raise MoodleFileError("root", root.tag, recorder.lines.get(root))
    questions = [question for question in root if question.tag == "question"
                 and question.get("type") != "category"]
    if len(questions) > MAX_QUESTIONS:
        raise MoodleFileError("too_many", str(len(questions)))
    read = MoodleRead()
    for question in questions:
        line, name = recorder.lines.get(question, 0), _plain(question.find("name"))
        moodle_type = question.get("type", "")
        found = _READERS.get(moodle_type, _unsupported)(question)
        if not isinstance(found, str) and "<img" in (question.findtext("questiontext/text") or "").lower():
            found = "picture"  # the bank's items are text: the question would lose what it asks about
        if isinstance(found, str):
            read.passed_over.append(PassedOver(line, name, moodle_type, found))
        elif not found["prompt"]:
            read.passed_over.append(PassedOver(line, name, moodle_type, "empty"))
        else:
            found["explanation"] = _plain(question.find("generalfeedback"))
            read.items.append(ReadQuestion(line, name, found))
    return read


def _unsupported(_question: ET.Element) -> str:
    return "type"


def _answers(question: ET.Element) -> list[tuple[float, str]]:
    return [(_fraction(answer.get("fraction", "0")), _plain(answer)) for answer in question.findall("answer")]


def _fraction(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _prompt(question: ET.Element) -> str:
    return _plain(question.find("questiontext"))


def _options(texts: list[str]) -> list[dict]:
    return [{"id": chr(ord("a") + index), "text": text} for index, text in enumerate(texts)]


def _multichoice(question: ET.Element) -> dict | str:
    answers = [(fraction, text) for fraction, text in _answers(question) if text]
    options = _options([text for _fraction, text in answers])
    keys = [option["id"] for option, (fraction, _text) in zip(options, answers, strict=True) if fraction > 0]
    single = (question.findtext("single") or "true").strip().lower() in ("true", "1")
    if not keys:
        return "no_key"
    if single:
        full = [option["id"] for option, (fraction, _text) in zip(options, answers, strict=True) if fraction >= 100]
        if len(full) != 1:
            return "several_keys"  # partial credit between choices has no counterpart here
        return {"kind": Kind.SINGLE_CHOICE, "prompt": _prompt(question), "options": options, "left": [],
                "answer": full[0]}
    return {"kind": Kind.MULTIPLE_RESPONSE, "prompt": _prompt(question), "options": options, "left": [],
            "answer": keys}


def _true_false(question: ET.Element) -> dict | str:
    right = [text.strip().lower() for fraction, text in _answers(question) if fraction >= 100]
    if len(right) != 1 or right[0] not in ("true", "false"):
        return "no_key"
    return {"kind": Kind.TRUE_FALSE, "prompt": _prompt(question), "options": [], "left": [],
            "answer": right[0] == "true"}


def _short_answer(question: ET.Element) -> dict | str:
    forms = [text for fraction, text in _answers(question) if fraction >= 100 and text and "*" not in text]
    if not forms:
        return "no_key"  # a wildcard pattern (Moodle's *) is not an answer a learner could type
    return {"kind": Kind.SHORT_ANSWER, "prompt": _prompt(question), "options": [], "left": [], "answer": forms}


def _matching(question: ET.Element) -> dict | str:
    pairs = [(_plain(sub), _plain(sub.find("answer"))) for sub in question.findall("subquestion")]
    entries = [(left, right) for left, right in pairs if left and right]
    spare = [right for left, right in pairs if not left and right]
    if len(entries) < 2:
        return "pairs"
    rights = list(dict.fromkeys([right for _left, right in entries] + spare))  # one option per distinct text
    options = _options(rights)
    ids = {option["text"]: option["id"] for option in options}
    left = [{"id": str(index + 1), "text": text} for index, (text, _right) in enumerate(entries)]
    answer = {entry["id"]: ids[right] for entry, (_text, right) in zip(left, entries, strict=True)}
    return {"kind": Kind.MATCHING, "prompt": _prompt(question), "options": options, "left": left, "answer": answer}


_READERS = {"multichoice": _multichoice, "truefalse": _true_false, "shortanswer": _short_answer,
            "matching": _matching}


def _plain(element: ET.Element | None) -> str:
    """The text of an element's <text>, as a learner sees it: HTML read as text, spaces tidied."""
    if element is None:
        return ""
    raw = element.findtext("text") or ""
    if element.get("format", "html") in ("html", "moodle_auto_format", "markdown") and "<" in raw:
        raw = _TextOfHtml.text_of(raw)
    else:
        raw = html.unescape(raw) if element.get("format") == "html" else raw
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in raw.replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


class _TextOfHtml(HTMLParser):
    _BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
    _UNSEEN = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._unseen = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._UNSEEN:
            self._unseen += 1
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._UNSEEN and self._unseen:
            self._unseen -= 1
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._unseen:
            self.parts.append(data)

    @classmethod
    def text_of(cls, markup: str) -> str:
        parser = cls()
        parser.feed(markup)
        parser.close()
        return "".join(parser.parts)
