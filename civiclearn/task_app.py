"""django-tasks' database backend under a name in the interface's language (its own is a fixed English
string, 「Tasks Database Backend」, in the admin's menu)."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = _("Background tasks")
