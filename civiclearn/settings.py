"""CivicLearn settings, read from the environment (see .env.example).

Nothing needs to be set for local development. With DJANGO_DEBUG off, a real DJANGO_SECRET_KEY
is required and the site refuses to start without one.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=True)
_DEVELOPMENT_KEY = "django-insecure-development-only-never-use-this-key-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEVELOPMENT_KEY if DEBUG else "")
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when DJANGO_DEBUG is off."
    )
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rest_framework.authtoken",
    "axes",
    "django_tasks",
    "civiclearn.task_app.TasksDatabaseConfig",  # django_tasks_db, named in our languages
    "civiclearn",  # project-wide commands: backups, translations
    "accounts",
    "content",
    "quizzes",
    "lti_tool",  # django-lti: platform registrations, deployments, keys and launch data
    "interop",  # the school's systems: LTI launches, grade passback, rosters
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "interop.middleware.LtiFrameMiddleware",  # outermost but one: rewrites the finished response's cookies and CSP
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "civiclearn.reader_cookie.ReaderCookieMiddleware",  # outside sessions: it sees the key the response carries
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "civiclearn.middleware.RefuseControlCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "civiclearn.csp.PrecomputedCSPMiddleware",  # django-csp, its policy built once
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "accounts.backends.UserWithRoleBackend",  # Django's ModelBackend, with the user's role in the user's query
]

ROOT_URLCONF = "civiclearn.urls"
WSGI_APPLICATION = "civiclearn.wsgi.application"
ASGI_APPLICATION = "civiclearn.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
                "civiclearn.site_header.context",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# WAL lets readers work while one writer writes; IMMEDIATE avoids "database is locked" on lock upgrade.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
# Each worker keeps its connection between requests: opening one per request costs PostgreSQL a new
# server process every time (measured in docs/PERFORMANCE.md). Checked before reuse, so a restarted
# database costs one failed-over request's reconnect, not an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# On PostgreSQL, server-side binding lets psycopg prepare the statements a connection repeats, so that
# PostgreSQL plans them once: planning the item page's seven-table join took 3.4 ms, executing it 0.5 ms
# (docs/PERFORMANCE.md). Turn it off behind a pooler in transaction mode (PgBouncer), which cannot keep
# prepared statements.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
        "DATABASE_PREPARED_STATEMENTS", default=True):
    DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Two caches. "default" holds rendered lesson parts (keyed by revision, so a per-process copy is only
# less shared, never wrong): Redis when REDIS_URL is set, else each process's memory. "shared" holds what
# must be the same for every app server (throttle counts): Redis, else a table in the database
# (manage.py createcachetable; `make migrate` runs it) — never one worker's memory.
REDIS_URL = env.str("REDIS_URL", default="")
_REDIS = {"BACKEND": "civiclearn.redis_cache.RedisCache", "LOCATION": REDIS_URL}  # Django's, a client per pool
CACHES = {
    "default": _REDIS if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": _REDIS if REDIS_URL else {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                                         "LOCATION": "civiclearn_shared_cache"},
}
if REDIS_URL:
    # Sessions are read from the shared cache and written through to the database, so a restarted cache
    # logs nobody out. Only with a shared cache: a per-process cache would keep a logged-out session alive
    # in the other workers.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# A signed-in reader's signed cookie names them to public lesson and glossary pages, which are then served
# without their session or user (civiclearn/reader_cookie.py); this long it is good for (0: no such cookie).
READER_COOKIE_SECONDS = env.int("READER_COOKIE_SECONDS", default=600)
# A worker remembers a public chapter's revision this long instead of asking the database on every lesson
# request (content/revision_memory.py): a change made through another app server shows this much later.
REVISION_MEMORY_SECONDS = env.float("REVISION_MEMORY_SECONDS", default=1.0)
# A learner's dashboard is kept until what it shows changes or time changes it (quizzes/views/learning.py);
# FSRS's recall decays continuously, so its mastery figures are at most this old (0: render every view).
DASHBOARD_KEPT_SECONDS = env.int("DASHBOARD_KEPT_SECONDS", default=60)
# Lesson pages are cached under their chapter's revision, which every import and edit raises; this only
# bounds how long superseded entries linger.
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=24 * 3600)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "quizzes:dashboard"
LOGOUT_REDIRECT_URL = "content:chapter-list"
# Password-reset mail: printed to the console while debugging; EMAIL_URL (smtp://user:pass@host:587) otherwise.
if DEBUG and "EMAIL_URL" not in env:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="CivicLearn <noreply@localhost>")

# Chapter files larger than this are refused by the admin upload (a chapter is tens of kilobytes).
# Long work (reading a PDF, publishing a document) runs as background tasks. The database backend
# needs nothing beside the app (`manage.py db_worker` runs them; `make run` starts one); where a school
# runs several machines any worker of any of them takes the next task. TASKS_BACKEND may name another
# django-tasks backend (django-tasks-rq for Redis); the tests run tasks at once (ImmediateBackend).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}

# A private chapter (a teacher's import) is read by its importer and by whoever this adds (content/audience.py).
CHAPTER_AUDIENCE = "quizzes.audience.students_of_owner"

# A document's review form has three fields per section, term and event: a long plan's is thousands.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

CHAPTER_UPLOAD_MAX_BYTES = env.int("CHAPTER_UPLOAD_MAX_BYTES", default=2 * 1024 * 1024)
# A PDF carries fonts and pictures: a 200-page plan is often tens of megabytes for the same text.
PDF_UPLOAD_MAX_BYTES = env.int("PDF_UPLOAD_MAX_BYTES", default=40 * 1024 * 1024)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": [
        "civiclearn.parsers.CleanJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.tokens.ExpiringTokenAuthentication",
    ],
    "EXCEPTION_HANDLER": "civiclearn.api_errors.exception_handler",
    # ?format= belongs to our export endpoint (moodle|gift), not to DRF's renderer switch.
    "URL_FORMAT_OVERRIDE": None,
    # Throttles (civiclearn/throttling.py), counted in the shared cache: the token and answer endpoints
    # (per user, or per address for the token); joining a class per user and per address (a classroom
    # behind one address joins at once); sign-up and password reset per address.
    "DEFAULT_THROTTLE_RATES": {
        "token": env.str("THROTTLE_TOKEN", default="10/minute"),
        "answers": env.str("THROTTLE_ANSWERS", default="120/minute"),
        "join_user": env.str("THROTTLE_JOIN_USER", default="5/minute"),
        "join_address": env.str("THROTTLE_JOIN_ADDRESS", default="60/minute"),
        "signup_address": env.str("THROTTLE_SIGNUP_ADDRESS", default="30/hour"),
        "password_reset_address": env.str("THROTTLE_PASSWORD_RESET_ADDRESS", default="10/hour"),
    },
}

# API tokens end when their user's password changes or on POST /api/v1/auth/token/revoke/; with a
# number of hours here they also expire (0: they do not).
API_TOKEN_TTL_HOURS = env.int("API_TOKEN_TTL_HOURS", default=0)

SPECTACULAR_SETTINGS = {
    "TITLE": "CivicLearn API",
    "DESCRIPTION": "Lessons made from civic texts: chapters, sections, glossary terms, events and goals.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,  # request bodies as their own components (civiclearn/api_schema.py)
    # Two serializers have a field named "kind"; each enum gets its own component name.
    "ENUM_NAME_OVERRIDES": {"DocumentKindEnum": ["pdf", "text"], "KindEnum": "quizzes.models.Item.Kind"},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "civiclearn.api_schema.document_errors"],
}

# Production hardening; each can be turned off for a plain-HTTP test server.
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):  # the proxy terminates TLS and says so in a header
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Silenced in checks only when HSTS preload is deliberately off; every other deploy check must pass.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD or DEBUG else ["security.W021"]

# Content security policy (django-csp): scripts and styles only from this site, no inline script.
# Inline style attributes stay allowed: the Django admin uses a few.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"], "object-src": ["'none'"], "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"], "form-action": ["'self'"],
    },
}

# LTI 1.3 (interop/): a link placed in an LMS without dates stays open this many days after its first launch.
LTI_DEFAULT_OPEN_DAYS = env.int("LTI_DEFAULT_OPEN_DAYS", default=365)

# Login throttling (django-axes): five failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}

# Item generators, each a class with ``name``, ``version`` and ``generate(material)`` (STYLE.md: loaded
# with import_string, like AUTH_PASSWORD_VALIDATORS). Order decides which wins when two make one key.
QUIZ_ITEM_GENERATORS = [
    "quizzes.generation.definitions.DefinitionItems",
    "quizzes.generation.dates.DateItems",
    "quizzes.generation.goals.GoalItems",
    "quizzes.generation.purposes.PurposeItems",
    "quizzes.generation.figures.FigureItems",
]

# Spaced review (fsrs): the recall probability reviews aim for, and whether intervals get a little
# random spread (as Anki does) so that reviews learned together do not all fall due together.
FSRS_DESIRED_RETENTION = env.float("FSRS_DESIRED_RETENTION", default=0.9)
FSRS_FUZZING = env.bool("FSRS_FUZZING", default=True)
