"""Learner pages cost the same number of queries for 10 or 200 lessons, 1 or 20 enrolments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonPage
from learners.services import enrollment_create, step_complete
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory

pytestmark = pytest.mark.django_db


def _count(client, method, url):
    getattr(client, method)(url)
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url)
    assert response.status_code in (200, 302)
    return len(queries)


def _measure(client, user, course):
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    enrollment_create(user=user, course=course)
    step_complete(user=user, page=lessons[0])
    middle = lessons[len(lessons) // 2]
    return {
        "course": _count(client, "get", course.url),
        "lesson": _count(client, "get", middle.url),
        "complete": _count(
            client, "post", reverse("learners:step_complete", args=[middle.pk])
        ),
    }


def test_course_lesson_and_complete_queries_do_not_grow_with_the_course(client):
    """A learner's course, lesson and "mark complete" cost as many queries for 200
    lessons as for 10, and fewer than before."""
    user = ProfileFactory().user
    client.force_login(user)
    small = _measure(
        client, user, course_create(title="Petit", modules=2, lessons_per_module=5)
    )
    big = _measure(
        client, user, course_create(title="Grand", modules=10, lessons_per_module=20)
    )
    assert small == big
    # One routing query for a known path (cms.routing) and one enrolment read
    # (learners.request_memo): the course page cost 20, the lesson 18 before them.
    assert small["course"] <= 17 and small["lesson"] <= 10 and small["complete"] <= 16


def test_lesson_reads_the_enrolment_once_and_the_profile_not_at_all(client):
    """A lesson reads the learner's enrolment once (access rule and progress alike), and
    the interface language from the session, not from the profile."""
    user = ProfileFactory(preferred_language="en").user
    client.force_login(user)
    course = course_create(title="Petit", modules=1, lessons_per_module=2)
    enrollment_create(user=user, course=course)
    lesson = LessonPage.objects.live().descendant_of(course).first()
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    tables = [q["sql"].split(" FROM ", 1)[1].split(" ", 1)[0] for q in queries]
    assert tables.count('"learners_enrollment"') == 1
    assert '"learners_profile"' not in tables


def test_dashboard_queries_do_not_grow_with_enrolments(client):
    user = ProfileFactory().user
    client.force_login(user)
    courses = [
        course_create(title=f"Cours {n}", modules=1, lessons_per_module=2)
        for n in range(20)
    ]
    enrollment_create(user=user, course=courses[0])
    one = _count(client, "get", reverse("learners:dashboard"))
    for course in courses[1:]:
        enrollment_create(user=user, course=course)
        step_complete(
            user=user, page=LessonPage.objects.live().descendant_of(course).first()
        )
    twenty = _count(client, "get", reverse("learners:dashboard"))
    assert one == twenty <= 8
