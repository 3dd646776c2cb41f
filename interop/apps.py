from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    """The school's systems: LTI 1.3 launches, grade passback and rosters, and OneRoster imports.
    It depends on quizzes and accounts; nothing there depends on it (quizzes.signals tells it of
    finished attempts)."""

    name = "interop"
    verbose_name = _("School systems")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the signal receivers)
