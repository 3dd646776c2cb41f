"""A small GIFT reader for the round-trip test: enough of the format to read back what we write."""

import re

_BLOCK = re.compile(r"^::(?P<title>(?:\\.|[^:])*)::\s*(?P<stem>(?:\\.|[^{])*?)\s*\{(?P<body>.*)\}$", re.S)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text) pieces cut at each unescaped mark character."""
    pieces, current, mark, escaped = [], "", "", False
    for char in text:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in marks:
            if current.strip() or mark:
                pieces.append((mark, current.strip()))
            mark, current = char, ""
        else:
            current += char
    pieces.append((mark, current.strip()))
    return [(m, t) for m, t in pieces if m or t]


def read_gift(text: str) -> list[dict]:
    questions = []
    for block in text.split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("//")]
        if not lines:
            continue
        match = _BLOCK.match("\n".join(lines))
        body = match["body"]
        feedback = ""
        pieces = split_unescaped(body, "#")
        if len(pieces) > 1:
            body, feedback = pieces[0][1], unescape(pieces[-1][1])
        stem, text_format = match["stem"], "moodle"
        marker = re.match(r"\[(html|moodle|plain|markdown)\]", stem)
        if marker:
            stem, text_format = stem[marker.end():], marker.group(1)
        question = {"title": unescape(match["title"]), "prompt": unescape(stem), "feedback": feedback,
                    "format": text_format}
        if body.strip() in ("T", "F"):
            question["truefalse"] = body.strip() == "T"
        else:
            question["answers"] = [(mark, unescape(text)) for mark, text in split_unescaped(body, "=~")]
        questions.append(question)
    return questions
