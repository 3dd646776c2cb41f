"""Settings come from the environment; production refuses to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | environment
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="learn.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="django-insecure-" + "x" * 60)
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_the_deploy_check_is_clean_under_production_settings():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 30 + "-Zq8" * 10,
                       DJANGO_ALLOWED_HOSTS="learn.example.org")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)" in result.stdout  # HSTS preload: opt-in only


def test_production_starts_with_a_real_key():
    result = run_check(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="k" * 30 + "-Zq8" * 10, DJANGO_ALLOWED_HOSTS="a.example")
    assert "DJANGO_SECRET_KEY must be set" not in result.stderr
    assert "ImproperlyConfigured" not in result.stderr


def test_sqlite_file_databases_run_in_wal_mode(tmp_path, settings, django_db_blocker):
    from django.db.utils import ConnectionHandler

    handler = ConnectionHandler({"default": {
        "ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "wal.sqlite3"), "OPTIONS": settings.SQLITE_OPTIONS,
    }})
    connection = handler["default"]
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
        finally:
            connection.close()


def test_health_answers_without_the_database_or_a_session(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/")
    assert response.status_code == 200 and response.content == b"ok"
    assert "sessionid" not in response.cookies and "no-cache" in response["Cache-Control"]
    assert client.post("/health/").status_code == 405


def _settings_seen(**environment) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))} | environment
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env=env | {"DJANGO_SETTINGS_MODULE": "civiclearn.settings"})
    return done.stdout.strip()


def test_a_shared_redis_cache_also_holds_the_sessions_and_a_private_cache_never_does():
    assert _settings_seen(REDIS_URL="redis://127.0.0.1:6379/0") == (
        "civiclearn.redis_cache.RedisCache django.contrib.sessions.backends.cached_db")
    assert _settings_seen() == (
        "django.core.cache.backends.locmem.LocMemCache django.contrib.sessions.backends.db")
