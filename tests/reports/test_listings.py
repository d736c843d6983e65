"""The learning listings of the admin (enrolments, progress, quiz attempts, issued
certificates): filters, search, exports, permissions and query counts."""

import csv
import io
from datetime import UTC, datetime

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext

from certificates.models import Certificate, CertificateTemplate
from courses.models import LessonPage, ModulePage
from learners.models import Enrollment, Profile, QuizAttempt, User
from learners.roles import Role
from learners.services import city_coordinator_assign, enrollment_create, role_grant
from reports.filters import EnrollmentState
from tests.factories.courses import course_create, topic_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory
from tests.factories.quizzes import quiz_create

pytestmark = pytest.mark.django_db

LISTINGS = [
    "report_enrollments",
    "report_progress",
    "report_quiz_attempts",
    "report_certificates",
]


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


# --------------------------------------------------------------------------- data


@pytest.fixture
def cities():
    return {
        "dakar": MunicipalityFactory(name="Dakar", country="SN"),
        "thies": MunicipalityFactory(name="Thiès", country="SN"),
        "tunis": MunicipalityFactory(name="Tunis", country="TN"),
    }


@pytest.fixture
def data(cities):
    """Four learners in three cities and two countries, two courses under two axes,
    with enrolments, attempts and certificates on known days."""
    gouvernance = topic_create("Gouvernance", "gouvernance")
    finances = topic_create("Finances locales", "finances-locales", parent=gouvernance)
    environnement = topic_create("Environnement", "environnement")
    budget = course_create(
        title="Budget communal", modules=1, lessons_per_module=2, topics=[finances]
    )
    dechets = course_create(
        title="Gestion des déchets",
        modules=1,
        lessons_per_module=2,
        topics=[environnement],
    )
    quiz = quiz_create(
        ModulePage.objects.child_of(budget).get(), title="Quiz du budget", pass_mark=50
    )

    def learner(first, last, email, city, gender):
        return ProfileFactory(
            municipality=cities[city],
            gender=gender,
            user__first_name=first,
            user__last_name=last,
            user__email=email,
        ).user

    awa = learner("Awa", "Diop", "awa.diop@dakar.example", "dakar", "female")
    moussa = learner("Moussa", "Ndiaye", "moussa@thies.example", "thies", "male")
    youssef = learner("Youssef", "Ben Ali", "y.benali@tunis.example", "tunis", "male")
    leila = learner("Leïla", "Trabelsi", "leila@tunis.example", "tunis", "")

    lessons = list(LessonPage.objects.descendant_of(budget).order_by("path"))
    for user, course, enrolled, fields, done in (
        (awa, budget, 2, {"completed_at": _at(9)}, lessons),
        (moussa, budget, 5, {}, lessons[:1]),
        (youssef, dechets, 10, {"left_at": _at(12)}, []),
        (leila, budget, 20, {}, []),
    ):
        enrollment_create(user=user, course=course)
        for lesson in done:
            user.completions.create(page=lesson, course=course)
        Enrollment.objects.filter(user=user, course=course).update(
            enrolled_at=_at(enrolled), last_activity_at=_at(enrolled + 1), **fields
        )

    def attempt(user, number, state, day, score=None, passed=None):
        return QuizAttempt.objects.create(
            user=user,
            quiz=quiz,
            course=budget,
            number=number,
            state=state,
            started_at=_at(day),
            submitted_at=None if state == "open" else _at(day, 11),
            pass_mark=50,
            score=score,
            passed=passed,
        )

    attempt(awa, 1, "graded", 3, score="80.00", passed=True)
    attempt(moussa, 1, "graded", 6, score="20.00", passed=False)
    attempt(moussa, 2, "pending", 7)
    attempt(leila, 1, "open", 21)

    design = CertificateTemplate.objects.get(name="Campus — modèle français")

    def certificate(code, user, course, state, day, revoked=None):
        return Certificate.objects.create(
            code=code,
            user=user,
            course=course,
            template=design,
            data={},
            state=state,
            issued_at=_at(day),
            revoked_at=_at(revoked) if revoked else None,
            badge_salt="sel",
        )

    certificate("CAMP-0001", awa, budget, "valid", 9)
    certificate("CAMP-0002", moussa, budget, "superseded", 6)
    certificate("CAMP-0003", moussa, budget, "valid", 8)
    certificate("CAMP-0004", youssef, dechets, "revoked", 11, revoked=13)
    return {
        "budget": budget,
        "dechets": dechets,
        "quiz": quiz,
        "gouvernance": gouvernance,
        "finances": finances,
        "environnement": environnement,
        "awa": awa,
        "moussa": moussa,
        "youssef": youssef,
        "leila": leila,
        **cities,
    }


@pytest.fixture
def trainer(client):
    user = UserFactory(first_name="Fatou", last_name="Sall")
    role_grant(user=user, role=Role.TRAINER)
    client.force_login(user)
    return user


def _get(client, listing, params=None):
    return client.get(reverse(f"{listing}:index"), params or {})


def _emails(response) -> list[str]:
    return [row.learner_email for row in response.context["object_list"]]


def _notices(response) -> list[str]:
    return list(response.context["view"].filter_notices)


def _export(client, listing, kind, params=None):
    response = client.get(
        reverse(f"{listing}:index"), {**(params or {}), "export": kind}
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if kind == "csv":
        # The interface is French: fields are separated by ";" (reports.exports).
        text = content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text), delimiter=";"))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --------------------------------------------------------------------------- listings


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_shows_a_trainer_the_rows_of_every_city(client, trainer, data, listing):
    """Each listing opens for a trainer with learners of Senegal and Tunisia."""
    response = _get(client, listing)

    assert response.status_code == 200
    emails = set(_emails(response))
    assert "awa.diop@dakar.example" in emails
    assert emails & {"y.benali@tunis.example", "leila@tunis.example"}


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_is_read_only(client, trainer, data, listing):
    """No screen adds, edits or deletes a learner record; the page offers none."""
    for view in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"{listing}:{view}", args=[1] if view != "add" else [])
    html = _get(client, listing).content.decode()
    assert "/edit/" not in html and "/delete/" not in html


ENROLMENT_FILTERS = [
    ({"course": "budget"}, {"awa", "moussa", "leila"}),
    ({"topic": "gouvernance"}, {"awa", "moussa", "leila"}),  # an axis: its sub-topics
    ({"topic": "finances"}, {"awa", "moussa", "leila"}),
    ({"topic": "environnement"}, {"youssef"}),
    ({"municipality": "dakar"}, {"awa"}),
    ({"country": "SN"}, {"awa", "moussa"}),
    ({"country": "TN"}, {"youssef", "leila"}),
    ({"gender": "female"}, {"awa"}),
    ({"gender": "male"}, {"moussa", "youssef"}),
    ({"gender": "none"}, {"leila"}),
    ({"state": "completed"}, {"awa"}),
    ({"state": "in_progress"}, {"moussa", "leila"}),
    ({"state": "left"}, {"youssef"}),
    (
        {"enrolled_at_from": "2026-03-04", "enrolled_at_to": "2026-03-10"},
        {"moussa", "youssef"},
    ),
    ({"enrolled_at_from": "2026-03-10"}, {"youssef", "leila"}),
    ({"country": "TN", "state": "in_progress"}, {"leila"}),
]


def _params(data, params: dict) -> dict:
    """Names of the fixture's objects replaced by their ids."""
    return {
        key: data[value].pk if value in data and key != "country" else value
        for key, value in params.items()
    }


def _names(data, emails) -> set[str]:
    by_email = {
        data[name].email: name for name in ("awa", "moussa", "youssef", "leila")
    }
    return {by_email[email] for email in emails}


@pytest.mark.parametrize("params, expected", ENROLMENT_FILTERS)
def test_enrolment_filters_narrow_the_rows(client, trainer, data, params, expected):
    """Course, topic, municipality, country, gender, state and day range each keep
    only the matching enrolments."""
    response = _get(client, "report_enrollments", _params(data, params))

    assert response.status_code == 200
    assert _names(data, _emails(response)) == expected
    assert _notices(response) == []


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "completed"}, {"awa"}),
        (
            {
                "last_activity_at_from": "2026-03-06",
                "last_activity_at_to": "2026-03-11",
            },
            {"moussa", "youssef"},
        ),
        ({"municipality": "thies"}, {"moussa"}),
    ],
)
def test_progress_filters_narrow_the_rows(client, trainer, data, params, expected):
    """The progress listing filters on state, last activity and who the learner is."""
    response = _get(client, "report_progress", _params(data, params))

    assert _names(data, _emails(response)) == expected


def test_progress_shows_the_share_of_required_steps_done(client, trainer, data):
    """Two lessons and a quiz are required: 2 done is 66 %, 1 is 33 %; sorting by
    progress puts the furthest first."""
    response = _get(
        client,
        "report_progress",
        {"course": data["budget"].pk, "ordering": "-progress_percent"},
    )
    rows = _export(
        client,
        "report_progress",
        "csv",
        {"course": data["budget"].pk, "ordering": "-progress_percent"},
    )

    assert _emails(response) == [
        "awa.diop@dakar.example",
        "moussa@thies.example",
        "leila@tunis.example",
    ]
    heading = rows[0]
    done, total, share = (
        heading.index(gettext(label))
        for label in ("Required steps done", "Required steps", "Progress (%)")
    )
    assert [(row[done], row[total], row[share]) for row in rows[1:]] == [
        ("2", "3", "66"),
        ("1", "3", "33"),
        ("0", "3", "0"),
    ]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "pending"}, [("moussa", 2)]),
        ({"state": "open"}, [("leila", 1)]),
        ({"result": "passed"}, [("awa", 1)]),
        ({"result": "failed"}, [("moussa", 1)]),
        ({"state": "graded", "country": "SN"}, [("moussa", 1), ("awa", 1)]),
        (
            {"started_at_from": "2026-03-06", "started_at_to": "2026-03-07"},
            [("moussa", 2), ("moussa", 1)],
        ),
        ({"municipality": "tunis"}, [("leila", 1)]),
    ],
)
def test_attempt_filters_narrow_the_rows(client, trainer, data, params, expected):
    """Attempts filter on state, result (passed or failed), start day and the learner."""
    response = _get(client, "report_quiz_attempts", _params(data, params))

    rows = response.context["object_list"]
    names = [_names(data, [row.learner_email]).pop() for row in rows]
    assert [(name, row.number) for name, row in zip(names, rows, strict=True)] == (
        expected
    )


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "valid"}, ["CAMP-0001", "CAMP-0003"]),
        ({"state": "revoked"}, ["CAMP-0004"]),
        ({"state": "superseded"}, ["CAMP-0002"]),
        (
            {"issued_at_from": "2026-03-08", "issued_at_to": "2026-03-09"},
            ["CAMP-0001", "CAMP-0003"],
        ),
        ({"course": "dechets"}, ["CAMP-0004"]),
        ({"gender": "male", "state": "valid"}, ["CAMP-0003"]),
    ],
)
def test_certificate_filters_narrow_the_rows(client, trainer, data, params, expected):
    """Issued certificates filter on state, issue day, course and the learner."""
    response = _get(client, "report_certificates", _params(data, params))

    assert [row.code for row in response.context["object_list"]] == expected


def test_backwards_date_range_is_ignored_with_a_message(client, trainer, data):
    """An end before the start: the page says so, the other filters still apply."""
    response = _get(
        client,
        "report_enrollments",
        {
            "course": data["budget"].pk,
            "enrolled_at_from": "2026-03-20",
            "enrolled_at_to": "2026-03-01",
        },
    )

    assert response.status_code == 200
    assert _names(data, _emails(response)) == {"awa", "moussa", "leila"}
    [notice] = _notices(response)
    assert gettext("The end date is before the start date.") in notice
    assert escape(notice) in response.content.decode()


def test_filter_refresh_shows_the_message_too(client, trainer, data):
    """The results the filter panel reloads (without the page) carry the message."""
    response = client.get(
        reverse("report_enrollments:index_results"),
        {"enrolled_at_from": "2026-03-20", "enrolled_at_to": "2026-03-01"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert escape(gettext("The end date is before the start date.")) in (
        response.content.decode()
    )
    assert len(_emails(response)) == 4


def test_unknown_ordering_falls_back_to_the_default(client, trainer, data):
    """Sorting on a column that is not offered keeps the default order."""
    response = _get(client, "report_enrollments", {"ordering": "user__password"})

    assert response.status_code == 200
    assert _emails(response)[0] == "leila@tunis.example"  # last enrolled first


@pytest.mark.parametrize(
    "params",
    [
        {"course": "999999"},
        {"course": "pas-un-nombre"},
        {"topic": "999999"},
        {"municipality": "999999"},
        {"country": "XX"},
        {"gender": "robot"},
        {"state": "bogus"},
        {"enrolled_at_from": "2026-13-45"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(
    client, trainer, data, params
):
    """A value that is not offered is left out and reported; never an error page."""
    response = _get(
        client, "report_enrollments", {**params, "country": params.get("country", "TN")}
    )

    assert response.status_code == 200
    notices = _notices(response)
    assert len(notices) == 1
    assert "ignor" in notices[0]
    expected = (
        {"awa", "moussa", "youssef", "leila"}
        if "country" in params
        else {"youssef", "leila"}
    )
    assert _names(data, _emails(response)) == expected


def test_unknown_filter_values_give_well_formed_exports(client, trainer, data):
    """An export with a bad filter value is the listing's rows, not an error."""
    rows = _export(
        client, "report_enrollments", "csv", {"course": "999999", "country": "TN"}
    )

    assert len(rows) == 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("diop", {"awa"}),
        ("Awa Diop", {"awa"}),
        ("DIOP awa", {"awa"}),
        ("tunis.example", {"youssef", "leila"}),
        ("moussa@thies", {"moussa"}),
        ("inconnu", set()),
    ],
)
def test_search_finds_learners_by_name_or_email(client, trainer, data, query, expected):
    """Every word typed must match the learner's first or last name or e-mail."""
    response = _get(client, "report_enrollments", {"q": query})

    assert _names(data, _emails(response)) == expected


def test_learner_without_a_profile_is_listed(client, trainer, data):
    """A learner who never filled in a profile is listed with empty city, country and
    gender, found under "not given" and exported like the others."""
    nobody = UserFactory(first_name="Sans", last_name="Profil", email="sans@x.example")
    enrollment_create(user=nobody, course=data["dechets"])

    listed = _get(client, "report_enrollments", {"course": data["dechets"].pk})
    not_given = _get(client, "report_enrollments", {"gender": "none"})
    rows = _export(client, "report_enrollments", "csv", {"gender": "none"})

    assert "sans@x.example" in _emails(listed)
    assert set(_emails(not_given)) == {"sans@x.example", "leila@tunis.example"}
    nobody_row = next(row for row in rows if row[2] == "sans@x.example")
    assert nobody_row[3:6] == ["", "", ""]


# --------------------------------------------------------------------------- exports


def _labels(response) -> list[str]:
    return [str(column.label) for column in response.context["table"].columns.values()]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_export_holds_exactly_the_filtered_rows(client, trainer, data, listing, kind):
    """Parsed back, the file has the listing's columns and its rows, in its order."""
    params = {"country": "SN", "ordering": "user__last_name"}
    response = _get(client, listing, params)
    rows = _export(client, listing, kind, params)

    labels = _labels(response)
    assert rows[0] == labels
    email = labels.index(gettext("E-mail"))
    assert [row[email] for row in rows[1:]] == _emails(response)
    assert len(rows) - 1 == response.context["items_count"] > 0


def test_csv_export_row_holds_the_learner_and_the_enrolment(client, trainer, data):
    """One row read back cell by cell: names, city, country, gender, course, days."""
    rows = _export(
        client, "report_enrollments", "csv", {"municipality": data["dakar"].pk}
    )

    assert rows[1] == [
        "Diop",
        "Awa",
        "awa.diop@dakar.example",
        "Dakar",
        "Sénégal",
        gettext("Woman"),
        "Budget communal",
        "2026-03-02",
        "2026-03-03",
        "2026-03-09",
        "",
        str(EnrollmentState.COMPLETED.label),
    ]
    assert len(rows) == 2


def test_xlsx_export_keeps_dates_and_numbers_typed(client, trainer, data):
    """Days are dates and scores numbers in the workbook, not text."""
    rows = _export(client, "report_quiz_attempts", "xlsx", {"result": "passed"})

    heading = rows[0]
    awa = dict(zip(heading, rows[1], strict=True))
    assert awa[gettext("E-mail")] == "awa.diop@dakar.example"
    assert awa[gettext("Started")] == datetime(2026, 3, 3)
    assert awa[gettext("Submitted")] == datetime(2026, 3, 3)
    assert float(awa[gettext("Score (%)")]) == 80.0
    assert awa[gettext("Result")] == gettext("Passed")


def test_export_ignores_pagination(client, trainer, data):
    """The export is every filtered row, whatever page the listing showed."""
    rows = _export(client, "report_enrollments", "csv", {"p": "2"})

    assert len(rows) == 5


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_export_of_zero_rows_is_just_the_headings(client, trainer, data, listing, kind):
    """Nothing matches: a well-formed file with the heading row only."""
    response = _get(client, listing, {"q": "personne"})
    rows = _export(client, listing, kind, {"q": "personne"})

    assert rows == [_labels(response)]


def test_export_file_names_and_types(client, trainer, data):
    """The download is named after the listing and the day, with the right type."""
    url = reverse("report_certificates:index")
    csv_response = client.get(url, {"export": "csv"})
    xlsx_response = client.get(url, {"export": "xlsx"})

    today = timezone.localdate().isoformat()
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == (
        f'attachment; filename="{slugify(gettext("Issued certificates"))}-{today}.csv"'
    )
    assert xlsx_response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert ".xlsx" in xlsx_response["Content-Disposition"]
    b"".join(csv_response.streaming_content)
    b"".join(xlsx_response.streaming_content)


def test_formula_like_names_are_neutralised(client, trainer, data):
    """A name typed as a formula is text in both files: a leading quote in CSV, a
    text cell (never a formula) in XLSX."""
    formula = '=HYPERLINK("http://evil.example","clic")'
    User.objects.filter(pk=data["awa"].pk).update(last_name=formula, first_name="+1")
    params = {"municipality": data["dakar"].pk}

    csv_rows = _export(client, "report_enrollments", "csv", params)
    content = b"".join(
        client.get(
            reverse("report_enrollments:index"), {**params, "export": "xlsx"}
        ).streaming_content
    )
    cell = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]["A2"]

    assert csv_rows[1][:2] == [f"'{formula}", "'+1"]
    assert cell.value == formula
    assert cell.data_type == "s"


# --------------------------------------------------------------------------- access


@pytest.mark.parametrize("listing", LISTINGS)
def test_learner_is_refused(client, data, listing):
    """A learner reaches neither the listing nor its export."""
    client.force_login(data["awa"])

    page = _get(client, listing)
    export = client.get(reverse(f"{listing}:index"), {"export": "csv"})

    assert page.status_code == 302
    assert export.status_code == 302
    assert b"dakar.example" not in export.content


def _admin_access(user, *codenames):
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", *codenames],
        )
    )


@pytest.mark.parametrize("listing", LISTINGS)
def test_staff_without_a_report_role_is_refused(client, data, listing):
    """Admin access and the model permission are not enough: no role, no rows."""
    user = UserFactory()
    _admin_access(user, "view_enrollment", "view_quizattempt", "view_certificate")
    client.force_login(user)

    response = _get(client, listing)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.fixture
def coordinator(client, data):
    user = UserFactory(first_name="Ibrahima", last_name="Fall")
    city_coordinator_assign(user=user, municipality=data["dakar"])
    _admin_access(user, "view_enrollment", "view_quizattempt", "view_certificate")
    client.force_login(user)
    return user


@pytest.mark.parametrize("listing", LISTINGS)
def test_coordinator_with_admin_access_sees_only_their_city(
    client, data, coordinator, listing
):
    """Rows, filter choices and exports of a city coordinator stop at their city,
    even when they ask for another one."""
    response = _get(client, listing)
    other_city = _get(client, listing, {"municipality": data["tunis"].pk})
    other_country = _get(client, listing, {"country": "TN"})
    export = _export(client, listing, "csv", {"municipality": data["tunis"].pk})

    assert set(_emails(response)) == {"awa.diop@dakar.example"}
    form = response.context["filters"].form
    assert list(form.fields["municipality"].queryset) == [data["dakar"]]
    assert [code for code, _label in form.fields["country"].choices if code] == ["SN"]
    assert set(_emails(other_city)) == {"awa.diop@dakar.example"}
    assert len(_notices(other_city)) == 1
    assert set(_emails(other_country)) == {"awa.diop@dakar.example"}
    assert {row[2] for row in export[1:]} == {"awa.diop@dakar.example"}
    assert b"tunis.example" not in response.content + other_city.content


def test_coordinator_cannot_pick_a_course_without_their_learners(
    client, data, coordinator
):
    """A course none of their learners follows is not offered, and asking for it by
    id is reported, not answered."""
    response = _get(client, "report_enrollments", {"course": data["dechets"].pk})

    assert list(response.context["filters"].form.fields["course"].queryset) == [
        data["budget"]
    ]
    assert len(_notices(response)) == 1
    assert set(_emails(response)) == {"awa.diop@dakar.example"}


@pytest.mark.parametrize(
    "role, shown", [(Role.TRAINER, True), (Role.CERTIFICATE_ADMIN, True), (None, False)]
)
def test_learning_menu_lists_the_listings_to_those_who_may_open_them(
    client, data, role, shown
):
    """Trainers and certificate admins find the four listings in the Learning menu;
    someone with the admin and the permissions but no report role does not."""
    user = UserFactory()
    if role:
        role_grant(user=user, role=role)
    else:
        _admin_access(user, "view_enrollment", "view_quizattempt", "view_certificate")
    client.force_login(user)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    for listing in LISTINGS:
        assert (reverse(f"{listing}:index") in html) is shown


# --------------------------------------------------------------------------- queries


def _learners(count: int, municipality, course, quiz, design, start: int):
    users = User.objects.bulk_create(
        User(
            email=f"agent{start + n}@masse.example",
            first_name="Agent",
            last_name=f"{start + n:04d}",
        )
        for n in range(count)
    )
    Profile.objects.bulk_create(
        Profile(user=user, municipality=municipality, gender="female") for user in users
    )
    Enrollment.objects.bulk_create(
        Enrollment(user=user, course=course) for user in users
    )
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            user=user,
            quiz=quiz,
            course=course,
            number=1,
            state="graded",
            pass_mark=50,
            score=60,
            passed=True,
        )
        for user in users
    )
    Certificate.objects.bulk_create(
        Certificate(
            code=f"MASS-{start + n:05d}",
            user=user,
            course=course,
            template=design,
            data={},
            issued_at=_at(1),
            badge_salt="sel",
        )
        for n, user in enumerate(users)
    )


def _count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_and_export_query_counts_do_not_grow_with_rows(
    client, trainer, cities, listing
):
    """A page and an export of 5 rows cost as many queries as of 50."""
    course = course_create(title="Budget communal", modules=1, lessons_per_module=1)
    quiz = quiz_create(ModulePage.objects.child_of(course).get(), title="Quiz")
    design = CertificateTemplate.objects.get(name="Campus — modèle français")
    url = reverse(f"{listing}:index")
    _learners(5, cities["dakar"], course, quiz, design, start=0)
    client.get(url)  # warm caches (content types, site root)

    few = _count_queries(client, url)
    few_export = _count_queries(client, url, {"export": "csv"})
    _learners(45, cities["tunis"], course, quiz, design, start=5)
    many = _count_queries(client, url)
    many_export = _count_queries(client, url, {"export": "csv"})

    assert few == many
    assert few_export == many_export
    assert len(_export(client, listing, "csv")) == 51


@pytest.mark.parametrize(
    ("language", "delimiter", "score"), [("fr", ";", "80,00"), ("en", ",", "80.00")]
)
def test_csv_export_speaks_the_spreadsheet_dialect_of_the_interface(
    client, trainer, data, language, delimiter, score
):
    """French exports open in French Excel (";" and "80,00"), English ones in
    English Excel ("," and "80.00"); both keep the byte order mark."""
    client.cookies["campus_language"] = language
    response = client.get(
        reverse("report_quiz_attempts:index"), {"export": "csv", "q": "awa"}
    )
    content = b"".join(response.streaming_content)

    assert content.startswith("\ufeff".encode())
    rows = list(
        csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter)
    )
    assert len(rows[0]) > 5  # one column per field, not one long column
    assert score in rows[1]
