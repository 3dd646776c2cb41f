"""What learners read when a response cannot be taken (codes from quizzes.generation.scoring)."""

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
