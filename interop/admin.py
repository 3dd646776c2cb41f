"""The school systems in the admin: LMS registrations (django-lti's, with the URLs to give the LMS),
which course is which class, which placed link is which assignment, and the scores owed to LMSs."""

from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from lti_tool.admin import LtiDeploymentInline, LtiRegistrationAdmin
from lti_tool.models import LtiRegistration

from .models import LtiAssignmentLink, LtiClassLink, ScoreSend
from .services.lti_scores import score_resend
from .tasks import enqueue_send

admin.site.unregister(LtiRegistration)


HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}  # a platform's URLs are HTTPS


class DeploymentInline(LtiDeploymentInline):
    extra = 0
    formfield_overrides = HTTPS_URLS


@admin.register(LtiRegistration)
class RegistrationAdmin(LtiRegistrationAdmin):
    """django-lti's registration page, which also shows what the LMS administrator enters on their side."""

    change_form_template = "admin/interop/registration_change_form.html"
    formfield_overrides = HTTPS_URLS
    inlines = [DeploymentInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        registration = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if registration is not None:
            extra["tool_urls"] = tool_urls(request, registration)
        return super().change_view(request, object_id, form_url, extra_context=extra)


def tool_urls(request, registration) -> list[tuple[str, str]]:
    def absolute(name, **kwargs):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))
    launch = absolute("interop:launch")
    return [(_("OIDC login (initiate login) URL"), absolute("interop:login", registration_uuid=registration.uuid)),
            (_("Target link URI and redirect URI"), launch),
            (_("Deep linking URL"), launch),
            (_("Public keyset (JWKS) URL"), absolute("interop:jwks"))]


@admin.register(LtiClassLink)
class ClassLinkAdmin(admin.ModelAdmin):
    list_display = ["context", "school_class", "created_at"]
    list_select_related = ["context", "school_class"]
    readonly_fields = ["context", "school_class", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(LtiAssignmentLink)
class AssignmentLinkAdmin(admin.ModelAdmin):
    list_display = ["resource_link", "assignment", "can_publish_scores", "updated_at"]
    list_select_related = ["resource_link", "assignment__quiz_set", "assignment__school_class"]
    readonly_fields = ["resource_link", "assignment", "lineitem_url", "can_publish_scores", "created_at",
                       "updated_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ScoreSend)
class ScoreSendAdmin(admin.ModelAdmin):
    """Read-only: a score is written by the finish and sent by the worker; the one thing an admin
    does is send again a score the worker gave up on."""

    list_display = ["attempt", "status", "tries", "score_given", "send_after", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["attempt"]
    readonly_fields = [field.name for field in ScoreSend._meta.fields]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected failed scores again"), permissions=["change"])
    def resend(self, request, queryset):
        failed = list(queryset.filter(status=ScoreSend.Status.FAILED))
        for send in failed:
            score_resend(send=send)
        if failed:
            enqueue_send()
        self.message_user(request, ngettext("%(count)d score will be sent again.",
                                            "%(count)d scores will be sent again.", len(failed))
                          % {"count": len(failed)}, messages.SUCCESS)
