# The README's commands. `make run` and `make test` do all the set-up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test serve worker beat lint format bench messages install clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# axe-core, for the accessibility tests only (skipped with a reason without npm).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

install: $(STAMP)

# The public address follows PORT unless CAMPUS_BASE_URL is given.
run: export CAMPUS_BASE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP) node_modules/.installed
	$(BIN)/python -m pytest

serve: $(STAMP)
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/gunicorn config.wsgi \
		--bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

worker: $(STAMP)
	@test -n "$$CELERY_BROKER_URL" || (echo "CELERY_BROKER_URL is not set: tasks already run in-process." && exit 1)
	$(BIN)/celery -A config worker --loglevel=INFO

# One beat process per site: it queues the periodic jobs of CELERY_BEAT_SCHEDULE.
beat: $(STAMP)
	@test -n "$$CELERY_BROKER_URL" || (echo "CELERY_BROKER_URL is not set: nothing to schedule (e-mails and PDFs are delivered in-process)." && exit 1)
	$(BIN)/celery -A config beat --loglevel=INFO --schedule $${CELERY_BEAT_SCHEDULE_FILE:-.celerybeat-schedule}

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l fr --no-obsolete --ignore=".venv/*" --ignore="tests/*" --ignore="benchmarks/*" --ignore="staticfiles/*" --ignore="node_modules/*"
	$(BIN)/python manage.py compilemessages -l fr --ignore=".venv/*" --ignore="node_modules/*"

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) staticfiles .test-media
