"""The item admin's options and key as fields: one row per option with a box that marks the key, the
order written for an ordering item, true or false as a choice, accepted answers one per line — and a
"check" button that shows the checker's verdict on the edit before anything is saved. A matching
item has a row per description and a row per entry, each entry choosing its description's number."""

from __future__ import annotations

from dataclasses import asdict

from django import forms
from django.utils.translation import gettext_lazy as _

from quizzes.drafts import as_draft
from quizzes.generation.checker import check_item
from quizzes.generation.checker.shape import MAX_OPTIONS, malformed
from quizzes.messages import finding_text
from quizzes.models import Item
from quizzes.services.item_review import EDITABLE_FIELDS

ROW_KINDS = {Item.Kind.SINGLE_CHOICE, Item.Kind.CLOZE, Item.Kind.MULTIPLE_RESPONSE, Item.Kind.ORDERING,
             Item.Kind.MATCHING}
KEY_BOX_KINDS = {Item.Kind.SINGLE_CHOICE, Item.Kind.CLOZE, Item.Kind.MULTIPLE_RESPONSE}
SPARE_ROWS = 2  # empty rows for options to add
CHECK = "_check"  # the name of the button that checks without saving
JSON_REPLACED = {  # what each kind edits in fields instead of JSON
    **dict.fromkeys(ROW_KINDS, ("options", "answer")),
    Item.Kind.TRUE_FALSE: ("answer",), Item.Kind.SHORT_ANSWER: ("answer",),
}

# Every row a form may show, declared once so that the admin knows the names; a form keeps the ones its
# item needs.
_Rows = type("_Rows", (forms.Form,), {
    **{f"option_{index}": forms.CharField(required=False) for index in range(MAX_OPTIONS)},
    **{f"key_{index}": forms.BooleanField(required=False) for index in range(MAX_OPTIONS)},
    **{f"entry_{index}": forms.CharField(required=False) for index in range(MAX_OPTIONS)},
    **{f"match_{index}": forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
       for index in range(MAX_OPTIONS)},
})


def edit_fields(item: Item | None) -> list:
    """The fields of the edit fieldset for this item: option rows (an option and its key box on one
    line) where the kind has them, its JSON fields otherwise."""
    kind = item.kind if item else None
    replaced = JSON_REPLACED.get(kind, ())
    fields: list = [name for name in EDITABLE_FIELDS if name not in replaced]
    if kind in ROW_KINDS:
        rows = [(f"option_{index}", f"key_{index}") if kind in KEY_BOX_KINDS else f"option_{index}"
                for index in range(row_count(item))]
        if kind == Item.Kind.MATCHING:
            rows += [(f"entry_{index}", f"match_{index}") for index in range(entry_count(item))]
        fields[fields.index("prompt") + 1:fields.index("prompt") + 1] = rows
    elif kind == Item.Kind.TRUE_FALSE:
        fields.insert(fields.index("prompt") + 1, "true_or_false")
    elif kind == Item.Kind.SHORT_ANSWER:
        fields.insert(fields.index("prompt") + 1, "accepted")
    return fields


def row_count(item: Item) -> int:
    return min(len(item.options) + SPARE_ROWS, MAX_OPTIONS)


def entry_count(item: Item) -> int:
    return min(len(item.left_options) + SPARE_ROWS, MAX_OPTIONS)


class ItemAdminForm(_Rows, forms.ModelForm):
    true_or_false = forms.TypedChoiceField(label=_("key"), required=False, widget=forms.RadioSelect,
                                           choices=[("true", _("True")), ("false", _("False"))],
                                           coerce=lambda value: value == "true")
    accepted = forms.CharField(label=_("accepted answers"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("One per line; any of them counts as right."))

    class Meta:
        model = Item
        fields = list(EDITABLE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.instance
        self.kind = item.kind
        self.before = {name: getattr(item, name) for name in EDITABLE_FIELDS}
        keys = set(item.answer) if isinstance(item.answer, list) else {item.answer} if isinstance(
            item.answer, str) else set()
        rows = row_count(item) if self.kind in ROW_KINDS else 0
        entries = entry_count(item) if self.kind == Item.Kind.MATCHING else 0
        for index in range(MAX_OPTIONS):
            option = item.options[index] if index < len(item.options) else {}
            boxes = index < rows and self.kind in KEY_BOX_KINDS
            for name, kept in ((f"option_{index}", index < rows), (f"key_{index}", boxes),
                               (f"entry_{index}", index < entries), (f"match_{index}", index < entries)):
                if name in self.fields and not kept:
                    del self.fields[name]
            if f"entry_{index}" in self.fields:
                self._entry_row(index, rows)
            if f"option_{index}" in self.fields:
                self.fields[f"option_{index}"].label = _("option %(n)d") % {"n": index + 1}
                self.fields[f"option_{index}"].initial = option.get("text", "")
            if f"key_{index}" in self.fields:
                self.fields[f"key_{index}"].label = _("key")
                self.fields[f"key_{index}"].initial = option.get("id") in keys
        if "option_0" in self.fields and self.kind == Item.Kind.ORDERING:
            self.fields["option_0"].help_text = _("Write the options in the right order; learners see them shuffled.")
        if "true_or_false" in self.fields:
            self.fields["true_or_false"].initial = "true" if item.answer is True else "false"
        if "accepted" in self.fields:
            self.fields["accepted"].initial = "\n".join(item.answer if isinstance(item.answer, list) else [])

    def _entry_row(self, index: int, rows: int) -> None:
        """A matching entry and the number of the description it matches."""
        item = self.instance
        entry = item.left_options[index] if index < len(item.left_options) else {}
        matched = item.answer.get(entry.get("id")) if isinstance(item.answer, dict) else None
        numbers = {option.get("id"): number for number, option in enumerate(item.options)}
        self.fields[f"entry_{index}"].label = _("entry %(n)d") % {"n": index + 1}
        self.fields[f"entry_{index}"].initial = entry.get("text", "")
        self.fields[f"match_{index}"].label = _("matches option")
        self.fields[f"match_{index}"].choices = [("", "—"), *((number, str(number + 1)) for number in range(rows))]
        self.fields[f"match_{index}"].initial = numbers.get(matched)

    def clean(self):
        cleaned = super().clean()
        if self.kind == Item.Kind.MATCHING and "option_0" in self.fields:
            cleaned["options"], cleaned["left_options"], cleaned["answer"] = self._matching(cleaned)
        elif self.kind in ROW_KINDS and "option_0" in self.fields:
            cleaned["options"], cleaned["answer"] = self._options_and_key(cleaned)
        elif self.kind == Item.Kind.TRUE_FALSE and "true_or_false" in self.fields:
            cleaned["answer"] = cleaned.get("true_or_false")
        elif self.kind == Item.Kind.SHORT_ANSWER and "accepted" in self.fields:
            cleaned["answer"] = [line.strip() for line in cleaned.get("accepted", "").splitlines() if line.strip()]
        candidate = Item(**{name: cleaned.get(name, self.before[name]) for name in EDITABLE_FIELDS})
        candidate.key, candidate.skill = self.instance.key, self.instance.skill
        problems = malformed(as_draft(candidate))
        if problems:
            raise forms.ValidationError(finding_text(asdict(problems[0])))
        if CHECK in self.data:  # the verdict, shown on the form; nothing is saved
            found = check_item(as_draft(candidate))
            raise forms.ValidationError([finding_text(asdict(f)) for f in found]
                                        or [_("The checker finds no flaw in this edit. Save to keep it.")])
        return cleaned

    def changes(self) -> dict:
        """What the edit changes, by editable field (the rows count as the options and the key)."""
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS
                if name in self.cleaned_data and self.cleaned_data[name] != self.before[name]}

    def _rows(self, cleaned, prefix: str, old: list[dict], count: int) -> dict[int, dict]:
        """Filled rows by number, each keeping the id of the option that stood there with that text."""
        rows = {}
        for index in range(count):
            text = (cleaned.get(f"{prefix}_{index}") or "").strip()
            if text:
                kept = old[index].get("id") if index < len(old) and old[index].get("text") == text else None
                rows[index] = {"id": kept or f"{prefix}{index}", "text": text}
        return rows

    def _matching(self, cleaned) -> tuple[list[dict], list[dict], dict]:
        options = self._rows(cleaned, "option", self.instance.options, row_count(self.instance))
        entries = self._rows(cleaned, "entry", self.instance.left_options, entry_count(self.instance))
        answer = {entry["id"]: options[cleaned[f"match_{index}"]]["id"] if cleaned.get(f"match_{index}") in options
                  else "" for index, entry in entries.items()}  # "" for none or an empty row: the shape check says so
        return list(options.values()), list(entries.values()), answer

    def _options_and_key(self, cleaned) -> tuple[list[dict], object]:
        """Rows → options, keeping the id of a row whose option stood there, and the key they mark."""
        rows = self._rows(cleaned, "option", self.instance.options, row_count(self.instance))
        options = list(rows.values())
        keys = [option["id"] for index, option in rows.items() if cleaned.get(f"key_{index}")]
        if self.kind == Item.Kind.ORDERING:
            return options, [option["id"] for option in options]
        if self.kind == Item.Kind.MULTIPLE_RESPONSE:
            return options, keys
        return options, keys[0] if len(keys) == 1 else keys  # none or several marked: the shape check says so
