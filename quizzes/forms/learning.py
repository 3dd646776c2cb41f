"""Learners' web forms: starting a session, joining a class, and reading an answer from a plain HTML form
(no JavaScript)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.forms.fields import ChapterChoiceField, ReaderForm
from quizzes.generation.kinds import SINGLE_KEY_KINDS, Kind
from quizzes.generation.scoring import ResponseError
from quizzes.models import AttemptItem, Item
from quizzes.selectors.bank import section_numbered
from quizzes.services.practice import DEFAULT_SIZE, MAX_SIZE


class JoinForm(forms.Form):
    join_code = forms.CharField(label=_("Join code"), max_length=20)


class PracticeStartForm(ReaderForm):
    chapter = ChapterChoiceField(label=_("Chapter"))
    section = forms.IntegerField(label=_("Section"), required=False, min_value=1,
                                 help_text=_("Leave empty for the whole chapter."))
    skill = forms.ChoiceField(label=_("Skill"), required=False,
                              choices=[("", _("All skills")), *Item.Skill.choices])
    size = forms.IntegerField(label=_("Number of items"), min_value=1, max_value=MAX_SIZE, initial=DEFAULT_SIZE,
                              required=False)

    def clean(self):
        cleaned = super().clean()
        chapter, number = cleaned.get("chapter"), cleaned.get("section")
        cleaned["section"] = section_numbered(chapter, number)
        if chapter and number and cleaned["section"] is None:
            self.add_error("section", _("This chapter has no section %(number)d.") % {"number": number})
        cleaned["size"] = cleaned.get("size") or DEFAULT_SIZE
        return cleaned


def response_from_post(slot: AttemptItem, data) -> object:
    """The response in the item bank's answer shape, from the fields the item page sends."""
    version = slot.version
    kind = version.kind
    if kind in SINGLE_KEY_KINDS:
        return data.get("response", "")
    if kind == Kind.MULTIPLE_RESPONSE:
        return sorted(data.getlist("response"))
    if kind == Kind.TRUE_FALSE:
        value = data.get("response")
        if value not in ("true", "false"):
            raise ResponseError("true_or_false", "Answer true or false.")
        return value == "true"
    if kind == Kind.SHORT_ANSWER:
        return data.get("response", "")
    if kind == Kind.ORDERING:
        return _ordering(slot.option_order or [o["id"] for o in version.options], data)
    if kind == Kind.MATCHING:
        return {entry["id"]: data.get(f"match-{entry['id']}", "") for entry in version.left_options}
    raise ResponseError("unknown_kind", f"Unknown kind {kind!r}.")


def _ordering(option_ids: list[str], data) -> list[str]:
    """Each option gets a place (1…n) from a select; two options in one place is an error."""
    places = {}
    for option_id in option_ids:
        try:
            places[option_id] = int(data.get(f"order-{option_id}", ""))
        except ValueError:
            raise ResponseError("order_all", "Put every option in order, each once.") from None
    if sorted(places.values()) != list(range(1, len(option_ids) + 1)):
        raise ResponseError("order_all", "Put every option in order, each once.")
    return sorted(option_ids, key=places.get)
