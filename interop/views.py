"""The LTI 1.3 routes: OIDC login, launch, the tool's public keys, the deep-link picker and the
roster pull. Thin: pylti1p3 checks the messages, the services decide what a launch lets in."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from lti_tool.constants import SESSION_KEY as LAUNCH_SESSION_KEY
from lti_tool.models import Key, LtiLaunch
from pylti1p3.exception import LtiException, OIDCException
from requests import RequestException

from content.selectors import chapter_list
from quizzes.selectors.teaching import assignments_open_to, classes_with_roster, quiz_sets_of
from quizzes.views.teaching import teacher_required

from . import lti_config
from .deep_links import chapter_link, deep_link_answer, quiz_set_link
from .middleware import FRAME_ANCESTORS_SESSION_KEY
from .selectors import class_link_of, origin_of, registration_origins
from .services.lti_launches import STUDENT, TEACHER, LaunchRefused, launch_accept
from .services.lti_members import members_pull

logger = logging.getLogger(__name__)
SIGN_IN_BACKEND = "accounts.backends.UserWithRoleBackend"


def _refused(request, message: str, *, detail: str = "", status: int = 403):
    return render(request, "interop/refused.html", {"message": message, "detail": detail}, status=status)


@csrf_exempt
def oidc_login(request, registration_uuid):
    """Step one of a launch (the platform's third-party login): back to the platform's login page
    with a state and a nonce that the launch must bring back."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    params = request.POST if request.method == "POST" else request.GET
    target = params.get("target_link_uri", "")
    if not target:
        return _refused(request, _("The LMS's login request names no target link (target_link_uri)."), status=400)
    try:
        return lti_config.oidc_login(request, registration_uuid).redirect(target)
    except OIDCException as error:
        return _refused(request, _("This LMS is not registered in CivicLearn, or its registration is switched "
                                   "off. An administrator registers it in the admin."), detail=str(error),
                        status=400)


@csrf_exempt
@require_POST
def launch(request):
    """Step two: the platform's signed id token. Checked (signature, issuer, audience, state, nonce,
    deployment), then the user is signed in and sent where the link leads."""
    try:
        message_launch = lti_config.message_launch(request)  # refuses a launch without its login's cookie
        message_launch.validate()
    except LtiException as error:
        logger.info("LTI launch refused: %s", error)
        return _refused(request, _("CivicLearn could not verify this launch from the LMS. Open CivicLearn "
                                   "again from the course."), detail=str(error))
    except RequestException as error:
        logger.warning("LTI launch: the platform's keys could not be fetched: %s", error)
        return _refused(request, _("CivicLearn could not reach the LMS to check this launch. Try again in a "
                                   "moment."), status=502)
    lti_launch = LtiLaunch(message_launch)
    try:
        landing = launch_accept(lti_launch)
    except LaunchRefused as refusal:
        return _refused(request, str(refusal))
    login(request, landing.user, backend=SIGN_IN_BACKEND)
    request.session[FRAME_ANCESTORS_SESSION_KEY] = registration_origins(
        lti_launch.registration, (lti_launch.launch_presentation_claim or {}).get("return_url"))
    request.session[LAUNCH_SESSION_KEY] = lti_launch.get_launch_id()
    if lti_launch.is_deep_link_launch:
        return redirect("interop:deep-link")
    if landing.assignment is not None:
        if landing.role == TEACHER:
            return redirect("quizzes:teach-results", set_id=landing.assignment.quiz_set_id)
        return redirect("interop:assignment", assignment_id=landing.assignment.pk)
    if landing.chapter is not None:
        return redirect("content:chapter", slug=landing.chapter.slug)
    if landing.role == TEACHER and landing.school_class is not None:
        return redirect("quizzes:teach-class", class_id=landing.school_class.pk)
    return redirect("quizzes:dashboard")


@require_GET
def jwks(request):
    """The tool's public keys, which the platform checks our signed messages with."""
    lti_config.tool_key()
    return JsonResponse(Key.objects.as_jwks())


def assignment(request, assignment_id):
    """Where a student's launch of a placed quiz set lands: what it is, and a button to start."""
    if not request.user.is_authenticated:
        return _refused(request, _("Open this quiz from your course in the LMS."))
    item = get_object_or_404(assignments_open_to(request.user), pk=assignment_id)
    return render(request, "interop/assignment.html", {"assignment": item, "role": STUDENT})


def _deep_link_launch(request) -> LtiLaunch | None:
    launch_id = request.session.get(LAUNCH_SESSION_KEY)
    if not launch_id:
        return None
    try:
        lti_launch = LtiLaunch(lti_config.stored_launch(request, launch_id))
    except LtiException:
        return None
    return lti_launch if lti_launch.is_deep_link_launch else None


@teacher_required
@require_http_methods(["GET", "POST"])
def deep_link(request):
    """The teacher, come from the LMS's "add a tool" step, picks what to place; the signed answer is
    posted back to the LMS by the browser (a form the teacher submits; a script submits it for them)."""
    lti_launch = _deep_link_launch(request)
    if lti_launch is None:
        return _refused(request, _("This page answers an LMS's request to place a CivicLearn link. Start from "
                                   "the LMS's \"add an activity\" step."), status=400)
    quiz_sets = quiz_sets_of(request.user)
    chapters = chapter_list(reader=request.user)
    if request.method == "POST":
        launch_url = request.build_absolute_uri(reverse("interop:launch"))
        chosen = request.POST.get("choice", "")
        kind, _sep, key = chosen.partition(":")
        if kind == "set" and key.isdigit() and (quiz_set := quiz_sets.filter(pk=int(key)).first()):
            resource = quiz_set_link(quiz_set, launch_url)
        elif kind == "chapter" and (chapter := chapters.filter(slug=key).first()):
            resource = chapter_link(chapter, launch_url)
        else:
            messages.error(request, _("Choose one of your quiz sets or a chapter."))
            return redirect("interop:deep-link")
        answer = deep_link_answer(lti_launch, resource)
        response = render(request, "interop/deep_link_return.html", {"answer": answer})
        response._csp_update = {"form-action": [origin_of(answer.return_url)]}
        return response
    return render(request, "interop/deep_link.html", {"quiz_sets": quiz_sets, "chapters": chapters})


@teacher_required
@require_POST
def class_members_pull(request, class_id):
    """The teacher's "bring in the course's students" on a class that came from an LMS."""
    school_class = get_object_or_404(classes_with_roster(request.user), pk=class_id)
    link = class_link_of(school_class)
    if link is None:
        raise PermissionDenied
    if not link.context.memberships_url:
        messages.error(request, _("The LMS did not offer its course roster (Names and Role Provisioning) for "
                                  "this course."))
        return redirect("quizzes:teach-class", class_id=class_id)
    try:
        pulled = members_pull(link=link)
    except (LtiException, RequestException) as error:
        logger.warning("NRPS pull for class %s failed: %s", class_id, error)
        messages.error(request, _("The LMS did not answer with its course roster. Try again in a moment."))
    else:
        messages.success(request, _("From the LMS: %(added)d students added, %(already)d already in the class, "
                                    "%(passed)d members who are not students left out.")
                         % {"added": pulled.added, "already": pulled.already, "passed": pulled.passed_over})
    return redirect("quizzes:teach-class", class_id=class_id)
