"""Who the load run acts as and what it asks for: one file of request lines per endpoint.

Students are logged in through real database sessions (so any worker or host can serve them) and
API tokens; each gets a practice session to look at and one to answer, so that every answer the load
posts is a new one. Runs inside Django, against the benchmark database.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.urls import reverse
from django.utils.crypto import get_random_string
from rest_framework.authtoken.models import Token

from accounts.backends import BACKEND
from accounts.roles import is_teacher
from bench.peer_env import Peer
from civiclearn import reader_cookie
from civiclearn.site_header import HeaderReader
from content.models import Chapter
from quizzes.generation.kinds import Kind
from quizzes.models import Assignment, Item
from quizzes.selectors.learning import attempt_slots
from quizzes.services.practice import attempt_create

SLUG = "sapporo-ict-chapter1"
VIEWED_ITEMS = 10


@dataclass
class Endpoint:
    name: str
    label: str
    group: str  # the floor, or the endpoint whose target applies (report.RATIO_TARGETS)
    lines: list[str] = field(default_factory=list)  # METHOD \t PATH \t AUTH \t BODY (JSON, or a form)
    app: str = "civiclearn"  # which server answers it: civiclearn, bare (the floor) or peer

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}.requests"
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        return path


def _line(method: str, path: str, auth: str = "", body: object | None = None) -> str:
    return "\t".join([method, path, auth, "" if body is None else json.dumps(body, ensure_ascii=False)])


def _session_cookie(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    # and the reader's and CSRF cookies, as a browser has them after its first page (civiclearn/reader_cookie.py;
    # without a CSRF cookie every response would make and set a new secret)
    reader = HeaderReader(True, user.is_staff, False, is_teacher(user), False, user.get_username())
    return (f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{reader_cookie.COOKIE_NAME}={reader_cookie.cookie_value(session.session_key, reader)}; "
            f"{settings.CSRF_COOKIE_NAME}={get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)}")


def _response_for(slot) -> object:
    """The key of ``slot`` in the API's answer shape (a typed answer sends its first accepted form)."""
    key = slot.version.answer
    return key[0] if slot.version.kind == Kind.SHORT_ANSWER else key


def prepare(*, students: int, answers_each: int, seed: int = 7) -> list[Endpoint]:
    rng = random.Random(seed)
    chapter = Chapter.objects.get(slug=SLUG)
    items = list(Item.objects.filter(chapter=chapter, status=Item.Status.PUBLISHED).order_by("pk"))
    learners = list(User.objects.filter(username__startswith="bench-student-").order_by("username")[:students])
    large = (Assignment.objects.annotate(students=Count("school_class__memberships"))
             .select_related("quiz_set__owner").order_by("-students", "pk").first())

    endpoints = {name: Endpoint(name, label, group) for name, label, group in [
        ("floor", "bare Django view (no apps, no middleware)", "floor"),
        ("health", "/health/ (the whole middleware stack)", "health"),
        ("lesson", "lesson page", "lesson"),
        ("glossary", "glossary", "glossary"),
        ("practice_item", "practice item page", "practice_item"),
        ("answer", "post an answer (API)", "answer"),
        ("dashboard", "student's dashboard", "dashboard"),
        ("class_results", f"class results page ({large.students} students)", "class_results"),
        ("results_api", "quiz-set results API", "results_api"),
        ("bank_filter", "item-bank filter page", "bank_filter"),
    ]}
    endpoints["floor"].app = "bare"
    endpoints["floor"].lines.append(_line("GET", "/bare/"))  # served by bench.bare (bench/run.py)
    endpoints["health"].lines.append(_line("GET", reverse("health")))
    teacher_cookie = _session_cookie(large.quiz_set.owner)
    set_id = large.quiz_set_id
    endpoints["class_results"].lines.append(_line("GET", reverse("quizzes:teach-results", args=[set_id]),
                                                  teacher_cookie))
    endpoints["results_api"].lines.append(_line("GET", f"/api/v1/quiz-sets/{set_id}/results/", teacher_cookie))
    for query in ("?chapter=sapporo-ict-chapter1&skill=definitions", "?q=ICT", "?kind=single_choice&difficulty=easy",
                  "?chapter=sapporo-ict-chapter1&section=2&status=published"):
        endpoints["bank_filter"].lines.append(
            _line("GET", reverse("quizzes:teach-set", args=[set_id]) + query, teacher_cookie))

    sections = list(chapter.sections.values_list("number", flat=True))
    for learner in learners:
        cookie = _session_cookie(learner)
        token = "Token " + Token.objects.get_or_create(user=learner)[0].key
        viewed = attempt_create(learner=learner, items=rng.sample(items, VIEWED_ITEMS), chapter=chapter)
        answered = attempt_create(learner=learner, items=rng.sample(items, answers_each), chapter=chapter)
        endpoints["lesson"].lines.append(_line("GET", reverse(
            "content:section", kwargs={"slug": SLUG, "number": rng.choice(sections)}), cookie))
        endpoints["glossary"].lines.append(_line("GET", reverse("content:glossary", kwargs={"slug": SLUG}), cookie))
        endpoints["practice_item"].lines.append(_line("GET", reverse(
            "quizzes:item", args=[viewed.pk, rng.randrange(1, VIEWED_ITEMS + 1)]), cookie))
        endpoints["dashboard"].lines.append(_line("GET", reverse("quizzes:dashboard"), cookie))
        path = f"/api/v1/practice-sessions/{answered.pk}/answers/"
        for slot in attempt_slots(answered):
            endpoints["answer"].lines.append(
                _line("POST", path, token, {"item": slot.item_id, "response": _response_for(slot)}))
    rng.shuffle(endpoints["answer"].lines)  # interleave learners, as a class answering at once would
    return list(endpoints.values())


def dashboard_afresh(endpoints: list[Endpoint]) -> Endpoint:
    """The dashboard's requests, to be profiled in-process with no page kept (not loaded by wrk)."""
    dashboard = next(endpoint for endpoint in endpoints if endpoint.name == "dashboard")
    return Endpoint("dashboard_afresh", "student's dashboard, rendered afresh (in-process only)", "dashboard_afresh",
                    dashboard.lines)


def peer_endpoints(files: dict[str, Path]) -> list[Endpoint]:
    """The peer's endpoints from the request files its own Python wrote (bench/peer/prepare.py)."""
    return [Endpoint(name, Peer.LABELS[name], name, path.read_text(encoding="utf-8").splitlines(), app="peer")
            for name, path in files.items()]
