"""Editing the lessons. Uploading a chapter and regenerating its items publish quiz items, so those
belong to quizzes: quizzes/admin/chapters.py registers a subclass of ChapterAdmin that adds them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Chapter, Event, Figure, Goal, GoalList, Paragraph, Section, Term, TermLink
from .services.revisions import raise_revision
from .services.visibility import chapters_make_public


class RaisesChapterRevision:
    """An edit here changes what a chapter's pages show: raise its revision so cached pages are rebuilt."""

    chapter_lookup = "chapter_id"

    def _chapter_ids(self, queryset) -> list[int]:
        return list(queryset.values_list(self.chapter_lookup, flat=True))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # after the inlines, so they are included
        raise_revision(self._chapter_ids(self.model.objects.filter(pk=form.instance.pk)))

    def delete_model(self, request, obj):
        chapter_ids = self._chapter_ids(self.model.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        raise_revision(chapter_ids)

    def delete_queryset(self, request, queryset):
        chapter_ids = self._chapter_ids(queryset)
        super().delete_queryset(request, queryset)
        raise_revision(chapter_ids)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["number", "title"]
    show_change_link = True


@admin.register(Chapter)
class ChapterAdmin(RaisesChapterRevision, admin.ModelAdmin):
    chapter_lookup = "pk"
    list_display = ["number", "title", "slug", "is_public", "owner", "source_name", "updated_at"]
    list_display_links = ["title"]
    list_filter = ["is_public"]
    search_fields = ["title", "slug", "lead"]
    readonly_fields = ["source_name", "source_sha256", "created_at", "updated_at"]
    raw_id_fields = ["owner"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline]
    actions = ["make_public"]

    @admin.action(description=_("Make the selected chapters public"), permissions=["change"])
    def make_public(self, request, queryset):
        made = chapters_make_public(chapters=queryset)
        self.message_user(request, ngettext("%(n)d chapter is now public.", "%(n)d chapters are now public.", made)
                          % {"n": made})


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    extra = 0
    fields = ["position", "kind", "text"]


@admin.register(Section)
class SectionAdmin(RaisesChapterRevision, admin.ModelAdmin):
    list_display = ["number", "title", "chapter"]
    list_display_links = ["title"]
    list_filter = ["chapter"]
    search_fields = ["title", "paragraphs__text"]
    list_select_related = ["chapter"]
    inlines = [ParagraphInline]


@admin.register(Term)
class TermAdmin(RaisesChapterRevision, admin.ModelAdmin):
    list_display = ["number", "term", "reading", "short_definition", "chapter", "section"]
    list_display_links = ["term"]
    list_filter = ["chapter", "section"]
    search_fields = ["term", "reading", "definition"]
    list_select_related = ["chapter", "section"]
    autocomplete_fields = ["section"]

    @admin.display(description=_("definition"))
    def short_definition(self, term):
        return term.definition[:50] + ("…" if len(term.definition) > 50 else "")


@admin.register(Event)
class EventAdmin(RaisesChapterRevision, admin.ModelAdmin):
    list_display = ["date_text", "year", "month", "precision", "span_start", "span_end", "is_target", "section",
                    "chapter"]
    list_filter = ["chapter", "is_target", "fiscal_year", "precision"]
    search_fields = ["date_text", "sentence"]
    list_select_related = ["chapter", "section"]
    raw_id_fields = ["paragraph"]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(GoalList)
class GoalListAdmin(RaisesChapterRevision, admin.ModelAdmin):
    list_display = ["title", "stated_count", "section", "chapter"]
    list_filter = ["chapter"]
    search_fields = ["title", "goals__text", "sentence"]
    list_select_related = ["chapter", "section"]
    raw_id_fields = ["paragraph"]
    inlines = [GoalInline]


@admin.register(Figure)
class FigureAdmin(RaisesChapterRevision, admin.ModelAdmin):
    chapter_lookup = "section__chapter_id"
    list_display = ["label", "title", "section"]
    list_filter = ["section__chapter"]
    search_fields = ["label", "title"]
    list_select_related = ["section"]


@admin.register(TermLink)
class TermLinkAdmin(RaisesChapterRevision, admin.ModelAdmin):
    chapter_lookup = "term__chapter_id"
    list_display = ["term", "paragraph", "start", "end", "is_marker"]
    list_filter = ["is_marker", "term__chapter"]
    search_fields = ["term__term"]
    list_select_related = ["term", "paragraph"]
    raw_id_fields = ["paragraph", "term"]
