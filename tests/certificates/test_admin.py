"""The certificate admins' screens: issue one, batches, revoke, re-issue, designs; what
trainers may see and what everyone else is refused."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateBatchItem,
    CertificateRule,
    CertificateTemplate,
    IssueMode,
)
from certificates.services import certificate_issue
from learners.roles import Role
from learners.services import city_coordinator_assign, role_grant
from tests.certificates.conftest import complete
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def manual(course):
    rule = course.certificate_rule
    rule.mode = IssueMode.MANUAL
    rule.save()
    return course


@pytest.fixture
def awa(manual):
    user = ProfileFactory(
        user__first_name="Awa",
        user__last_name="Diop",
        user__email="awa.diop@dakar.example",
    ).user
    complete(user, manual)
    return user


@pytest.fixture
def youssef(manual):
    """Enrolled, course not completed."""
    from learners.services import enrollment_create

    user = ProfileFactory(
        user__first_name="Youssef",
        user__last_name="Ben Ali",
        user__email="y.benali@tunis.example",
    ).user
    enrollment_create(user=user, course=manual)
    return user


@pytest.fixture
def admin(client):
    user = UserFactory(first_name="Fatou", last_name="Sall")
    role_grant(user=user, role=Role.CERTIFICATE_ADMIN)
    client.force_login(user)
    return user


@pytest.fixture
def trainer(client):
    user = UserFactory(first_name="Moussa", last_name="Ndiaye")
    role_grant(user=user, role=Role.TRAINER)
    client.force_login(user)
    return user


@pytest.fixture
def certificate(awa, manual):
    return certificate_issue(user=awa, course=manual)


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _design_url(name, design):
    return reverse(
        CertificateTemplate.snippet_viewset.get_url_name(name), args=[design.pk]
    )


def _design_data(design, **changes):
    values = {
        "name": design.name,
        "title": design.title,
        "body": rich_text(design.body, features=["bold", "italic"]),
        "issuer_name": design.issuer_name,
        "logo": "",
        "background": "",
        "language": design.language,
        "orientation": design.orientation,
        "signatories": inline_formset(
            [
                {
                    "id": signatory.pk,
                    "name": signatory.name,
                    "role": signatory.role,
                    "signature": "",
                    "ORDER": str(index),
                }
                for index, signatory in enumerate(design.signatories.all(), 1)
            ],
            initial=design.signatories.count(),
            min=1,
            max=3,
        ),
    }
    values.update(changes)
    return nested_form_data(values)


# --------------------------------------------------------------------------- issuing


def test_certificate_admin_issues_one_certificate(
    client, admin, awa, manual, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificate_admin:issue"),
            {"course": manual.pk, "learner": "AWA.DIOP@dakar.example"},
        )
    certificate = Certificate.objects.get(user=awa, course=manual)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificate_admin:detail", args=[certificate.pk]
    )
    assert certificate.issued_by == admin
    assert [message.to for message in mail.outbox] == [[awa.email]]
    detail = client.get(response["Location"])
    assert certificate.code in detail.content.decode()


def test_issuing_to_a_learner_who_does_not_qualify_shows_why_and_writes_nothing(
    client, admin, youssef, manual
):
    response = client.post(
        reverse("certificate_admin:issue"),
        {"course": manual.pk, "learner": youssef.email},
    )
    assert response.status_code == 400
    assert response.context["refusal"]
    assert response.context["refusal"] in response.content.decode()
    assert not Certificate.objects.exists()


def test_checking_a_learner_writes_nothing(client, admin, awa, manual):
    response = client.post(
        reverse("certificate_admin:issue"),
        {"course": manual.pk, "learner": awa.email, "action": "check"},
    )
    assert response.status_code == 200
    assert "Awa Diop" in " ".join(_messages(response))
    assert not Certificate.objects.exists()


def test_issuing_to_an_unknown_learner_gives_a_message_and_writes_nothing(
    client, admin, awa, manual
):
    response = client.post(
        reverse("certificate_admin:issue"),
        {"course": manual.pk, "learner": "personne@nulle-part.example"},
    )
    assert response.status_code == 400
    assert any("personne@nulle-part.example" in m for m in _messages(response))
    assert not Certificate.objects.exists()


# --------------------------------------------------------------------------- batches


def test_batch_from_the_admin_ends_with_its_report(
    client, admin, awa, youssef, manual, django_capture_on_commit_callbacks
):
    new = reverse("certificate_batches:new")
    step = client.get(new, {"course": manual.pk})
    assert step.status_code == 200
    # Only learners who completed the course are offered.
    assert awa.email in step.content.decode()
    assert youssef.email not in step.content.decode()

    chosen = {"course": manual.pk, "scope": "chosen", "learners": [awa.pk, youssef.pk]}
    review = client.post(new, {**chosen, "action": "review"})
    assert review.status_code == 400  # Youssef is no choice: he did not complete it

    data = {"course": manual.pk, "scope": "all"}
    review = client.post(new, {**data, "action": "review"})
    assert review.status_code == 200
    assert (review.context["to_issue"], review.context["to_skip"]) == (1, 0)
    assert not CertificateBatch.objects.exists()

    outsider = UserFactory(first_name="Kofi", last_name="Mensah")
    complete_other = course_create(title="Autre cours", modules=1, lessons_per_module=1)
    complete(outsider, complete_other)  # completed another course: not offered here
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(new, {**data, "action": "start"})
    batch = CertificateBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificate_batches:detail", args=[batch.pk]
    )
    assert batch.requested_by == admin
    page = client.get(response["Location"])
    html = page.content.decode()
    summary = re.search(r'class="campus-batch-summary"[^>]*>(.*?)</h2>', html, re.S)
    assert re.findall(r"\d+", summary.group(1)) == ["1", "0"]
    certificate = Certificate.objects.get(user=awa)
    assert certificate.code in html
    assert 'http-equiv="refresh"' not in html


def test_batch_of_chosen_learners_reports_each_skip_with_its_reason(
    client, admin, awa, manual, django_capture_on_commit_callbacks
):
    holder = ProfileFactory(user__first_name="Aïcha", user__last_name="Traoré").user
    complete(holder, manual)
    existing = certificate_issue(user=holder, course=manual)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificate_batches:new"),
            {
                "course": manual.pk,
                "scope": "chosen",
                "learners": [awa.pk, holder.pk],
                "action": "start",
            },
        )
    batch = CertificateBatch.objects.get()
    assert (batch.issued, batch.skipped) == (1, 1)
    html = client.get(response["Location"]).content.decode()
    skipped = next(entry for entry in batch.report if entry["outcome"] == "skipped")
    assert skipped["user_id"] == holder.pk
    assert skipped["reason"] in html
    assert Certificate.objects.get(pk=existing.pk).is_valid


def _batch_with_items(course, requester, pending=3, issued=1):
    batch = CertificateBatch.objects.create(course=course, requested_by=requester)
    now = timezone.now()
    for index in range(pending + issued):
        user = UserFactory()
        CertificateBatchItem.objects.create(
            batch=batch,
            user=user,
            email=user.email,
            outcome="issued" if index < issued else "pending",
            processed_at=now if index < issued else None,
        )
    return batch


def test_progress_page_refreshes_itself_until_the_batch_is_done(client, admin, manual):
    """The page shows 1 of 4 and reloads itself; once no learner is pending it stops."""
    batch = _batch_with_items(manual, admin, pending=3, issued=1)
    url = reverse("certificate_batches:detail", args=[batch.pk])
    html = client.get(url).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'value="1"' in html and 'max="4"' in html
    batch.items.filter(outcome="pending").update(
        outcome="skipped", processed_at=timezone.now()
    )
    html = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in html
    assert "Terminé" in html


def test_resume_button_finishes_a_stuck_batch_each_learner_once(
    client, admin, manual, awa, django_capture_on_commit_callbacks
):
    """A batch left at "1 of 2" by a dead worker: "Reprendre" processes only Awa."""
    batch = _batch_with_items(manual, admin, pending=0, issued=1)
    CertificateBatchItem.objects.create(batch=batch, user=awa, email=awa.email)
    url = reverse("certificate_batches:detail", args=[batch.pk])
    html = client.get(url).content.decode()
    assert "Reprendre" in html
    resume = reverse("certificate_batches:resume", args=[batch.pk])
    assert client.get(resume).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resume)
    assert response.status_code == 302 and response["Location"] == url
    assert Certificate.objects.filter(user=awa, course=manual).count() == 1
    batch = CertificateBatch.objects.get(pk=batch.pk)
    assert (batch.state, batch.processed, batch.issued) == ("done", 2, 2)
    html = client.get(url).content.decode()
    assert "Reprendre" not in html


def test_resume_is_refused_to_trainers_and_without_csrf(client, manual, awa):
    """Only certificate admins resume a batch, and only with the CSRF token."""
    batch = _batch_with_items(manual, None, pending=0, issued=0)
    CertificateBatchItem.objects.create(batch=batch, user=awa, email=awa.email)
    resume = reverse("certificate_batches:resume", args=[batch.pk])
    trainer = UserFactory()
    role_grant(user=trainer, role=Role.TRAINER)
    client.force_login(trainer)
    assert client.post(resume).status_code in (302, 403)
    assert (
        "Reprendre"
        not in client.get(
            reverse("certificate_batches:detail", args=[batch.pk])
        ).content.decode()
    )
    admin = UserFactory()
    role_grant(user=admin, role=Role.CERTIFICATE_ADMIN)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin)
    assert strict.post(resume).status_code == 403
    assert batch.items.filter(outcome="pending").count() == 1
    assert not Certificate.objects.filter(user=awa).exists()


def test_a_batch_without_learners_is_refused(client, admin, awa, manual):
    response = client.post(
        reverse("certificate_batches:new"),
        {"course": manual.pk, "scope": "chosen", "action": "start"},
    )
    assert response.status_code == 400
    assert _messages(response)
    assert not CertificateBatch.objects.exists()


# --------------------------------------------------------------------------- revoke, re-issue


def test_revoking_records_the_reason_who_and_when(client, admin, certificate):
    url = reverse("certificate_admin:revoke", args=[certificate.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "Fraude à l'évaluation finale."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED
    assert certificate.revoked_by == admin
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Fraude à l'évaluation finale."
    detail = client.get(response["Location"]).content.decode()
    assert "Fraude à l&#x27;évaluation finale." in detail
    assert reverse("certificate_admin:revoke", args=[certificate.pk]) not in detail


def test_revoking_without_a_reason_gives_a_message_and_changes_nothing(
    client, admin, certificate
):
    response = client.post(
        reverse("certificate_admin:revoke", args=[certificate.pk]), {"reason": "  "}
    )
    assert response.status_code == 400
    assert _messages(response)
    certificate.refresh_from_db()
    assert certificate.is_valid
    assert certificate.revoked_by is None


def test_reissuing_supersedes_the_old_certificate_and_points_to_the_new_one(
    client, admin, certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificate_admin:reissue", args=[certificate.pk]),
            {"learner_name": "Awa Ndèye Diop"},
        )
    certificate.refresh_from_db()
    new = certificate.superseded_by
    assert certificate.state == Certificate.State.SUPERSEDED
    assert new is not None and new.is_valid
    assert new.data["learner_name"] == "Awa Ndèye Diop"
    assert new.issued_by == admin
    assert response["Location"] == reverse("certificate_admin:detail", args=[new.pk])
    old_page = client.get(
        reverse("certificate_admin:detail", args=[certificate.pk])
    ).content.decode()
    assert reverse("certificate_admin:detail", args=[new.pk]) in old_page


def test_a_post_without_the_csrf_token_is_refused(admin, certificate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    response = client.post(
        reverse("certificate_admin:revoke", args=[certificate.pk]),
        {"reason": "Sans jeton"},
    )
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid


# --------------------------------------------------------------------------- listing


def test_listing_searches_learners_and_filters_by_state(client, admin, certificate):
    url = reverse("certificate_admin:index")
    other = ProfileFactory(user__first_name="Kofi", user__last_name="Mensah").user
    complete(other, certificate.course)
    revoked = certificate_issue(user=other, course=certificate.course)
    Certificate.objects.filter(pk=revoked.pk).update(state=Certificate.State.REVOKED)

    found = client.get(url, {"q": "awa diop"}).content.decode()
    assert certificate.code in found and revoked.code not in found
    by_code = client.get(url, {"q": revoked.code.lower()}).content.decode()
    assert revoked.code in by_code and certificate.code not in by_code
    only_revoked = client.get(url, {"state": "revoked"}).content.decode()
    assert revoked.code in only_revoked and certificate.code not in only_revoked
    assert reverse("certificate_admin:issue") in client.get(url).content.decode()


# --------------------------------------------------------------------------- designs


def test_design_is_edited_with_a_revision_and_previewed_on_sample_data(
    client, admin, design
):
    edit = _design_url("edit", design)
    assert client.get(edit).status_code == 200
    revisions = design.revisions.count()
    response = client.post(edit, _design_data(design, title="Certificat de réussite"))
    assert response.status_code == 302
    design.refresh_from_db()
    assert design.title == "Certificat de réussite"
    assert design.revisions.count() == revisions + 1

    preview = _design_url("preview_on_edit", design)
    data = _design_data(design, title="Attestation de suivi")
    assert client.post(preview, data).json()["is_valid"] is True
    page = client.get(preview)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Attestation de suivi" in html
    assert "Finances locales : budget, recettes et redevabilité" in html


def test_design_preview_prints_the_sample_learner_name(client, admin, design):
    preview = _design_url("preview_on_edit", design)
    assert client.post(preview, _design_data(design)).json()["is_valid"] is True
    assert "Nguyễn Thị Łucja Œuvray" in client.get(preview).content.decode()


# --------------------------------------------------------------------------- who may


def _write_requests(certificate, design, course, awa):
    """Every write of the certificates menu, as (url, data)."""
    rule = CertificateRule.objects.get(course=course)
    return [
        (
            reverse("certificate_admin:revoke", args=[certificate.pk]),
            {"reason": "Essai"},
        ),
        (
            reverse("certificate_admin:reissue", args=[certificate.pk]),
            {"learner_name": "Quelqu'un d'autre"},
        ),
        (
            reverse("certificate_admin:issue"),
            {"course": course.pk, "learner": awa.email},
        ),
        (
            reverse("certificate_batches:new"),
            {"course": course.pk, "scope": "all", "action": "start"},
        ),
        (_design_url("edit", design), _design_data(design, title="Piraté")),
        (_design_url("delete", design), {}),
        (
            reverse(
                CertificateRule.snippet_viewset.get_url_name("edit"), args=[rule.pk]
            ),
            {"course": course.pk, "template": design.pk, "mode": "auto"},
        ),
        (
            reverse(
                CertificateRule.snippet_viewset.get_url_name("delete"), args=[rule.pk]
            ),
            {},
        ),
        (
            reverse(CertificateTemplate.snippet_viewset.get_url_name("add")),
            _design_data(design, name="Nouveau modèle"),
        ),
    ]


def _state(certificate):
    certificate.refresh_from_db()
    return (
        Certificate.objects.count(),
        CertificateBatch.objects.count(),
        CertificateTemplate.objects.count(),
        CertificateRule.objects.count(),
        CertificateTemplate.objects.get(pk=certificate.template_id).title,
        CertificateRule.objects.get(course=certificate.course).mode,
        certificate.state,
    )


def test_trainers_see_the_listings_and_designs_but_every_write_is_refused(
    client,
    trainer,
    certificate,
    design,
    manual,
    awa,
    django_capture_on_commit_callbacks,
):
    detail = client.get(reverse("certificate_admin:detail", args=[certificate.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert reverse("certificate_admin:revoke", args=[certificate.pk]) not in html
    assert reverse("certificate_admin:reissue", args=[certificate.pk]) not in html
    listing = client.get(reverse("certificate_admin:index")).content.decode()
    assert certificate.code in listing
    assert reverse("certificate_admin:issue") not in listing
    batches = client.get(reverse("certificate_batches:index"))
    assert batches.status_code == 200
    assert reverse("certificate_batches:new") not in batches.content.decode()
    designs = client.get(
        reverse(CertificateTemplate.snippet_viewset.get_url_name("list"))
    )
    assert designs.status_code == 200
    assert design.name in designs.content.decode()
    assert client.get(_design_url("inspect", design)).status_code == 200
    menu = client.get("/admin/").content.decode()
    assert reverse("certificate_admin:index") in menu
    assert reverse("certificate_admin:issue") not in menu

    before = _state(certificate)
    for url, data in _write_requests(certificate, design, manual, awa):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, data, **XHR).status_code == 403, url
            response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
        assert client.get(url, **XHR).status_code == 403, url
    assert _state(certificate) == before
    assert mail.outbox == []


def test_learners_and_coordinators_cannot_reach_the_screens(
    client, certificate, manual, django_capture_on_commit_callbacks
):
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=MunicipalityFactory())
    urls = [
        reverse("certificate_admin:index"),
        reverse("certificate_admin:detail", args=[certificate.pk]),
        reverse("certificate_admin:pdf", args=[certificate.pk]),
        reverse("certificate_admin:issue"),
        reverse("certificate_batches:index"),
        reverse("certificate_batches:new"),
        reverse(CertificateTemplate.snippet_viewset.get_url_name("list")),
    ]
    for user in (certificate.user, coordinator):
        client.force_login(user)
        for url in urls:
            assert client.get(url, **XHR).status_code == 403, url
            response = client.get(url)
            assert response.status_code == 302, url
            assert "/admin/login/" in response["Location"], url
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("certificate_admin:revoke", args=[certificate.pk]),
                {"reason": "Essai"},
                **XHR,
            )
        assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_superusers_may_use_every_screen(client, certificate):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for url in (
        reverse("certificate_admin:index"),
        reverse("certificate_admin:detail", args=[certificate.pk]),
        reverse("certificate_admin:revoke", args=[certificate.pk]),
        reverse("certificate_admin:reissue", args=[certificate.pk]),
        reverse("certificate_admin:issue"),
        reverse("certificate_batches:index"),
        reverse("certificate_batches:new"),
    ):
        assert client.get(url).status_code == 200, url
    response = client.get(reverse("certificate_admin:pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
