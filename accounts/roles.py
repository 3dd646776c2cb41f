"""Roles: everyone who signs up is a student; an admin makes a teacher by adding them to the
teachers group; staff (``is_staff``) use the admin."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

TEACHERS_GROUP = "teachers"


def is_teacher(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and user.groups.filter(name=TEACHERS_GROUP).exists()


def role_of(user) -> str:
    if user.is_staff:
        return "staff"
    return "teacher" if is_teacher(user) else "student"
