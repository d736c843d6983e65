"""A revoked certificate blocks every automatic way of issuing it again (completion,
batches and their previews, the command line); only a certificate admin's confirmed
single issue lifts it."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from certificates.batches import certificate_batch_create, certificate_batch_plan
from certificates.models import Certificate, CertificateBatch
from certificates.selectors import certificate_eligibility_get
from certificates.services import (
    certificate_auto_issue,
    certificate_issue,
    certificate_revoke,
)
from learners.roles import Role
from learners.services import role_grant
from learners.signals import course_completed
from tests.certificates.conftest import complete
from tests.factories.learners import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

REASON = "Fraude : l’évaluation finale a été passée par un tiers."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def admin():
    user = UserFactory(first_name="Fatou", last_name="Sall")
    role_grant(user=user, role=Role.CERTIFICATE_ADMIN)
    return user


@pytest.fixture
def revoked(course, learner, admin):
    """The learner completed the course (automatic rule), then was caught cheating."""
    complete(learner, course)
    certificate = Certificate.objects.get(user=learner, course=course)
    return certificate_revoke(certificate=certificate, revoked_by=admin, reason=REASON)


def _valid(learner, course):
    return Certificate.objects.filter(
        user=learner, course=course, state=Certificate.State.VALID
    )


def test_completion_event_issues_no_new_certificate_after_a_revocation(
    course, learner, revoked
):
    """Completing again (a replayed completion event) gives no certificate."""
    course_completed.send(sender=None, user=learner, course=course)
    assert certificate_auto_issue(user=learner, course=course) is None
    assert not _valid(learner, course).exists()


def test_eligibility_names_the_revocation_with_date_reason_and_who(
    course, learner, revoked
):
    """The refusal gives the code, the reason and the revoker; lifting is explicit."""
    eligibility = certificate_eligibility_get(user=learner, course=course)
    assert eligibility.revoked == revoked
    assert REASON in eligibility.refusal
    assert revoked.code in eligibility.refusal and "Fatou Sall" in eligibility.refusal
    lifted = certificate_eligibility_get(
        user=learner, course=course, lift_revocation=True
    )
    assert lifted.refusal is None


def test_batch_preview_lists_the_revoked_learner_apart(course, learner, revoked):
    """The plan marks the learner with the revoked certificate, not "would issue"."""
    other = ProfileFactory(user__first_name="Awa", user__last_name="Diop").user
    complete(other, course)
    Certificate.objects.filter(user=other).delete()
    plan = {entry.user: entry for entry in certificate_batch_plan(course=course)}
    assert plan[other].reason is None and plan[other].revoked is None
    assert plan[learner].revoked == revoked and REASON in plan[learner].reason


def test_batch_run_skips_the_revoked_learner_with_the_reason(
    course, learner, revoked, admin, django_capture_on_commit_callbacks
):
    """The batch issues nothing to them and reports them as blocked, with the reason."""
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(course=course, requested_by=admin)
    batch = CertificateBatch.objects.get(pk=batch.pk)
    assert (batch.state, batch.issued, batch.progress.blocked) == ("done", 0, 1)
    item = batch.items.get()
    assert item.revoked_certificate == revoked and REASON in item.reason
    assert not _valid(learner, course).exists()


def test_command_dry_run_and_run_list_the_revoked_learner_apart(
    course, learner, revoked
):
    """``issue_certificates`` (dry run and run) prints "revoked — …" and issues none."""
    for args in (["--dry-run"], []):
        out = StringIO()
        call_command("issue_certificates", "--course", course.slug, *args, stdout=out)
        lines = out.getvalue().splitlines()
        revoked_lines = [line for line in lines if line.startswith("revoked — ")]
        assert len(revoked_lines) == 1 and REASON in revoked_lines[0]
        assert not any(line.startswith("would issue —") for line in lines)
        assert "revoked 1" in lines[-2 if args else -1]
    assert not _valid(learner, course).exists()


def test_admin_batch_preview_lists_the_revoked_learner_apart(
    client, course, learner, revoked, admin
):
    """The confirmation page shows the revoked learner in a table of their own."""
    client.force_login(admin)
    response = client.post(
        reverse("certificate_batches:new"),
        {"course": course.pk, "scope": "all", "action": "review"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    table = re.search(r'class="listing campus-batch-revoked".*?</table>', html, re.S)
    assert table and learner.email in table.group(0)
    assert "l’évaluation finale" in table.group(0)
    assert response.context["to_issue"] == 0


def test_single_issue_shows_the_revocation_and_needs_confirmation(
    client, course, learner, revoked, admin
):
    """Without the tick: the revocation is shown and nothing issued; with it: issued."""
    client.force_login(admin)
    detail = client.get(reverse("certificate_admin:detail", args=[revoked.pk]))
    link = re.search(r'href="([^"]*/issue/\?[^"]*)"', detail.content.decode()).group(1)
    page = client.get(link.replace("&amp;", "&"))
    assert REASON in page.content.decode()
    assert "Fatou Sall" in page.content.decode()
    url = reverse("certificate_admin:issue")
    data = {"course": course.pk, "learner": learner.email, "action": "issue"}
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert REASON in refused.content.decode()
    assert 'name="lift_revocation"' in refused.content.decode()
    assert not _valid(learner, course).exists()
    issued = client.post(url, {**data, "lift_revocation": "on"})
    assert issued.status_code == 302
    new = _valid(learner, course).get()
    assert new.issued_by == admin
    # Lifted: the next automatic event returns the new certificate, issues no other.
    assert certificate_issue(user=learner, course=course) == new
