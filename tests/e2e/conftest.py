"""Browser fixtures for the end-to-end tests: Debian's Chromium driven by Playwright.

We never run `playwright install`: the browser is the system one at /usr/bin/chromium
(`apt-get install chromium`); without it every e2e test is skipped with that reason.

Playwright's sync API keeps an asyncio loop running in the main thread while it is
started, which has two effects on Django:
- Django refuses ORM calls from a thread with a running loop, so
  DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly as long as the browser runs (undone
  when it stops), and the e2e tests are moved to the end of the session so that no
  other test runs under it;
- with a running loop, `django.db.connections` hands the main thread other
  connection objects than the ones the test database was set up with, so
  `serialized_rollback` finds nothing to restore. The rows that migrations create
  (home page, catalogue, role groups, review workflow) are therefore serialised
  before the browser starts and put back by `_restore_migrated_rows` when an earlier
  transactional test has flushed them.
"""

import json
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_MS = 15_000
E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Mark every test of this folder `e2e` and run them after all the others.

    This hook sees the whole session's items, so it only touches the ones under
    tests/e2e. It runs after pytest-django's own reordering (which is tryfirst).
    """
    e2e, others = [], []
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            e2e.append(item)
        else:
            others.append(item)
    items[:] = others + e2e


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the item, so `page` can screenshot failures."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser(_migrated_rows):
    if not CHROMIUM.exists():
        pytest.skip(
            f"end-to-end tests need Chromium at {CHROMIUM}: apt-get install -y chromium"
        )
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()


@pytest.fixture
def page(browser, request, tmp_path):
    """A fresh browser context (no cookies) speaking French, 15 s default timeout."""
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        shot = tmp_path / "failure.png"
        try:
            page.screenshot(path=str(shot), full_page=True)
            print(f"\nscreenshot of the failure: {shot} (page: {page.url})")
        except Exception as exc:  # a crashed page must not hide the real failure
            print(f"\nno screenshot of the failure: {exc}")
    context.close()


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup, django_db_blocker):
    """The rows the migrations wrote (pages, groups, workflow), serialised at setup.

    Read before the browser starts, while `connection` is still the object the test
    database was created with.
    """
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:  # no test of this run asked for serialized_rollback
        with django_db_blocker.unblock():
            contents = connection.creation.serialize_db_to_string()
    return contents


@pytest.fixture(autouse=True)
def _restore_migrated_rows(request, _migrated_rows):
    """Put back what migrations created when an earlier transactional test flushed it.

    Django's own `serialized_rollback` cannot do it under Playwright's running loop
    (see the module docstring), so the same restore is done here, once per test.
    """
    if (
        "live_server" not in request.fixturenames
        and "transactional_db" not in request.fixturenames
    ):
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    if Page.objects.filter(depth=2).exists() or not _migrated_rows:
        return
    from django.core.management import call_command

    # Empty every table first (content types an earlier flush recreated included),
    # then load the rows exactly as the migrations left them.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()
    # Content types first: saving a page looks its content type up (and would create
    # one with another id) before the serialised content type rows come.
    rows = json.loads(_migrated_rows)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    connection.creation.deserialize_db_from_string(json.dumps(rows))
    # The rows came with their ids: move PostgreSQL's sequences past them.
    from django.apps import apps
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models()
        ):
            cursor.execute(statement)


@pytest.fixture
def home_page(transactional_db, _restore_migrated_rows):
    """The Campus home page created by `cms/migrations/0002_create_homepage.py`."""
    from cms.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def catalogue(home_page):
    """The course catalogue created by `courses/migrations/0002_create_catalogue.py`."""
    from courses.models import CatalogPage

    return CatalogPage.objects.get()
