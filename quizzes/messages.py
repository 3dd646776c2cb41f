"""Codes from the plain-Python packages (scoring, the checker) as messages in the interface's language."""

from django.utils.translation import gettext as _

from quizzes.generation.scoring import ResponseError


def response_error_message(error: ResponseError) -> str:
    messages = {
        "choose_one": _("Choose one of the options."),
        "choose_some": _("Choose the options you think are right."),
        "true_or_false": _("Answer true or false."),
        "order_all": _("Give every item a different place in the order."),
        "match_all": _("Match every entry with a different option."),
        "type_answer": _("Type an answer (at most 200 characters)."),
    }
    return messages.get(error.code, str(error))


def finding_text(finding: dict) -> str:
    """A checker finding (quizzes.generation.checker) in the interface's language: the rule's name,
    then the checker's own detail, which quotes the item's text."""
    titles = {
        "all_or_none": _("An “all of the above” or “none of the above” option"),
        "answer_in_stem": _("The stem gives the answer away"),
        "duplicate_options": _("Two options say the same"),
        "grammatical_cue": _("A grammatical cue points to the answer"),
        "key_position_bias": _("The answers lean to one position"),
        "length_cue": _("The answer stands out by its length"),
        "malformed": _("The item is malformed"),
        "mixed_option_types": _("The options are of different types"),
        "self_answering_definition": _("The definition names the term"),
        "two_defensible_keys": _("Another option could also be defended"),
        "unmarked_negative": _("A negative question is not marked"),
    }
    return f"{titles.get(finding['rule'], finding['rule'])}: {finding['message']}"
