"""The language switcher: French by default, English on request, clear refusal otherwise."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from learners.middleware import SESSION_KEY
from tests.factories.learners import ProfileFactory

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


def test_switcher_refuses_a_forged_csrf_token(db):
    """A post with a forged CSRF token is refused and sets no language."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        SWITCH_URL, {"language": "en", "csrfmiddlewaretoken": "forged"}
    )
    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_visitor_switches_by_a_get_form_without_a_csrf_token(db):
    """A visitor's switcher is a plain GET form (no token, so the page can be cached):
    it sets the cookie, opens no session and returns to the page."""
    client = Client(enforce_csrf_checks=True)
    body = client.get("/").content.decode()
    form = body[body.index('<form class="language-switcher"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    assert "csrfmiddlewaretoken" not in body

    response = client.get(SWITCH_URL, {"language": "en", "next": "/accounts/login/"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert '<html lang="en">' in client.get("/").content.decode()


def test_a_get_switch_never_redirects_to_another_site(client):
    response = client.get(
        SWITCH_URL, {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_a_learner_posts_the_switcher_with_a_csrf_token(client):
    """A learner's switcher is a POST form with its CSRF token; the choice is kept in
    their session too."""
    client.force_login(ProfileFactory().user)
    body = client.get("/").content.decode()
    form = body[body.index('<form class="language-switcher"') :]
    form = form[: form.index("</form>")]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form

    client.post(SWITCH_URL, {"language": "en", "next": "/"})
    assert client.session[SESSION_KEY] == "en"


def test_browser_language_does_not_override_french(client):
    """An English-configured phone still gets French until the learner chooses English."""
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in body
