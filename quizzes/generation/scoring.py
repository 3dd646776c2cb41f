"""Checking a learner's response against an item's key, and scoring it (README: "Scoring").

>>> score_response("multiple_response", ["a", "c"], ["a", "b", "c", "d"], [], ["a", "b"])
Grade(score=0.0, correct=False)
>>> score_response("ordering", ["a", "b", "c"], ["a", "b", "c"], [], ["a", "c", "b"]).score
0.6666666666666666
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .answers import answer_matches
from .kinds import SINGLE_KEY_KINDS, Kind

MAX_TYPED = 200


class ResponseError(ValueError):
    """The response does not have the shape the item's kind needs. ``code`` names the problem (the site
    shows a translated message for it); the message is for logs and scripts."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Grade:
    score: float  # the fraction of the mark, 0 to 1
    correct: bool


def score_response(kind: str, answer, option_ids: list[str], left_ids: list[str], response) -> Grade:
    check_shape(kind, option_ids, left_ids, response)
    score = _SCORERS[kind](answer, response)
    return Grade(score=score, correct=score >= 1.0)


def check_shape(kind: str, option_ids: list[str], left_ids: list[str], response) -> None:
    if kind in SINGLE_KEY_KINDS:
        _require(isinstance(response, str) and response in option_ids, "choose_one", "Choose one of the options.")
    elif kind == Kind.MULTIPLE_RESPONSE:
        _require(isinstance(response, list) and all(isinstance(r, str) for r in response)
                 and len(set(response)) == len(response) and set(response) <= set(option_ids),
                 "choose_some", "Send the ids of the options you choose, each once.")
    elif kind == Kind.TRUE_FALSE:
        _require(isinstance(response, bool), "true_or_false", "Answer true or false.")
    elif kind == Kind.ORDERING:
        _require(isinstance(response, list) and sorted(response) == sorted(option_ids),
                 "order_all", "Put every option in order, each once.")
    elif kind == Kind.MATCHING:
        _require(isinstance(response, dict) and sorted(response) == sorted(left_ids)
                 and all(value in option_ids for value in response.values()),
                 "match_all", "Match every entry on the left with one of the options.")
    elif kind == Kind.SHORT_ANSWER:
        _require(isinstance(response, str) and response.strip() and len(response) <= MAX_TYPED,
                 "type_answer", f"Type an answer of at most {MAX_TYPED} characters.")
    else:
        raise ResponseError("unknown_kind", f"Unknown kind {kind!r}.")


def _require(condition: bool, code: str, message: str) -> None:
    if not condition:
        raise ResponseError(code, message)


def _exact(answer, response) -> float:
    return 1.0 if response == answer else 0.0


def _multiple(answer: list[str], response: list[str]) -> float:
    """Moodle's rule: each right choice +1/k, each wrong one −1/k (k keys), never below 0."""
    k = len(answer)
    right = len(set(response) & set(answer))
    wrong = len(set(response) - set(answer))
    return max(0.0, (right - wrong) / k)


def _ordering(answer: list[str], response: list[str]) -> float:
    """The share of pairs of options placed in the right relative order."""
    place = {option: index for index, option in enumerate(response)}
    pairs = list(combinations(answer, 2))
    return sum(place[first] < place[second] for first, second in pairs) / len(pairs)


def _matching(answer: dict[str, str], response: dict[str, str]) -> float:
    return sum(response.get(left) == right for left, right in answer.items()) / len(answer)


def _typed(answer: list[str], response: str) -> float:
    return 1.0 if answer_matches(response, answer) else 0.0


_SCORERS = {
    Kind.SINGLE_CHOICE: _exact, Kind.CLOZE: _exact, Kind.TRUE_FALSE: _exact, Kind.MULTIPLE_RESPONSE: _multiple,
    Kind.ORDERING: _ordering, Kind.MATCHING: _matching, Kind.SHORT_ANSWER: _typed,
}
