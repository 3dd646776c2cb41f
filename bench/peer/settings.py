"""A minimal host project for django-quiz-app 0.5.1 (tomwalker/django_quiz), the peer the benchmark
measures CivicLearn against. It runs in its own virtualenv with Django 1.8, the last release the app
supports (bench/peer_env.py builds it), so this file is written for Django 1.8 and Python 3.6.

Configured as a careful deployment of it would be, so the comparison flatters the peer rather than us:
DEBUG off, persistent database connections, the cached template loader, sessions read through a
per-worker cache.
"""

import os
from urllib.parse import urlsplit

SECRET_KEY = os.environ.get("PEER_SECRET_KEY", "bench-only-not-a-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
]
# The quiz apps ship without migrations and point at auth's user, so their tables can be made only after
# auth's exist: prepare.py migrates once without them (PEER_CORE_ONLY), then once with them.
if not os.environ.get("PEER_CORE_ONLY"):
    INSTALLED_APPS += ["quiz", "multichoice", "true_false", "essay"]

# Django 1.8's default stack for a new project.
MIDDLEWARE_CLASSES = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.SessionAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
]

ROOT_URLCONF = "bench.peer.urls"
WSGI_APPLICATION = "bench.peer.wsgi.application"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "OPTIONS": {
        "context_processors": [
            "django.template.context_processors.request",
            "django.contrib.auth.context_processors.auth",
            "django.contrib.messages.context_processors.messages",
        ],
        "loaders": [("django.template.loaders.cached.Loader", [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ])],
    },
}]


def _database(url):
    parts = urlsplit(url)
    return {
        "ENGINE": "django.db.backends.postgresql_psycopg2",
        "NAME": parts.path.lstrip("/"), "USER": parts.username or "", "PASSWORD": parts.password or "",
        "HOST": parts.hostname or "", "PORT": str(parts.port or ""), "CONN_MAX_AGE": 60,
    }


DATABASES = {"default": _database(os.environ.get(
    "PEER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civiclearn_bench_peer"))}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "media")
