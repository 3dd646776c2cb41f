"""Where a request's time goes, in-process: each middleware by name, session, authentication, cache,
view, templates, serialization and queries, as exclusive times (a query run while a template renders
counts as a query, not as template time).

Instrumentation is installed for a ``with instrumented(breakdown):`` block and only there: the benchmark
wraps Django's own entry points (the middleware chain as it is loaded, the view call, template
rendering, DRF's serializers and renderer, the session store's load, ``auth.get_user``, the cache
backend, the database cursor), never CivicLearn's code.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from importlib import import_module
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import connection

OTHER = "WSGI, URL resolving, the rest"


class Breakdown:
    """Exclusive time per part: the clock always runs for the innermost part open."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self._stack: list[str] = []
        self._mark = 0.0

    def enter(self, part: str) -> None:
        now = time.perf_counter()
        if self._stack:
            self.totals[self._stack[-1]] += now - self._mark
        self._stack.append(part)
        self._mark = now

    def exit(self) -> None:
        now = time.perf_counter()
        self.totals[self._stack.pop()] += now - self._mark
        self._mark = now

    def timed(self, part: str, function):
        def call(*args, **kwargs):
            self.enter(part)
            try:
                return function(*args, **kwargs)
            finally:
                self.exit()
        return call

    def request(self, send):
        """``send()`` with everything outside the instrumented parts counted as OTHER."""
        self.enter(OTHER)
        try:
            return send()
        finally:
            self.exit()


class _TimedMiddleware:
    """One middleware: its own time, and its process_* hooks', under its class name."""

    def __init__(self, breakdown: Breakdown, cls, get_response):
        part = f"middleware: {cls.__name__}"
        self._instance = cls(breakdown.timed(OTHER, get_response))
        self._call = breakdown.timed(part, self._instance)
        for hook in ("process_view", "process_exception", "process_template_response"):
            if hasattr(self._instance, hook):
                setattr(self, hook, breakdown.timed(part, getattr(self._instance, hook)))

    def __call__(self, request):
        return self._call(request)


@contextlib.contextmanager
def instrumented(breakdown: Breakdown):
    """Django's entry points timed into ``breakdown`` (a test client made inside the block loads its
    middleware chain through the timed wrappers)."""
    from django.contrib import auth
    from django.core.handlers import base
    from django.template.backends import django as django_templates
    from rest_framework import authentication, renderers, serializers

    real_import = base.import_string

    def middleware_factory(path):
        cls = real_import(path)
        return lambda get_response: _TimedMiddleware(breakdown, cls, get_response)

    real_atomic = base.BaseHandler.make_view_atomic
    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    patches = [
        mock.patch.object(base, "import_string", middleware_factory),
        mock.patch.object(base.BaseHandler, "make_view_atomic",
                          lambda handler, view: breakdown.timed("view", real_atomic(handler, view))),
        mock.patch.object(django_templates.Template, "render",
                          breakdown.timed("templates", django_templates.Template.render)),
        mock.patch.object(renderers.JSONRenderer, "render",
                          breakdown.timed("serialization", renderers.JSONRenderer.render)),
        mock.patch.object(serializers.Serializer, "data",
                          property(breakdown.timed("serialization", serializers.Serializer.data.fget))),
        mock.patch.object(serializers.ListSerializer, "data",
                          property(breakdown.timed("serialization", serializers.ListSerializer.data.fget))),
        mock.patch.object(session_store, "load", breakdown.timed("session", session_store.load)),
        mock.patch.object(session_store, "save", breakdown.timed("session", session_store.save)),
        mock.patch.object(auth, "get_user", breakdown.timed("auth", auth.get_user)),
        mock.patch.object(authentication.TokenAuthentication, "authenticate_credentials",
                          breakdown.timed("auth", authentication.TokenAuthentication.authenticate_credentials)),
    ]
    for backend in {type(caches[alias]) for alias in settings.CACHES}:
        for method in ("get", "set", "add", "delete", "get_many", "set_many", "incr", "touch", "has_key"):
            patches.append(mock.patch.object(backend, method, breakdown.timed("cache", getattr(backend, method))))
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        stack.enter_context(connection.execute_wrapper(
            lambda execute, sql, params, many, context: breakdown.timed("queries", execute)(sql, params, many,
                                                                                             context)))
        yield breakdown
