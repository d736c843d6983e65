"""Every way in (the site's login, the Wagtail admin's, the private pages') shares one
failed-login limit: allauth's `login_failed` (5 per account and 5 minutes)."""

import pytest
from django.contrib.auth import SESSION_KEY

from learners.roles import Role
from learners.services import role_grant
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Trop de tentatives de connexion échouées"
WRONG = "pas-le-bon-mot-de-passe"


def _admin_user(kind: str):
    if kind == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory()
    role_grant(
        user=user,
        role=Role.TRAINER if kind == "trainer" else Role.CERTIFICATE_ADMIN,
    )
    return user


def _post(client, url: str, user, password: str, address: str):
    field = "login" if url.startswith("/accounts/") or "_util" in url else "username"
    return client.post(
        url, {field: user.email, "password": password}, REMOTE_ADDR=address
    )


LOGIN_URLS = ["/admin/login/", "/_util/login/", "/accounts/login/"]
KINDS = ["superuser", "trainer", "certificate_admin"]


@pytest.mark.parametrize("url", LOGIN_URLS)
@pytest.mark.parametrize("kind", KINDS)
def test_login_url_refuses_the_right_password_after_five_failures(client, url, kind):
    """The 6th attempt is refused with a French message even with the right password."""
    user = _admin_user(kind)
    for _attempt in range(5):
        response = _post(client, url, user, WRONG, "192.0.2.10")
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()
    response = _post(client, url, user, DEFAULT_PASSWORD, "192.0.2.10")
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("first", LOGIN_URLS)
def test_failures_on_one_login_url_count_on_every_other(client, first):
    """Failures spread over the three login URLs share one counter per account."""
    user = _admin_user("trainer")
    for attempt in range(5):
        url = LOGIN_URLS[(LOGIN_URLS.index(first) + attempt) % 3]
        _post(client, url, user, WRONG, f"192.0.2.{20 + attempt}")
    for url in LOGIN_URLS:
        response = _post(client, url, user, DEFAULT_PASSWORD, "192.0.2.30")
        assert TOO_MANY in response.content.decode(), url
        assert SESSION_KEY not in client.session


@pytest.mark.parametrize("kind", KINDS)
def test_admin_login_still_lands_in_the_admin(client, kind):
    """A right password at /admin/login/ (after a few typos) opens /admin/, or `next`."""
    user = _admin_user(kind)
    _post(client, "/admin/login/", user, WRONG, "192.0.2.40")
    response = _post(client, "/admin/login/", user, DEFAULT_PASSWORD, "192.0.2.40")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.logout()
    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": user.email, "password": DEFAULT_PASSWORD},
    )
    assert response["Location"] == "/admin/pages/"


def test_private_page_login_keeps_next(client):
    """`/_util/login/?next=…` logs a learner in and sends them where they were going."""
    user = ProfileFactory().user  # a complete profile: no detour through it
    response = client.get("/_util/login/?next=/cours/")
    assert response.status_code == 200
    response = client.post(
        "/_util/login/?next=/cours/",
        {"login": user.email, "password": DEFAULT_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/cours/"
    assert client.session[SESSION_KEY] == str(user.pk)


def test_admin_login_with_a_wrong_password_says_so_in_french(client):
    """A wrong password at /admin/login/ gets the translated error, not a 500."""
    user = _admin_user("trainer")
    response = _post(client, "/admin/login/", user, WRONG, "192.0.2.50")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "mot de passe" in response.content.decode()


def test_one_counter_per_account_whatever_host_the_request_names(client, settings):
    """A site answering under two names (or two nodes reached by their own addresses)
    keeps one counter per account: failures under one Host lock the other."""
    settings.ALLOWED_HOSTS = ["campus.example", "formation.example"]
    user = _admin_user("trainer")
    for attempt in range(5):
        client.post(
            "/accounts/login/",
            {"login": user.email, "password": WRONG},
            REMOTE_ADDR=f"192.0.2.{40 + attempt}",
            HTTP_HOST="campus.example",
        )
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": DEFAULT_PASSWORD},
        REMOTE_ADDR="192.0.2.60",
        HTTP_HOST="formation.example",
    )
    assert TOO_MANY in response.content.decode()
    assert SESSION_KEY not in client.session
