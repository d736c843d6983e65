"""The language switcher: French by default, English on request, clear refusal otherwise."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

SWITCH_URL = reverse("language_switch")


def test_site_is_french_by_default(client):
    body = client.get("/").content.decode()
    assert '<html lang="fr">' in body
    assert "Aller au contenu" in body
    assert "Créer un compte" in body


def test_switching_to_english_sets_a_cookie_and_returns_to_the_page(client):
    response = client.post(SWITCH_URL, {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    body = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in body
    assert "Skip to content" in body


def test_unknown_language_code_is_refused_with_a_message(client):
    response = client.post(SWITCH_URL, {"language": "xx", "next": "/"}, follow=True)
    body = response.content.decode()
    assert "« xx » n’est pas une langue proposée par Campus" in body
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert '<html lang="fr">' in body


def test_switcher_never_redirects_to_another_site(client):
    response = client.post(
        SWITCH_URL, {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_switcher_refuses_get_and_forged_csrf(db):
    client = Client(enforce_csrf_checks=True)
    assert client.get(SWITCH_URL, {"language": "en"}).status_code == 405
    response = client.post(
        SWITCH_URL, {"language": "en", "csrfmiddlewaretoken": "forged"}
    )
    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_browser_language_does_not_override_french(client):
    """An English-configured phone still gets French until the learner chooses English."""
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in body
