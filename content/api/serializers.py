"""Read serializers: the fields of the parse_chapter JSON, with ids and links added."""

from rest_framework import serializers

from content.models import Chapter, Event, GoalList, Section, Term


class ChapterSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Chapter
        fields = ["slug", "number", "title", "lead", "source_name", "source_sha256", "updated_at"]


class ChapterSectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "number", "title"]


class ChapterDetailSerializer(ChapterSummarySerializer):
    sections = ChapterSectionSerializer(many=True, read_only=True)

    class Meta(ChapterSummarySerializer.Meta):
        fields = [*ChapterSummarySerializer.Meta.fields, "sections"]


class SectionSerializer(serializers.ModelSerializer):
    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    paragraphs = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = ["id", "chapter", "number", "title", "paragraphs"]

    def get_paragraphs(self, section) -> list[str]:
        return [paragraph.text for paragraph in section.paragraphs.all()]


class TermSerializer(serializers.ModelSerializer):
    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    section = serializers.SlugRelatedField(slug_field="number", read_only=True)
    reading = serializers.SerializerMethodField()

    class Meta:
        model = Term
        fields = ["id", "chapter", "number", "term", "reading", "definition", "section"]

    def get_reading(self, term) -> str | None:
        return term.reading or None


class EventSerializer(serializers.ModelSerializer):
    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    section = serializers.SlugRelatedField(slug_field="number", read_only=True)
    text = serializers.CharField(source="date_text", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "chapter", "text", "year", "month", "day", "fiscal_year", "approximate",
                  "precision", "span_start", "span_end", "is_target", "era", "era_year", "sentence", "section"]


class GoalListSerializer(serializers.ModelSerializer):
    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    section = serializers.SlugRelatedField(slug_field="number", read_only=True)
    items = serializers.SerializerMethodField()

    class Meta:
        model = GoalList
        fields = ["id", "chapter", "title", "items", "stated_count", "plan", "section"]

    def get_items(self, goal_list) -> list[str]:
        return [goal.text for goal in goal_list.goals.all()]
