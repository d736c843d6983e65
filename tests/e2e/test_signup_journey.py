"""A visitor becomes a learner, in French, in a real browser.

The journey crosses the home page (Wagtail), sign-up, the verification mail and its
confirmation page (allauth) that logs the new learner in, the redirect to the
incomplete profile, the profile form, "Mon parcours", and back to the home page in
the learner's language.

Buttons, links and labels are found by their accessible name. Names of the project's
own strings are looked up in the French catalogue at run time (`fr()`), so that the
journey does not depend on the exact wording a translator chose; the end of the test
checks literal French text, which proves the catalogue is really there.
"""

import re
import uuid

from allauth.account.models import EmailAddress
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from learners.models import Profile

# A fresh address each run: allauth rate-limits confirmation mails per address
# ("confirm_email": 1/3m/key) in the cache, which outlives the database flushes, so
# an address another test already used would silently get no mail.
EMAIL = f"awa.diop.{uuid.uuid4().hex[:8]}@dakar.example"
PASSWORD = "Baobab-ocre-Sahel-2026"
CONFIRM_PATH = re.compile(r"/accounts/confirm-email/[^/\s]+/")


def fr(msgid: str) -> str:
    """The French text the site shows for one of its own strings."""
    with translation.override("fr"):
        return gettext(msgid)


def label(text: str) -> re.Pattern:
    """A whole label, give or take Django's French suffix " :" and a required "*"."""
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def test_signup_journey_visitor_becomes_learner_in_french(
    live_server, home_page, page, mailoutbox, tmp_path
):
    # A visitor lands on the home page, in French by default.
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1, name="Campus")).to_be_visible()

    # They follow the sign-up link of the home page.
    page.get_by_role("main").get_by_role("link", name=fr("Create an account")).click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))

    # Sign-up (allauth's own French).
    page.get_by_label(label("E-mail")).fill(EMAIL)
    page.get_by_label(label("Mot de passe")).fill(PASSWORD)
    page.get_by_label(label("Mot de passe (confirmation)")).fill(PASSWORD)
    page.get_by_role("button", name="Création de compte").click()

    # "Verification sent" page.
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(
        page.get_by_role("heading", name="Vérifiez votre adresse e-mail")
    ).to_be_visible()

    # The verification mail, in French, carries the confirmation link.
    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    message = mailoutbox[0]
    assert message.to == [EMAIL]
    assert message.subject.startswith("[Campus] ")
    assert "adresse e-mail" in message.subject.lower(), message.subject
    match = CONFIRM_PATH.search(message.body)
    assert match, f"no /accounts/confirm-email/<key>/ link in:\n{message.body}"

    # The link opens a page with a POST confirm button (no confirmation on GET).
    page.goto(f"{live_server.url}{match.group(0)}")
    expect(
        page.get_by_role("heading", name="Confirmer l'adresse e-mail")
    ).to_be_visible()
    assert not EmailAddress.objects.filter(email=EMAIL, verified=True).exists()
    page.get_by_role("button", name="Confirmer", exact=True).click()

    # Confirmed in the browser that signed up: logged in at once, no second login;
    # the incomplete profile sends the new learner to the profile form.
    expect(page).to_have_url(re.compile(r"/profile/$"))
    assert EmailAddress.objects.filter(email=EMAIL, verified=True).exists()
    expect(page.get_by_role("heading", level=1, name=fr("My profile"))).to_be_visible()
    page.get_by_label(label(fr("First name"))).fill("Awa")
    page.get_by_label(label(fr("Last name"))).fill("Diop")
    page.get_by_label(label(fr("City or local authority"))).fill("Dakar")
    page.get_by_label(label(fr("Country"))).select_option("SN")
    page.get_by_label(label(fr("Job title"))).fill("Agente d'état civil")
    page.get_by_label(label(fr("Department or service"))).fill("État civil")
    page.get_by_label(label(fr("Preferred language"))).select_option("fr")
    page.get_by_role("button", name=fr("Save my profile")).click()

    # Saved: on to "Mon parcours", not the form again.
    expect(page).to_have_url(re.compile(r"/mon-parcours/$"))
    saved = page.get_by_role("status").filter(
        has_text=fr("Your profile has been saved.")
    )
    expect(saved).to_be_visible()
    profile = Profile.objects.select_related("user", "municipality").get(
        user__email=EMAIL
    )
    assert profile.municipality.name == "Dakar"
    assert profile.municipality.country.code == "SN"
    assert profile.job_title == "Agente d'état civil"
    assert profile.preferred_language == "fr"
    assert profile.user.first_name == "Awa"

    # Back home: the page speaks French and greets the learner.
    page.get_by_role("link", name="Campus", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    nav = page.get_by_role("navigation", name=fr("Main menu"))
    expect(nav.get_by_role("link", name="Mon profil")).to_be_visible()
    expect(page.get_by_role("heading", name="Bienvenue, Awa")).to_be_visible()
    expect(
        page.locator(".home-learner").get_by_role("link", name=fr("My learning"))
    ).to_be_visible()

    shot = tmp_path / "home-logged-in.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
