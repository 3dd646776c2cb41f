"""Classes, quiz sets, assignments and (read-only) attempts, for support."""

from django.contrib import admin

from quizzes.models import Assignment, AssignmentOverride, Attempt, Membership, QuizSet, QuizSetEntry, SchoolClass


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["student"]


@admin.register(SchoolClass)
class SchoolClassAdmin(admin.ModelAdmin):
    list_display = ["name", "teacher", "join_code", "created_at"]
    list_select_related = ["teacher"]
    search_fields = ["name", "join_code", "teacher__username"]
    raw_id_fields = ["teacher"]
    inlines = [MembershipInline]


class QuizSetEntryInline(admin.TabularInline):
    model = QuizSetEntry
    extra = 0
    raw_id_fields = ["item"]


@admin.register(QuizSet)
class QuizSetAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "attempts_allowed", "time_limit_minutes", "feedback", "updated_at"]
    list_select_related = ["owner"]
    search_fields = ["title", "owner__username"]
    raw_id_fields = ["owner"]
    inlines = [QuizSetEntryInline]


class OverrideInline(admin.TabularInline):
    """Students' own rules, shown for support. They are given and taken back by the set's teacher
    (teach/sets/…/overrides/), whose service also moves the student's open attempts; so not here."""

    model = AssignmentOverride
    extra = 0
    fields = readonly_fields = ["student", "open_at", "close_at", "time_limit_minutes", "attempts_allowed", "note",
                                "updated_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["quiz_set", "school_class", "open_at", "close_at"]
    list_select_related = ["quiz_set", "school_class"]
    search_fields = ["quiz_set__title", "school_class__name"]
    inlines = [OverrideInline]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    """For support: who attempted what and when. Answers are learners' data and stay read-only."""

    list_display = ["learner", "mode", "chapter", "assignment", "started_at", "finished_at", "score"]
    list_filter = ["mode"]
    list_select_related = ["learner", "chapter", "assignment__quiz_set"]
    search_fields = ["learner__username"]
    readonly_fields = [field.name for field in Attempt._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
