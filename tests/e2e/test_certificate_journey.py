"""A learner passes a course's last quiz, finds the certificate, checks it through its
QR code; a certificate admin revokes it and the public page says so."""

import re
import shutil
import subprocess

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from certificates.models import Certificate, CertificateRule, CertificateTemplate
from courses.models import LessonPage, ModulePage
from learners.roles import Role
from learners.services import enrollment_create, role_grant, step_complete
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory
from tests.factories.quizzes import quiz_create, single, truefalse

TOOLS = ("pdftoppm", "zbarimg")


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _login(page, base_url, user):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label(re.compile(r"^\s*E-mail")).fill(user.email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _qr_url(pdf: bytes, tmp_path) -> str:
    (tmp_path / "certificate.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            str(tmp_path / "certificate.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_learner_gets_a_certificate_checks_it_and_sees_it_revoked(
    live_server, catalogue, browser, settings, tmp_path
):
    if any(shutil.which(tool) is None for tool in TOOLS):
        pytest.skip(
            "needs poppler-utils and zbar-tools (apt-get install -y poppler-utils zbar-tools)"
        )
    settings.CAMPUS_BASE_URL = live_server.url
    settings.MEDIA_ROOT = str(tmp_path / "media")
    course = course_create(
        title="Budget communal", modules=1, lessons_per_module=1, catalog=catalogue
    )
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_create(
        module, title="Évaluation finale", questions=[single(), truefalse()]
    )
    CertificateRule.objects.update_or_create(
        course=course,
        defaults={
            "template": CertificateTemplate.objects.get(name="Campus — modèle français")
        },
    )
    learner = ProfileFactory(
        user__email="mariam.kone@abidjan.example",
        user__first_name="Mariam",
        user__last_name="Koné",
    ).user
    enrollment_create(user=learner, course=course)
    step_complete(user=learner, page=LessonPage.objects.descendant_of(course).get())
    admin = ProfileFactory(user__email="gestion@campus.example").user
    role_grant(user=admin, role=Role.CERTIFICATE_ADMIN)

    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    try:
        # The learner passes the course's last step: its final quiz.
        _login(page, live_server.url, learner)
        page.goto(f"{live_server.url}{quiz.url}")
        page.get_by_role("button", name=fr("Start the quiz")).click()
        page.get_by_label("Dakar").check()
        page.get_by_label(fr("True")).check()
        page.get_by_role("button", name=fr("Submit my answers")).click()
        expect(page.locator(".quiz-outcome__score")).to_contain_text("100 %")

        # "Mon parcours" lists the certificate; its PDF carries a QR code.
        page.get_by_role("navigation", name=fr("Main menu")).get_by_role(
            "link", name=fr("My learning")
        ).click()
        certificate = Certificate.objects.get(user=learner)
        expect(page.get_by_text(certificate.code)).to_be_visible()
        href = page.get_by_role(
            "link", name=fr("Download the certificate (PDF)")
        ).get_attribute("href")
        pdf = page.request.get(f"{live_server.url}{href}")
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        url = _qr_url(pdf.body(), tmp_path)
        assert url == f"{live_server.url}/v/{certificate.code}/"

        # Anyone opening the QR code's URL sees a valid certificate.
        visitor = browser.new_context(locale="fr-FR").new_page()
        visitor.goto(url)
        expect(visitor.get_by_role("status")).to_contain_text(fr("Valid certificate"))
        expect(visitor.get_by_text("Mariam Koné")).to_be_visible()

        # A certificate admin revokes it in the admin, with a reason.
        admin_page = browser.new_context(locale="fr-FR").new_page()
        admin_page.goto(f"{live_server.url}/admin/login/")
        admin_page.locator("input[name='username']").fill(admin.email)
        admin_page.locator("input[name='password']").fill(DEFAULT_PASSWORD)
        admin_page.locator("form.login-form").get_by_role("button").click()
        admin_page.wait_for_url(f"{live_server.url}/admin/")
        admin_page.goto(
            f"{live_server.url}/admin/certificates/issued/{certificate.pk}/revoke/"
        )
        admin_page.locator("textarea[name='reason']").fill("Erreur sur l'identité")
        admin_page.locator("form[action$='/revoke/'] button[type='submit']").click()
        admin_page.wait_for_url(lambda u: not u.endswith("/revoke/"))

        # The public page now says revoked, with the reason.
        visitor.goto(url)
        expect(visitor.get_by_role("status")).to_contain_text(fr("Revoked certificate"))
        expect(visitor.get_by_role("status")).to_contain_text("Erreur sur l'identité")
    finally:
        context.close()
    certificate.refresh_from_db()
    assert certificate.state == "revoked" and certificate.revoked_by == admin
