"""Trainer-made pages get ASCII URLs: accents transliterated, never percent-encoded."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.forms import ascii_slug
from courses.models import CoursePage
from tests.factories.courses import catalog_get

pytestmark = pytest.mark.django_db


def _add_course(client, **fields):
    data = nested_form_data(
        {
            "summary": "Résumé",
            "level": "debutant",
            "language": "fr",
            "outcomes": inline_formset([]),
            **fields,
        }
    )
    url = reverse(
        "wagtailadmin_pages:add", args=("courses", "coursepage", catalog_get().pk)
    )
    return client.post(url, {**data, "action-submit": "submit"})


def test_ascii_slug_transliterates_french_letters():
    """é → e, œ → oe, ç → c: nothing is dropped, nothing stays accented."""
    assert ascii_slug("Marchés publics : prévenir l’œuvre") == (
        "marches-publics-prevenir-loeuvre"
    )
    assert ascii_slug("façade-été") == "facade-ete"


def test_accented_slug_sent_to_the_admin_is_saved_in_ascii(client, reader):
    """A slug typed with accents (or sent without JavaScript) is stored in ASCII."""
    response = _add_course(
        client, title="Marchés publics", slug="marchés-publics-prévenir"
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    course = CoursePage.objects.get(title="Marchés publics")
    assert course.slug == "marches-publics-prevenir"
    assert "%C3" not in course.url_path and "é" not in course.url_path


def test_admin_slug_field_is_told_to_transliterate(client, reader):
    """The add form's slug auto-fill runs in ASCII mode (no unicode slugs)."""
    url = reverse(
        "wagtailadmin_pages:add", args=("courses", "coursepage", catalog_get().pk)
    )
    body = client.get(url).content.decode()
    assert 'data-controller="w-slug"' in body
    # Django leaves out a False attribute; True would render it (unicode allowed).
    assert "data-w-slug-allow-unicode-value" not in body
