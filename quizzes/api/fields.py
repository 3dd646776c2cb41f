"""Input fields that refuse what a database would choke on, and the JSON shapes the schema promises."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from civiclearn.api_schema import TEXT_PATTERN
from content.audience import readable_by
from content.models import Chapter
from quizzes.generation.checker.shape import MAX_OPTIONS

_TEXT = {"type": "string", "pattern": TEXT_PATTERN}
# A response or a key, by the item's kind: an option id (single choice, cloze), true/false, ids in order
# (multiple response, ordering) or typed answers (short answer), or entry id → option id (matching).
ANSWER_SHAPE = {"oneOf": [
    {**_TEXT, "maxLength": 200}, {"type": "boolean"},
    {"type": "array", "items": {**_TEXT, "maxLength": 200}, "maxItems": MAX_OPTIONS},
    {"type": "object", "additionalProperties": {**_TEXT, "maxLength": 200}, "maxProperties": MAX_OPTIONS},
]}
OPTIONS_SHAPE = {"type": "array", "maxItems": MAX_OPTIONS, "items": {
    "type": "object", "properties": {"id": {**_TEXT, "minLength": 1, "maxLength": 40},
                                     "text": {**_TEXT, "minLength": 1, "maxLength": 500}},
    "required": ["id", "text"], "additionalProperties": False}}


@extend_schema_field({"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$", "description": "A chapter's slug."})
class ChapterSlugField(serializers.SlugRelatedField):
    """A chapter by its slug, among those the requesting user may read (a chapter they may not is as
    unknown as one that does not exist); a value with a NUL character (which PostgreSQL refuses) is
    invalid, not a 500."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=Chapter.objects.all(), **kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return Chapter.objects.filter(readable_by(getattr(request, "user", None)))

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value="…")
        return super().to_internal_value(data)


@extend_schema_field(ANSWER_SHAPE)
class AnswerField(serializers.JSONField):
    """A response or a key in the item bank's answer shape."""


@extend_schema_field(OPTIONS_SHAPE)
class OptionsField(serializers.JSONField):
    """A list of ``{"id", "text"}``."""


class StrictInput:
    """An input serializer that refuses fields it does not know (a misspelt ``"sise"`` would otherwise be
    ignored without a word) and values of another type than the schema says (DRF would read ``0`` as the
    text "0", or "1" as true): the schema promises as much (``additionalProperties: false``, types)."""

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            errors = {name[:80]: [_("This field is not one of this request's.")]
                      for name in sorted(set(data.keys()) - set(self.fields))}
            from_form = isinstance(data, QueryDict)
            errors |= {name: [_("This value is not of the type the schema gives.")]
                       for name, field in self.fields.items()
                       if name in data and not field.read_only and not _typed_as(field, data[name], from_form)}
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _typed_as(field, value, from_form: bool) -> bool:
    if value is None or isinstance(field, serializers.JSONField | serializers.FileField):
        return True
    if isinstance(field, serializers.BooleanField):
        return value.lower() in ("true", "false") if from_form else isinstance(value, bool)
    if isinstance(field, serializers.IntegerField):
        return value.lstrip("-").isdigit() if from_form else isinstance(value, int) and not isinstance(value, bool)
    if isinstance(field, serializers.ChoiceField):  # a choice of the type it is given as (-1, not "-1")
        return from_form or any(type(value) is type(choice) for choice in field.choices)
    if isinstance(field, serializers.CharField | serializers.DateTimeField):
        return isinstance(value, str)
    return True
