"""Bringing a document in: upload, a status page that shows the reading's progress (it refreshes
itself; a little script updates it in place), the preview with the reviewer's edits, and publishing.
Staff who may add chapters and teachers use these pages; each sees only their own uploads. What staff
publish is public; what a teacher publishes is theirs and their classes' until staff make it public."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_teacher
from quizzes.forms.publishing import DocumentReviewForm, DocumentUploadForm
from quizzes.presentation.upload_status import status_of
from quizzes.selectors.importing import upload_of, uploads_of
from quizzes.services.document_uploads import (
    may_publish_for_everyone,
    upload_create,
    upload_publish_request,
    upload_review_save,
)

RECENT = 10


def importer_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (may_publish_for_everyone(request.user) or is_teacher(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapped


def _own(request, upload_id):
    upload = upload_of(request.user, upload_id)
    if upload is None:
        raise Http404
    return upload


@importer_required
def upload_new(request):
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        upload = upload_create(owner=request.user, data=file.read(), source_name=file.name,
                               slug=form.cleaned_data["slug"])
        return redirect("quizzes:import", upload_id=upload.pk)
    return render(request, "quizzes/imports/new.html", {"form": form, "recent": uploads_of(request.user)[:RECENT]})


@importer_required
def upload_detail(request, upload_id):
    upload = _own(request, upload_id)
    form = None
    if upload.status == upload.Status.READY:
        form = DocumentReviewForm(upload.preview, upload.edits or {}, request.POST or None)
        if request.method == "POST" and form.is_valid():
            upload_review_save(upload=upload, edits=form.edits())
            if "publish" in request.POST and upload_publish_request(upload=upload):
                return redirect("quizzes:import", upload_id=upload.pk)
            messages.success(request, _("Your changes are saved; nothing is published yet."))
            return redirect("quizzes:import", upload_id=upload.pk)
    return render(request, "quizzes/imports/detail.html", {
        "upload": upload, "status": status_of(upload), "form": form, "chapters": form.chapters() if form else [],
        "status_url": reverse("quizzes:import-status", kwargs={"upload_id": upload.pk}),
    })


@importer_required
def upload_status(request, upload_id):
    """The progress as JSON, for the script that updates the status page in place."""
    return JsonResponse(status_of(_own(request, upload_id)))


@require_POST
@importer_required
def upload_publish(request, upload_id):
    upload = _own(request, upload_id)
    if not upload_publish_request(upload=upload):
        messages.error(request, _("This document is not ready to publish."))
    return redirect("quizzes:import", upload_id=upload.pk)
