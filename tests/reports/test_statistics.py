"""Report figures against a small campus computed by hand, overall and by country and
gender, within each scope; the queries they cost do not grow with the data.

The campus of ``campus_build`` (NOW = 15 March 2026, 12:00 UTC), course "Budget":

| learner | city (country) | gender | enrolled | completed (days) | last activity | counted quiz scores (course score) | certificate |
|---|---|---|---|---|---|---|---|
| Awa | Dakar (SN) | female | 2026-02-03 | 2026-02-13 (10) | 2026-03-10 | Q1 60→80, Q2 70 (75) | valid |
| Fatou | Dakar (SN) | female | 2026-02-23 | 2026-02-27 (4) | 2026-02-27 | Q1 90, Q2 open (45) | revoked |
| Moussa | Thiès (SN) | male | 2025-12-05 | — | 2026-01-14 | Q1 51, Q1 pending (25.5) | — |
| Youssef | Tunis (TN) | male | 2026-01-24 | 2026-01-30 (6) | 2026-02-03 | Q1 100, Q2 80 (90) | valid |
| Leila | Tunis (TN) | undisclosed | 2026-03-12 | — | 2026-03-12 | — (0) | — |
| Sam | no profile | — | 2025-03-31 | 2025-04-20 (20) | 2025-04-20 | — (0) | — |

Awa is also enrolled in "ISO 37001" (2025-04-01, nothing done, a graded 10 % there
that must not reach Budget's figures).
"""

import datetime
import uuid
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from certificates.models import Certificate, CertificateTemplate
from courses.models import CoursePage, ModulePage, QuizPage
from learners.models import Enrollment, Municipality, QuizAttempt
from learners.scope import LearnerScope
from reports.selectors import (
    course_report_get,
    course_report_list,
    dashboard_get,
    month_starts,
    rate_percent,
)
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory
from tests.factories.quizzes import quiz_create

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 3, 15, 12, tzinfo=UTC)
TODAY = NOW.date()
EVERYTHING = LearnerScope(municipality=None)


def at(day: str, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@dataclass
class Campus:
    budget: CoursePage
    iso: CoursePage
    quizzes: list[QuizPage]
    dakar: Municipality
    thies: Municipality
    tunis: Municipality
    users: dict


def enrol(user, course, *, enrolled, completed=None, activity=None):
    enrollment = Enrollment.objects.create(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=at(enrolled),
        completed_at=at(completed) if completed else None,
        last_activity_at=at(activity or completed or enrolled),
    )


def attempt(user, quiz, score, *, state=QuizAttempt.State.GRADED):
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=CoursePage.objects.ancestor_of(quiz).get(),
        number=number,
        state=state,
        pass_mark=50,
        score=score,
        submitted_at=None if state == QuizAttempt.State.OPEN else NOW,
    )


def certify(user, course, state=Certificate.State.VALID):
    Certificate.objects.create(
        code=uuid.uuid4().hex[:14],
        user=user,
        course=course,
        template=CertificateTemplate.objects.first(),
        data={},
        state=state,
        issued_at=NOW,
    )


def learner(first_name, municipality=None, gender=""):
    if municipality is None:
        return UserFactory(first_name=first_name)
    return ProfileFactory(
        user__first_name=first_name, municipality=municipality, gender=gender
    ).user


def campus_build() -> Campus:
    """The campus of the module docstring."""
    budget = course_create(title="Budget", modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(budget).get()
    q1 = quiz_create(module, title="Quiz 1")
    q2 = quiz_create(module, title="Quiz 2")
    iso = course_create(title="ISO 37001", modules=1, lessons_per_module=1)
    iso_quiz = quiz_create(ModulePage.objects.child_of(iso).get(), title="Quiz ISO")
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    thies = MunicipalityFactory(name="Thiès", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")

    awa = learner("Awa", dakar, "female")
    fatou = learner("Fatou", dakar, "female")
    moussa = learner("Moussa", thies, "male")
    youssef = learner("Youssef", tunis, "male")
    leila = learner("Leila", tunis, "undisclosed")
    sam = learner("Sam")

    enrol(
        awa,
        budget,
        enrolled="2026-02-03",
        completed="2026-02-13",
        activity="2026-03-10",
    )
    enrol(fatou, budget, enrolled="2026-02-23", completed="2026-02-27")
    enrol(moussa, budget, enrolled="2025-12-05", activity="2026-01-14")
    enrol(
        youssef,
        budget,
        enrolled="2026-01-24",
        completed="2026-01-30",
        activity="2026-02-03",
    )
    enrol(leila, budget, enrolled="2026-03-12")
    enrol(sam, budget, enrolled="2025-03-31", completed="2025-04-20")
    Enrollment.objects.filter(user=sam).update(
        enrolled_at=at("2025-03-31", 10), completed_at=at("2025-04-20", 10)
    )
    enrol(awa, iso, enrolled="2025-04-01")
    Enrollment.objects.filter(user=awa, course=iso).update(
        enrolled_at=at("2025-04-01", 0)
    )

    attempt(awa, q1, 60)
    attempt(awa, q1, 80)
    attempt(awa, q2, 70)
    attempt(fatou, q1, 90)
    attempt(fatou, q2, None, state=QuizAttempt.State.OPEN)
    attempt(moussa, q1, 51)
    attempt(moussa, q1, 95, state=QuizAttempt.State.PENDING)
    attempt(youssef, q1, 100)
    attempt(youssef, q2, 80)
    attempt(awa, iso_quiz, 10)

    certify(awa, budget)
    certify(fatou, budget, Certificate.State.REVOKED)
    certify(youssef, budget)
    return Campus(
        budget=budget,
        iso=iso,
        quizzes=[q1, q2],
        dakar=dakar,
        thies=thies,
        tunis=tunis,
        users={
            "awa": awa,
            "fatou": fatou,
            "moussa": moussa,
            "youssef": youssef,
            "leila": leila,
            "sam": sam,
        },
    )


def figures(row) -> tuple:
    return (
        row.enrolled,
        row.active,
        row.completed,
        row.completion_rate,
        row.median_days,
        row.average_score,
        row.certificates,
    )


@pytest.fixture
def campus():
    return campus_build()


# --------------------------------------------------------------------------- course


def test_course_report_overall_figures_match_the_hand_computed_ones(campus):
    """6 enrolled, 3 active, 4 completed (66.7 %), median 8 days (4, 6, 10, 20),
    mean course score 39.2 (the certificates' score: a quiz without a graded attempt
    counts 0, so all 6 learners count), 2 valid certificates."""
    report = course_report_get(course=campus.budget, scope=EVERYTHING, now=NOW)
    assert figures(report.overall) == (6, 3, 4, 66.7, 8.0, 39.2, 2)


def test_course_report_by_country_counts_each_learner_under_their_city_country(campus):
    """Senegal (Dakar + Thiès) first, Tunisia, then the learner without a profile."""
    report = course_report_get(course=campus.budget, scope=EVERYTHING, now=NOW)
    rows = {row.key: figures(row) for row in report.by_country}
    assert [row.key for row in report.by_country] == ["SN", "TN", ""]
    assert rows["SN"] == (3, 2, 2, 66.7, 7.0, 48.5, 1)
    assert rows["TN"] == (2, 1, 1, 50.0, 6.0, 45.0, 1)
    assert rows[""] == (1, 0, 1, 100.0, 20.0, 0.0, 0)
    assert report.by_country[0].label == "Sénégal"
    assert report.by_country[2].label == gettext("Not given")


def test_course_report_by_gender_lists_every_gender_with_the_unknown_last(campus):
    """Women 2 (both completed), men 2, nobody "other", 1 undisclosed, 1 not given."""
    report = course_report_get(course=campus.budget, scope=EVERYTHING, now=NOW)
    rows = {row.key: figures(row) for row in report.by_gender}
    assert [row.key for row in report.by_gender] == [
        "female",
        "male",
        "other",
        "undisclosed",
        "",
    ]
    assert rows["female"] == (2, 2, 2, 100.0, 7.0, 60.0, 1)
    assert rows["male"] == (2, 0, 1, 50.0, 6.0, 57.8, 1)
    assert rows["other"] == (0, 0, 0, None, None, None, 0)
    assert rows["undisclosed"] == (1, 1, 0, 0.0, None, 0.0, 0)
    assert rows[""] == (1, 0, 1, 100.0, 20.0, 0.0, 0)


def test_course_report_of_a_coordinator_counts_only_their_city(campus):
    """Dakar's coordinator: Awa and Fatou only (not Moussa of Thiès, also in Senegal)."""
    scope = LearnerScope(municipality=campus.dakar)
    report = course_report_get(course=campus.budget, scope=scope, now=NOW)
    assert figures(report.overall) == (2, 2, 2, 100.0, 7.0, 60.0, 1)
    assert [(row.key, row.enrolled) for row in report.by_country] == [("SN", 2)]
    assert {row.key: row.enrolled for row in report.by_gender} == {
        "female": 2,
        "male": 0,
        "other": 0,
        "undisclosed": 0,
        "": 0,
    }


def test_course_report_with_dates_counts_the_learners_who_enrolled_in_the_range(campus):
    """24 January – 23 February 2026, both days included: Youssef, Awa and Fatou."""
    report = course_report_get(
        course=campus.budget,
        scope=EVERYTHING,
        date_from=datetime.date(2026, 1, 24),
        date_to=datetime.date(2026, 2, 23),
        now=NOW,
    )
    assert figures(report.overall) == (3, 2, 3, 100.0, 6.0, 70.0, 2)


def test_course_report_of_a_course_nobody_took_has_empty_figures(campus):
    empty = course_create(title="Nouveau cours", modules=1, lessons_per_module=1)
    report = course_report_get(course=empty, scope=EVERYTHING, now=NOW)
    assert figures(report.overall) == (0, 0, 0, None, None, None, 0)
    assert report.by_country == []
    assert all(row.enrolled == 0 for row in report.by_gender)


def test_course_report_list_has_one_row_per_live_course(campus):
    """Every live course by title, ISO's figures apart from Budget's; drafts left out."""
    draft = course_create(title="Brouillon", modules=1, lessons_per_module=1)
    CoursePage.objects.filter(pk=draft.pk).update(live=False)
    rows = course_report_list(scope=EVERYTHING, now=NOW)
    assert [course.title for course, _figures in rows] == ["Budget", "ISO 37001"]
    assert figures(rows[0][1]) == (6, 3, 4, 66.7, 8.0, 39.2, 2)
    assert figures(rows[1][1]) == (1, 0, 0, 0.0, None, 10.0, 0)


def test_course_report_list_of_a_coordinator_counts_only_their_city(campus):
    rows = course_report_list(scope=LearnerScope(municipality=campus.tunis), now=NOW)
    assert figures(rows[0][1]) == (2, 1, 1, 50.0, 6.0, 45.0, 1)
    assert figures(rows[1][1]) == (0, 0, 0, None, None, None, 0)


# --------------------------------------------------------------------------- dashboard


def test_dashboard_counts_enrolments_and_completions_of_each_of_the_last_12_months(
    campus,
):
    """April 2025 – March 2026, empty months included; Sam's March 2025 enrolment is
    out of the window, his April completion in it."""
    dashboard = dashboard_get(scope=EVERYTHING, today=TODAY)
    months = {row.month.strftime("%Y-%m"): row for row in dashboard.months}
    assert list(months) == [
        "2025-04",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    assert {key: row.enrolments for key, row in months.items() if row.enrolments} == {
        "2025-04": 1,
        "2025-12": 1,
        "2026-01": 1,
        "2026-02": 2,
        "2026-03": 1,
    }
    assert {key: row.completions for key, row in months.items() if row.completions} == {
        "2025-04": 1,
        "2026-01": 1,
        "2026-02": 2,
    }
    assert dashboard.months[-1].label == "mars 2026"


def test_dashboard_rates_learners_by_country_and_women_shares(campus):
    dashboard = dashboard_get(scope=EVERYTHING, today=TODAY)
    assert [(c.title, c.enrolled, c.completed, c.rate) for c in dashboard.courses] == [
        ("Budget", 6, 4, 66.7),
        ("ISO 37001", 1, 0, 0.0),
    ]
    assert [(c.code, c.learners) for c in dashboard.countries] == [
        ("SN", 3),
        ("TN", 2),
        ("", 1),
    ]
    learners = dashboard.learners
    assert (learners.women, learners.total, learners.women_percent) == (2, 6, 33.3)
    assert {row.gender: row.count for row in learners.rows} == {
        "female": 2,
        "male": 2,
        "other": 0,
        "undisclosed": 1,
        "": 1,
    }
    holders = dashboard.certificate_holders  # Fatou's certificate was revoked
    assert (holders.women, holders.total, holders.women_percent) == (1, 2, 50.0)


def test_dashboard_of_a_coordinator_counts_only_their_city(campus):
    dashboard = dashboard_get(
        scope=LearnerScope(municipality=campus.dakar), today=TODAY
    )
    assert sum(row.enrolments for row in dashboard.months) == 3
    assert sum(row.completions for row in dashboard.months) == 2
    assert [(c.title, c.rate) for c in dashboard.courses] == [
        ("Budget", 100.0),
        ("ISO 37001", 0.0),
    ]
    assert [(c.code, c.learners) for c in dashboard.countries] == [("SN", 2)]
    assert dashboard.learners.women_percent == 100.0
    assert (
        dashboard.certificate_holders.women,
        dashboard.certificate_holders.total,
    ) == (
        1,
        1,
    )


# --------------------------------------------------------------------------- pure


def test_rate_percent_rounds_to_one_decimal_and_has_no_rate_for_nobody():
    assert rate_percent(2, 3) == 66.7
    assert rate_percent(0, 5) == 0.0
    assert rate_percent(0, 0) is None


def test_month_starts_cross_the_year():
    assert month_starts(datetime.date(2026, 2, 28), count=3) == [
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]


# --------------------------------------------------------------------------- queries


def grow(campus: Campus, factor: int) -> None:
    """Add ``factor`` times more learners to every city, each enrolled, most of them
    with graded attempts, some completed and certified."""
    cities = [campus.dakar, campus.thies, campus.tunis, None]
    genders = ["female", "male", "other", "undisclosed", ""]
    for n in range(6 * factor):
        user = learner(f"L{n}", cities[n % 4], genders[n % 5])
        done = n % 2 == 0
        enrol(
            user,
            campus.budget,
            enrolled=f"2026-0{1 + n % 3}-0{1 + n % 9}",
            completed=f"2026-03-1{n % 5}" if done else None,
        )
        if n % 3:
            enrol(user, campus.iso, enrolled="2025-11-11")
        for quiz in campus.quizzes[: 1 + n % 2]:
            attempt(user, quiz, 40 + n % 60)
        if done and n % 4 == 0:
            certify(user, campus.budget)


def count_queries(function) -> int:
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def test_report_queries_do_not_grow_with_the_number_of_learners(campus):
    """Course report, overview and dashboard: the same number of queries for the
    6-learner campus and for one with 10× more learners (and more countries' worth of
    rows), in every scope."""
    scopes = [EVERYTHING, LearnerScope(municipality=campus.dakar)]

    def measure():
        return (
            [
                count_queries(
                    lambda scope=scope: course_report_get(
                        course=campus.budget, scope=scope, now=NOW
                    )
                )
                for scope in scopes
            ]
            + [
                count_queries(
                    lambda scope=scope: course_report_list(scope=scope, now=NOW)
                )
                for scope in scopes
            ]
            + [
                count_queries(
                    lambda scope=scope: dashboard_get(scope=scope, today=TODAY)
                )
                for scope in scopes
            ]
        )

    small = measure()
    grow(campus, 10)
    assert Enrollment.objects.count() > 60
    large = measure()
    assert small == large
    on_postgres = connection.vendor == "postgresql"
    assert small == ([3, 3, 2, 2, 5, 5] if on_postgres else [6, 6, 3, 3, 5, 5])
