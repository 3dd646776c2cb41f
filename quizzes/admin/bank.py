"""The item bank: review, edit (a new version), publish and retire items."""


from django.contrib import admin, messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from quizzes.messages import finding_text
from quizzes.models import Item, ItemVersion, LearnedDistractor
from quizzes.services.item_review import EDITABLE_FIELDS, item_edit, items_publish, items_retire, items_share
from quizzes.services.learning_from_use import learned_distractors_decide

from .item_fields import ItemAdminForm, edit_fields


class FlawedFilter(admin.SimpleListFilter):
    title = _("checker")
    parameter_name = "flawed"

    def lookups(self, request, model_admin):
        return [("yes", _("with findings")), ("no", _("clean"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(findings=[])
        if self.value() == "no":
            return queryset.filter(findings=[])
        return queryset


class ItemVersionInline(admin.TabularInline):
    model = ItemVersion
    extra = 0
    can_delete = False
    fields = ["number", "origin", "prompt", "answer", "created_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    form = ItemAdminForm
    list_display = ["short_prompt", "kind", "skill", "status", "clean", "edited", "chapter", "section", "version"]
    list_filter = ["chapter", ("section", admin.RelatedOnlyFieldListFilter), "skill", "kind", "status", FlawedFilter,
                   "edited", "source_changed", ("author", admin.EmptyFieldListFilter), "shared"]
    list_select_related = ["chapter", "section"]
    search_fields = ["prompt", "key", "explanation", "source_text"]
    actions = ["publish", "retire", "share"]
    readonly_fields = ["preview", "key_shown", "findings_shown", "source_link", "key", "status", "chapter", "term",
                       "event", "goal_list", "generator", "generator_version", "version", "edited", "source_changed",
                       "author", "shared", "created_at", "updated_at"]
    fieldsets = [
        (_("As a learner sees it"), {"fields": ["preview", "key_shown", "findings_shown", "source_link"]}),
        (_("Edit (saved as a new version)"), {"fields": list(EDITABLE_FIELDS)}),
        (_("Provenance"), {"fields": ["key", "status", "author", "shared", "chapter", "term", "event", "goal_list",
                                      "generator", "generator_version", "version", "edited", "source_changed",
                                      "created_at", "updated_at"]}),
    ]
    inlines = [ItemVersionInline]
    change_form_template = "admin/quizzes/item/change_form.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = [list(part) for part in self.fieldsets]
        fieldsets[1] = [fieldsets[1][0], {"fields": edit_fields(obj)}]
        return fieldsets

    def has_add_permission(self, request):
        return False  # items come from the generators (and, later, from teachers' own sets)

    def has_delete_permission(self, request, obj=None):
        return False  # retire instead: answers given to an item must keep it

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("chapter", "section", "term", "event", "goal_list")

    @admin.display(description=_("prompt"))
    def short_prompt(self, item):
        return str(item)

    @admin.display(description=_("clean"), boolean=True)
    def clean(self, item):
        return not item.findings

    @admin.display(description=_("preview"))
    def preview(self, item):
        return render_to_string("admin/quizzes/item/preview.html", {"item": item})

    @admin.display(description=_("key"))
    def key_shown(self, item):
        return render_to_string("admin/quizzes/item/key.html", {"item": item, "keyed": _keyed_options(item)})

    @admin.display(description=_("checker findings"))
    def findings_shown(self, item):
        if not item.findings:
            return _("No flaws found.")
        return format_html("<ul>{}</ul>", format_html_join(
            "", "<li>{}</li>", ((finding_text(finding),) for finding in item.findings)))

    @admin.display(description=_("source"))
    def source_link(self, item):
        if not item.section:
            return item.source_text
        url = reverse("content:section", kwargs={"slug": item.chapter.slug, "number": item.section.number})
        return format_html('<a href="{}">{}</a><br>{}', url, item.section, item.source_text)

    def save_model(self, request, obj, form, change):
        changes = form.changes()
        item_edit(item=obj, changes=changes, user=request.user)
        if obj.findings:
            self.message_user(request, _("Saved, but the checker found flaws; the item stays a draft: %(found)s")
                              % {"found": "; ".join(f["message"] for f in obj.findings)}, messages.WARNING)

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        published, refused = items_publish(items=list(queryset))
        self.message_user(request, ngettext("%(count)d item published.", "%(count)d items published.", published)
                          % {"count": published}, messages.SUCCESS)
        for item in refused:
            reasons = "; ".join(f["message"] for f in item.findings)
            self.message_user(request, _("Not published: %(item)s (%(reasons)s)") % {"item": item, "reasons": reasons},
                              messages.ERROR)

    @admin.action(description=_("Share the selected teachers' items with the public bank"), permissions=["change"])
    def share(self, request, queryset):
        shared = items_share(items=list(queryset))
        text = ngettext("%(count)d item shared with the bank.", "%(count)d items shared with the bank.", shared)
        self.message_user(request, text % {"count": shared}, messages.SUCCESS)

    @admin.action(description=_("Retire the selected items"), permissions=["change"])
    def retire(self, request, queryset):
        retired = items_retire(items=list(queryset))
        self.message_user(request, ngettext("%(count)d item retired.", "%(count)d items retired.", retired)
                          % {"count": retired}, messages.SUCCESS)


def _keyed_options(item: Item) -> list[tuple[str, str, bool]]:
    keys = item.answer if isinstance(item.answer, list) else [item.answer]
    return [(option.get("id"), option.get("text"), option.get("id") in keys) for option in item.options]


@admin.register(LearnedDistractor)
class LearnedDistractorAdmin(admin.ModelAdmin):
    """What learners' answers taught, for a reviewer: approve a learners' wrong answer before it is
    offered as a distractor; reject an idle-distractor record to keep that distractor."""

    list_display = ["text", "fact", "chapter", "source", "count", "status", "status_set_by_person"]
    list_filter = ["status", "source", "chapter"]
    search_fields = ["text", "fact"]
    readonly_fields = ["chapter", "fact", "text", "source", "count", "status", "status_set_by_person", "updated_at"]
    actions = ["approve", "reject"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Approve: use the answer as a distractor, or leave the idle one out"),
                  permissions=["change"])
    def approve(self, request, queryset):
        self._decided(request, learned_distractors_decide(rows=queryset, approve=True))

    @admin.action(description=_("Reject: never offer the answer, or keep the idle distractor"), permissions=["change"])
    def reject(self, request, queryset):
        self._decided(request, learned_distractors_decide(rows=queryset, approve=False))

    def _decided(self, request, count: int) -> None:
        self.message_user(request, ngettext("%(count)d decision saved; it takes effect when the items are next "
                                            "generated.", "%(count)d decisions saved; they take effect when the "
                                            "items are next generated.", count) % {"count": count},
                          messages.SUCCESS)
