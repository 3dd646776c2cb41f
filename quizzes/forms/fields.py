"""Form fields that refuse what a database would choke on."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from content.audience import readable_by
from content.models import Chapter


class ChapterChoiceField(forms.ModelChoiceField):
    """A chapter chosen by slug, among the public ones unless the form names its reader (ReaderForm);
    a NUL character is a validation error before any query (PostgreSQL refuses it)."""

    def __init__(self, **kwargs):
        super().__init__(Chapter.objects.filter(is_public=True), to_field_name="slug", **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            ProhibitNullCharactersValidator()(value)
        return super().to_python(value)


class ReaderForm(forms.Form):
    """A form whose chapter fields offer the chapters ``reader`` may read (a teacher's own imports, and
    their teacher's for a student); without a reader, the public ones only."""

    def __init__(self, *args, reader=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reader is not None:
            for field in self.fields.values():
                if isinstance(field, ChapterChoiceField):
                    field.queryset = Chapter.objects.filter(readable_by(reader))
