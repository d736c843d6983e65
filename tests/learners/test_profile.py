"""The profile a learner completes after sign-up and edits later."""

import pytest
from django.test import Client
from django.urls import reverse

from learners.models import Municipality, Profile
from tests.factories.learners import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("learners:profile_edit")


def _data(**overrides):
    data = {
        "first_name": "Awa",
        "last_name": "Diop",
        "city": "Dakar",
        "country": "SN",
        "job_title": "Agente d'état civil",
        "department": "État civil",
        "gender": "",
        "preferred_language": "fr",
    }
    data.update(overrides)
    return data


def test_profile_needs_login(client):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_profile_form_is_offered_in_french_with_optional_gender(client):
    client.force_login(UserFactory())
    body = client.get(PROFILE_URL).content.decode()
    assert "Ville ou collectivité" in body
    assert "Préfère ne pas répondre" in body
    assert 'value="SN"' in body and "Sénégal" in body


def test_profile_save_creates_the_municipality_once(client):
    """Two learners typing the same city in different cases share one municipality."""
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    response = client.post(PROFILE_URL, _data(city="Dakar"))
    assert response.status_code == 302
    client.force_login(second)
    client.post(PROFILE_URL, _data(city="  dakar ", gender="undisclosed"))
    assert Municipality.objects.count() == 1
    assert Profile.objects.filter(municipality__name="Dakar").count() == 2
    profile = Profile.objects.get(user=second)
    assert profile.gender == "undisclosed"
    assert profile.is_complete
    second.refresh_from_db()
    assert second.get_full_name() == "Awa Diop"


def test_profile_edit_shows_what_was_saved(client):
    profile = ProfileFactory(job_title="Trésorier municipal")
    client.force_login(profile.user)
    body = client.get(PROFILE_URL).content.decode()
    assert 'value="Trésorier municipal"' in body
    assert 'value="Dakar"' in body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("country", "ZZ", "n’est pas un pays que nous connaissons"),
        ("preferred_language", "xx", "n’est pas une langue proposée par Campus"),
        ("gender", "robot", "Sélectionnez un choix valide"),
        ("job_title", "", "Champ requis"),
    ],
)
def test_bad_profile_input_is_refused_and_nothing_is_written(
    client, field, value, message
):
    """Bad input gets a French message; the user, profile and municipalities stay as they were."""
    user = UserFactory(first_name="Avant", last_name="Avant")
    client.force_login(user)
    response = client.post(PROFILE_URL, _data(**{field: value, "first_name": "Après"}))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'aria-invalid="true"' in body
    user.refresh_from_db()
    assert user.first_name == "Avant"
    assert not Profile.objects.filter(user=user).exists()
    assert not Municipality.objects.exists()


def test_forged_csrf_token_is_refused_with_a_french_page(db):
    """A profile post without a valid CSRF token writes nothing and says why in French."""
    user = UserFactory(first_name="Avant")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(
        PROFILE_URL, _data(csrfmiddlewaretoken="forged", first_name="Pirate")
    )
    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Avant"
    assert not Profile.objects.exists()


def test_choosing_english_in_the_profile_switches_the_interface(client):
    client.force_login(UserFactory())
    response = client.post(PROFILE_URL, _data(preferred_language="en"), follow=True)
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Your profile has been saved." in body
    assert "My profile" in body


def test_preferred_language_applies_at_next_login_without_a_cookie(client):
    """A learner who chose English sees English after logging in on another device."""
    profile = ProfileFactory(preferred_language="en")
    client.force_login(profile.user)
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body


def test_incomplete_profile_sends_the_learner_to_the_form_after_login(client):
    user = UserFactory()
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": "un-mot-de-passe-solide-2026"},
    )
    assert response["Location"] == PROFILE_URL
    client.logout()
    ProfileFactory(user=user)
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": "un-mot-de-passe-solide-2026"},
    )
    assert response["Location"] == "/"
