"""The route cache (cms.routing): a known path costs one query, and a change to the
tree is seen at once — an old path 404s, a new one serves, private pages still ask,
drafts stay unseen."""

import os
import re
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms.page_tree import TREE_VERSION_KEY, tree_changed, tree_version_get
from courses.models import CoursePage, ModulePage
from tests.factories.courses import catalog_get, course_create, publish
from tests.factories.learners import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """These tests follow routing: visitors' pages from the page cache skip it."""
    settings.PAGE_CACHE_ENABLED = False


def _warm(client, url):
    """Visit twice: the second answer comes from the route cache."""
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200


def _superuser():
    user = ProfileFactory().user
    user.is_superuser = True
    user.save()
    return user


def _course_page(title="Finances locales", lessons=2):
    course = course_create(title=title, modules=1, lessons_per_module=lessons)
    return CoursePage.objects.get(pk=course.pk)


def test_known_path_is_routed_in_one_query(client):
    """A course page visited before costs one page query to route, not two a level."""
    course = _course_page()
    _warm(client, course.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(course.url)
    routing = [
        q["sql"]
        for q in queries
        if '"wagtailcore_page"."slug" =' in q["sql"]
        or re.search(r'"courses_catalogpage"."page_ptr_id" = \d', q["sql"])
    ]
    assert routing == []
    assert sum('FROM "courses_coursepage"' in q["sql"] for q in queries) == 1


def _publish_new_slug_after_a_visit(client):
    """The course's answers at its old and new addresses, once its new slug is
    published after a cached visit."""
    course = _course_page()
    old_url = course.url
    _warm(client, old_url)
    course.slug = "finances-communales"
    course.save_revision().publish()
    return client.get(old_url), client.get("/cours/finances-communales/")


def test_publishing_a_new_slug_moves_the_page_at_once(client):
    """After a slug change is published, the old address is a 404 and the new one serves."""
    old, new = _publish_new_slug_after_a_visit(client)
    assert old.status_code == 404
    assert new.status_code == 200
    assert "Finances locales" in new.content.decode()


def test_unpublishing_a_page_makes_its_address_404_at_once(client):
    """An unpublished course answers 404 on the next visit, though it was cached."""
    course = _course_page()
    _warm(client, course.url)
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_moving_a_page_serves_it_at_its_new_address(client):
    """A lesson moved to another course serves at its new address; the old one
    redirects there."""
    first = _course_page("Premier cours")
    second = _course_page("Second cours", lessons=1)
    lesson = ModulePage.objects.child_of(first).first().get_children().last()
    old_url = lesson.url
    client.force_login(_superuser())
    _warm(client, old_url)
    lesson.move(ModulePage.objects.child_of(second).first(), pos="first-child")

    new_url = Page.objects.get(pk=lesson.pk).url
    assert new_url.startswith(second.url)
    response = client.get(old_url)  # Wagtail's automatic redirect, as before
    assert (response.status_code, response["Location"]) == (301, new_url)
    assert client.get(new_url).status_code == 200


def test_a_private_page_still_asks_for_its_password(client):
    """A password-protected course shows the password form on every visit, cached or not."""
    course = _course_page()
    _warm(client, course.url)
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="mairie"
    )
    for _ in range(2):
        response = client.get(course.url)
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode()
        assert "Résumé de Finances locales" not in response.content.decode()


def test_a_draft_change_is_not_served_to_visitors(client):
    """A saved but unpublished new title stays unseen; publishing shows it at once."""
    course = _course_page()
    _warm(client, course.url)
    course.title = "Titre du brouillon"
    course.save_revision()

    body = client.get(course.url).content.decode()
    assert "Finances locales" in body
    assert "Titre du brouillon" not in body
    course.get_latest_revision().publish()
    assert "Titre du brouillon" in client.get(course.url).content.decode()


def test_a_page_added_where_a_404_was_serves_at_once(client):
    """A path that answered 404 serves as soon as a page is published there."""
    url = f"{catalog_get().url}nouveau-cours/"
    assert client.get(url).status_code == 404
    publish(
        catalog_get(),
        CoursePage(title="Nouveau cours", slug="nouveau-cours", summary="Résumé"),
    )
    assert client.get(url).status_code == 200


@pytest.fixture
def redis_cache(settings):
    """The default cache on the Redis of REDIS_URL, under a key prefix of its own."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis: set REDIS_URL=redis://…")
    prefix = f"test-route-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": prefix,
        }
    }
    cache.set("probe", "answered")
    assert cache.get("probe") == "answered"
    yield cache
    client = cache._cache.get_client()  # leave the shared Redis as found
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_a_new_slug_is_seen_at_once_with_the_redis_cache(client, redis_cache):
    """On Redis (shared by every node), a published slug change 404s the old address."""
    old, new = _publish_new_slug_after_a_visit(client)
    assert (old.status_code, new.status_code) == (404, 200)
    assert redis_cache.get(TREE_VERSION_KEY)  # the version really lives in Redis


def test_what_is_cached_before_a_page_change_is_committed_is_dropped_at_commit(
    django_capture_on_commit_callbacks,
):
    """Another node may route (or build a course outline) while a publication is not
    yet committed, and cache the old tree under the new version: the version moves
    again at commit, so those entries are never read."""
    with django_capture_on_commit_callbacks(execute=True):
        tree_changed()
        seen_before_commit = tree_version_get()
    assert tree_version_get() != seen_before_commit
