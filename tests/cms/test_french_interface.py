"""No English in the French interface, no French left in the English one: the
review workflow's name, the admin login, Wagtail's French, the home page and the
catalogue in English."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from tests.factories.courses import course_create
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_review_workflow_has_a_french_name(client, superuser):
    """The editor offers "Soumettre à « Relecture du cours »", not "Course review"."""
    assert Workflow.objects.filter(name="Relecture du cours", active=True).exists()
    assert not Workflow.objects.filter(name="Course review").exists()
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)

    body = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content
    text = body.decode()

    assert "Soumettre à « Relecture du cours »" in text
    assert "Course review" not in text


def test_admin_login_labels_are_french(client):
    """The admin login form says "Mot de passe", not "Password"."""
    text = client.get(reverse("wagtailadmin_login")).content.decode()

    assert "Mot de passe<span" in " ".join(text.split()).replace("> ", ">")
    assert ">\n            Password<" not in text
    assert "Password<span" not in " ".join(text.split()).replace("> ", ">")


def test_admin_home_counts_pages_in_good_french(client, superuser):
    """The site summary says "pages créées", not Wagtail's "crées"."""
    text = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "créées dans" in text
    assert "crées dans" not in text


def test_course_editor_adds_one_learning_outcome(client, superuser):
    """The button reads "Ajouter : Objectif d’apprentissage", never "Ajouter un(e)"."""
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)

    text = client.get(
        reverse("wagtailadmin_pages:edit", args=[course.pk])
    ).content.decode()

    assert "Ajouter : Objectif d’apprentissage" in text
    assert "Ajouter un(e)" not in text


def test_home_catalogue_and_breadcrumbs_are_english_in_english(client):
    """In English the home hero, the catalogue's title and introduction and the
    breadcrumbs are English."""
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)
    client.cookies["campus_language"] = "en"

    home = client.get("/").content.decode()
    catalogue = client.get("/cours/").content.decode()
    course_page = client.get(course.url).content.decode()

    assert "Online courses for the staff and elected officials" in home
    assert "Formations en ligne" not in home
    assert "<h1>Course catalogue</h1>" in catalogue
    assert "Short, practical courses" in catalogue
    assert "Catalogue des cours" not in catalogue
    assert ">Course catalogue</a>" in course_page
    assert "Catalogue des cours" not in course_page


def test_home_and_catalogue_stay_french_in_french(client):
    """The French interface keeps the French texts."""
    home = client.get("/").content.decode()
    catalogue = client.get("/cours/").content.decode()

    assert "Formations en ligne pour les agents" in home
    assert "<h1>Catalogue des cours</h1>" in catalogue
