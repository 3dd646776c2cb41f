"""The floor of every ratio the benchmark reports: Django with nothing in it — no apps, no middleware,
no database, no templates — serving one view from the same gunicorn, in the same run, as CivicLearn.
A CivicLearn endpoint at 0.1 of this costs ten times what Django itself costs to answer a request."""

SECRET_KEY = "bench-bare-view"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
TEMPLATES: list = []
USE_I18N = False
USE_TZ = True
