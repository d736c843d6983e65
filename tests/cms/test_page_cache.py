"""The page cache (cms.page_cache): anonymous visitors get the home, catalogue and
course pages from the cache, never anything of a learner; publishing shows at once;
revisits get 304; the pages still work when the cache does not."""

import gzip

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.images.rect import Rect
from wagtail.models import PageViewRestriction

from courses.models import CoursePage, LessonPage, Trainer
from learners.services import enrollment_create, step_complete
from tests.config.test_cache_outage import hung_cache  # noqa: F401
from tests.factories.courses import (
    catalog_get,
    course_create,
    image_create,
    topic_create,
)
from tests.factories.learners import ProfileFactory

pytestmark = pytest.mark.django_db

CACHE = "X-Campus-Cache"


@pytest.fixture
def course():
    """A published course of two lessons, with a topic."""
    topic = topic_create(name="Gouvernance locale", slug="gouvernance-locale")
    created = course_create(
        title="Finances locales", modules=1, lessons_per_module=2, topics=[topic]
    )
    return CoursePage.objects.get(pk=created.pk)


@pytest.fixture
def pages(course):
    return ["/", catalog_get().url, course.url]


@pytest.fixture
def learner(course):
    """Sokha Vongsakda, halfway through the course."""
    user = ProfileFactory(
        user__first_name="Sokha", user__last_name="Vongsakda", user__email="sokha@pp.kh"
    ).user
    enrollment_create(user=user, course=course)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    step_complete(user=user, page=lesson)
    return user


def _visit(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def _learners_data_in(body: str, learner) -> list[str]:
    clues = ["Sokha", "Vongsakda", learner.email, "csrfmiddlewaretoken", "50 %"]
    return [clue for clue in clues if clue in body]


def test_a_visitor_never_gets_a_page_built_for_a_learner(client, pages, learner):
    """After a learner saw the three pages, a visitor gets them from the cache with
    none of the learner's name, e-mail, progress or CSRF token."""
    client.force_login(learner)
    assert "Bienvenue, Sokha" in _visit(client, "/").content.decode()
    assert "50 % terminé" in _visit(client, pages[2]).content.decode()
    for url in pages:
        assert "csrfmiddlewaretoken" in _visit(client, url).content.decode()
    visitor = Client()
    for url in pages:
        _visit(visitor, url)
        response = _visit(visitor, url)
        assert response[CACHE] == "hit"
        assert _learners_data_in(response.content.decode(), learner) == []


def test_a_learner_gets_their_own_page_after_a_visitor(client, pages, learner):
    """Pages kept for visitors are not served to a learner: they get their own, with
    their progress, marked private and never kept."""
    visitor = Client()
    for url in pages:
        _visit(visitor, url)
    client.force_login(learner)
    for url in pages:
        response = _visit(client, url)
        assert CACHE not in response
        assert response["Cache-Control"] == "private, no-cache"
        assert "ETag" not in response
    assert "Bienvenue, Sokha" in _visit(client, "/").content.decode()
    assert "50 % terminé" in _visit(client, pages[2]).content.decode()
    for url in pages:
        response = _visit(visitor, url)
        assert response[CACHE] == "hit"
        assert _learners_data_in(response.content.decode(), learner) == []


def _drop_deleted_cookies(client):
    """Forget the cookies the site deleted, as a browser does (the test client keeps
    them, empty)."""
    for name in [name for name, morsel in client.cookies.items() if not morsel.value]:
        del client.cookies[name]


def test_the_signed_out_message_shows_once_and_is_never_kept(client, learner):
    """After logging out, the home page says so once; the next visit has no message,
    and the page kept for visitors never carries it."""
    client.force_login(learner)
    response = client.post(reverse("account_logout"), follow=True)
    assert "Vous êtes déconnecté(e)." in response.content.decode()
    assert CACHE not in response
    _drop_deleted_cookies(client)
    again = _visit(client, "/")
    assert "Vous êtes déconnecté(e)." not in again.content.decode()
    assert _visit(client, "/")[CACHE] == "hit"
    assert "déconnecté" not in _visit(Client(), "/").content.decode()


def test_visitors_pages_come_from_the_cache_without_a_query(
    client, pages, django_assert_num_queries
):
    """The second visit of each page is a hit that costs no database query."""
    for url in pages:
        assert _visit(client, url)[CACHE] == "miss"
        with django_assert_num_queries(0):
            response = _visit(client, url)
        assert response[CACHE] == "hit"


def test_publishing_a_course_shows_the_change_at_once(client, pages, course):
    """A new title published shows on the next visit of the course, the catalogue and
    the home page (each then a miss)."""
    for url in pages:
        _visit(client, url)
    course.title = "Finances communales"
    course.save_revision().publish()
    for url in pages:
        response = _visit(client, url)
        assert response[CACHE] == "miss"
        assert "Finances communales" in response.content.decode()


def test_a_new_slug_or_an_unpublished_course_is_seen_at_once(client, pages, course):
    """After a slug change the old address is a 404 and the new one serves; after
    unpublishing, the course is a 404 and leaves the catalogue."""
    old_url = course.url
    for url in pages:
        _visit(client, url)
    course.slug = "finances-communales"
    course.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert _visit(client, "/cours/finances-communales/")[CACHE] == "miss"

    CoursePage.objects.get(pk=course.pk).unpublish()
    assert client.get("/cours/finances-communales/").status_code == 404
    assert "Finances locales" not in _visit(client, pages[1]).content.decode()


def test_changing_a_topic_a_trainer_or_an_image_shows_at_once(client, pages, course):
    """Topics, trainers and images are not pages: changing one shows on the next
    visit all the same."""
    trainer = Trainer.objects.create(name="Awa Diop", bio="Formatrice")
    course.trainers = [trainer]
    course.cover_image = image_create()
    course.save_revision().publish()
    for snippet, name in (
        (course.topics.get(), "Gouvernance municipale"),
        (trainer, "Awa Ndiaye"),
    ):
        for url in pages:
            _visit(client, url)
        snippet.name = name
        snippet.save()
        assert name in _visit(client, course.url).content.decode()
    assert "Gouvernance municipale" in _visit(client, pages[1]).content.decode()

    catalogue_before = _visit(client, pages[1]).content.decode()  # a cropped cover
    image = course.cover_image
    image.set_focal_point(Rect(0, 0, 100, 100))
    image.save()
    again = _visit(client, pages[1])
    assert again[CACHE] == "miss"
    assert again.content.decode() != catalogue_before


def test_a_course_made_private_is_no_longer_served_from_the_cache(client, course):
    """A course given a password after a visit asks visitors for it, and is not kept."""
    _visit(client, course.url)
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="mairie"
    )
    for _ in range(2):
        response = _visit(client, course.url)
        assert 'name="password"' in response.content.decode()
        assert CACHE not in response


def test_a_revisit_with_the_pages_etag_gets_304(client, pages):
    """A browser that kept the page asks with its ETag and gets 304 without a body; a
    stale ETag gets the page."""
    for url in pages:
        first = _visit(client, url)
        assert first["Cache-Control"] == "no-cache"
        assert {"Cookie", "Accept-Language"} <= {
            v.strip() for v in first["Vary"].split(",")
        }
        for _ in range(2):  # a miss answers too (e.g. after a restart of Redis)
            revisit = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
            assert (revisit.status_code, revisit.content) == (304, b"")
            assert revisit["ETag"] == first["ETag"]
            cache.clear()
        assert _visit(client, url, HTTP_IF_NONE_MATCH='"stale"').content


def test_a_compressed_page_from_the_cache_is_gzip_with_a_weak_etag(client, course):
    """With Accept-Encoding: gzip a hit is the compressed page with a weak ETag, the
    same as a miss, and a revisit with that ETag gets 304."""
    miss = _visit(client, course.url, HTTP_ACCEPT_ENCODING="gzip")
    hit = _visit(client, course.url, HTTP_ACCEPT_ENCODING="gzip")
    assert (hit[CACHE], hit["Content-Encoding"]) == ("hit", "gzip")
    assert hit["ETag"] == miss["ETag"] and hit["ETag"].startswith('W/"')
    assert gzip.decompress(hit.content) == gzip.decompress(miss.content)
    assert "Finances locales" in gzip.decompress(hit.content).decode()
    revisit = client.get(
        course.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=hit["ETag"]
    )
    assert revisit.status_code == 304


def test_head_is_answered_from_the_cache(client, course):
    """HEAD gets the page's headers from the cache, without a body."""
    get = _visit(client, course.url)
    head = client.head(course.url)
    assert (head.status_code, head[CACHE], head.content) == (200, "hit", b"")
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_french_and_english_pages_are_kept_apart(client, course):
    """A visitor who chose English gets English pages; one who did not, French."""
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _ in range(2):
        assert "Aller au contenu" in _visit(client, course.url).content.decode()
        body = _visit(english, course.url).content.decode()
        assert "Skip to content" in body and '<html lang="en">' in body
    assert _visit(english, course.url)[CACHE] == "hit"


def test_a_cached_page_keeps_the_security_headers_without_a_nonce(client, course):
    """A page from the cache carries the CSP (with no nonce to go stale) and the
    other security headers."""
    _visit(client, course.url)
    hit = _visit(client, course.url)
    assert hit[CACHE] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert "nonce-" not in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"


def test_catalogue_filters_are_kept_but_made_up_parameters_are_not(client):
    """A filtered catalogue is kept per address; an address with a parameter the
    catalogue does not read is served but not kept."""
    url = catalog_get().url
    _visit(client, f"{url}?level=debutant")
    assert _visit(client, f"{url}?level=debutant")[CACHE] == "hit"
    _visit(client, f"{url}?utm_source=lettre")
    assert _visit(client, f"{url}?utm_source=lettre")["Cache-Control"] == (
        "private, no-cache"
    )


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, course):
    """A request with a session cookie (even without a login) builds its own page."""
    _visit(client, course.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert CACHE not in _visit(client, course.url)


def test_the_page_cache_can_be_turned_off(client, course, settings):
    """With PAGE_CACHE_ENABLED off, every visit builds the page."""
    settings.PAGE_CACHE_ENABLED = False
    _visit(client, course.url)
    assert CACHE not in _visit(client, course.url)


def test_pages_still_render_while_the_cache_hangs(client, hung_cache, course):  # noqa: F811
    """With Redis hung, the three pages answer normally, built each time."""
    for url in ["/", catalog_get().url, course.url]:
        for _ in range(2):
            response = _visit(client, url)
            assert response[CACHE] == "miss"
            assert "Campus" in response.content.decode()


def test_a_deployment_forgets_the_pages_kept_by_the_previous_code(client, course):
    """`migrate`, which every deployment runs, makes the next visit a miss, so pages
    rendered by old templates (with old static file names) are not served after it."""
    _visit(client, course.url)
    call_command("migrate", verbosity=0)
    assert _visit(client, course.url)[CACHE] == "miss"
