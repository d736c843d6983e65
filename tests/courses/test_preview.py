"""Trainers preview their drafts (preview panel, "view draft"): every page type, every
state, with an outline that includes the drafts; learners never see them."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, LessonPage, ModulePage
from tests.factories.courses import catalog_get, course_create, lesson_body
from tests.factories.quizzes import quiz_create, single

pytestmark = pytest.mark.django_db


def _draft(parent, page):
    """Save `page` under `parent` as a never-published draft (with its revision)."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def _view_draft(client, page):
    return client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))


def _draft_course():
    course = _draft(
        catalog_get(), CoursePage(title="Marchés publics", slug="mp", summary="Résumé")
    )
    module = _draft(course, ModulePage(title="Préparer l’achat", slug="preparer"))
    lesson = _draft(
        module,
        LessonPage(title="Le besoin", slug="besoin", body=lesson_body(words=500)),
    )
    return course, module, lesson


def test_draft_lesson_of_a_draft_course_previews_with_its_module(client, reader):
    """The draft lesson's preview answers 200 with its text, module and step number."""
    course, module, lesson = _draft_course()
    response = _view_draft(client, lesson)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Le besoin" in body and "Préparer l’achat" in body
    assert "Marchés publics" in body  # the breadcrumb names the draft course
    assert "Étape 1 sur 1" in body


def test_draft_course_preview_shows_its_draft_outline_and_duration(client, reader):
    """The draft course's preview lists its draft module and lesson, with their time."""
    course, module, lesson = _draft_course()
    body = _view_draft(client, course).content.decode()
    assert "Préparer l’achat" in body and "Le besoin" in body
    assert "3 minutes" in body  # 500 words at 180 a minute
    assert "0 minute" not in body


def test_new_draft_lesson_in_a_live_course_previews_before_and_after_saving(
    client, reader
):
    """The editor's preview panel works on an unsaved lesson, and on the saved draft."""
    course = course_create(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("courses", "lessonpage", module.pk),
    )
    data = nested_form_data(
        {
            "title": "Nouvelle leçon",
            "slug": "nouvelle",
            "title_en": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Texte encore secret.</p>"))]
            ),
        }
    )
    assert client.post(preview_url, data).json()["is_valid"]
    body = client.get(preview_url).content.decode()
    assert "Texte encore secret." in body
    assert "Étape 3 sur 3" in body  # after the two live lessons
    draft = _draft(module, LessonPage(title="Nouvelle leçon", body=lesson_body()))
    response = _view_draft(client, draft)
    assert response.status_code == 200
    assert "Étape 3 sur 3" in response.content.decode()


def test_moved_lesson_previews_under_its_new_module(client, reader):
    """After a move, the preview's breadcrumb and step follow the new place."""
    course = course_create(modules=2, lessons_per_module=1)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    lesson = LessonPage.objects.child_of(first).get()
    lesson.save_revision()  # a pending change, as when a trainer edits then moves
    lesson.move(second, pos="last-child")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    body = _view_draft(client, lesson).content.decode()
    assert "Module 2" in body
    assert "Étape 2 sur 2" in body


def test_draft_quiz_previews_with_its_rules_and_place(client, reader):
    """A draft quiz's preview shows its rules and its step in the course."""
    course = course_create(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_create(module, title="Quiz du module", questions=[single()])
    quiz.unpublish()
    quiz.save_revision()
    response = _view_draft(client, quiz)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Quiz du module" in body and "Étape 2 sur 2" in body


def test_unpublished_changes_preview_with_the_draft_in_the_outline(client, reader):
    """A live lesson's pending changes show in its preview and in the course preview."""
    course = course_create(modules=1, lessons_per_module=2)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    lesson.title = "Titre revu"
    lesson.body = json.dumps(
        [{"type": "paragraph", "value": "<p>Texte revu.</p>", "id": "x1"}]
    )
    lesson.save_revision()
    body = _view_draft(client, LessonPage.objects.get(pk=lesson.pk)).content.decode()
    assert "Titre revu" in body and "Texte revu." in body
    outline = _view_draft(client, course).content.decode()
    assert "Titre revu" in outline


def test_previews_never_show_drafts_to_learners(client, reader):
    """After a trainer's preview, the public course page still lists live pages only."""
    course, module, lesson = _draft_course()
    live_course = course_create(title="Cours public", modules=1, lessons_per_module=1)
    live_module = ModulePage.objects.child_of(live_course).get()
    _draft(live_module, LessonPage(title="Brouillon caché", body=lesson_body()))
    assert "Brouillon caché" in _view_draft(client, live_course).content.decode()
    client.logout()
    public = client.get(live_course.url).content.decode()
    assert "Brouillon caché" not in public
    assert client.get(f"{live_module.url}besoin/").status_code == 404
