"""Payloads of the teachers' endpoints (and of the students' view of classes and assignments)."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from quizzes.generation.checker.shape import MAX_OPTIONS, MAX_PROMPT
from quizzes.models import Assignment, AssignmentOverride, Item, QuizSet, QuizSetEntry, SchoolClass
from quizzes.selectors.bank import section_numbered
from quizzes.selectors.teaching import students_of_set

from .fields import AnswerField, ChapterSlugField, OptionsField, StrictInput


class RosterStudentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="student.pk")
    username = serializers.CharField(source="student.username")
    joined_at = serializers.DateTimeField()


class TeacherClassSerializer(StrictInput, serializers.ModelSerializer):
    students = RosterStudentSerializer(source="memberships", many=True, read_only=True)

    class Meta:
        model = SchoolClass
        fields = ["id", "name", "join_code", "students", "created_at"]
        read_only_fields = ["join_code", "created_at"]


class StudentClassSerializer(serializers.ModelSerializer):
    teacher = serializers.CharField(source="teacher.username", read_only=True)

    class Meta:
        model = SchoolClass
        fields = ["id", "name", "teacher"]


class JoinClassSerializer(StrictInput, serializers.Serializer):
    join_code = serializers.CharField(max_length=20)


class StudentRefSerializer(StrictInput, serializers.Serializer):
    student = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all())


class QuizSetEntrySerializer(serializers.ModelSerializer):
    item_prompt = serializers.CharField(source="item.prompt", read_only=True, default=None, allow_null=True,
                                        help_text="Null for a random slot.")
    chapter = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True,
                                           help_text="A random slot's chapter filter, if any.")
    section = serializers.IntegerField(source="section.number", read_only=True, default=None, allow_null=True)

    class Meta:
        model = QuizSetEntry
        fields = ["id", "position", "item", "item_prompt", "chapter", "section", "skill", "kind", "count"]


class QuizSetSerializer(StrictInput, serializers.ModelSerializer):
    entries = QuizSetEntrySerializer(many=True, read_only=True)

    class Meta:
        model = QuizSet
        fields = ["id", "title", "instructions", "time_limit_minutes", "attempts_allowed", "grading",
                  "shuffle_items", "shuffle_options", "feedback", "entries", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


class AddItemSerializer(StrictInput, serializers.Serializer):
    item = serializers.PrimaryKeyRelatedField(queryset=Item.objects.all())


class AddRandomSerializer(StrictInput, serializers.Serializer):
    count = serializers.IntegerField(min_value=1, max_value=50)
    chapter = ChapterSlugField(required=False)
    section = serializers.IntegerField(required=False, min_value=1, help_text="A section number of the chapter.")
    skill = serializers.ChoiceField(choices=Item.Skill.choices, required=False, default="")
    kind = serializers.ChoiceField(choices=Item.Kind.choices, required=False, default="")

    def validate(self, data):
        number = data.pop("section", None)
        data["section"] = section_numbered(data.get("chapter"), number)
        if number and data["section"] is None:
            raise serializers.ValidationError({"section": "Give the chapter, and one of its section numbers."})
        return data


class WriteItemSerializer(StrictInput, serializers.Serializer):
    chapter = ChapterSlugField()
    kind = serializers.ChoiceField(choices=Item.Kind.choices)
    skill = serializers.ChoiceField(choices=Item.Skill.choices)
    prompt = serializers.CharField(max_length=MAX_PROMPT)
    options = OptionsField(required=False, default=list, help_text=f"At most {MAX_OPTIONS}.")
    left_options = OptionsField(required=False, default=list, help_text=f"Matching entries. At most {MAX_OPTIONS}.")
    answer = AnswerField()
    explanation = serializers.CharField(max_length=5000)

    def _options(self, value):
        if not isinstance(value, list) or len(value) > MAX_OPTIONS:
            raise serializers.ValidationError(f"A list of at most {MAX_OPTIONS} options.")
        return value

    def validate_options(self, value):
        return self._options(value)

    def validate_left_options(self, value):
        return self._options(value)


class MoveEntrySerializer(StrictInput, serializers.Serializer):
    entry = serializers.IntegerField()
    offset = serializers.ChoiceField(choices=[(-1, "up"), (1, "down")])


class EntryRefSerializer(StrictInput, serializers.Serializer):
    entry = serializers.IntegerField()


class AssignmentSerializer(StrictInput, serializers.ModelSerializer):
    quiz_set = serializers.PrimaryKeyRelatedField(queryset=QuizSet.objects.none())
    school_class = serializers.PrimaryKeyRelatedField(queryset=SchoolClass.objects.none())

    class Meta:
        model = Assignment
        fields = ["id", "quiz_set", "school_class", "open_at", "close_at", "created_at"]
        read_only_fields = ["created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:  # a teacher names only their own
            self.fields["quiz_set"].queryset = QuizSet.objects.filter(owner=request.user)
            self.fields["school_class"].queryset = SchoolClass.objects.filter(teacher=request.user)


class StudentAssignmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="assignment.pk")
    title = serializers.CharField(source="assignment.quiz_set.title")
    school_class = serializers.CharField(source="assignment.school_class.name")
    open_at = serializers.DateTimeField(source="rules.open_at",
                                        help_text="The student's own, where an override says so.")
    close_at = serializers.DateTimeField(source="rules.close_at")
    time_limit_minutes = serializers.IntegerField(source="rules.time_limit_minutes", allow_null=True)
    attempts_allowed = serializers.IntegerField(source="rules.attempts_allowed", help_text="0: no limit.")
    status = serializers.ChoiceField(choices=["not_started", "in_progress", "submitted"])
    attempts = serializers.IntegerField()
    grade = serializers.FloatField(allow_null=True, help_text="0 to 1, by the set's grading rule.")
    next_step = serializers.ChoiceField(
        choices=["continue", "start", "retake", "opens_later", "closed", "used_up"],
        help_text="What starting it would do now: continue, start or retake; or why it would be refused.")


class StudentResultSerializer(serializers.Serializer):
    username = serializers.CharField()
    attempts = serializers.IntegerField()
    grade = serializers.FloatField(allow_null=True)
    time_taken_seconds = serializers.SerializerMethodField()

    def get_time_taken_seconds(self, row) -> float | None:
        return row.time_taken.total_seconds() if row.time_taken else None


class OptionCountSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    picked = serializers.IntegerField()
    key = serializers.BooleanField()


class ItemResultSerializer(serializers.Serializer):
    item = serializers.IntegerField(source="item.pk")
    prompt = serializers.CharField(source="item.prompt")
    attempts = serializers.IntegerField(source="statistics.attempts")
    facility = serializers.FloatField(source="statistics.facility")
    discrimination = serializers.FloatField(source="statistics.discrimination", allow_null=True)
    flags = serializers.ListField(source="statistics.flags", child=serializers.CharField())
    options = serializers.SerializerMethodField()

    def get_options(self, row) -> list[dict]:
        return [{"id": i, "text": t, "picked": n, "key": k} for i, t, n, k in row.options]


class ResultsSerializer(serializers.Serializer):
    students = StudentResultSerializer(many=True)
    items = ItemResultSerializer(many=True)


class OverrideSerializer(serializers.ModelSerializer):
    student = serializers.CharField(source="student.username", read_only=True)

    class Meta:
        model = AssignmentOverride
        fields = ["id", "assignment", "student", "open_at", "close_at", "time_limit_minutes", "attempts_allowed",
                  "note", "updated_at"]


class OverrideInputSerializer(StrictInput, serializers.Serializer):
    """A student's own rules for one of the set's assignments; a rule left out (or null) stays the set's."""

    assignment = serializers.PrimaryKeyRelatedField(queryset=Assignment.objects.none())
    student = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.none())
    open_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    close_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    time_limit_minutes = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0,
                                                  max_value=24 * 60, help_text="0: no time limit.")
    attempts_allowed = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0,
                                                max_value=100, help_text="0: no limit.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)

    def __init__(self, *args, quiz_set=None, **kwargs):
        super().__init__(*args, **kwargs)
        if quiz_set is not None:  # only the set's own assignments and the students of its classes
            self.fields["assignment"].queryset = quiz_set.assignments.all()
            self.fields["student"].queryset = students_of_set(quiz_set)
