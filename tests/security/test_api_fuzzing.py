"""Fuzzing the API from its own schema (schemathesis) with every check it has, as a student and as a
teacher: no 500s, every status code documented, bodies and content types as documented, schema-valid
data accepted (or refused by a documented rule), invalid data refused, authentication enforced."""

import os
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from civiclearn.wsgi import application

# A token key known in advance for each role (schemathesis asks for the auth while it collects the
# tests, before any fixture has made a user): the fixtures below give the users these keys.
TOKENS = {"student": "fuzz-student-token-000000000000000000000", "teacher": "fuzz-teacher-token-000000000000000000000"}


# Where a schema-valid body may still be refused with a 400 by a rule no schema can state: the record
# it names must exist and be yours (a chapter's slug, a set, a class, a student, an item of this
# session), a join code must be a class's, a file must be a chapter, an answer must fit its item's kind,
# a set must have enough items to draw from. Everywhere else a valid request must be accepted.
REFERS_TO_RECORDS = [
    ("POST", "/api/v1/practice-sessions/"), ("POST", "/api/v1/practice-sessions/{id}/answers/"),
    ("POST", "/api/v1/classes/join/"), ("POST", "/api/v1/classes/{id}/remove-student/"),
    ("POST", "/api/v1/assignments/"), ("POST", "/api/v1/assignments/{id}/start/"),
    ("POST", "/api/v1/quiz-sets/{id}/add-item/"), ("POST", "/api/v1/quiz-sets/{id}/add-random/"),
    ("POST", "/api/v1/quiz-sets/{id}/write-item/"), ("POST", "/api/v1/chapter-imports/"),
]
CONFIG = SchemathesisConfig.from_dict({"operations": [
    {"include-method": method, "include-path": path,
     "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "403", "404", "409", "429"]}}}
    for method, path in REFERS_TO_RECORDS
]})


def schema_signed_in_as(role: str):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=CONFIG)

    @schema.auth(refresh_interval=None)
    class SignedIn:
        """Auth the checks know is real: ignored_auth strips it, and expects a refusal then."""

        def get(self, case, context):
            return TOKENS[role]

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}

    # Revoking ends the token the rest of the run uses; tests/security/test_tokens.py covers it.
    return schema.exclude(path="/api/v1/auth/token/revoke/")


student_schema, teacher_schema = schema_signed_in_as("student"), schema_signed_in_as("teacher")


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests go straight to the WSGI app, which closes database connections when a request ends;
    the test's transaction needs its connection, so keep it open (as Django's test client does)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(seed_bank, student, teacher):
    """A class with the student in it, a set assigned to it, a practice session of the student's."""
    from django.utils import timezone

    from quizzes.models import Item
    from quizzes.services.assignments import assignment_create
    from quizzes.services.classes import class_create, class_join
    from quizzes.services.practice import attempt_create
    from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

    school_class = class_create(teacher=teacher, name="1組")
    class_join(student=student, join_code=school_class.join_code)
    quiz_set = quiz_set_create(owner=teacher, title="確認")
    entry_add_item(quiz_set=quiz_set, item=Item.objects.filter(kind="single_choice").first())
    now = timezone.now()
    assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                      close_at=now + timedelta(days=1))
    attempt_create(learner=student, items=list(Item.objects.filter(status="published")[:3]))


@pytest.fixture
def signed_in(world, student, teacher):
    from rest_framework.authtoken.models import Token

    Token.objects.create(user=student, key=TOKENS["student"])
    Token.objects.create(user=teacher, key=TOKENS["teacher"])


# The same examples every run, so that CI is repeatable; FUZZ_RANDOM=1 explores new ones.
FUZZ = settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=not os.environ.get("FUZZ_RANDOM"))


@student_schema.parametrize()
@FUZZ
@pytest.mark.django_db
def test_the_api_survives_generated_requests_from_a_student(case, signed_in):
    case.call_and_validate()


@teacher_schema.parametrize()
@FUZZ
@pytest.mark.django_db
def test_the_api_survives_generated_requests_from_a_teacher(case, signed_in):
    case.call_and_validate()
