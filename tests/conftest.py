"""Shared fixtures, and the rule for tests that need real services.

Tests marked `postgres` run only when DATABASE_URL points at PostgreSQL; tests marked
`redis` only when REDIS_URL and CELERY_BROKER_URL are set. Elsewhere they are skipped
with the reason printed (pytest -ra), never silently passed.
"""

import datetime
import os

import pytest
from django.db import connection


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="YYYY-MM-DD[THH:MM]",
        help=(
            "run the whole session as if this were the date (the clock then ticks "
            "on): proves that no test depends on today's date, e.g. "
            "--clock=2028-02-29 or --clock=2027-01-01"
        ),
    )


@pytest.fixture(scope="session", autouse=True)
def _session_clock(request):
    """With --clock, every test (and the live server's thread) sees that date."""
    value = request.config.getoption("--clock")
    if not value:
        yield
        return
    import time_machine

    moment = datetime.datetime.fromisoformat(value)
    if len(value) == 10:  # a date alone: that morning
        moment = moment.replace(hour=9)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=True):
        yield


def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(
        ("postgres", "postgresql")
    )
    has_redis = bool(
        os.environ.get("REDIS_URL") and os.environ.get("CELERY_BROKER_URL")
    )
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    skip_redis = pytest.mark.skip(
        reason="needs Redis: set REDIS_URL and CELERY_BROKER_URL=redis://…"
    )
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "redis" in item.keywords and not has_redis:
            item.add_marker(skip_redis)


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Every test starts in the site's default language, French."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached site roots live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"
