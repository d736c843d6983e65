"""One duration rule: the catalogue card, the home card and the course page agree."""

import re

import pytest

from courses.models import CoursePage, LessonPage, ModulePage
from courses.reading_time import course_minutes
from courses.selectors import (
    CatalogFilters,
    catalog_course_list,
    course_minutes_get,
)
from tests.factories.courses import (
    catalog_get,
    course_create,
    lesson_body,
    lesson_create,
)
from tests.factories.quizzes import quiz_create, single, truefalse

pytestmark = pytest.mark.django_db


def _course_with_quiz_draft_and_hidden_module():
    course = course_create(title="Finances locales", modules=2, lessons_per_module=1)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    quiz_create(
        first, questions=[single(), truefalse(), single()]
    )  # 4 minutes (1.5 a question)
    lesson_create(first, title="Brouillon", body=lesson_body(words=900), live=False)
    hidden = ModulePage.objects.get(pk=second.pk)
    hidden.live = False  # unpublished alone: its lesson is still live, yet not shown
    hidden.save()
    return course


def test_course_minutes_rule_prefers_the_trainers_estimate():
    """A set estimate wins; 0 or none means the steps' sum."""
    assert course_minutes(override=95, steps_minutes=[2, 5]) == 95
    assert course_minutes(override=0, steps_minutes=[2, 5]) == 7
    assert course_minutes(override=None, steps_minutes=[]) == 0


def test_catalogue_sql_and_course_outline_agree_on_every_course():
    """The card's SQL figure equals the course page's, quizzes counted, drafts not."""
    _course_with_quiz_draft_and_hidden_module()
    course_create(title="Estimé", duration_override=95)
    course_create(title="Estimé zéro", duration_override=0, modules=1)
    cards = catalog_course_list(catalog=catalog_get(), filters=CatalogFilters())
    figures = {card.title: card.minutes for card in cards}
    for course in CoursePage.objects.all():
        assert figures[course.title] == course_minutes_get(course=course), course.title
    assert figures == {"Finances locales": 6, "Estimé": 95, "Estimé zéro": 4}


def test_cards_and_course_page_show_the_same_duration(client):
    """Catalogue, home page and course page all say 6 minutes (lesson + quiz)."""
    course = _course_with_quiz_draft_and_hidden_module()
    catalogue = client.get(catalog_get().url).content.decode()
    home = client.get("/").content.decode()
    page = client.get(course.url).content.decode()
    for body in (catalogue, home, page):
        assert re.search(r"\b6 minutes", body), body[:200]
    assert LessonPage.objects.live().descendant_of(course).count() == 2
