"""Course and lesson pages: outline, navigation, drafts hidden, light on a phone."""

import pytest

from courses.models import LessonPage, ModulePage
from tests.factories.courses import (
    block,
    course_create,
    image_create,
    lesson_body,
    lesson_create,
)

pytestmark = pytest.mark.django_db


def _lessons(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def test_course_page_shows_outline_durations_outcomes_and_trainers(client):
    from courses.models import CourseOutcome, Trainer

    course = course_create(title="Finances locales", modules=2, lessons_per_module=2)
    course.outcomes = [CourseOutcome(text="Lire un compte administratif")]
    course.trainers = [
        Trainer.objects.create(name="Marie-Claude Essomba", bio="Trésorière")
    ]
    course.save_revision().publish()
    body = client.get(course.url).content.decode()
    assert "Module 1" in body and "Module 2" in body
    assert body.count("Leçon ") >= 4
    assert "Lire un compte administratif" in body
    assert "Marie-Claude Essomba" in body
    assert "8 minutes" in body  # four lessons of two minutes
    assert "Se connecter pour s’inscrire" in body


def test_duration_override_replaces_the_computed_duration(client):
    course = course_create(duration_override=95)
    assert "1 h 35 min" in client.get(course.url).content.decode()


def test_lesson_reading_time_is_computed_from_its_text():
    course = course_create(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    lesson = lesson_create(module, body=lesson_body(words=880))  # + a 2-word heading
    assert lesson.reading_minutes == 5


def test_lesson_has_breadcrumbs_and_previous_next_across_modules(client, reader):
    course = course_create(modules=2, lessons_per_module=2)
    lessons = _lessons(course)
    body = client.get(lessons[1].url).content.decode()
    assert 'aria-current="page"' in body
    assert f'href="{lessons[0].url}" rel="prev"' in body
    assert f'href="{lessons[2].url}" rel="next"' in body  # first lesson of module 2
    assert "Étape 2 sur 4" in body
    first = client.get(lessons[0].url).content.decode()
    assert 'rel="prev"' not in first
    last = client.get(lessons[-1].url).content.decode()
    assert 'rel="next"' not in last


def test_draft_and_unpublished_lessons_are_invisible_to_learners(client, reader):
    course = course_create(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    draft = lesson_create(module, title="Brouillon secret", live=False)
    lessons = _lessons(course)
    lessons[1].unpublish()
    assert client.get(draft.url or f"{module.url}{draft.slug}/").status_code == 404
    assert client.get(f"{module.url}{lessons[1].slug}/").status_code == 404
    outline = client.get(course.url).content.decode()
    assert "Brouillon secret" not in outline and lessons[1].title not in outline
    body = client.get(lessons[0].url).content.decode()
    assert 'rel="next"' not in body


def test_module_url_leads_to_its_place_in_the_course_outline(client):
    course = course_create(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{course.url}#module-{module.pk}")


def test_lesson_images_are_renditions_not_originals(client, reader):
    course = course_create(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    image = image_create(size=(3000, 2000))
    lesson = lesson_create(
        module,
        body=lesson_body(
            extra=[
                block(
                    "image",
                    {"image": image.pk, "alt": "Conseil municipal", "caption": ""},
                )
            ]
        ),
    )
    body = client.get(lesson.url).content.decode()
    assert image.file.url not in body
    assert 'alt="Conseil municipal"' in body and ".webp" in body


def test_lesson_page_is_printable_and_needs_no_javascript(client, reader):
    course = course_create(modules=1, lessons_per_module=1)
    body = client.get(_lessons(course)[0].url).content.decode()
    assert "<script" not in body
    css = open("static/css/campus.css", encoding="utf-8").read()
    assert "@media print" in css and ".lesson-nav" in css.split("@media print")[-1]


def test_english_interface_shows_english_titles(client):
    course = course_create(
        title="Finances locales", title_en="Local finance", summary_en="Budgets"
    )
    client.post("/language/", {"language": "en", "next": "/"})
    body = client.get(course.url).content.decode()
    assert "<h1>Local finance</h1>" in body
