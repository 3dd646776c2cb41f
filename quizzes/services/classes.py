"""Classes: a teacher creates one and gets a join code; students join with it."""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.roles import is_teacher
from quizzes.models import Membership, SchoolClass

# No 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B: a code read aloud or copied from a board is typed right.
JOIN_CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """「 ac-dfh 7 」 → 「ACDFH7」: case, spaces and hyphens do not matter."""
    return "".join(char for char in typed.upper() if char.isalnum())


def class_create(*, teacher, name: str) -> SchoolClass:
    if not is_teacher(teacher):
        raise PermissionDenied(_("Only teachers create classes."))
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return SchoolClass.objects.create(teacher=teacher, name=name.strip(), join_code=new_join_code())
        except IntegrityError:
            continue  # the code was taken: draw another
    raise RuntimeError("could not draw an unused join code")


def class_renew_code(*, school_class: SchoolClass) -> str:
    """A new code; the old one stops working (students already in the class stay)."""
    for _attempt in range(10):
        code = new_join_code()
        if not SchoolClass.objects.filter(join_code=code).exists():
            SchoolClass.objects.filter(pk=school_class.pk).update(join_code=code)
            school_class.join_code = code
            return code
    raise RuntimeError("could not draw an unused join code")


def class_join(*, student, join_code: str) -> SchoolClass:
    """Join the class with this code; joining twice changes nothing."""
    school_class = SchoolClass.objects.filter(join_code=normalise_join_code(join_code)).first()
    if school_class is None:
        raise ValidationError({"join_code": _("No class has this code. Check it with your teacher.")})
    if school_class.teacher_id == student.pk:
        raise ValidationError({"join_code": _("This is your own class.")})
    Membership.objects.get_or_create(school_class=school_class, student=student)
    return school_class


def class_remove_student(*, school_class: SchoolClass, student) -> bool:
    """Remove the student from the roster; their attempts and answers are kept."""
    deleted, _details = Membership.objects.filter(school_class=school_class, student=student).delete()
    return bool(deleted)
