"""Input fields that refuse what a database would choke on."""

from rest_framework import serializers

from content.models import Chapter


class ChapterSlugField(serializers.SlugRelatedField):
    """A chapter by its slug; a value with a NUL character (which PostgreSQL refuses) is invalid, not a 500."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", queryset=Chapter.objects.all(), **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value="…")
        return super().to_internal_value(data)
