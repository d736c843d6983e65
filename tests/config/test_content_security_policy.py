"""Every response carries a Content-Security-Policy: strict on the public site, the
admin's own under /admin/, and previews framed by the admin keep the public one."""

import pytest
from django.urls import reverse

from tests.factories.courses import course_create
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
ADMIN = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "script-src-attr": "'none'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


@pytest.fixture
def course():
    from courses.models import CatalogPage

    return course_create(catalog=CatalogPage.objects.get())


def test_public_pages_get_the_strict_policy(client, course):
    """Home, catalogue, course, login, verification and a 404 allow no inline code."""
    urls = [
        "/",
        course.get_parent().url,
        course.url,
        "/accounts/login/",
        "/_util/login/",
        reverse("certificates:verify_form"),
        "/page-qui-n-existe-pas/",
    ]
    for url in urls:
        assert directives(client.get(url)) == PUBLIC, url


def test_learner_pages_get_the_strict_policy(client):
    """A logged-in learner's dashboard and profile carry the same strict policy."""
    client.force_login(UserFactory())
    for url in ["/mon-parcours/", "/profile/"]:
        assert directives(client.get(url)) == PUBLIC, url


def test_admin_pages_get_the_admin_policy(client, course):
    """The admin login, dashboard and page editor get the admin's policy."""
    assert directives(client.get("/admin/login/")) == ADMIN
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in ["/admin/", f"/admin/pages/{course.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) == ADMIN, url


def test_preview_keeps_the_public_policy_but_may_be_framed_by_the_admin(course):
    """Wagtail's preview (a fake request through the middleware) gets the public
    policy with frame-ancestors 'self', so the editor's preview panel may show it."""
    response = course.make_preview_request()
    assert response.status_code == 200
    assert directives(response) == {**PUBLIC, "frame-ancestors": "'self'"}
