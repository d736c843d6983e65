"""The catalogue, course and lesson pages cost the same number of queries for any course size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import LessonPage
from tests.factories.courses import catalog_get, course_create

pytestmark = pytest.mark.django_db


def _count(client, url):
    client.get(url)  # warm the per-process caches (site root, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _pages(course):
    lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
    return {
        "course": course.url,
        "lesson": lessons[len(lessons) // 2].url,
        "catalog": catalog_get().url,
    }


def test_page_queries_do_not_grow_from_10_to_200_lessons(client, reader):
    """The catalogue, course and lesson pages cost as many queries for 200 lessons as
    for 10, and fewer than before the route cache."""
    small = course_create(title="Petit", modules=2, lessons_per_module=5)
    small_counts = {name: _count(client, url) for name, url in _pages(small).items()}
    big = course_create(title="Grand", modules=10, lessons_per_module=20)
    big_counts = {name: _count(client, url) for name, url in _pages(big).items()}
    assert big_counts == small_counts
    # Routing a known path is one query (cms.routing): 19, 18 and 15 before it.
    assert small_counts["course"] <= 16
    assert small_counts["lesson"] <= 10
    assert small_counts["catalog"] <= 14
