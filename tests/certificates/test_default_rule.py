"""A new course gets a certificate rule (automatic, default design) at creation."""

import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateRule, IssueMode
from certificates.services import certificate_rule_default_create
from learners.roles import Role
from learners.services import role_grant
from tests.certificates.conftest import complete
from tests.factories.courses import course_create
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def new_course():
    return course_create(title="Marchés publics", modules=1, lessons_per_module=1)


def _login(client, role):
    user = UserFactory()
    role_grant(user=user, role=role)
    client.force_login(user)
    return user


def test_a_new_course_gets_an_automatic_rule_with_the_default_design(
    new_course, learner
):
    """Completing a course nobody configured issues its certificate."""
    rule = CertificateRule.objects.get(course=new_course)
    assert rule.mode == IssueMode.AUTOMATIC
    assert rule.template.name == "Campus — modèle français"
    assert rule.min_score is None
    complete(learner, new_course)
    assert Certificate.objects.get(user=learner, course=new_course).is_valid


def test_an_english_course_starts_with_an_english_design(design):
    """A course in English gets the oldest English design when there is one."""
    english = design.__class__.objects.create(
        name="Campus — English", body="<p>{learner}</p>", issuer_name="Campus"
    )
    english.language = "en"
    english.save()
    course = course_create(title="Local finance", language="en", modules=1)
    assert CertificateRule.objects.get(course=course).template == english


def test_the_admin_choice_survives_edits_and_publications(new_course):
    """An admin's manual rule stays manual when the course is edited and published."""
    CertificateRule.objects.filter(course=new_course).update(mode=IssueMode.MANUAL)
    new_course.title = "Marchés publics (2e édition)"
    new_course.save_revision().publish()
    assert certificate_rule_default_create(course=new_course).mode == IssueMode.MANUAL
    assert CertificateRule.objects.filter(course=new_course).count() == 1


def test_a_new_course_is_offered_in_issue_a_certificate(client, new_course):
    """ "Délivrer un certificat" lists the new course without any set-up."""
    _login(client, Role.CERTIFICATE_ADMIN)
    page = client.get(reverse("certificate_admin:issue"))
    assert page.status_code == 200
    assert "Marchés publics" in page.content.decode()


def test_the_course_edit_page_shows_its_rule_to_the_reviewer(client, new_course):
    """The course's edit page (where review happens) shows design and issuing mode;
    a certificate admin also gets the link to change it."""
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[new_course.pk]))
    html = html.content.decode()
    assert "Campus — modèle français" in html
    assert "Automatique, quand le cours est terminé" in html
    rule = CertificateRule.objects.get(course=new_course)
    assert (
        reverse("wagtailsnippets_certificates_certificaterule:edit", args=[rule.pk])
        in html
    )


def test_a_trainer_sees_the_rule_without_the_change_link(client, new_course):
    """A trainer reviewing the course sees its rule but no link to change it."""
    _login(client, Role.TRAINER)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[new_course.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Campus — modèle français" in html
    assert "certificaterule/edit" not in html
