"""Where a learner lands after confirming their address, saving their profile or
logging in, what the home page offers first, and the header of a city coordinator."""

import re
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from learners.models import Enrollment
from learners.services import city_coordinator_assign, enrollment_create
from tests.factories.courses import course_create
from tests.factories.learners import (
    DEFAULT_PASSWORD,
    MunicipalityFactory,
    ProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Baobab-Thiès-2026!"
PROFILE_URL = reverse("learners:profile_edit")
PROFILE = {
    "first_name": "Awa",
    "last_name": "Diop",
    "city": "Dakar",
    "country": "SN",
    "job_title": "Agente d'état civil",
    "department": "",
    "gender": "",
    "preferred_language": "fr",
}


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _signup_and_link(client, email, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        )
    return re.search(r"(/accounts/confirm-email/[^/\s]+/)", mail.outbox[-1].body)[1]


def test_confirming_in_the_signup_browser_logs_in_and_opens_the_profile(
    client, django_capture_on_commit_callbacks
):
    """Confirming the address in the browser that signed up logs the learner in and
    takes them to the profile form, with no second login."""
    link = _signup_and_link(
        client, "awa@dakar.example", django_capture_on_commit_callbacks
    )
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    assert EmailAddress.objects.get(email="awa@dakar.example").verified
    assert client.get(PROFILE_URL).status_code == 200


def test_confirmation_link_opened_in_another_browser_does_not_log_in(
    client, django_capture_on_commit_callbacks
):
    """A confirmation link opened anywhere else confirms the address but logs nobody
    in: whoever holds the link still needs the password."""
    link = _signup_and_link(
        client, "fatou@thies.example", django_capture_on_commit_callbacks
    )
    other = Client()
    response = other.post(link)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert EmailAddress.objects.get(email="fatou@thies.example").verified
    assert "_auth_user_id" not in other.session
    assert other.get(PROFILE_URL).status_code == 302


def test_login_to_enrol_goes_through_the_profile_and_back_to_the_course(client):
    """A learner without a profile who logs in to enrol fills the profile in, then
    lands on the course they were enrolling in."""
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)
    user = UserFactory()
    response = client.post(reverse("learners:course_enroll", args=[course.pk]))
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url == f"{reverse('account_login')}?next={quote(course.url)}"
    response = client.post(
        login_url, {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == f"{PROFILE_URL}?next={quote(course.url, safe='')}"
    form = client.get(response["Location"]).content.decode()
    assert f'<input type="hidden" name="next" value="{course.url}">' in form
    response = client.post(PROFILE_URL, {**PROFILE, "next": course.url})
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_saving_the_profile_opens_my_learning(client):
    """Saving the profile without a page to go back to opens "Mon parcours", with
    the confirmation message, instead of the form again."""
    client.force_login(UserFactory())
    response = client.post(PROFILE_URL, PROFILE, follow=True)
    assert response.redirect_chain == [(reverse("learners:dashboard"), 302)]
    assert fr("Your profile has been saved.") in response.content.decode()


def test_profile_next_to_another_site_is_ignored(client):
    """A `next` pointing at another site is not followed: "Mon parcours" opens."""
    client.force_login(UserFactory())
    response = client.post(PROFILE_URL, {**PROFILE, "next": "https://evil.example/"})
    assert response["Location"] == reverse("learners:dashboard")


def test_home_offers_continue_to_the_latest_course_first(client):
    """A learner's home offers "Continuer" to the course they worked on last and
    "Mon parcours", not a link to their profile."""
    learner = ProfileFactory().user
    older = course_create(title="Finances locales", slug="finances-locales")
    latest = course_create(title="Budget communal", slug="budget-communal")
    for course in (older, latest):
        enrollment_create(user=learner, course=course)
    Enrollment.objects.filter(course=latest).update(last_activity_at=timezone.now())
    client.force_login(learner)
    body = client.get("/").content.decode()
    card = body[body.index('class="card home-learner"') :]
    continue_href = reverse("learners:course_continue", args=[latest.pk])
    assert card.index(continue_href) < card.index(reverse("learners:dashboard"))
    assert reverse("learners:course_continue", args=[older.pk]) not in card
    assert f'href="{PROFILE_URL}"' not in card


def test_home_without_a_course_in_progress_offers_my_learning(client):
    """With nothing in progress, the home's first action is "Mon parcours"."""
    client.force_login(ProfileFactory().user)
    body = client.get("/").content.decode()
    card = body[body.index('class="card home-learner"') :]
    assert f'href="{reverse("learners:dashboard")}"' in card
    assert "continuer" not in card.split("</section>")[0]


def test_leaving_a_course_asks_to_confirm_first(client):
    """The course page's "Quitter ce cours" opens a confirmation step whose second
    button is the one that leaves."""
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    body = client.get(course.url).content.decode()
    step = body[body.index('<details class="confirm-step">') :]
    step = step[: step.index("</details>")]
    assert f"<summary>{fr('Leave this course')}</summary>" in step
    assert f'action="{reverse("learners:course_leave", args=[course.pk])}"' in step
    assert fr("Yes, leave this course") in step
    assert Enrollment.objects.get(user=learner).left_at is None


def test_city_coordinator_finds_my_city_in_the_header(client):
    """A city coordinator's header links to their city's page; a learner's does not."""
    city_page = f'href="{reverse("reports:city_staff")}"'
    learner = ProfileFactory().user
    client.force_login(learner)
    header = client.get("/").content.decode().split("</header>")[0]
    assert city_page not in header
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=MunicipalityFactory())
    client.force_login(coordinator)
    header = client.get("/").content.decode().split("</header>")[0]
    assert city_page in header
    assert fr("My city") in header
