"""Each scoring rule (README: "Scoring") and the shapes a response must have."""

import pytest

from quizzes.generation.scoring import ResponseError, score_response

IDS = ["a", "b", "c", "d"]


@pytest.mark.parametrize(("kind", "answer", "response", "score"), [
    ("single_choice", "b", "b", 1.0),
    ("single_choice", "b", "c", 0.0),
    ("cloze", "a", "a", 1.0),
    ("true_false", True, True, 1.0),
    ("true_false", False, True, 0.0),
    ("short_answer", ["1997", "1997年", "平成9年"], "H9", 1.0),
    ("short_answer", ["1997", "1997年", "平成9年"], "1998", 0.0),
    # multiple response, Moodle's rule: +1/k per right choice, −1/k per wrong one, never below 0
    ("multiple_response", ["a", "c"], ["a", "c"], 1.0),
    ("multiple_response", ["a", "c"], ["a"], 0.5),
    ("multiple_response", ["a", "c"], ["a", "b"], 0.0),
    ("multiple_response", ["a", "b", "c"], ["a", "b", "d"], 1 / 3),
    ("multiple_response", ["a", "c"], ["b", "d"], 0.0),
    ("multiple_response", ["a", "c"], [], 0.0),
    # ordering: the share of pairs in the right relative order
    ("ordering", ["a", "b", "c", "d"], ["a", "b", "c", "d"], 1.0),
    ("ordering", ["a", "b", "c", "d"], ["b", "a", "c", "d"], 5 / 6),
    ("ordering", ["a", "b", "c", "d"], ["d", "c", "b", "a"], 0.0),
    ("ordering", ["a", "b", "c"], ["a", "c", "b"], 2 / 3),
])
def test_scores(kind, answer, response, score):
    ids = sorted(answer) if kind == "ordering" else IDS
    grade = score_response(kind, answer, ids, [], response)
    assert grade.score == pytest.approx(score) and grade.correct == (score == 1.0)


def test_matching_scores_the_share_of_right_pairs():
    answer = {"1": "b", "2": "a", "3": "d", "4": "c"}
    assert score_response("matching", answer, IDS, ["1", "2", "3", "4"], answer).score == 1.0
    half = {"1": "b", "2": "a", "3": "c", "4": "d"}
    assert score_response("matching", answer, IDS, ["1", "2", "3", "4"], half).score == 0.5


@pytest.mark.parametrize(("kind", "response", "code"), [
    ("single_choice", "z", "choose_one"),
    ("single_choice", ["a"], "choose_one"),
    ("multiple_response", "a", "choose_some"),
    ("multiple_response", ["a", "a"], "choose_some"),
    ("true_false", "true", "true_or_false"),
    ("ordering", ["a", "b"], "order_all"),
    ("ordering", ["a", "a", "b", "c"], "order_all"),
    ("matching", {"1": "a"}, "match_all"),
    ("short_answer", "", "type_answer"),
    ("short_answer", "あ" * 201, "type_answer"),
    ("essay", "x", "unknown_kind"),
])
def test_malformed_responses_are_named(kind, response, code):
    with pytest.raises(ResponseError) as error:
        score_response(kind, "a", IDS, ["1", "2"], response)
    assert error.value.code == code
