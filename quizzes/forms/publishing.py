"""Staff's web forms: uploading a chapter file (the admin's upload page, and the import pages where
a document is read in the background and reviewed before it is published)."""

from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _

from content.models import Event
from content.uploads import validate_upload_size
from quizzes.presentation.parse_warnings import warning_text


class DocumentUploadForm(forms.Form):
    """A document for the import pages (read in the background, then reviewed)."""

    file = forms.FileField(label=_("Document"), help_text=_("A PDF, or plain text in UTF-8 or Shift_JIS (CP932)."),
                           validators=[validate_upload_size])
    slug = forms.CharField(
        label=_("Slug"), required=False, max_length=80, validators=[validate_slug],
        help_text=_("Leave empty to derive it from the file name. An existing slug is updated in place."),
    )


class ChapterUploadForm(DocumentUploadForm):
    """The admin's upload page: imported at once, or reported as a dry run."""

    dry_run = forms.BooleanField(label=_("Dry run (report only, write nothing)"), required=False)


class DocumentReviewForm(forms.Form):
    """One field per thing a reviewer may change in the preview; ``edits()`` gives them as
    content.parsing.review expects. Field names: ``c<chapter>-s<number>-title``, ``…-t<number>-drop``,
    ``…-e<index>-year`` and so on."""

    def __init__(self, preview: dict, edits: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview
        for c, chapter in enumerate(preview["chapters"]):
            done = (edits.get("chapters") or {}).get(str(c), {})
            for section in chapter["sections"]:
                was = (done.get("sections") or {}).get(str(section["number"]), {})
                prefix, subject = f"c{c}-s{section['number']}", section["title"]
                self._add(f"{prefix}-title", subject, forms.CharField(
                    label=_("Title"), max_length=200, initial=was.get("title", section["title"])))
                self._add(f"{prefix}-drop", subject, _checkbox(_("Drop"), was.get("drop", False)))
                self._add(f"{prefix}-merge", subject,
                          _checkbox(_("Merge into the section before"), was.get("merge", False)))
            for term in chapter["terms"]:
                was = (done.get("terms") or {}).get(str(term["number"]), {})
                prefix, subject = f"c{c}-t{term['number']}", term["term"]
                self._add(f"{prefix}-term", subject, forms.CharField(
                    label=_("Term"), max_length=200, initial=was.get("term", term["term"])))
                self._add(f"{prefix}-definition", subject, forms.CharField(
                    label=_("Definition"), max_length=1500, widget=forms.Textarea(attrs={"rows": 2}),
                    initial=was.get("definition", term["definition"])))
                self._add(f"{prefix}-drop", subject, _checkbox(_("Drop"), was.get("drop", False)))
            for event in chapter["events"]:
                was = (done.get("events") or {}).get(str(event["index"]), {})
                prefix, subject = f"c{c}-e{event['index']}", event["text"]
                self._add(f"{prefix}-year", subject, forms.IntegerField(
                    label=_("Year"), min_value=600, max_value=2200, initial=was.get("year", event["year"])))
                self._add(f"{prefix}-precision", subject, forms.ChoiceField(
                    label=_("Precision"), choices=Event.Precision.choices,
                    initial=was.get("precision", event["precision"])))
                self._add(f"{prefix}-drop", subject, _checkbox(_("Drop"), was.get("drop", False)))

    def _add(self, name: str, subject: str, field: forms.Field) -> None:
        """The table's column heads label a field to the eye only; its own label names its row too."""
        field.widget.attrs["aria-label"] = f"{field.label}: {subject}"
        self.fields[name] = field

    def chapters(self) -> list[dict]:
        """Each chapter of the preview with its rows, each row beside its bound fields, for the page."""
        def fields(prefix, names):
            return {name: self[f"{prefix}-{name}"] for name in names}

        return [{
            "preview": chapter,
            "warnings": [warning_text(warning) for warning in chapter["warnings"]],
            "sections": [(s, fields(f"c{c}-s{s['number']}", ("title", "drop", "merge"))) for s in chapter["sections"]],
            "terms": [(t, fields(f"c{c}-t{t['number']}", ("term", "definition", "drop"))) for t in chapter["terms"]],
            "events": [(e, fields(f"c{c}-e{e['index']}", ("year", "precision", "drop"))) for e in chapter["events"]],
        } for c, chapter in enumerate(self.preview["chapters"])]

    def clean(self):
        cleaned = super().clean()
        for c, chapter in enumerate(self.preview["chapters"]):
            kept = [s for s in chapter["sections"] if not cleaned.get(f"c{c}-s{s['number']}-drop")]
            if not kept:
                raise forms.ValidationError(
                    _("「%(title)s」 would have no sections left; keep at least one.") % {"title": chapter["title"]})
            if chapter["sections"] and cleaned.get(f"c{c}-s{chapter['sections'][0]['number']}-merge"):
                self.add_error(f"c{c}-s{chapter['sections'][0]['number']}-merge",
                               _("The first section has no section before it to merge into."))
        return cleaned

    def edits(self) -> dict:
        """Only what differs from the preview, in the shape content.parsing.review reads."""
        data, chapters = self.cleaned_data, {}
        for c, chapter in enumerate(self.preview["chapters"]):
            sections, terms, events = {}, {}, {}
            for section in chapter["sections"]:
                prefix, edit = f"c{c}-s{section['number']}", {}
                if data[f"{prefix}-drop"]:
                    edit["drop"] = True
                elif data[f"{prefix}-merge"]:
                    edit["merge"] = True
                elif data[f"{prefix}-title"].strip() != section["title"]:
                    edit["title"] = data[f"{prefix}-title"].strip()
                if edit:
                    sections[str(section["number"])] = edit
            for term in chapter["terms"]:
                prefix, edit = f"c{c}-t{term['number']}", {}
                if data[f"{prefix}-drop"]:
                    edit["drop"] = True
                else:
                    for field in ("term", "definition"):
                        if data[f"{prefix}-{field}"].strip() != term[field]:
                            edit[field] = data[f"{prefix}-{field}"].strip()
                if edit:
                    terms[str(term["number"])] = edit
            for event in chapter["events"]:
                prefix, edit = f"c{c}-e{event['index']}", {}
                if data[f"{prefix}-drop"]:
                    edit["drop"] = True
                elif (data[f"{prefix}-year"], data[f"{prefix}-precision"]) != (event["year"], event["precision"]):
                    edit = {"year": data[f"{prefix}-year"], "precision": data[f"{prefix}-precision"]}
                if edit:
                    events[str(event["index"])] = edit
            found = {name: value for name, value in (("sections", sections), ("terms", terms), ("events", events))
                     if value}
            if found:
                chapters[str(c)] = found
        return {"chapters": chapters} if chapters else {}


def _checkbox(label, initial: bool) -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False, initial=initial)
