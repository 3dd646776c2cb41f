"""Roles: everyone who signs up is a student; an admin makes a teacher by adding them to the
teachers group; staff (``is_staff``) use the admin."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

TEACHERS_GROUP = "teachers"
TEACHER_CACHE_ATTRIBUTE = "_is_teacher_cache"  # set by accounts.backends on the request's user


def is_teacher(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Asked once per user object (a request's user), like Django's own permission cache."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, TEACHER_CACHE_ATTRIBUTE):
        setattr(user, TEACHER_CACHE_ATTRIBUTE, user.groups.filter(name=TEACHERS_GROUP).exists())
    return getattr(user, TEACHER_CACHE_ATTRIBUTE)


def role_of(user) -> str:
    if user.is_staff:
        return "staff"
    return "teacher" if is_teacher(user) else "student"
