"""Names and Role Provisioning: the teacher pulls the LMS course's members into its class, so that
students appear in results (and can be given accommodations) before they first launch."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from lti_tool.models import LtiUser
from lti_tool.services.nrps import fetch_member_data

from interop.lti_config import tool_key
from interop.models import LtiClassLink
from quizzes.models import Membership

from .lti_launches import STUDENT, account_for, launch_role


@dataclass(frozen=True)
class MembersPulled:
    added: int
    already: int
    passed_over: int  # teachers, inactive members, other roles


def members_pull(*, link: LtiClassLink) -> MembersPulled:
    """Every active learner of the course becomes a student of the class (an account made for those
    who never launched); pulling twice adds no one twice. The platform is asked first, then the
    class is changed in one transaction."""
    tool_key()
    members = [_normalised(member) for member in fetch_member_data(link.context)]
    return _members_added(link, [member for member in members if member is not None])


def _normalised(member) -> dict | None:
    """A member as django-lti reads it: status defaults to Active (NRPS makes it optional); one with
    no user id is left out rather than failing the whole pull."""
    if not isinstance(member, dict) or not isinstance(member.get("user_id"), str) or not member["user_id"]:
        return None
    roles = member.get("roles")
    return {**member, "status": member.get("status") or "Active",
            "roles": [role for role in roles if isinstance(role, str)] if isinstance(roles, list) else []}


@transaction.atomic
def _members_added(link: LtiClassLink, members: list[dict]) -> MembersPulled:
    link.context.update_memberships(members)
    registration = link.context.deployment.registration
    added = already = passed_over = 0
    for member in members:
        if member["status"] != "Active" or launch_role(member.get("roles", [])) != STUDENT:
            passed_over += 1
            continue
        lti_user = LtiUser.objects.select_related("auth_user").get(registration=registration, sub=member["user_id"])
        _membership, created = Membership.objects.get_or_create(
            school_class=link.school_class, student=account_for(lti_user, teacher=False))
        added, already = added + created, already + (not created)
    return MembersPulled(added, already, passed_over)
