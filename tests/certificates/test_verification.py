"""The public verification page: each state, typed codes, noindex, rate limit."""

import datetime

import pytest
from django.urls import reverse

from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke
from tests.certificates.conftest import complete
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def certificate(course, learner):
    complete(learner, course)
    return Certificate.objects.get()


def _verify(client, code):
    return client.get(reverse("certificates:verify", args=[code]))


def test_valid_certificate_shows_holder_course_date_issuer_and_nothing_else(
    client, certificate, learner
):
    response = _verify(client, certificate.code)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Certificat valide" in html
    assert "Nguyễn Thị Łucja Œuvray" in html and "Finances locales" in html
    assert "Campus des villes francophones" in html
    assert learner.email not in html  # nothing else personal
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_revoked_certificate_says_so_with_date_and_reason(client, certificate):
    certificate_revoke(
        certificate=certificate, revoked_by=UserFactory(), reason="Erreur d'inscription"
    )
    html = _verify(client, certificate.code).content.decode()
    assert "Certificat révoqué" in html and "Erreur d&#x27;inscription" in html


def test_superseded_certificate_points_to_its_replacement(client, certificate):
    new = certificate_reissue(
        certificate=certificate, issued_by=UserFactory(), learner_name="Nguyen Thi"
    )
    html = _verify(client, certificate.code).content.decode()
    assert "Certificat remplacé" in html and new.code in html


def test_typed_code_is_case_and_dash_insensitive(client, certificate):
    typed = certificate.code.replace("-", "").lower()
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificates:verify", args=[certificate.code]
    )
    response = _verify(client, typed)
    assert response["Location"].endswith(f"/v/{certificate.code}/")


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ-ZZZZ", "not-a-code", "0O1I", "x" * 300])
def test_unknown_code_is_a_clear_not_found(client, code, certificate):
    response = client.get(reverse("certificates:verify_form"), {"code": code})
    assert response.status_code == 404
    assert "Aucun certificat ne porte le code" in response.content.decode()
    assert _verify(client, code[:40]).status_code == 404


def test_lookups_are_rate_limited(client, certificate, time_machine):
    """The 31st lookup of a minute is refused, even for a real code."""
    # The limit counts per clock minute: 35 lookups must not straddle two.
    time_machine.move_to(
        datetime.datetime(2027, 3, 15, 10, 0, 5, tzinfo=datetime.UTC), tick=False
    )
    statuses = [_verify(client, "ZZZZ-ZZZZ-ZZZZ").status_code for _ in range(35)]
    assert statuses[:30] == [404] * 30
    assert statuses[-1] == 429
    assert _verify(client, certificate.code).status_code == 429
