"""The lesson page: what every visitor sees alike comes from the cache, the learner's
own progress never does; and the demo lesson stays light on the wire."""

import gzip
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from courses.models import LessonPage
from learners.roles import Role
from learners.services import enrollment_create, role_grant, step_complete
from tests.factories.courses import block, course_create
from tests.factories.learners import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

LESSON_GZIP_BUDGET = 5000  # bytes: issue 14's budget for the demo lesson's HTML


def _learner_client(course):
    user = ProfileFactory().user
    enrollment_create(user=user, course=course)
    client = Client()
    client.force_login(user)
    return user, client


def _lessons(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def _publish_text(lesson, text):
    lesson.body = json.dumps([block("paragraph", f"<p>{text}</p>")])
    lesson.save_revision().publish()


def test_each_learner_sees_their_own_progress_on_a_cached_lesson():
    """Two learners read the same lesson: the one who completed it sees it done and
    half the course done, the other the "mark as complete" button and 0 %."""
    course = course_create(modules=1, lessons_per_module=2)
    lesson = _lessons(course)[0]
    done_user, done_client = _learner_client(course)
    step_complete(user=done_user, page=lesson)
    _, new_client = _learner_client(course)

    done = done_client.get(lesson.url).content.decode()
    fresh = new_client.get(lesson.url).content.decode()
    again = done_client.get(lesson.url).content.decode()

    assert "Vous avez terminé cette leçon." in done and "50 %" in done
    assert "Vous avez terminé cette leçon." not in fresh
    assert "Marquer comme terminée et continuer" in fresh and "0 %" in fresh
    assert "Vous avez terminé cette leçon." in again
    for body in (done, fresh, again):
        assert "Étape 1 sur 2" in body and "Temps de lecture" in body


def test_a_published_change_shows_at_once_on_a_cached_lesson():
    """A lesson read (and cached), then edited and published: the next reader sees the
    new text, and the step numbers follow a lesson added before it."""
    course = course_create(modules=1, lessons_per_module=2)
    first, second = _lessons(course)
    _, client = _learner_client(course)
    assert "Étape 2 sur 2" in client.get(second.url).content.decode()

    _publish_text(second, "Un texte entièrement nouveau")
    body = client.get(second.url).content.decode()
    assert "Un texte entièrement nouveau" in body

    first.unpublish()
    body = client.get(second.url).content.decode()
    assert "Étape 1 sur 1" in body


def test_a_draft_is_previewed_but_never_served_from_or_into_the_cache():
    """A trainer's "view draft" shows the draft text; learners keep reading the
    published lesson before and after that preview."""
    course = course_create(modules=1, lessons_per_module=1)
    lesson = _lessons(course)[0]
    _, learner = _learner_client(course)
    published = learner.get(lesson.url).content.decode()

    lesson.body = json.dumps([block("paragraph", "<p>Brouillon pas encore publié</p>")])
    lesson.save_revision()
    trainer = UserFactory()
    role_grant(user=trainer, role=Role.TRAINER)
    editor = Client()
    editor.force_login(trainer)
    draft = editor.get(reverse("wagtailadmin_pages:view_draft", args=(lesson.pk,)))

    assert draft.status_code == 200
    assert "Brouillon pas encore publié" in draft.content.decode()
    after = learner.get(lesson.url).content.decode()
    assert "Brouillon pas encore publié" not in after
    assert "Brouillon pas encore publié" not in published


def test_a_cached_lesson_follows_the_reader_s_language():
    """The same lesson read in French, then in English: each in its own language."""
    course = course_create(modules=1, lessons_per_module=1)
    lesson = _lessons(course)[0]
    _, client = _learner_client(course)
    assert "Temps de lecture" in client.get(lesson.url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(lesson.url).content.decode()
    assert "Reading time" in english and "Temps de lecture" not in english


def test_demo_lesson_html_gzipped_stays_within_the_budget():
    """The demo course's first lesson, as its enrolled learner receives it, weighs at
    most 5 kB gzipped (level 6, as `make bench` measures it)."""
    from courses.models import CoursePage
    from demo.catalogue import course_data_list, demo_catalogue_load

    demo_catalogue_load()
    course = CoursePage.objects.get(slug=course_data_list()[0]["slug"])
    lesson = _lessons(course)[0]
    _, client = _learner_client(course)
    client.get(lesson.url)  # the second answer comes from the cache
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Marquer comme terminée" in response.content.decode()
    size = len(gzip.compress(response.content, compresslevel=6, mtime=0))
    assert size <= LESSON_GZIP_BUDGET


def test_a_lesson_reads_the_tree_version_from_the_cache_once(monkeypatch):
    """Route cache, course outline, catalogue link and lesson fragment all key on the
    tree version: one request asks the cache for it once, and they agree."""
    from cms import page_tree

    course = course_create(modules=1, lessons_per_module=2)
    _user, client = _learner_client(course)
    url = _lessons(course)[0].url
    assert client.get(url).status_code == 200  # fills the caches
    reads = []
    original = page_tree._version_read
    monkeypatch.setattr(
        page_tree, "_version_read", lambda: reads.append(1) or original()
    )
    assert client.get(url).status_code == 200
    assert len(reads) == 1
    # Outside a request (a task, a command), every call asks the cache again.
    page_tree.tree_version_get()
    page_tree.tree_version_get()
    assert len(reads) == 3


def test_a_change_inside_a_request_moves_the_pinned_version():
    from cms.page_tree import tree_changed, tree_version_get, tree_version_pinned

    with tree_version_pinned():
        before = tree_version_get()
        tree_changed()
        assert tree_version_get() != before
