"""Input hygiene at the edge: text a database cannot store, or that no person types, is refused with
a 400 that says where, before anything reads it.

Refused: NUL and the other C0 control characters (tab, line feed and carriage return are text), and
lone surrogates (which PostgreSQL refuses), in every JSON body and every form or query field; and
JSON nested deeper than MAX_DEPTH.

>>> problem_in({"response": ["ok", "bad\\x00"]})
'$.response[1] contains the control character U+0000'
>>> problem_in({"a": [[[[1]]]]}, max_depth=3)
'$.a[0][0][0] is nested more than 3 deep'
>>> problem_in({"text": "一\\n二\\tさん"}) is None
True
"""

from __future__ import annotations

import re

MAX_DEPTH = 32
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "the control character"
    return f"{what} U+{code:04X}"


def problem_in(value, *, max_depth: int = MAX_DEPTH, path: str = "$") -> str | None:
    """The first problem in a parsed JSON value, named by its path; None when it is clean."""
    pending = [(value, path, 0)]
    while pending:
        current, where, depth = pending.pop()
        if depth > max_depth:
            return f"{where} is nested more than {max_depth} deep"
        if isinstance(current, str):
            problem = text_problem(current)
            if problem:
                return f"{where} contains {problem}"
        elif isinstance(current, dict):
            for key, item in current.items():
                problem = text_problem(str(key))
                if problem:
                    return f"{where} has a key that contains {problem}"
                pending.append((item, f"{where}.{key}", depth + 1))
        elif isinstance(current, list):
            pending.extend((item, f"{where}[{index}]", depth + 1) for index, item in reversed(list(enumerate(current))))
    return None


def query_problem(data) -> str | None:
    """The first problem in a QueryDict (form or query string fields)."""
    for name, values in data.lists():
        for value in [name, *values]:
            problem = text_problem(value)
            if problem:
                return f"the field {name[:40]!r} contains {problem}"
    return None
