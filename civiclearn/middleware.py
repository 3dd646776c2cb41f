"""Form and query fields with control characters get a 400 naming the field, before any view reads
them (JSON bodies are checked by civiclearn/parsers.py)."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from .hygiene import query_problem


class RefuseControlCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = query_problem(request.GET)
        if problem is None and request.method == "POST" and request.content_type in (
                "application/x-www-form-urlencoded", "multipart/form-data"):
            problem = query_problem(request.POST)
        if problem is None:
            return self.get_response(request)
        message = _("Refused: %(problem)s.") % {"problem": problem}
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
