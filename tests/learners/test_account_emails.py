"""Account e-mails name the site and its address (no django.contrib.sites here)."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Baobab-Thiès-2026!"


def _signup(client, email):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
    )


def test_verification_mail_greets_with_the_site_name_and_domain(
    client, settings, django_capture_on_commit_callbacks
):
    """The French verification mail says "Bonjour, c'est Campus !" and names the domain."""
    settings.CAMPUS_BASE_URL = "https://campus.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, "awa@dakar.example")
    body = mail.outbox[0].body
    assert "Bonjour, c'est Campus !" in body
    assert "Merci d'utiliser Campus !" in body
    assert "campus.example.org" in body
    assert "c'est  !" not in body and "sur ." not in body


def test_account_exists_mail_names_the_address(
    client, settings, django_capture_on_commit_callbacks
):
    """Signing up again with a known address mails that address, printed in the body."""
    settings.CAMPUS_BASE_URL = "http://127.0.0.1:8101"
    UserFactory(email="youssef@tunis.example")
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, "youssef@tunis.example")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "\nyoussef@tunis.example\n" in body
    assert "Bonjour, c'est Campus !" in body
    assert "127.0.0.1:8101" in body
