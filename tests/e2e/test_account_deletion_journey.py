"""A learner deletes their account, choosing what becomes of their certificate; its
public verification page then says valid, or withdrawn by the holder."""

import re

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate, CertificateRule, CertificateTemplate
from courses.models import LessonPage
from learners.services import enrollment_create, step_complete
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory


def _login(page, base_url, user):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label(re.compile(r"^\s*E-mail")).fill(user.email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@pytest.mark.parametrize(
    ("choice", "state"),
    [
        ("Le garder vérifiable", "Certificat valide"),
        ("Le retirer", "Retiré par son titulaire"),
    ],
)
def test_learner_deletes_the_account_and_the_certificate_answers_as_chosen(
    live_server, catalogue, page, settings, tmp_path, choice, state
):
    """After deleting the account with keep/withdraw, the code shows valid/withdrawn."""
    settings.CAMPUS_BASE_URL = live_server.url
    settings.MEDIA_ROOT = str(tmp_path / "media")
    course = course_create(
        title="Budget communal", modules=1, lessons_per_module=1, catalog=catalogue
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
    code = Certificate.objects.get(user=learner).code

    _login(page, live_server.url, learner)
    page.goto(f"{live_server.url}/mes-donnees/")
    page.set_viewport_size({"width": 360, "height": 740})
    question = page.get_by_role("group", name=re.compile("Votre certificat"))
    expect(question).to_be_visible()
    question.get_by_label(re.compile(choice)).check()
    page.get_by_label(re.compile(r"^\s*Votre mot de passe")).fill(DEFAULT_PASSWORD)
    page.get_by_label(re.compile("Je comprends")).check()
    page.screenshot(path=str(tmp_path / "deletion.png"), full_page=True)
    page.get_by_role("button", name="Supprimer mon compte").click()
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/v/{code}/")
    expect(page.locator(".verification__state")).to_contain_text(state)
    expect(page.locator(".facts")).to_contain_text("Mariam Koné")
