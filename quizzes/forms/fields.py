"""Form fields that refuse what a database would choke on."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from content.models import Chapter


class ChapterChoiceField(forms.ModelChoiceField):
    """A chapter chosen by slug; a NUL character is a validation error before any query (PostgreSQL
    refuses it)."""

    def __init__(self, **kwargs):
        super().__init__(Chapter.objects.all(), to_field_name="slug", **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            ProhibitNullCharactersValidator()(value)
        return super().to_python(value)
