"""A certificate admin previews a batch: the learner whose certificate was revoked for
fraud is listed apart with the reason; the batch runs and issues them nothing; the
single issue page then shows the revocation and issues only once confirmed."""

import re

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from certificates.models import Certificate, CertificateRule, CertificateTemplate
from certificates.services import certificate_issue, certificate_revoke
from learners.roles import Role
from learners.services import role_grant
from tests.certificates.conftest import complete
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory

REASON = "Fraude : l’évaluation finale a été passée par un tiers."


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _valid(user, course):
    return Certificate.objects.filter(
        user=user, course=course, state=Certificate.State.VALID
    )


def test_revoked_learner_is_listed_apart_skipped_and_lifted_only_on_confirmation(
    live_server, catalogue, page, settings, tmp_path
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.MEDIA_ROOT = str(tmp_path / "media")
    course = course_create(
        title="Marchés publics", modules=1, lessons_per_module=1, catalog=catalogue
    )
    CertificateRule.objects.update_or_create(
        course=course,
        defaults={
            "template": CertificateTemplate.objects.get(
                name="Campus — modèle français"
            ),
            "mode": "manual",
        },
    )
    mariam = ProfileFactory(
        user__email="mariam.kone@abidjan.example",
        user__first_name="Mariam",
        user__last_name="Koné",
    ).user
    awa = ProfileFactory(
        user__email="awa.diop@dakar.example",
        user__first_name="Awa",
        user__last_name="Diop",
    ).user
    complete(mariam, course)
    complete(awa, course)
    admin = ProfileFactory(
        user__email="gestion@campus.example",
        user__first_name="Fatou",
        user__last_name="Sall",
    ).user
    role_grant(user=admin, role=Role.CERTIFICATE_ADMIN)
    revoked = certificate_revoke(
        certificate=certificate_issue(user=mariam, course=course),
        revoked_by=admin,
        reason=REASON,
    )

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name='username']").fill(admin.email)
    page.locator("input[name='password']").fill(DEFAULT_PASSWORD)
    page.locator("form.login-form").get_by_role("button").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # Preview: Awa would get one; Mariam is listed apart, with the reason.
    page.goto(f"{live_server.url}/admin/certificates/batches/new/")
    page.get_by_label(fr("Course")).select_option(label="Marchés publics")
    page.get_by_role("button", name=fr("Continue")).click()
    page.get_by_role("button", name=fr("Review the batch")).click()
    revoked_table = page.locator("table.campus-batch-revoked")
    expect(revoked_table).to_contain_text("Mariam Koné")
    expect(revoked_table).to_contain_text(REASON)
    expect(revoked_table).to_contain_text("Fatou Sall")
    plan_table = page.locator("table.listing").first
    expect(plan_table).to_contain_text("Awa Diop")
    expect(plan_table).not_to_contain_text("Mariam")

    # Run: Awa gets her certificate, Mariam none.
    page.get_by_role("button", name=fr("Start the batch")).click()
    page.wait_for_url(re.compile(r"/admin/certificates/batches/\d+/$"))
    expect(page.locator("table.campus-batch-blocked")).to_contain_text("Mariam Koné")
    assert _valid(awa, course).count() == 1
    assert not _valid(mariam, course).exists()

    # The revoked certificate offers a new issue, which shows the revocation first.
    page.goto(f"{live_server.url}/admin/certificates/issued/{revoked.pk}/")
    page.get_by_role(
        "link", name=fr("Issue a new certificate (lifts the revocation)")
    ).click()
    revocation = page.locator("section.campus-revocation")
    expect(revocation).to_contain_text(REASON)
    expect(revocation).to_contain_text("Fatou Sall")
    page.get_by_role("button", name=fr("Issue the certificate")).click()
    expect(page.locator("section.campus-revocation")).to_contain_text(REASON)
    assert not _valid(mariam, course).exists()  # not without the confirmation

    page.get_by_label(
        fr("I have read the revocation above and issue a new certificate anyway")
    ).check()
    page.get_by_role("button", name=fr("Issue the certificate")).click()
    page.wait_for_url(re.compile(r"/admin/certificates/issued/[0-9a-f-]{36}/$"))
    new = _valid(mariam, course).get()
    assert new.pk != revoked.pk and new.issued_by == admin
    assert new.code in page.url or new.code in page.content()
