"""What every page's header needs to know of the user's role."""

from django.utils.functional import SimpleLazyObject

from .reading import furigana_on
from .roles import is_teacher


def roles(request):
    """``is_teacher_user``, asked only when a page uses it, and once per request (roles.is_teacher caches
    it); ``furigana``, the reader's setting, from the session."""
    return {"is_teacher_user": SimpleLazyObject(lambda: is_teacher(request.user)), "furigana": furigana_on(request)}
