"""Catalogue search: most relevant first, course titles first, any spelling of a code.

Runs on SQLite (Wagtail's database backend, FTS5) and, with DATABASE_URL set, on
PostgreSQL (full-text search in French)."""

import pytest

from courses.search_terms import query_variants, title_matches
from tests.factories.courses import catalog_get, course_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """These tests read the catalogue view's context, which a page from the page
    cache (cms.page_cache) does not have."""
    settings.PAGE_CACHE_ENABLED = False


def _titles(client, query):
    response = client.get(catalog_get().url, {"q": query})
    assert response.status_code == 200
    return [course.title for course in response.context["courses"]]


def test_query_variants_split_and_join_codes():
    """'iso37001' is also searched as 'iso 37001', and the other way round."""
    assert query_variants("iso37001") == ["iso37001", "iso 37001"]
    assert query_variants("ISO  37001") == ["ISO 37001", "ISO37001"]
    assert query_variants("budget") == ["budget"]
    assert title_matches("iso37001", "ISO 37001 : management anti-corruption")
    assert title_matches("fiscalite", "Budget, fiscalité")
    assert not title_matches("budget", "Participation citoyenne")


def test_more_relevant_course_comes_before_a_newer_one(client):
    """A course about the budget outranks a newer one that mentions it once."""
    course_create(
        title="Comptes communaux",
        summary="Voter le budget, exécuter le budget, contrôler le budget.",
        modules=0,
    )
    course_create(
        title="Participation citoyenne",
        summary="Les habitants et le budget participatif, parmi d’autres outils.",
        description="<p>Assemblées de quartier, pétitions, conseils de jeunes.</p>",
        modules=0,
    )
    assert _titles(client, "budget") == ["Comptes communaux", "Participation citoyenne"]
    # Without a query, the newest course still comes first.
    response = client.get(catalog_get().url)
    assert response.context["courses"][0].title == "Participation citoyenne"


def test_query_naming_a_course_title_ranks_it_first(client):
    """A course whose title holds the query comes first, however often others say it."""
    course_create(
        title="Comptes communaux",
        summary="Le budget, le budget, toujours le budget : voter le budget.",
        modules=0,
    )
    course_create(
        title="Budget participatif", summary="Les habitants décident.", modules=0
    )
    course_create(title="Eau potable", summary="Les réseaux.", modules=0)
    assert _titles(client, "budget")[0] == "Budget participatif"
    assert "Eau potable" not in _titles(client, "budget")


def test_code_typed_without_its_space_finds_the_course(client):
    """'iso37001' finds "ISO 37001", and 'ISO 37001' finds a course that writes ISO37001."""
    course_create(title="ISO 37001 : anti-corruption", summary="La norme.", modules=0)
    course_create(title="Achats", summary="Conforme à ISO37001 et aux lois.", modules=0)
    assert _titles(client, "iso37001")[0] == "ISO 37001 : anti-corruption"
    assert set(_titles(client, "ISO 37001")) == {
        "ISO 37001 : anti-corruption",
        "Achats",
    }


def test_demo_catalogue_search_puts_the_right_course_first(client):
    """On the demo catalogue, 'budget' gives Finances locales first; 'iso37001' ISO 37001."""
    from demo.catalogue import demo_catalogue_load

    demo_catalogue_load()
    assert _titles(client, "budget")[0].startswith("Finances locales")
    assert _titles(client, "iso37001")[0].startswith("ISO 37001")


@pytest.mark.postgres
def test_postgres_search_reads_french_word_forms(client):
    """On PostgreSQL (french configuration), 'communales' finds 'communal'; 'réseau' finds 'réseaux'."""
    course_create(title="Le budget communal", summary="Voter.", modules=0)
    course_create(title="Eau potable", summary="Les réseaux.", modules=0)
    assert _titles(client, "communales") == ["Le budget communal"]
    assert _titles(client, "réseau") == ["Eau potable"]  # "Les réseaux."
