"""Codes from the plain-Python packages (scoring, the checker) as messages in the interface's language."""

from django.contrib import messages as levels
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quizzes.generation.checker.shape import MAX_OPTION_TEXT, MAX_OPTIONS, MAX_PROMPT
from quizzes.generation.moodle_reader import MAX_QUESTIONS, MoodleFileError
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
        "matching_gives_pairs_away": _("A matching item gives pairs away"),
        "mixed_option_types": _("The options are of different types"),
        "self_answering_definition": _("The definition names the term"),
        "span_keyed_as_year": _("A span of years is keyed as one year"),
        "near_synonym_options": _("Two options say nearly the same"),
        "unresolved_reference": _("The stem points at what it does not say"),
        "two_defensible_keys": _("Another option could also be defended"),
        "too_many_per_fact": _("One fact is asked too many times"),
        "key_alone_in_its_class": _("The answer is the only option of its kind"),
        "blank_missing": _("The sentence has lost its blank"),
        "stem_not_a_sentence": _("The stem is not a whole sentence"),
        "option_not_from_document": _("An option is not from this document"),
        "key_echoes_the_stem": _("Only the answer repeats a word of the stem"),
        "distractor_year_after_the_text": _("A distractor year is later than the text"),
        "distractor_across_a_stem_date": _("A distractor year contradicts the sentence's order"),
        "unmarked_negative": _("A negative question is not marked"),
    }
    return f"{titles.get(finding['rule'], finding['rule'])}: {_finding_detail(finding)}"


def _finding_detail(finding: dict) -> str:
    """The checker's detail from its parameters, in the interface's language; a finding stored before
    findings carried parameters (or a rule without any) keeps the checker's English."""
    params = finding.get("params") or {}
    rule = finding["rule"]
    if rule == "unmarked_negative":
        return _("A negative stem must mark the negative visibly (〈含まれないもの〉).")
    if rule == "self_answering_definition":
        return _("The stem spells out an acronym among the answers; mask it or mark the item easy.")
    if rule == "blank_missing":
        return _("The stem has no blank （　） to fill.")
    if rule == "malformed" and "problem" in params:
        return _malformed_text(params["problem"], finding["message"])
    if not params:
        return finding["message"]
    if rule == "matching_gives_pairs_away":
        return _("The keys read in the entries' own order.") if params.get("in_order") else \
            _("Every option is matched: the last pair is forced.")
    if rule == "duplicate_options":
        template = _("Options 「%(text)s」 and 「%(other)s」 are the same.") if params["same"] else \
            _("Options 「%(text)s」 and 「%(other)s」 are nested.")
        return template % params
    if rule == "key_alone_in_its_class":
        return _("Only the key names a %(key_class)s; the distractors name a %(shared)s.") % {
            "key_class": _class_name(params["key_class"]), "shared": _class_name(params["shared"])}
    if rule == "mixed_option_types":
        kinds = {"year": _("years"), "fiscal": _("fiscal years"), "decade": _("decades"), "count": _("counts"),
                 "text": _("texts")}
        listed = ", ".join(f"{kinds.get(kind, kind)} {count}" for kind, count in sorted(params["types"].items()))
        return _("Options are of different types (%(listed)s).") % {"listed": listed}
    templates = {
        "answer_in_stem": _("The stem contains the key 「%(form)s」."),
        "two_defensible_keys": _("「%(rival)s」 could also be defended as right."),
        "length_cue": _("The key (%(key)s characters) stands out by length from every distractor "
                        "(%(shortest)s–%(longest)s)."),
        "all_or_none": _("Option 「%(text)s」 is an “all of the above” or “none of the above”."),
        "grammatical_cue": _("Only the key ends in 「%(key_ending)s」; the distractors end in 「%(common)s」."),
        "key_position_bias": _("Keys of %(size)s-option items are unevenly placed: %(shown)s."),
        "span_keyed_as_year": _("「%(date)s」 is keyed as the single year 「%(key)s」."),
        "near_synonym_options": _("Options 「%(text)s」 and 「%(other)s」 say nearly the same."),
        "unresolved_reference": _("「%(stem)s…」 refers to something the stem does not name."),
        "too_many_per_fact": _("%(count)s items ask about 「%(fact)s」 (at most %(limit)s)."),
        "stem_not_a_sentence": _("The stem 「…%(end)s」 does not end a sentence."),
        "option_not_from_document": _("「%(text)s」 is not in this document."),
        "key_echoes_the_stem": _("Only the key repeats 「%(word)s」 from the stem."),
        "distractor_year_after_the_text": _("「%(text)s」 is later than the text's last date (%(latest)s)."),
        "distractor_across_a_stem_date": _("「%(text)s」 lies on the other side of 「%(date)s」 than the key."),
    }
    return templates[rule] % params if rule in templates else finding["message"]


def _malformed_text(problem: str, english: str) -> str:
    """Why an item cannot be saved (quizzes.generation.checker.shape), in the interface's language."""
    texts = {
        "too_many_options": _("An item has at most %(count)s options on each side.") % {"count": MAX_OPTIONS},
        "too_long": _("A prompt has at most %(prompt)s characters and an option at most %(option)s.") % {
            "prompt": MAX_PROMPT, "option": MAX_OPTION_TEXT},
        "ids_repeat": _("Option ids repeat."),
        "empty_prompt": _("The prompt is empty."),
        "unknown_kind": _("The kind of item is unknown."),
        "too_few_choices": _("A choice item needs at least two options."),
        "key_not_an_option": _("The key is not one of the options."),
        "too_few_for_multiple": _("A multiple-response item needs three options or more and at least one key."),
        "keys_not_options": _("Every key must be one of the options, once."),
        "not_true_or_false": _("A true/false key is true or false."),
        "too_few_to_order": _("An ordering item needs three options or more."),
        "order_incomplete": _("The order must list every option once."),
        "matching_sides": _("A matching item needs a left side and at least as many options."),
        "matching_incomplete": _("Each left entry must match a different option."),
        "no_accepted_answer": _("A short-answer item needs at least one accepted answer."),
    }
    return texts.get(problem, english)


def _class_name(name: str) -> str:
    """A class of quizzes.generation.categories in the interface's language."""
    names = {"plan": _("plan or rule"), "organisation": _("organisation"), "person": _("person"),
             "facility": _("facility or place"), "technology": _("technology or service"), "event": _("event"),
             "activity": _("activity"), "field": _("field or industry"), "content": _("content")}
    return names.get(name, name)


def moodle_file_error_message(error: MoodleFileError) -> str:
    texts = {
        "not_xml": _("This is not well-formed XML (%(detail)s)."),
        "dtd": _("The file declares a DTD or entities, which Moodle XML never does: it is not read."),
        "root": _("The file's outermost element is <%(detail)s>, not Moodle's <quiz>: is it a Moodle XML export?"),
        "too_many": _("The file has %(detail)s questions; at most %(max)d are read at once: export fewer "
                      "categories at a time."),
    }
    text = texts.get(error.code, str(error)) % {"detail": error.detail, "max": MAX_QUESTIONS}
    return _("Line %(line)d: %(text)s") % {"line": error.line, "text": text} if error.line else text


def moodle_report_messages(report) -> list[tuple[int, str]]:
    """A Moodle import's report (quizzes.services.item_imports) as messages: what was added, then each
    question left out with its line and why."""
    reasons = {
        "type": _("Moodle's %(type)s questions have no counterpart here."),
        "no_key": _("it has no right answer."),
        "several_keys": _("it gives credit to several choices of a single-answer question."),
        "pairs": _("a matching question needs at least two pairs."),
        "empty": _("its question text is empty."),
        "picture": _("it asks about a picture, and items here are text."),
    }
    added, reused = len(report.added), len(report.reused)
    found = [(levels.SUCCESS, (ngettext("Checked: %(n)d question would be added.",
                                        "Checked: %(n)d questions would be added.", added) if report.dry_run else
                               ngettext("%(n)d question added to the set.", "%(n)d questions added to the set.",
                                        added)) % {"n": added})]
    if reused:
        found.append((levels.INFO, ngettext("%(n)d question was already in your bank: it is used as it is.",
                                            "%(n)d questions were already in your bank: they are used as they are.",
                                            reused) % {"n": reused}))
    for skipped in report.passed_over:
        found.append((levels.WARNING, _("Line %(line)d (%(name)s) left out: %(why)s") % {
            "line": skipped.line, "name": skipped.name or skipped.moodle_type,
            "why": reasons[skipped.reason] % {"type": skipped.moodle_type}}))
    for question, problems in report.refused:
        found.append((levels.WARNING, _("Line %(line)d (%(name)s) refused by the checker: %(why)s") % {
            "line": question.line, "name": question.name, "why": " ".join(problems)}))
    return found
