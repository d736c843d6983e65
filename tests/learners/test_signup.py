"""Sign-up, e-mail verification, login and password flows through django-allauth."""

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.core import mail
from django.urls import reverse

from learners.models import User
from tests.factories.learners import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "Baobab-Thiès-2026!"


def _signup(client, email, password=STRONG_PASSWORD, password2=None):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password2 or password},
    )


def test_signup_sends_french_verification_mail_and_blocks_login_until_verified(
    client, django_capture_on_commit_callbacks
):
    """A new account gets a verification link in French and cannot log in before it."""
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, "Awa.Diop@Dakar.example")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "awa.diop@dakar.example"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa.diop@dakar.example"]
    assert "Confirm" in message.subject or "confirm" in message.subject.lower()
    assert "adresse" in message.body.lower()
    assert re.search(r"/accounts/confirm-email/[^/\s]+/", message.body)

    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "awa.diop@dakar.example", "password": STRONG_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_verification_link_confirms_the_address(
    client, django_capture_on_commit_callbacks
):
    """Following the link and confirming marks the e-mail verified; login then works."""
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client, "youssef@tunis.example")
    link = re.search(r"(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body).group(
        1
    )
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "youssef@tunis.example" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="youssef@tunis.example").verified
    response = client.post(
        reverse("account_login"),
        {"login": "youssef@tunis.example", "password": STRONG_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("learners:profile_edit")


def test_bad_verification_link_shows_french_error(client):
    """An unknown or tampered key explains itself in French and verifies nothing."""
    response = client.get(reverse("account_confirm_email", args=["pas-une-vraie-cle"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "expiré ou n'est pas valide" in body or "invalide" in body
    response = client.post(reverse("account_confirm_email", args=["pas-une-vraie-cle"]))
    assert response.status_code == 404
    assert not EmailAddress.objects.filter(verified=True).exists()


def test_expired_verification_link_is_refused(client, settings):
    """A link older than the expiry period no longer verifies the address."""
    user = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    key = EmailConfirmationHMAC(address).key
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = -1
    response = client.post(reverse("account_confirm_email", args=[key]))
    assert response.status_code == 404
    address.refresh_from_db()
    assert not address.verified


def test_signup_with_used_email_creates_nothing_and_warns_the_owner(
    client, django_capture_on_commit_callbacks
):
    """No second account; the address's owner is told by mail that an account exists."""
    owner = UserFactory(email="marie@yaounde.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, "Marie@Yaounde.example")
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="marie@yaounde.example").count() == 1
    assert User.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.email]
    assert "compte" in mail.outbox[0].body.lower()


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("court", "trop court"),
        ("12345678901", "entièrement numérique"),
        ("motdepasse", "trop courant"),
    ],
)
def test_signup_with_weak_password_is_refused_in_french(client, password, expected):
    """Weak passwords are refused with a French reason and no account is created."""
    response = _signup(client, "faible@ville.example", password=password)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not User.objects.exists()
    assert not mail.outbox


def test_signup_with_mismatched_passwords_is_refused(client):
    response = _signup(client, "x@ville.example", password2="Autre-chose-2026!")
    assert response.status_code == 200
    assert (
        "Vous devez saisir deux fois le même mot de passe" in response.content.decode()
    )
    assert not User.objects.exists()


def test_login_is_rate_limited_after_repeated_failures(client):
    """After five wrong passwords for an account, even the right one is refused for a while."""
    user = UserFactory()
    url = reverse("account_login")
    for _ in range(5):
        response = client.post(url, {"login": user.email, "password": "mauvais"})
        assert response.status_code == 200
    response = client.post(url, {"login": user.email, "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in response.content.decode()


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    link = re.search(
        r"(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body
    ).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url,
        {"password1": "Nouveau-Secret-2026!", "password2": "Nouveau-Secret-2026!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nouveau-Secret-2026!")


def test_password_change_needs_the_current_password(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("account_change_password")
    response = client.post(
        url,
        {
            "oldpassword": "faux",
            "password1": "Nouveau-2026-ok!",
            "password2": "Nouveau-2026-ok!",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)
    response = client.post(
        url,
        {
            "oldpassword": DEFAULT_PASSWORD,
            "password1": "Nouveau-2026-ok!",
            "password2": "Nouveau-2026-ok!",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nouveau-2026-ok!")


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_email_verification_sent",
    ],
)
def test_account_pages_use_the_site_layout(client, url_name):
    """allauth's pages render inside Campus's own header, language switcher and stylesheet."""
    body = client.get(reverse(url_name)).content.decode()
    assert '<html lang="fr">' in body
    assert 'class="site-header"' in body
    assert "campus" in body and ".css" in body
    assert 'action="/language/"' in body


def test_logout_needs_a_post(client):
    """A GET on the logout URL asks for confirmation; it does not log out (no CSRF hole)."""
    user = UserFactory()
    client.force_login(user)
    client.get(reverse("account_logout"))
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
