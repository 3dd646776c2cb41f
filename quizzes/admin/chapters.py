"""Chapters as published with their items: the admin's upload page and the regenerate action.

They publish quiz items, so they live here and not in content: this ChapterAdmin extends content's
and takes its place on the admin site (quizzes comes after content in INSTALLED_APPS).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from content.admin import ChapterAdmin
from content.models import Chapter
from content.parsing import ParseError
from quizzes.forms.publishing import ChapterUploadForm
from quizzes.presentation.parse_warnings import warning_text
from quizzes.presentation.reports import (
    action_name,
    bank_finding_texts,
    counts_shown,
    document_lines,
    generation_heading,
    generation_summary,
    generation_tallies,
    import_tallies,
    kind_name,
    listed_changes,
    rejection_reasons,
)
from quizzes.services.chapter_publishing import PublishReport, chapter_publish, chapters_regenerate


class PublishingChapterAdmin(ChapterAdmin):
    change_list_template = "admin/quizzes/chapter/change_list.html"
    actions = [*ChapterAdmin.actions, "regenerate_items"]

    @admin.action(description=_("Regenerate the items of the selected chapters"), permissions=["change"])
    def regenerate_items(self, request, queryset):
        for generated in chapters_regenerate(chapters=list(queryset)).generated:
            heading = generation_heading(generated)
            self.message_user(request, f"{heading}: {generation_summary(generated)}", messages.SUCCESS)
            for text in bank_finding_texts(generated):
                self.message_user(request, f"{heading}: {text}", messages.WARNING)

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="content_chapter_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ChapterUploadForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = chapter_publish(data=upload.read(), source_name=upload.name,
                                         slug=form.cleaned_data["slug"] or None, dry_run=form.cleaned_data["dry_run"])
            except ParseError as error:
                form.add_error("file", warning_text(str(error)))
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
            "title": _("Upload a chapter"), "changelist_url": reverse("admin:content_chapter_changelist"),
            **(_report_context(report) if report else {}),
        }
        return TemplateResponse(request, "admin/quizzes/chapter/upload.html", context)


def _report_context(report: PublishReport) -> dict:
    chapters = [{
        "imported": chapter.imported, "generated": chapter.generated,
        "import_tallies": import_tallies(chapter.imported), "counts": counts_shown(chapter.imported),
        "listed_changes": [(action_name(change.action), kind_name(change.kind), change.label)
                           for change in listed_changes(chapter.imported)],
        "generation_summary": generation_summary(chapter.generated),
        "generation_tallies": generation_tallies(chapter.generated),
        "rejection_reasons": rejection_reasons(chapter.generated),
        "bank_findings": bank_finding_texts(chapter.generated),
    } for chapter in report.chapters]
    return {"report": report, "document_lines": document_lines(report), "chapters": chapters}


admin.site.unregister(Chapter)
admin.site.register(Chapter, PublishingChapterAdmin)
