"""Who sees which learners' data, on every admin and public URL that shows any.

One table, ``CASES``: each URL with, for every role, the outcome expected (a page
showing the rows of some cities, the login page, a refusal, a 404). A Dakar
coordinator with admin access sees Dakar's learners and never Tunis's, wherever they
look. To cover a new URL (the API's, say), add a ``Case``.

Markers are what a page shows of a learner (last name or e-mail address); a page
"shows" a city when it shows a marker of that city's learner, and must show no
marker of a city it is not expected to show.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from certificates.models import (
    CertificateBatch,
    CertificateBatchItem,
    CertificateRule,
    CertificateTemplate,
)
from certificates.services import certificate_issue
from courses.models import LessonPage, ModulePage
from learners.roles import Role
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    role_grant,
    step_complete,
)
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory
from tests.factories.quizzes import essay, quiz_create

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "learner",  # Awa, of Dakar
    "other_city_learner",  # Youssef, of Tunis
    "coordinator",  # coordinates Dakar, no admin access
    "coordinator_admin",  # coordinates Dakar, admin access and the view permissions
    "trainer",
    "certificate_admin",
    "superuser",
)

#: What each marker key looks for in a page.
MARKERS = {
    "dakar": ("Diagne", "awa.diagne@dakar.example"),
    "tunis": ("Gharbi", "youssef.gharbi@tunis.example"),
    "coordinators": ("Coulibaly", "Camara"),
}

LEARNER_MARKERS = ("dakar", "tunis")


@dataclass(frozen=True)
class Outcome:
    status: int
    shows: frozenset = frozenset()  # marker keys the page must show
    to: str = ""  # "login" or "admin_home" for redirects


def shows(*keys: str) -> Outcome:
    """A 200 page that shows exactly the learners of ``keys``."""
    return Outcome(200, frozenset(keys))


LOGIN = Outcome(302, to="login")
ADMIN_REFUSED = Outcome(302, to="admin_home")  # the admin's "no permission" message
FORBIDDEN = Outcome(403)
NOT_FOUND = Outcome(404)


@dataclass(frozen=True)
class Case:
    name: str
    url: Callable[[dict], str]
    expected: dict  # role -> Outcome
    markers: tuple[str, ...] = LEARNER_MARKERS


def admin_case(name, url, *, coordinator_admin, staff, trainer=None, markers=None):
    """An admin URL: visitors without admin access go to the admin's login page."""
    return Case(
        name,
        url,
        {
            "anonymous": LOGIN,
            "learner": LOGIN,
            "other_city_learner": LOGIN,
            "coordinator": LOGIN,
            "coordinator_admin": coordinator_admin,
            "trainer": trainer or staff,
            "certificate_admin": staff,
            "superuser": staff,
        },
        markers or LEARNER_MARKERS,
    )


ALL = shows("dakar", "tunis")
DAKAR = shows("dakar")
TUNIS = shows("tunis")
NOBODY = shows()


def _listing(name, url_name):
    return admin_case(
        name, lambda d: reverse(url_name), coordinator_admin=DAKAR, staff=ALL
    )


def _export(name, url_name):
    return admin_case(
        name,
        lambda d: reverse(url_name) + "?export=csv",
        coordinator_admin=DAKAR,
        staff=ALL,
    )


def _public_owner_case(name, url, *, learner, other, others=NOBODY):
    """A public page of the visitor's own data."""
    return Case(
        name,
        url,
        {
            "anonymous": LOGIN,
            "learner": learner,
            "other_city_learner": other,
            "coordinator": others,
            "coordinator_admin": others,
            "trainer": others,
            "certificate_admin": others,
            "superuser": others,
        },
    )


def _city_page(name, url_name):
    return Case(
        name,
        lambda d: reverse(url_name),
        {
            "anonymous": LOGIN,
            "learner": FORBIDDEN,
            "other_city_learner": FORBIDDEN,
            "coordinator": DAKAR,
            "coordinator_admin": DAKAR,
            "trainer": FORBIDDEN,
            "certificate_admin": FORBIDDEN,
            "superuser": FORBIDDEN,
        },
    )


def _certificate_url(url_name, learner):
    return lambda d: reverse(url_name, args=[d["certificates"][learner].pk])


CASES = [
    # ---- admin: certificates
    admin_case(
        "certificates issued",
        lambda d: reverse("certificate_admin:index"),
        coordinator_admin=DAKAR,
        staff=ALL,
    ),
    admin_case(
        "certificates issued, searched for the Tunis learner",
        lambda d: reverse("certificate_admin:index") + "?q=Youssef",
        coordinator_admin=NOBODY,
        staff=TUNIS,
    ),
    admin_case(
        "certificate detail, Dakar",
        _certificate_url("certificate_admin:detail", "awa"),
        coordinator_admin=DAKAR,
        staff=DAKAR,
    ),
    admin_case(
        "certificate detail, Tunis",
        _certificate_url("certificate_admin:detail", "youssef"),
        coordinator_admin=NOT_FOUND,
        staff=TUNIS,
    ),
    admin_case(
        "certificate PDF, Tunis",  # a PDF: no readable marker
        _certificate_url("certificate_admin:pdf", "youssef"),
        coordinator_admin=NOT_FOUND,
        staff=NOBODY,
    ),
    admin_case(
        "certificate PDF, Dakar",
        _certificate_url("certificate_admin:pdf", "awa"),
        coordinator_admin=NOBODY,
        staff=NOBODY,
    ),
    admin_case(
        "certificate revocation, Tunis",
        _certificate_url("certificate_admin:revoke", "youssef"),
        coordinator_admin=ADMIN_REFUSED,
        trainer=ADMIN_REFUSED,
        staff=TUNIS,
    ),
    admin_case(
        "certificate re-issue, Tunis",
        _certificate_url("certificate_admin:reissue", "youssef"),
        coordinator_admin=ADMIN_REFUSED,
        trainer=ADMIN_REFUSED,
        staff=TUNIS,
    ),
    admin_case(
        "certificate batches",
        lambda d: reverse("certificate_batches:index"),
        coordinator_admin=ADMIN_REFUSED,
        staff=NOBODY,
    ),
    admin_case(
        "certificate batch detail",
        lambda d: reverse("certificate_batches:detail", args=[d["batch"].pk]),
        coordinator_admin=ADMIN_REFUSED,
        staff=ALL,
    ),
    # ---- admin: quiz tools (trainers' grading screens)
    admin_case(
        "quiz attempt detail, Tunis",
        lambda d: reverse("quiz_admin:attempt", args=[d["attempts"]["youssef"].pk]),
        coordinator_admin=ADMIN_REFUSED,
        staff=TUNIS,
    ),
    admin_case(
        "essays to grade",
        lambda d: reverse("quiz_admin:essay_queue"),
        coordinator_admin=ADMIN_REFUSED,
        staff=ALL,
    ),
    admin_case(
        "quiz statistics",
        lambda d: reverse("quiz_admin:statistics", args=[d["quiz"].pk]),
        coordinator_admin=ADMIN_REFUSED,
        staff=NOBODY,
    ),
    # ---- admin: reports
    _listing("enrolments listing", "report_enrollments:index"),
    _listing("progress listing", "report_progress:index"),
    _listing("attempts listing", "report_quiz_attempts:index"),
    admin_case(
        "attempts of one quiz",  # the quiz's own pages link here
        lambda d: reverse("report_quiz_attempts:index") + f"?quiz={d['quiz'].pk}",
        coordinator_admin=DAKAR,
        staff=ALL,
    ),
    _listing("certificates listing", "report_certificates:index"),
    _export("enrolments export", "report_enrollments:index"),
    _export("progress export", "report_progress:index"),
    _export("attempts export", "report_quiz_attempts:index"),
    _export("certificates export", "report_certificates:index"),
    admin_case(
        "course reports",  # figures only, no names
        lambda d: reverse("reports_admin:course_list"),
        coordinator_admin=NOBODY,
        staff=NOBODY,
    ),
    admin_case(
        "course report",
        lambda d: reverse("reports_admin:course_report", args=[d["course"].pk]),
        coordinator_admin=NOBODY,
        staff=NOBODY,
    ),
    # ---- admin: who coordinates which city (the list and its chooser: one rule)
    admin_case(
        "city coordinators",
        lambda d: reverse("wagtailsnippets_learners_citycoordinator:list"),
        coordinator_admin=ADMIN_REFUSED,
        staff=ADMIN_REFUSED,
        markers=("coordinators",),
    ),
    admin_case(
        "city coordinator chooser",
        lambda d: reverse("wagtailsnippetchoosers_learners_citycoordinator:choose"),
        coordinator_admin=ADMIN_REFUSED,
        staff=ADMIN_REFUSED,
        markers=("coordinators",),
    ),
    admin_case(
        "city coordinator chooser results",
        lambda d: reverse(
            "wagtailsnippetchoosers_learners_citycoordinator:choose_results"
        ),
        coordinator_admin=ADMIN_REFUSED,
        staff=ADMIN_REFUSED,
        markers=("coordinators",),
    ),
    # ---- public site
    _city_page("coordinator's page", "reports:city_staff"),
    _city_page("coordinator's CSV", "reports:city_staff_csv"),
    _public_owner_case(
        "my data export",
        lambda d: reverse("learners:my_data_export"),
        learner=DAKAR,
        other=TUNIS,
    ),
    _public_owner_case(
        "my learning",  # the learner's courses, no name: nobody else's rows
        lambda d: reverse("learners:dashboard"),
        learner=NOBODY,
        other=NOBODY,
    ),
    _public_owner_case(
        "certificate download, Dakar",  # a PDF: no readable marker
        _certificate_url("certificates:pdf", "awa"),
        learner=NOBODY,
        other=NOT_FOUND,
        others=NOT_FOUND,
    ),
    Case(
        "certificate verification, Dakar",  # public by design: the holder's name
        lambda d: reverse("certificates:verify", args=[d["certificates"]["awa"].code]),
        {role: DAKAR for role in ROLES},
    ),
]

# The superuser reads the coordinators, in the list and in the chooser alike.
for _case in CASES:
    if _case.markers == ("coordinators",):
        _case.expected["superuser"] = shows("coordinators")


# --------------------------------------------------------------------------- data


def _complete(user, course):
    enrollment_create(user=user, course=course)
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        step_complete(user=user, page=lesson)


def _essay_attempt(user, quiz, course):
    enrollment_create(user=user, course=course)
    attempt = quiz_attempt_start(user=user, quiz=quiz, rng=random.Random(7))
    data = QueryDict(mutable=True)
    for item in attempt.questions:
        data[f"q{item['position']}"] = "Le budget participatif associe les habitants."
    data["confirm_unanswered"] = "1"
    return quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=data)


@pytest.fixture
def campus():
    """Two learners (Dakar, Tunis) with a certificate and an essay to grade each, a
    batch that names both, and one user per role."""
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")
    awa = ProfileFactory(
        municipality=dakar,
        user__first_name="Awa",
        user__last_name="Diagne",
        user__email="awa.diagne@dakar.example",
    ).user
    youssef = ProfileFactory(
        municipality=tunis,
        user__first_name="Youssef",
        user__last_name="Gharbi",
        user__email="youssef.gharbi@tunis.example",
    ).user

    design = CertificateTemplate.objects.get(name="Campus — modèle français")
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)
    CertificateRule.objects.update_or_create(
        course=course, defaults={"template": design}
    )
    quiz_course = course_create(
        title="Rédiger le budget", modules=1, lessons_per_module=1
    )
    quiz = quiz_create(
        ModulePage.objects.child_of(quiz_course).get(),
        title="Quiz rédigé",
        questions=[essay(marks="2")],
    )
    certificates, attempts = {}, {}
    for key, user in (("awa", awa), ("youssef", youssef)):
        _complete(user, course)
        certificates[key] = certificate_issue(user=user, course=course)
        attempts[key] = _essay_attempt(user, quiz, quiz_course)

    users = {"learner": awa, "other_city_learner": youssef}
    users["coordinator"] = UserFactory(first_name="Ibrahima", last_name="Coulibaly")
    users["coordinator_admin"] = UserFactory(first_name="Mariama", last_name="Camara")
    for key in ("coordinator", "coordinator_admin"):
        city_coordinator_assign(user=users[key], municipality=dakar)
    users["coordinator_admin"].user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_certificate",
                "view_certificatebatch",
                "view_enrollment",
                "view_quizattempt",
            ]
        )
    )
    users["trainer"] = UserFactory(first_name="Fatou", last_name="Kane")
    role_grant(user=users["trainer"], role=Role.TRAINER)
    users["certificate_admin"] = UserFactory(first_name="Omar", last_name="Touré")
    role_grant(user=users["certificate_admin"], role=Role.CERTIFICATE_ADMIN)
    users["superuser"] = UserFactory(
        first_name="Admin", last_name="Campus", is_superuser=True, is_staff=True
    )

    batch = CertificateBatch.objects.create(
        course=course, requested_by=users["certificate_admin"]
    )
    CertificateBatchItem.objects.bulk_create(
        CertificateBatchItem(
            batch=batch,
            user=user,
            name=user.get_full_name(),
            email=user.email,
            outcome=CertificateBatchItem.Outcome.SKIPPED,
            reason="déjà délivré",
            processed_at=timezone.now(),
        )
        for user in (awa, youssef)
    )
    return {
        "users": users,
        "course": course,
        "quiz": quiz,
        "certificates": certificates,
        "attempts": attempts,
        "batch": batch,
    }


# --------------------------------------------------------------------------- the test


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def _mismatch(case: Case, response, expected: Outcome) -> str | None:
    """What differs from ``expected`` in ``response``, or None."""
    if response.status_code != expected.status:
        return f"status {response.status_code}, expected {expected.status}"
    if expected.to == "login" and "login" not in response.url:
        return f"redirected to {response.url}, expected the login page"
    if expected.to == "admin_home" and response.url != reverse("wagtailadmin_home"):
        return f"redirected to {response.url}, expected the admin home"
    body = _body(response) if response.status_code != 302 else ""
    for key in case.markers:
        seen = any(marker in body for marker in MARKERS[key])
        if key in expected.shows and not seen:
            return f"does not show the {key} rows"
        if key not in expected.shows and seen:
            return f"shows the {key} rows"
    return None


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_permission_matrix(client, campus, case):
    """Each role gets the expected answer at each URL, and sees exactly the
    learners of the cities it may see."""
    url = case.url(campus)
    failures = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(campus["users"][role])
        response = client.get(url)
        problem = _mismatch(case, response, case.expected[role])
        if problem:
            failures.append(f"{role}: {problem}")
    assert not failures, f"{case.name} ({url}): " + "; ".join(failures)


def test_matrix_lists_every_role_for_every_url():
    """No URL of the table leaves a role unchecked."""
    for case in CASES:
        assert set(case.expected) == set(ROLES), case.name


def test_coordinator_who_may_issue_cannot_reach_another_citys_learner(client, campus):
    """A Dakar coordinator given the right to issue certificates is told that a
    Tunis learner's address is unknown, and nothing is issued."""
    from django.utils.translation import gettext

    from certificates.models import Certificate

    coordinator = campus["users"]["coordinator_admin"]
    coordinator.user_permissions.add(Permission.objects.get(codename="add_certificate"))
    client.force_login(coordinator)
    before = Certificate.objects.count()

    response = client.post(
        reverse("certificate_admin:issue"),
        {
            "course": campus["course"].pk,
            "learner": "youssef.gharbi@tunis.example",
            "action": "check",
        },
    )

    assert response.status_code == 400
    assert (
        gettext("No learner has the e-mail address %(email)s.")
        % {"email": "youssef.gharbi@tunis.example"}
        in response.content.decode()
    )
    assert Certificate.objects.count() == before
