# CivicLearn. `make run` sets everything up and serves the site; `make test` runs the whole suite.
# The first Python 3.11+ that actually runs (a pyenv shim may exist and fail).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
SEED_CHAPTER := content/sample_chapters/sapporo-ict-chapter1.txt

# `make translations` updates locale/*.po from the code and lists what still needs translating.
.PHONY: translations install messages migrate seed demo run serve test lint check-python bench bench-full bench-tools \
	bench-scaling

check-python:
	@test -n "$(PYTHON)" || { echo "CivicLearn needs Python 3.11 or newer; none found on PATH"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "CivicLearn needs Python 3.11 or newer; found " + sys.version.split()[0])'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(INSTALLED)

install: $(INSTALLED)

messages: install
	$(BIN)/python manage.py compile_translations

translations: install
	$(BIN)/python manage.py update_translations

migrate: messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

seed: migrate
	$(BIN)/python manage.py import_chapter $(SEED_CHAPTER) --slug sapporo-ict-chapter1

# Demo accounts (printed with their passwords); the command refuses when DJANGO_DEBUG is off.
demo: migrate
	$(BIN)/python manage.py create_demo_accounts

# A background worker (reading uploaded documents, publishing them) runs beside the server and stops with it.
run: seed demo
	@echo ""
	@echo "CivicLearn is serving at http://$(HOST):$(PORT)/  (Ctrl-C stops it and its worker)"
	@echo ""
	@$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-style, locally: DEBUG off, gunicorn with several workers, WhiteNoise serving the collected
# static files. Plain HTTP here, so secure cookies and the HTTPS redirect are off; a key is drawn for
# the run unless DJANGO_SECRET_KEY is set.
# One worker per CPU: on the 2-core machine of docs/PERFORMANCE.md, 2 served every page better than 4.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PRODUCTION_ENV = DJANGO_DEBUG=false DJANGO_SECURE_COOKIES=false DJANGO_SSL_REDIRECT=false DJANGO_HSTS_SECONDS=0 \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}

serve: seed
	$(PRODUCTION_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	@echo "CivicLearn (production-style, $(WORKERS) workers) at http://$(HOST):$(PORT)/"
	@$(PRODUCTION_ENV) $(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PRODUCTION_ENV) $(BIN)/gunicorn civiclearn.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile -

test: messages
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .


# Benchmarks (bench/, results in bench/results/, the full run's figures in docs/PERFORMANCE.md). They
# rebuild a database of their own (BENCH_DATABASE_URL; PostgreSQL at 127.0.0.1 by default) and drive
# gunicorn with wrk, installed from Debian's packages when missing.
bench-tools:
	@command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk >/dev/null \
		|| { echo "The benchmarks need wrk: install it with your package manager"; exit 1; }

bench: messages bench-tools
	$(BIN)/python -m bench.run --mode quick

bench-full: messages bench-tools
	$(BIN)/python -m bench.run --mode full

# How the dashboard grows with a learner's answers and the results with a class's size (in-process).
bench-scaling: messages
	$(BIN)/python -m bench.scaling
