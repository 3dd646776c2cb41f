"""Demo accounts for trying CivicLearn locally (the command refuses outside DEBUG)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.db import transaction

from .roles import TEACHERS_GROUP


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


DEMO_ACCOUNTS = (
    DemoAccount("teacher", "demo-teacher-2026", "teacher"),
    DemoAccount("student1", "demo-student-2026", "student"),
    DemoAccount("student2", "demo-student-2026", "student"),
    DemoAccount("student3", "demo-student-2026", "student"),
    DemoAccount("admin", "demo-admin-2026", "staff"),
)


@transaction.atomic
def create_demo_accounts() -> int:
    """Create the accounts that are missing (existing ones keep their passwords); returns how many."""
    created = 0
    teachers = Group.objects.get(name=TEACHERS_GROUP)
    for account in DEMO_ACCOUNTS:
        user, is_new = User.objects.get_or_create(username=account.username)
        if is_new:
            user.set_password(account.password)
            user.is_staff = user.is_superuser = account.role == "staff"
            user.save()
            created += 1
        if account.role == "teacher":
            user.groups.add(teachers)
    return created
