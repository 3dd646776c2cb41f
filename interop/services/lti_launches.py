"""Signing in from an LMS launch: the platform's user becomes (or is) a CivicLearn account, their
role in the course decides teacher or student, the course becomes a class, and a placed link opens
its quiz set as an assignment of that class.

A platform user is found by their registration and ``sub`` (django-lti's LtiUser), never by e-mail:
two platforms may both know an address, and an address is not proof of who launched.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from lti_tool.lti_core.constants import AgsScope, ContextRole
from lti_tool.lti_core.utils import normalize_role
from lti_tool.models import LtiLaunch, LtiUser
from lti_tool.utils import sync_data_from_launch

from accounts.roles import TEACHER_CACHE_ATTRIBUTE, TEACHERS_GROUP
from content.models import Chapter
from interop.models import LtiAssignmentLink, LtiClassLink, UsedLaunch
from quizzes.models import Assignment, Membership, QuizSet, SchoolClass
from quizzes.services.assignments import assignment_create
from quizzes.services.classes import class_create

CUSTOM_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/custom"
TEACHING_ROLES = (ContextRole.INSTRUCTOR.value, ContextRole.ADMINISTRATOR.value)
TEACHING_SUB_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#"  # …#TeachingAssistant
TEACHER, STUDENT = "teacher", "student"
USED_LAUNCH_KEPT = timedelta(days=1)  # longer than any id token lives (pylti1p3 checks its exp)


class LaunchRefused(Exception):
    """A launch that was signed and valid but cannot be let in; the message says why, to the user."""


@dataclass(frozen=True)
class Landing:
    user: object
    role: str
    school_class: SchoolClass | None
    assignment: Assignment | None = None
    chapter: Chapter | None = None


def launch_role(roles: list[str]) -> str | None:
    """Teacher for the course's instructors and administrators (teaching assistants too), student for
    its learners; None for any other role (a mentor, a content developer)."""
    expanded = {normalize_role(role) for role in roles or []}
    if expanded & set(TEACHING_ROLES) or any(role.startswith(TEACHING_SUB_ROLE) for role in expanded):
        return TEACHER
    return STUDENT if ContextRole.LEARNER.value in expanded else None


@transaction.atomic
def launch_accept(lti_launch: LtiLaunch, *, now: datetime | None = None) -> Landing:
    """A launch whose signature pylti1p3 has checked: refused if its deployment is not switched on
    or its id token was used before; else the platform's data is kept (django-lti) and the user
    lands. All of it or none: a launch refused on the way leaves nothing behind."""
    if not lti_launch.deployment.is_active:
        raise LaunchRefused(_("This LMS deployment is not switched on in CivicLearn yet. An administrator "
                              "turns it on in the admin (LTI registrations)."))
    _launch_used(lti_launch)
    sync_data_from_launch(lti_launch)
    return launch_sign_in(lti_launch, now=now)


def _launch_used(lti_launch: LtiLaunch) -> None:
    """Each signed launch is let in once: the same id token sent again is refused in any worker."""
    UsedLaunch.objects.filter(used_at__lt=timezone.now() - USED_LAUNCH_KEPT).delete()  # expired tokens anyway
    try:
        with transaction.atomic():
            UsedLaunch.objects.create(issuer=str(lti_launch.get_claim("iss"))[:255],
                                      nonce=str(lti_launch.get_claim("nonce"))[:255])
    except IntegrityError:
        raise LaunchRefused(_("This launch was already used. Open CivicLearn again from the LMS.")) from None


@transaction.atomic
def launch_sign_in(lti_launch: LtiLaunch, *, now: datetime | None = None) -> Landing:
    """The account, class and destination of a validated launch whose data django-lti has synced."""
    now = now or timezone.now()
    role = launch_role(lti_launch.roles_claim)
    if role is None:
        raise LaunchRefused(_("CivicLearn opens for a course's teachers and students; your role in this "
                              "course is neither."))
    user = account_for(lti_launch.user, teacher=role == TEACHER)
    school_class = class_for(lti_launch, user, teacher=role == TEACHER)
    if lti_launch.is_deep_link_launch:
        if role != TEACHER:
            raise LaunchRefused(_("Only a course's teachers place CivicLearn links."))
        return Landing(user, role, school_class)
    custom = lti_launch.get_claim(CUSTOM_CLAIM) or {}
    if custom.get("quiz_set"):
        if school_class is None:
            raise LaunchRefused(_("Your teacher has not opened CivicLearn in this course yet. Try again once "
                                  "they have."))
        assignment = assignment_for(lti_launch, school_class, custom, now=now)
        return Landing(user, role, school_class, assignment=assignment)
    if custom.get("chapter"):
        chapter = Chapter.objects.filter(slug=str(custom["chapter"])).first()
        if chapter is None:
            raise LaunchRefused(_("The chapter this link opens is no longer in CivicLearn."))
        return Landing(user, role, school_class, chapter=chapter)
    return Landing(user, role, school_class)


def account_for(lti_user: LtiUser, *, teacher: bool):
    """The CivicLearn account of a platform user, made at their first launch (no password: they come
    in through the LMS). A launch never signs in a staff account, whoever linked it."""
    user = lti_user.auth_user
    if user is None:
        user = get_user_model().objects.create_user(
            username=_free_username(lti_user), first_name=(lti_user.given_name or "")[:150],
            last_name=(lti_user.family_name or "")[:150], email=lti_user.email or "")
        LtiUser.objects.filter(pk=lti_user.pk).update(auth_user=user)
        lti_user.auth_user = user
    if user.is_staff or user.is_superuser:
        raise LaunchRefused(_("This LMS account is linked to a CivicLearn administrator, who signs in on "
                              "CivicLearn itself, not through an LMS."))
    if teacher:
        user.groups.add(Group.objects.get_or_create(name=TEACHERS_GROUP)[0])
        user.__dict__.pop(TEACHER_CACHE_ATTRIBUTE, None)
    return user


def _free_username(lti_user: LtiUser) -> str:
    """The person's name as the platform gives it (teachers read it on results pages), made unique
    by a short digest of who they are on which platform."""
    name = lti_user.name or f"{lti_user.family_name or ''}{lti_user.given_name or ''}"
    base = re.sub(r"[^\w.@+-]", "", name)[:100] or "lms"
    digest = hashlib.sha256(f"{lti_user.registration_id}:{lti_user.sub}".encode()).hexdigest()
    users = get_user_model().objects
    for length in (6, 10, 16, 32, 64):
        username = f"{base}-{digest[:length]}"
        if not users.filter(username=username).exists():
            return username
    raise RuntimeError("no free username")  # 64 hex digits of SHA-256 do not collide


def class_for(lti_launch: LtiLaunch, user, *, teacher: bool) -> SchoolClass | None:
    """The course's class, made at its first teacher's launch; a student is added to it. None while
    no teacher has launched yet."""
    context = lti_launch.context
    link = LtiClassLink.objects.select_related("school_class").filter(context=context).first()
    if link is None:
        if not teacher:
            return None
        school_class = class_create(teacher=user, name=(context.title or context.label or _("LMS course"))[:100])
        link = LtiClassLink.objects.create(context=context, school_class=school_class)
    school_class = link.school_class
    if teacher and school_class.teacher_id != user.pk:
        raise LaunchRefused(_("This course's class in CivicLearn belongs to another teacher, who placed its "
                              "links; a class has one teacher."))
    if not teacher:
        Membership.objects.get_or_create(school_class=school_class, student=user)
    return school_class


def assignment_for(lti_launch: LtiLaunch, school_class: SchoolClass, custom: dict, *, now: datetime) -> Assignment:
    """The assignment a placed link opens: made at the link's first launch from the set named in the
    link's custom parameters (the class teacher's own set only), then kept in step with the dates
    and line item the platform sends."""
    resource_link = lti_launch.resource_link
    ags = lti_launch.ags_claim or {}
    lineitem_url = ags.get("lineitem") or ""
    can_publish = AgsScope.PUBLISH_SCORES.value in (ags.get("scope") or [])
    opens, closes = _custom_date(custom.get("opens")), _custom_date(custom.get("closes"))
    link = LtiAssignmentLink.objects.select_related("assignment").filter(resource_link=resource_link).first()
    if link is None:
        quiz_set = _teachers_set(custom.get("quiz_set"), school_class)
        open_at = opens or now
        close_at = closes if closes and closes > open_at else open_at + timedelta(days=settings.LTI_DEFAULT_OPEN_DAYS)
        try:
            assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=open_at,
                                           close_at=close_at)
        except ValidationError as error:
            raise LaunchRefused(" ".join(error.messages)) from error
        return LtiAssignmentLink.objects.create(resource_link=resource_link, assignment=assignment,
                                                lineitem_url=lineitem_url, can_publish_scores=can_publish).assignment
    if lineitem_url and (link.lineitem_url, link.can_publish_scores) != (lineitem_url, can_publish):
        LtiAssignmentLink.objects.filter(pk=link.pk).update(lineitem_url=lineitem_url, can_publish_scores=can_publish)
    return _dates_followed(link.assignment, opens, closes)


def _teachers_set(value, school_class: SchoolClass) -> QuizSet:
    text = str(value)
    is_id = text.isascii() and text.isdigit() and len(text) <= 18  # a primary key, not a number past bigint
    quiz_set = QuizSet.objects.filter(pk=int(text), owner_id=school_class.teacher_id).first() if is_id else None
    if quiz_set is None:
        raise LaunchRefused(_("This link opens a quiz set that is not the course teacher's, or no longer "
                              "exists."))
    return quiz_set


def _custom_date(value) -> datetime | None:
    """A date the platform filled in for a substitution variable ($ResourceLink.submission.endDateTime);
    a variable the platform left as it was, or anything not a date, counts as not given."""
    if not isinstance(value, str) or not value or value.startswith("$"):
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    if moment is None:
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _dates_followed(assignment: Assignment, opens: datetime | None, closes: datetime | None) -> Assignment:
    """The LMS is where the teacher set the link's dates: a change there moves the assignment's."""
    open_at, close_at = opens or assignment.open_at, closes or assignment.close_at
    if (open_at, close_at) != (assignment.open_at, assignment.close_at) and close_at > open_at:
        Assignment.objects.filter(pk=assignment.pk).update(open_at=open_at, close_at=close_at)
        assignment.open_at, assignment.close_at = open_at, close_at
    return assignment
