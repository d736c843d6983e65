"""Issuing rules, idempotence, re-issue, revocation, and nothing lost to an outage."""

from decimal import Decimal

import pytest
from django.core import mail
from django.http import QueryDict
from django.urls import reverse

from certificates.models import Certificate, CertificateRule, IssueMode
from certificates.selectors import certificate_refusal_get, overall_quiz_score_get
from certificates.services import (
    CertificateError,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from courses.models import ModulePage
from learners.services import enrollment_create, quiz_attempt_start, quiz_attempt_submit
from tests.certificates.conftest import complete
from tests.factories.learners import ProfileFactory, UserFactory
from tests.factories.quizzes import quiz_create, single, truefalse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_completing_a_course_issues_its_certificate_once(
    course, learner, django_capture_on_commit_callbacks
):
    """Automatic rule: the last lesson issues the certificate, the PDF and the e-mail."""
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get(user=learner, course=course)
    assert certificate.is_valid and certificate.pdf.name.endswith(".pdf")
    assert certificate.data["learner_name"] == "Nguyễn Thị Łucja Œuvray"
    assert certificate.data["course_title"] == "Finances locales"
    assert len(mail.outbox) == 1
    assert f"/v/{certificate.code}/" in mail.outbox[0].body
    assert certificate_issue(user=learner, course=course).pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_manual_rule_issues_nothing_on_completion(course, learner):
    CertificateRule.objects.filter(course=course).update(mode=IssueMode.MANUAL)
    complete(learner, course)
    assert not Certificate.objects.exists()
    admin = UserFactory()
    certificate = certificate_issue(user=learner, course=course, issued_by=admin)
    assert certificate.issued_by == admin


def test_a_learner_who_has_not_finished_gets_no_certificate(course, learner):
    enrollment_create(user=learner, course=course)
    with pytest.raises(CertificateError) as error:
        certificate_issue(user=learner, course=course)
    assert "terminé" in str(error.value) or "completed" in str(error.value)
    assert not Certificate.objects.exists()


def _quiz_course(course, pass_mark=50):
    module = ModulePage.objects.child_of(course).get()
    return quiz_create(module, questions=[single(), truefalse()], pass_mark=pass_mark)


def _take(user, quiz, right: int):
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    data = QueryDict(mutable=True)
    first = attempt.questions[0]
    shown_right = first["choice_order"].index(0)
    data.setlist("q1", ["", str(shown_right if right >= 1 else (shown_right + 1) % 3)])
    data.setlist("q2", ["", "true" if right >= 2 else "false"])
    return quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=data)


def test_minimum_overall_quiz_score_is_enforced(course, learner):
    """With a 75 % minimum, a learner who completes with 50 % gets no certificate."""
    CertificateRule.objects.filter(course=course).update(min_score=75)
    quiz = _quiz_course(course)
    complete(learner, course)
    _take(learner, quiz, right=1)  # 50 %: passed (pass mark 50), course complete
    assert overall_quiz_score_get(user=learner, course=course) == Decimal("50.00")
    assert not Certificate.objects.exists()
    refusal = certificate_refusal_get(user=learner, course=course)
    assert "75" in refusal
    _take(learner, quiz, right=2)  # best attempt now 100 %
    assert overall_quiz_score_get(user=learner, course=course) == Decimal("100.00")
    certificate = certificate_issue(user=learner, course=course)
    assert certificate.data["score"] == "100.00"


def test_reissue_supersedes_and_points_to_the_new_certificate(course, learner):
    complete(learner, course)
    old = Certificate.objects.get()
    admin = UserFactory()
    new = certificate_reissue(
        certificate=old, issued_by=admin, learner_name="Nguyen Thi Lucja"
    )
    old.refresh_from_db()
    assert old.state == "superseded" and old.superseded_by == new
    assert new.is_valid and new.code != old.code
    assert new.data["learner_name"] == "Nguyen Thi Lucja"
    assert new.data["completed_on"] == old.data["completed_on"]
    assert (
        "Nguyen Thi Lucja" in new.data["body_html"]
        or "{learner}" not in new.data["body_html"]
    )
    with pytest.raises(CertificateError):
        certificate_reissue(certificate=old, issued_by=admin)


def test_revocation_records_who_when_and_why(course, learner):
    complete(learner, course)
    certificate = Certificate.objects.get()
    admin = UserFactory()
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, revoked_by=admin, reason="  ")
    revoked = certificate_revoke(
        certificate=certificate, revoked_by=admin, reason="Fraude à l'évaluation"
    )
    assert revoked.state == "revoked" and revoked.revoked_by == admin
    assert revoked.revoked_at is not None
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=revoked, revoked_by=admin, reason="encore")
    # A revoked certificate blocks a new one until a certificate admin lifts it.
    with pytest.raises(CertificateError):
        certificate_issue(user=learner, course=course)
    assert certificate_issue(
        user=learner, course=course, issued_by=admin, lift_revocation=True
    ).is_valid


def test_frozen_data_survives_a_renamed_course_and_learner(course, learner):
    complete(learner, course)
    certificate = Certificate.objects.get()
    course.title = "Autre titre"
    course.save()
    learner.first_name = "Autre"
    learner.save()
    certificate.refresh_from_db()
    assert certificate.data["course_title"] == "Finances locales"
    assert certificate.data["learner_name"] == "Nguyễn Thị Łucja Œuvray"


def test_broker_outage_loses_nothing(
    course, learner, settings, django_capture_on_commit_callbacks
):
    """Redis down: the certificate row is committed, its e-mail and PDF wait in the
    outbox; the PDF is rendered on download and the sweep sends the e-mail once."""
    from django.test import Client

    from outbox.services import outbox_sweep
    from tests.redis_server import celery_broker

    with celery_broker("redis://127.0.0.1:1/0", settings):
        with django_capture_on_commit_callbacks(execute=True):
            complete(learner, course)
    certificate = Certificate.objects.get()
    assert not certificate.pdf  # not rendered: the broker was unreachable
    assert not mail.outbox  # waiting in the outbox
    client = Client()
    client.force_login(learner)
    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    certificate.refresh_from_db()
    rendered = certificate.pdf.name
    assert rendered
    assert outbox_sweep() == 2
    assert outbox_sweep() == 0
    assert len(mail.outbox) == 1
    certificate.refresh_from_db()
    assert certificate.pdf.name == rendered  # the download's rendering is kept


def test_only_the_owner_downloads_the_pdf(client, course, learner):
    complete(learner, course)
    certificate = Certificate.objects.get()
    url = reverse("certificates:pdf", args=[certificate.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(ProfileFactory().user)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        f'certificat-{certificate.code}.pdf"'
    )


def test_a_corrupted_pdf_is_rendered_again_from_the_frozen_data(
    client, course, learner
):
    """7 bytes of garbage in the stored file: the learner still downloads a real PDF."""
    import hashlib

    from certificates.services import certificate_pdf_render

    complete(learner, course)
    certificate = Certificate.objects.get()
    certificate_pdf_render(certificate=certificate)
    assert len(certificate.pdf_sha256) == 64
    with certificate.pdf.open("wb") as handle:
        handle.write(b"garbage")
    client.force_login(learner)
    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    certificate.refresh_from_db()
    assert hashlib.sha256(response.content).hexdigest() == certificate.pdf_sha256
    with certificate.pdf.open("rb") as handle:
        assert handle.read() == response.content  # the damaged file is replaced


def test_an_intact_pdf_is_served_as_stored(client, course, learner):
    """A file matching its checksum is not rendered again."""
    from certificates.services import certificate_pdf_render

    complete(learner, course)
    certificate = Certificate.objects.get()
    certificate_pdf_render(certificate=certificate)
    with certificate.pdf.open("rb") as handle:
        stored = handle.read()
    client.force_login(learner)
    from certificates import services

    calls = []
    original = services.certificate_pdf_render
    services.certificate_pdf_render = lambda **kw: calls.append(kw) or original(**kw)
    try:
        response = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    finally:
        services.certificate_pdf_render = original
    assert response.content == stored
    assert calls == []
