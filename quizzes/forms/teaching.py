"""Teachers' web forms. An item of one's own is written in plain fields, one option per line."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes.forms.fields import ChapterChoiceField, ReaderForm
from quizzes.generation.kinds import Kind
from quizzes.models import Assignment, Item, QuizSet, SchoolClass
from quizzes.selectors.bank import section_numbered
from quizzes.selectors.teaching import students_of_set


class ClassForm(forms.Form):
    name = forms.CharField(label=_("Class name"), max_length=100)


class QuizSetCreateForm(forms.ModelForm):
    class Meta:
        model = QuizSet
        fields = ["title"]


class QuizSetSettingsForm(forms.ModelForm):
    class Meta:
        model = QuizSet
        fields = ["title", "instructions", "time_limit_minutes", "attempts_allowed", "grading", "shuffle_items",
                  "shuffle_options", "feedback"]
        widgets = {"instructions": forms.Textarea(attrs={"rows": 3})}


class BankFilterForm(ReaderForm):
    chapter = ChapterChoiceField(required=False, label=_("Chapter"))
    section = forms.IntegerField(required=False, min_value=1, label=_("Section"))
    skill = forms.ChoiceField(choices=[("", _("All skills")), *Item.Skill.choices], required=False, label=_("Skill"))
    kind = forms.ChoiceField(choices=[("", _("All kinds")), *Item.Kind.choices], required=False, label=_("Kind"))
    status = forms.ChoiceField(choices=[("", _("Any status")), *Item.Status.choices], required=False,
                               initial=Item.Status.PUBLISHED, label=_("Status"))
    difficulty = forms.ChoiceField(choices=[("", _("Any difficulty")), ("easy", _("Easy (below 0.4)")),
                                            ("medium", _("Medium (0.4–0.6)")), ("hard", _("Hard (above 0.6)"))],
                                   required=False, label=_("Difficulty"))
    q = forms.CharField(required=False, label=_("Text"))


class RandomSlotForm(ReaderForm):
    count = forms.IntegerField(min_value=1, max_value=50, initial=3, label=_("Number of items"))
    chapter = ChapterChoiceField(required=False, label=_("Chapter"))
    section = forms.IntegerField(required=False, min_value=1, label=_("Section"))
    skill = forms.ChoiceField(choices=[("", _("All skills")), *Item.Skill.choices], required=False, label=_("Skill"))
    kind = forms.ChoiceField(choices=[("", _("All kinds")), *Item.Kind.choices], required=False, label=_("Kind"))

    def clean(self):
        cleaned = super().clean()
        number, chapter = cleaned.get("section"), cleaned.get("chapter")
        cleaned["section"] = section_numbered(chapter, number)
        if number and cleaned["section"] is None:
            self.add_error("section", _("Choose the chapter, and one of its section numbers."))
        return cleaned


class OwnItemForm(ReaderForm):
    chapter = ChapterChoiceField(label=_("Chapter"))
    kind = forms.ChoiceField(choices=Item.Kind.choices, label=_("Kind"))
    skill = forms.ChoiceField(choices=Item.Skill.choices, label=_("Skill"))
    prompt = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Prompt"))
    lines = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False, label=_("Options"), help_text=_(
        "One per line. Choice items: the options. Ordering: the options in the right order. Matching: "
        "「term = definition」. Short answer: the accepted answers."))
    key = forms.CharField(required=False, label=_("Key"), help_text=_(
        "Choice items: the number of the right option (several, comma-separated, for multiple response). "
        "True/false: true or false."))
    explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Explanation"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                cleaned.update(item_fields(cleaned["kind"], cleaned["lines"], cleaned["key"]))
            except ValueError as problem:
                raise forms.ValidationError(str(problem)) from None
        return cleaned


def item_fields(kind: str, lines_text: str, key: str) -> dict:
    """The item's options, left side and answer from the form's plain fields."""
    lines = [line.strip() for line in lines_text.splitlines() if line.strip()]
    options = [{"id": chr(ord("a") + index), "text": text} for index, text in enumerate(lines)]
    if kind == Kind.TRUE_FALSE:
        if key.strip().lower() not in ("true", "false"):
            raise ValueError(_("For true/false, the key is true or false."))
        return {"options": [], "left_options": [], "answer": key.strip().lower() == "true"}
    if kind == Kind.SHORT_ANSWER:
        return {"options": [], "left_options": [], "answer": lines}
    if kind == Kind.ORDERING:
        return {"options": options, "left_options": [], "answer": [option["id"] for option in options]}
    if kind == Kind.MATCHING:
        pairs = [line.split("=", 1) for line in lines]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(_("For matching, write each line as 「term = definition」."))
        left = [{"id": str(index + 1), "text": pair[0].strip()} for index, pair in enumerate(pairs)]
        right = [{"id": chr(ord("a") + index), "text": pair[1].strip()} for index, pair in enumerate(pairs)]
        return {"options": right, "left_options": left,
                "answer": {entry["id"]: option["id"] for entry, option in zip(left, right, strict=True)}}
    try:
        numbers = [int(part) for part in key.replace("、", ",").split(",") if part.strip()]
    except ValueError:
        raise ValueError(_("Give the number of the right option.")) from None
    if not numbers or any(not 1 <= number <= len(options) for number in numbers):
        raise ValueError(_("Give the number of the right option."))
    ids = [options[number - 1]["id"] for number in numbers]
    answer = ids if kind == Kind.MULTIPLE_RESPONSE else ids[0]
    return {"options": options, "left_options": [], "answer": answer}


MOODLE_FILE_BYTES = 5 * 1024 * 1024


class MoodleImportForm(ReaderForm):
    """A Moodle XML file of questions, for the teacher's own bank under one chapter and skill."""

    file = forms.FileField(label=_("Moodle XML file"), help_text=_(
        "Exported from Moodle's question bank (Export → Moodle XML format), in UTF-8, at most 5 MB."))
    chapter = ChapterChoiceField(label=_("Chapter"), help_text=_("The chapter the questions belong with."))
    skill = forms.ChoiceField(choices=Item.Skill.choices, label=_("Skill"))
    dry_run = forms.BooleanField(required=False, label=_("Only check the file; add nothing"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MOODLE_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: export fewer categories at a time."))
        raw = upload.read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise forms.ValidationError(_("Line %(line)d is not UTF-8: Moodle writes its XML in UTF-8; was the "
                                          "file saved again in another encoding?") % {"line": line}) from None


class OverrideForm(forms.Form):
    """One student's own rules for one of the set's assignments; an empty field keeps the set's rule."""

    assignment = forms.ModelChoiceField(Assignment.objects.none(), label=_("Assignment"))
    student = forms.ModelChoiceField(get_user_model().objects.none(), label=_("Student"))
    open_at = forms.DateTimeField(required=False, label=_("Opens"),
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    close_at = forms.DateTimeField(required=False, label=_("Closes"),
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    time_limit_minutes = forms.IntegerField(required=False, min_value=0, max_value=24 * 60,
                                            label=_("Time limit (minutes)"), help_text=_("0 for no time limit."))
    attempts_allowed = forms.IntegerField(required=False, min_value=0, max_value=100, label=_("Attempts allowed"),
                                          help_text=_("0 for no limit."))
    note = forms.CharField(required=False, max_length=200, label=_("Note"),
                           help_text=_("Why, for you and your colleagues; the student does not see it."))

    def __init__(self, *args, quiz_set, **kwargs):
        super().__init__(*args, **kwargs)
        assignments = quiz_set.assignments.select_related("school_class").order_by("-close_at")
        self.fields["assignment"].queryset = assignments
        self.fields["assignment"].label_from_instance = lambda assignment: (
            f"{assignment.school_class.name} ({timezone.localtime(assignment.open_at):%Y-%m-%d} – "
            f"{timezone.localtime(assignment.close_at):%Y-%m-%d})")
        self.fields["student"].queryset = students_of_set(quiz_set)


class AssignForm(forms.Form):
    school_class = forms.ModelChoiceField(SchoolClass.objects.none(), label=_("Class"))
    open_at = forms.DateTimeField(label=_("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    close_at = forms.DateTimeField(label=_("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def __init__(self, *args, teacher, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_class"].queryset = SchoolClass.objects.filter(teacher=teacher)
