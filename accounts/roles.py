"""Roles: everyone who signs up is a student; an admin makes a teacher by adding them to the
teachers group; staff (``is_staff``) use the admin."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

TEACHERS_GROUP = "teachers"


def is_teacher(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Asked once per user object (a request's user), like Django's own permission cache."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_teacher_cache"):
        user._is_teacher_cache = user.groups.filter(name=TEACHERS_GROUP).exists()
    return user._is_teacher_cache


def role_of(user) -> str:
    if user.is_staff:
        return "staff"
    return "teacher" if is_teacher(user) else "student"
