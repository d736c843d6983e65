"""Certificate e-mails, QR codes and Open Badges use the site's public address."""

import pytest
from django.core import mail

from certificates.models import Certificate
from certificates.rendering import certificate_html, qr_data_uri, verification_url
from tests.certificates.conftest import complete

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8101"


@pytest.fixture(autouse=True)
def _address(settings, tmp_path):
    settings.CAMPUS_BASE_URL = BASE
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def certificate(course, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    return Certificate.objects.get(user=learner, course=course)


def test_certificate_mail_links_to_the_public_address(certificate):
    """The certificate e-mail's verification and dashboard links use port 8101."""
    body = mail.outbox[-1].body
    assert f"{BASE}/v/{certificate.code}/" in body
    assert f"{BASE}/mon-parcours/" in body
    assert "127.0.0.1:8000" not in body


def test_qr_code_encodes_the_verification_url_on_the_public_address(certificate):
    """The certificate's QR code holds the verification URL on CAMPUS_BASE_URL."""
    url = verification_url(certificate.code)
    assert url == f"{BASE}/v/{certificate.code}/"
    document = certificate_html(data=certificate.data, code=certificate.code)
    assert qr_data_uri(url) in document


def test_badge_json_ids_are_on_the_public_address(client, certificate):
    """The assertion, its badge class, issuer and evidence all live on port 8101."""
    assertion = client.get(f"/badges/assertions/{certificate.pk}.json").json()
    assert assertion["id"] == f"{BASE}/badges/assertions/{certificate.pk}.json"
    assert assertion["badge"].startswith(BASE + "/")
    assert assertion["evidence"][0]["id"] == f"{BASE}/v/{certificate.code}/"
    badge = client.get(assertion["badge"].removeprefix(BASE)).json()
    assert badge["issuer"].startswith(BASE + "/")
