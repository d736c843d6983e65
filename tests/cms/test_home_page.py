"""The home page: French, accessible landmarks, no JavaScript needed, few queries."""

import re

import pytest
from wagtail.models import Page, Site

from cms.models import HomePage
from tests.factories.learners import ProfileFactory

pytestmark = pytest.mark.django_db


def test_the_site_root_is_the_campus_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1


def test_home_page_for_a_visitor_is_french_and_invites_to_sign_up(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr">' in body
    assert "Formations en ligne pour les agents" in body
    assert 'href="/accounts/signup/"' in body
    assert 'href="/accounts/login/"' in body


def test_home_page_has_landmarks_and_works_without_javascript(client):
    body = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert re.search(r'<nav aria-label="[^"]+">', body)
    assert "<h1>" in body
    assert "<script" not in body


def test_home_page_greets_a_logged_in_learner(client):
    profile = ProfileFactory(user__first_name="Sokha")
    client.force_login(profile.user)
    body = client.get("/").content.decode()
    assert "Bienvenue, Sokha" in body
    assert 'action="/accounts/logout/"' in body


def test_home_page_query_count_is_small(client, django_assert_max_num_queries):
    client.get("/")  # warm the site root cache
    with django_assert_max_num_queries(10):
        client.get("/")
