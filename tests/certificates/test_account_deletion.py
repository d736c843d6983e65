"""Certificates outlive their holder's account: kept valid, or withdrawn by choice."""

import hashlib

import pytest
from django.urls import reverse

from certificates.models import Certificate
from tests.certificates.conftest import complete
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CAMPUS_BASE_URL = "https://campus.example.org"


@pytest.fixture
def certificate(course, learner):
    complete(learner, course)
    return Certificate.objects.get(user=learner, course=course)


def _delete(client, user, choice=None):
    client.force_login(user)
    form = {"password": DEFAULT_PASSWORD, "confirm": "on"}
    if choice:
        form["certificates"] = choice
    return client.post(reverse("learners:account_delete"), form)


def test_deletion_page_asks_about_certificates_before_the_password(
    client, certificate, learner
):
    """The deletion page offers keep/withdraw for the certificates above the password."""
    client.force_login(learner)
    page = client.get(reverse("learners:my_data")).content.decode()
    keep = page.index('value="keep"')
    withdraw = page.index('value="withdraw"')
    assert keep < page.index('name="password"') and withdraw < page.index(
        'name="password"'
    )
    assert "Le garder vérifiable" in page and "Le retirer" in page


def test_learner_without_certificate_is_not_asked(client):
    """Without a certificate the page asks nothing about them and deletion works."""
    user = ProfileFactory().user
    client.force_login(user)
    assert (
        'value="withdraw"'
        not in client.get(reverse("learners:my_data")).content.decode()
    )
    response = _delete(client, user)
    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()


def test_kept_certificate_stays_valid_at_its_code_after_deletion(
    client, certificate, learner
):
    """After deleting the account (keep), the code still answers "Certificat valide"."""
    email = learner.email
    before = client.get(f"/badges/assertions/{certificate.pk}.json").json()
    response = _delete(client, learner, "keep")
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.user is None and certificate.is_valid
    assert email not in str(certificate.data)  # only the salted hash is kept

    page = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Certificat valide" in html
    assert "Nguyễn Thị Łucja Œuvray" in html and "Finances locales" in html

    assertion = client.get(f"/badges/assertions/{certificate.pk}.json")
    assert assertion.status_code == 200
    assert assertion.json()["recipient"] == before["recipient"]
    expected = hashlib.sha256((email + certificate.badge_salt).encode()).hexdigest()
    assert assertion.json()["recipient"]["identity"] == f"sha256${expected}"


def test_withdrawn_certificate_answers_withdrawn_by_the_holder(
    client, certificate, learner
):
    """Choosing withdraw: the code answers "Retiré par son titulaire"; the badge is
    revoked with that reason."""
    assert _delete(client, learner, "withdraw").status_code == 302
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.WITHDRAWN
    assert certificate.withdrawn_at is not None

    html = client.get(
        reverse("certificates:verify", args=[certificate.code])
    ).content.decode()
    assert "Retiré par son titulaire" in html
    assert "Certificat valide" not in html

    assertion = client.get(f"/badges/assertions/{certificate.pk}.json")
    assert assertion.status_code == 410
    assert assertion.json()["revoked"] is True
    assert assertion.json()["revocationReason"] == "Retiré par son titulaire."
    assert assertion.json()["recipient"]["identity"].startswith("sha256$")


def test_an_unknown_choice_deletes_nothing(client, certificate, learner):
    """A tampered choice gets the form back with a message; account and certificate
    stay as they were."""
    response = _delete(client, learner, "burn")
    assert response.status_code == 400
    assert type(learner).objects.filter(pk=learner.pk).exists()
    certificate.refresh_from_db()
    assert certificate.user == learner and certificate.is_valid


def test_my_data_export_lists_certificates_and_badges(client, certificate, learner):
    """The JSON export lists the certificate with its code, state and badge URLs."""
    client.force_login(learner)
    export = client.get(reverse("learners:my_data_export")).json()
    (row,) = export["certificates"]
    assert row["code"] == certificate.code
    assert row["state"] == "valid"
    assert row["course"] == "Finances locales"
    assert row["verification_url"] == (
        f"https://campus.example.org/v/{certificate.code}/"
    )
    assert row["badge"]["assertion_url"] == (
        f"https://campus.example.org/badges/assertions/{certificate.pk}.json"
    )
    assert row["badge"]["baked_badge_url"].endswith(f"/{certificate.pk}.png")
