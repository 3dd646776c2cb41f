"""Learners' API payloads. A key or an explanation appears only for an item the learner has answered."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quizzes.models import Attempt, Item
from quizzes.presentation.attempt_items import shown_item, source_url
from quizzes.release import feedback_visible
from quizzes.selectors.bank import section_numbered
from quizzes.services.practice import DEFAULT_SIZE, MAX_SIZE

from .fields import AnswerField, ChapterSlugField, StrictInput


class PracticeSessionCreateSerializer(StrictInput, serializers.Serializer):
    chapter = ChapterSlugField(help_text="The chapter's slug.")
    section = serializers.IntegerField(required=False, min_value=1, help_text="Only this section (its number).")
    skill = serializers.ChoiceField(choices=Item.Skill.choices, required=False)
    size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_SIZE, default=DEFAULT_SIZE)

    def validate(self, data):
        number = data.pop("section", None)
        data["section"] = section_numbered(data["chapter"], number)
        if number and data["section"] is None:
            raise serializers.ValidationError({"section": _("This chapter has no section %(number)d.")
                                               % {"number": number}})
        return data


class OptionSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class AnswerFeedbackSerializer(serializers.Serializer):
    """For an assigned set whose feedback comes later, only ``recorded`` and ``response`` are given."""

    recorded = serializers.BooleanField(required=False, help_text="True when the answer is saved and its "
                                        "feedback waits for the set's rule (after submitting or closing).")
    correct = serializers.BooleanField(required=False)
    score = serializers.FloatField(required=False, help_text="The fraction of the mark, 0 to 1.")
    response = AnswerField(help_text="What the learner answered.")
    answer = AnswerField(required=False, help_text="The key, in the item bank's answer shape.")
    explanation = serializers.CharField(required=False)
    source_url = serializers.CharField(required=False, help_text="The lesson paragraph the item comes from.")
    repeated = serializers.BooleanField(required=False, help_text="True when this answer had already been recorded.")


def feedback_of(slot, answer, *, repeated: bool | None = None) -> dict:
    """The feedback on ``answer`` to ``slot``: right or not, the key, the explanation, the source."""
    data = {"correct": answer.correct, "score": answer.score, "response": answer.response,
            "answer": slot.version.answer, "explanation": slot.version.explanation, "source_url": source_url(slot)}
    return data if repeated is None else {**data, "repeated": repeated}


class PracticeItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item_id", help_text="The item's id: send it with the answer.")
    position = serializers.IntegerField()
    kind = serializers.CharField(source="version.kind")
    prompt = serializers.CharField(source="version.prompt")
    options = serializers.SerializerMethodField()
    left = serializers.SerializerMethodField(help_text="Matching items: the entries to match to the options.")
    feedback = serializers.SerializerMethodField(help_text="Null until the learner has answered the item.")

    @extend_schema_field(OptionSerializer(many=True))
    def get_options(self, slot):
        return shown_item(slot).options

    @extend_schema_field(OptionSerializer(many=True))
    def get_left(self, slot):
        return slot.version.left_options

    @extend_schema_field(AnswerFeedbackSerializer(allow_null=True))
    def get_feedback(self, slot):
        # slot.attempt is the attempt being serialised: the prefetch of its ordered_slots links it back
        shown = shown_item(slot, reveal=feedback_visible(slot.attempt))
        if shown.revealed:
            return feedback_of(slot, slot.answer)
        return {"recorded": True, "response": slot.answer.response} if shown.answered else None


class PracticeSessionSerializer(serializers.ModelSerializer):
    """An attempt from selectors.learning.attempts_with_slots (its ``ordered_slots`` prefetched)."""

    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True,
                                           help_text="Null for a review of every chapter.")
    section = serializers.IntegerField(source="section.number", read_only=True, allow_null=True)
    score = serializers.SerializerMethodField(help_text="The sum of the item scores once finished; null while "
                                              "an assigned set's feedback is withheld.")
    items = PracticeItemSerializer(source="ordered_slots", many=True, read_only=True)

    def get_score(self, attempt) -> float | None:
        return attempt.score if feedback_visible(attempt) else None

    class Meta:
        model = Attempt
        fields = ["id", "mode", "chapter", "section", "skill", "started_at", "finished_at", "score", "items"]


class AnswerInputSerializer(StrictInput, serializers.Serializer):
    item = serializers.IntegerField(help_text="The id of an item of this session.")
    response = AnswerField(help_text="In the item bank's answer shape for the item's kind.")


class SessionSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    finished_at = serializers.DateTimeField()
    released = serializers.BooleanField(help_text="False while an assigned set's feedback is withheld; then "
                                        "score, correct and missed are null.")
    items = serializers.IntegerField()
    answered = serializers.IntegerField()
    score = serializers.FloatField(allow_null=True, help_text="The sum of the item scores.")
    correct = serializers.IntegerField(allow_null=True)
    missed = serializers.ListField(child=serializers.IntegerField(), allow_null=True,
                                   help_text="Ids of items not fully right.")


class MasterySerializer(serializers.Serializer):
    label = serializers.CharField()
    section = serializers.IntegerField(source="section.number", allow_null=True, default=None)
    skill = serializers.CharField()
    mastery = serializers.IntegerField(source="mastery.percent", help_text="0 to 100.")
    level = serializers.CharField(
        source="mastery.level",
        help_text="not_started (未学習), learning (学習中), proficient (習熟), mastered (マスター)",
    )
    seen = serializers.IntegerField(source="mastery.seen")
    total = serializers.IntegerField(source="mastery.total")


class ChapterProgressSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    sections = MasterySerializer(many=True)
    skills = MasterySerializer(many=True)


class ProgressSerializer(serializers.Serializer):
    chapters = ChapterProgressSerializer(many=True)
    due_now = serializers.IntegerField()
    due_today = serializers.IntegerField()
    streak = serializers.IntegerField(help_text="Days in a row with at least one answer.")


class DueItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    kind = serializers.CharField(source="item.kind")
    prompt = serializers.CharField(source="item.prompt")
    options = OptionSerializer(source="item.options", many=True)
    due = serializers.DateTimeField()


class TokenRequestSerializer(StrictInput, serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
