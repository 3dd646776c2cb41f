"""Words of the admin pages of the libraries we use (django-axes, django-tasks) that ship no Japanese.
Listed here so that makemessages collects them into our catalogue, whose translations Django prefers
to any app's: the Japanese admin is Japanese on those pages too. Nothing imports this module."""

from django.utils.translation import gettext_noop, pgettext_lazy

AXES = [
    gettext_noop("Access Attempt"), gettext_noop("Access lock out"), gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"), gettext_noop("Clean up expired attempts"), gettext_noop("Expires At"),
    gettext_noop("Failed Logins"), gettext_noop("Form Data"), gettext_noop("GET Data"), gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"), gettext_noop("Locked Out"), gettext_noop("Logout Time"), gettext_noop("Meta Data"),
    gettext_noop("Not set"), gettext_noop("POST Data"), gettext_noop("Path"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."), gettext_noop("User Agent"),
    gettext_noop("Username"), gettext_noop("access attempt"), gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"), gettext_noop("access attempts"), gettext_noop("access failure"),
    gettext_noop("access failures"), gettext_noop("access log"), gettext_noop("access logs"),
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account."),
]
TASKS = [
    gettext_noop("Task Result"), gettext_noop("Task Results"), gettext_noop("args kwargs"),
    gettext_noop("backend name"), gettext_noop("enqueued at"), gettext_noop("exception class path"),
    gettext_noop("finished at"), gettext_noop("priority"), gettext_noop("queue name"), gettext_noop("return value"),
    gettext_noop("run after"), gettext_noop("started at"), gettext_noop("task path"), gettext_noop("traceback"),
    gettext_noop("worker id"),
    pgettext_lazy("Task", "Ready"), pgettext_lazy("Task", "Running"), pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
]
