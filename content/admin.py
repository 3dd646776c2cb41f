from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from quizzes.services.chapter_publishing import import_chapter_with_items
from quizzes.services.generation_text import generation_lines
from quizzes.services.item_generation import generate_items

from .forms import ChapterUploadForm
from .models import Chapter, Event, Figure, Goal, GoalList, Paragraph, Section, Term, TermLink
from .parsing import ParseError
from .services.report_text import report_lines
from .services.revisions import raise_revision


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
    list_display = ["number", "title", "slug", "source_name", "updated_at"]
    list_display_links = ["title"]
    search_fields = ["title", "slug", "lead"]
    readonly_fields = ["source_name", "source_sha256", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline]
    change_list_template = "admin/content/chapter/change_list.html"
    actions = ["regenerate_items"]

    @admin.action(description=_("Regenerate the items of the selected chapters"), permissions=["change"])
    def regenerate_items(self, request, queryset):
        for chapter in queryset:
            lines = generation_lines(generate_items(chapter=chapter))
            self.message_user(request, " / ".join(lines[:2]), messages.SUCCESS)
            if len(lines) > 5:
                self.message_user(request, " / ".join(lines[5:]), messages.WARNING)

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="content_chapter_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ChapterUploadForm(request.POST or None, request.FILES or None)
        report, lines = None, []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report, items = import_chapter_with_items(
                    data=upload.read(), source_name=upload.name,
                    slug=form.cleaned_data["slug"] or None, dry_run=form.cleaned_data["dry_run"],
                )
            except ParseError as error:
                form.add_error("file", str(error))
            else:
                lines = report_lines(report) + generation_lines(items)
                messages.success(request, lines[0])
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
            "report": report, "report_lines": lines,
            "title": _("Upload a chapter"), "changelist_url": reverse("admin:content_chapter_changelist"),
        }
        return TemplateResponse(request, "admin/content/chapter/upload.html", context)


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
    list_display = ["date_text", "year", "month", "fiscal_year", "approximate", "section", "chapter"]
    list_filter = ["chapter", "fiscal_year", "approximate", "precision"]
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
