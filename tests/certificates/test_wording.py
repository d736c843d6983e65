"""Certificates write durations with plural forms and round scores as the site does."""

from decimal import Decimal

import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateRule
from certificates.services import certificate_issue
from learners.models import QuizAttempt
from tests.certificates.conftest import complete
from tests.certificates.test_services import _quiz_course, _take

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.mark.parametrize(
    ("hours", "printed"),
    [
        ("1", "Durée de la formation : 1 heure."),
        ("0.5", "Durée de la formation : 30 minutes."),
        ("1.5", "Durée de la formation : 1 heure 30 minutes."),
        ("6", "Durée de la formation : 6 heures."),
    ],
)
def test_certificate_prints_the_duration_with_its_plural_form(
    course, learner, hours, printed
):
    """1 h prints "1 heure", half an hour "30 minutes" (never "1 heures", "0,5 heures")."""
    CertificateRule.objects.filter(course=course).update(hours=Decimal(hours))
    complete(learner, course)
    body = Certificate.objects.get(user=learner).data["body_html"]
    assert printed in body
    assert "heures heures" not in body and "1 heures" not in body


def test_short_course_prints_its_minutes(course, learner):
    """A 20-minute course without set hours prints "20 minutes"."""
    course.duration_override = 20
    course.save_revision().publish()
    complete(learner, course)
    body = Certificate.objects.get(user=learner).data["body_html"]
    assert "Durée de la formation : 20 minutes." in body


def test_certificate_and_result_page_show_the_same_rounded_score(
    client, course, learner
):
    """A 97.22 % score reads "97 %" on the result page and on the certificate."""
    quiz = _quiz_course(course)
    complete(learner, course)
    attempt = _take(learner, quiz, right=2)
    QuizAttempt.objects.filter(pk=attempt.pk).update(score=Decimal("97.22"))
    Certificate.objects.all().delete()  # issued at 100 % when the quiz was passed
    certificate = certificate_issue(user=learner, course=course)

    assert certificate.data["value_score"] == "97 %"
    assert "Score global aux évaluations : 97 %." in certificate.data["body_html"]
    assert "97,22" not in certificate.data["body_html"]

    client.force_login(learner)
    page = client.get(reverse("learners:quiz_attempt", args=[attempt.pk]))
    assert "97 %" in page.content.decode() and "97,22" not in page.content.decode()
