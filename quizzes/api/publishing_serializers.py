"""Payloads of the staff's chapter import: the file in, the report object out as JSON."""

from django.core.validators import validate_slug
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from content.uploads import validate_upload_size

from .fields import StrictInput


class ChapterImportInputSerializer(StrictInput, serializers.Serializer):
    file = serializers.FileField(help_text="The chapter file: plain text, UTF-8 or Shift_JIS (CP932).",
                                 validators=[validate_upload_size])
    slug = serializers.CharField(required=False, max_length=100, validators=[validate_slug],
                                 help_text="Default: from the file name. An existing slug is updated in place.")
    dry_run = serializers.BooleanField(required=False, default=False,
                                       help_text="Do everything, report it, then roll it back.")


class ContentChangeSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="chapter, section, paragraph, term, term link, event, goal list, …")
    action = serializers.ChoiceField(choices=["added", "changed", "removed"])
    label = serializers.CharField()


class ImportReportSerializer(serializers.Serializer):
    slug = serializers.CharField()
    created = serializers.BooleanField()
    unchanged = serializers.BooleanField()
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="Rows by kind after the import.")
    changes = ContentChangeSerializer(many=True)
    warnings = serializers.ListField(child=serializers.CharField())


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    message = serializers.CharField()


class RejectedItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    findings = FindingSerializer(many=True)


class GenerationReportSerializer(serializers.Serializer):
    chapter = serializers.CharField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    retired = serializers.IntegerField()
    edits_kept = serializers.IntegerField(help_text="Items edited by a person, kept as they are.")
    by_skill = serializers.SerializerMethodField()
    by_kind = serializers.SerializerMethodField()
    by_status = serializers.SerializerMethodField()
    rejected = serializers.SerializerMethodField(help_text="Drafts not published, with the checker's findings.")
    bank_findings = FindingSerializer(many=True)

    def get_by_skill(self, report) -> dict[str, int]:
        return report.tally("skill")

    def get_by_kind(self, report) -> dict[str, int]:
        return report.tally("kind")

    def get_by_status(self, report) -> dict[str, int]:
        return report.tally("status")

    @extend_schema_field(RejectedItemSerializer(many=True))
    def get_rejected(self, report) -> list[dict]:
        return [{"key": draft.key, "findings": findings} for draft, findings in report.rejected]


class PublishedChapterSerializer(serializers.Serializer):
    imported = ImportReportSerializer()
    generated = GenerationReportSerializer()


class DocumentSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["pdf", "text"])
    pages = serializers.IntegerField()
    title = serializers.CharField()
    removed = serializers.DictField(child=serializers.IntegerField(),
                                   help_text="Lines left out of the lessons, by reason (page numbers, tables…).")


class PublishReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    document = DocumentSerializer()
    chapters = PublishedChapterSerializer(many=True, help_text="One per 第N章 of the file (or one).")
