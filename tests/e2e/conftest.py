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
  `serialized_rollback` finds nothing to restore. Data that migrations create (the
  home page) is therefore rebuilt by the `home_page` fixture when an earlier
  transactional test has flushed it.
"""

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
def browser():
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


@pytest.fixture
def home_page(transactional_db):
    """The Campus home page, as `cms/migrations/0002_create_homepage.py` creates it.

    Rebuilt (root page, locale, home page, default site) when an earlier
    transactional test flushed the database, migrated rows included.
    """
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    home = HomePage.objects.first()
    if home is not None:
        return home
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(
        instance=HomePage(
            title="Campus",
            slug="accueil",
            locale=locale,
            tagline="Formations en ligne pour les agents et les élus des villes francophones",
        )
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Campus",
    )
    return home
