"""One public address (CAMPUS_BASE_URL) for Wagtail's site and every absolute URL."""

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate
from django.template.loader import render_to_string
from wagtail.models import Site

from cms.site_address import absolute_url, site_address_sync, site_identity_get
from tests.factories.courses import course_create
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db


def test_absolute_url_joins_the_public_address_and_the_path(settings):
    """A path becomes an URL on CAMPUS_BASE_URL, whatever slashes either side has."""
    settings.CAMPUS_BASE_URL = "https://campus.example.org/"
    assert absolute_url("/v/ABC/") == "https://campus.example.org/v/ABC/"
    assert absolute_url("v/ABC/") == "https://campus.example.org/v/ABC/"


def test_migrate_points_the_default_site_at_the_public_address(settings):
    """After `migrate` on port 8101 the default Wagtail Site is 127.0.0.1:8101."""
    settings.CAMPUS_BASE_URL = "http://127.0.0.1:8101"
    post_migrate.send(
        sender=apps.get_app_config("cms"), app_config=apps.get_app_config("cms")
    )
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    assert site.root_url == "http://127.0.0.1:8101"
    assert site_address_sync() is False  # already in sync: nothing written


def test_https_address_gives_the_site_port_443(settings):
    """An https address without a port is served by Wagtail as https://host."""
    settings.CAMPUS_BASE_URL = "https://campus.example.org"
    assert site_address_sync() is True
    assert Site.objects.get(is_default_site=True).root_url == (
        "https://campus.example.org"
    )


def test_review_approval_mail_links_to_the_public_address(settings):
    """Wagtail's "page approved" mail links to the course on CAMPUS_BASE_URL."""
    settings.CAMPUS_BASE_URL = "http://127.0.0.1:8101"
    site_address_sync()
    course = course_create(title="Finances locales", modules=1, lessons_per_module=1)
    body = render_to_string(
        "wagtailadmin/notifications/approved.txt",
        {"revision": course.save_revision(), "user": UserFactory()},
    )
    assert f"http://127.0.0.1:8101{course.url_path.removeprefix('/accueil')}" in body
    assert "http://localhost/" not in body


def test_site_identity_names_campus_and_its_domain(settings):
    """E-mails call the site "Campus", at the host and port learners type."""
    settings.CAMPUS_BASE_URL = "http://127.0.0.1:8101"
    identity = site_identity_get()
    assert (identity.name, identity.domain) == ("Campus", "127.0.0.1:8101")
