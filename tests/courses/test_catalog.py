"""The catalogue: cards, filters and search that work without JavaScript."""

import pytest

from courses.models import ModulePage
from tests.factories.courses import (
    catalog_get,
    course_create,
    lesson_body,
    lesson_create,
    topic_create,
)

pytestmark = pytest.mark.django_db


def _titles(client, query=""):
    response = client.get(f"{catalog_get().url}{query}")
    assert response.status_code == 200
    return response, [c.title for c in response.context["courses"]]


def test_catalogue_lists_live_courses_with_their_facts(client):
    finance = topic_create()
    course_create(
        title="Finances locales",
        level="intermediaire",
        topics=[finance],
        modules=1,
        lessons_per_module=2,
    )
    response, titles = _titles(client)
    assert titles == ["Finances locales"]
    body = response.content.decode()
    assert "Intermédiaire" in body
    assert "Finances locales" in body
    assert "4 minutes" in body  # two lessons of 300 words at 180 words a minute
    assert "Français" in body


def test_drafts_and_unpublished_courses_are_not_listed(client):
    course_create(title="Publié")
    hidden = course_create(title="Retiré")
    hidden.unpublish()
    _, titles = _titles(client)
    assert titles == ["Publié"]


def test_filters_by_topic_axis_level_and_language(client):
    axis = topic_create(
        name="Décentralisation et gouvernance locale", slug="axe-gouvernance"
    )
    finance = topic_create(parent=axis)
    iso = topic_create(name="ISO 37001", slug="iso-37001", parent=axis)
    course_create(title="Budget", topics=[finance], level="debutant")
    course_create(title="Anti-corruption", topics=[iso], level="avance")
    course_create(title="Governance", topics=[], level="debutant", language="en")
    assert _titles(client, "?topic=finances-locales")[1] == ["Budget"]
    assert sorted(_titles(client, "?topic=axe-gouvernance")[1]) == [
        "Anti-corruption",
        "Budget",
    ]
    assert _titles(client, "?level=avance")[1] == ["Anti-corruption"]
    assert _titles(client, "?language=en")[1] == ["Governance"]
    assert _titles(client, "?level=debutant&language=fr")[1] == ["Budget"]


def test_unknown_filter_values_are_ignored_with_a_message(client):
    course_create(title="Budget")
    response, titles = _titles(client, "?level=expert&topic=nope&language=xx")
    assert titles == ["Budget"]
    assert "Certains filtres n’ont pas été reconnus" in response.content.decode()


def test_search_finds_courses_by_title_summary_and_lesson_text(client):
    course = course_create(
        title="Finances locales",
        summary="Le cycle budgétaire",
        modules=1,
        lessons_per_module=1,
    )
    module = ModulePage.objects.child_of(course).get()
    lesson_create(
        module,
        title="Marchés",
        body=lesson_body(
            extra=[
                {
                    "type": "paragraph",
                    "value": "<p>Le placier perçoit les droits de marché.</p>",
                    "id": "x",
                }
            ]
        ),
    )
    course_create(title="ISO 37001", summary="Système de management anti-corruption")
    assert _titles(client, "?q=Finances")[1] == ["Finances locales"]
    assert _titles(client, "?q=anti-corruption")[1] == ["ISO 37001"]
    assert _titles(client, "?q=placier")[1] == ["Finances locales"]
    response, titles = _titles(client, "?q=zzzzzz")
    assert titles == []
    assert "Aucun cours ne correspond" in response.content.decode()


def test_pagination_keeps_the_filters(client):
    for n in range(14):
        course_create(
            title=f"Cours {n}", modules=1, lessons_per_module=1, level="debutant"
        )
    response, titles = _titles(client, "?level=debutant")
    assert len(titles) == 12
    body = response.content.decode()
    assert "?level=debutant&amp;page=2" in body
    assert len(_titles(client, "?level=debutant&page=2")[1]) == 2
    assert len(_titles(client, "?page=999")[1]) == 2  # past the end: the last page


def test_catalogue_page_needs_no_javascript(client):
    course_create()
    body = client.get(catalog_get().url).content.decode()
    assert "<script" not in body
    assert 'method="get"' in body


def test_home_page_shows_the_newest_courses_and_links_the_catalogue(
    client, django_assert_max_num_queries
):
    for n in range(5):
        course_create(title=f"Cours {n}", modules=1, lessons_per_module=1)
    client.get("/")
    with django_assert_max_num_queries(12):
        body = client.get("/").content.decode()
    assert "Nos cours" in body
    assert "Cours 4" in body and "Cours 0" not in body  # the four newest
    assert f'href="{catalog_get().url}"' in body
