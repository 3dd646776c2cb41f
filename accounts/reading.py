"""The reader's furigana setting: kept in the session, so that a page knows it without a query, and
for a signed-in reader in ReaderSettings, so that it follows them to another device."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .models import ReaderSettings

SESSION_KEY = "furigana"


def furigana_on(request) -> bool:
    return bool(request.session.get(SESSION_KEY, False))


def furigana_set(request, *, on: bool) -> None:
    request.session[SESSION_KEY] = on
    if request.user.is_authenticated:
        ReaderSettings.objects.update_or_create(user=request.user, defaults={"furigana": on})


@receiver(user_logged_in)
def _remembered_on_login(sender, request, user, **kwargs):
    """A signed-in reader's own setting wins over what the session had before."""
    if request is not None:
        found = ReaderSettings.objects.filter(user=user).values_list("furigana", flat=True).first()
        request.session[SESSION_KEY] = bool(found)
