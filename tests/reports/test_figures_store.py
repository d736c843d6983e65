"""The stored report figures: equal to the live ones on random data, before and after
changes made through the services; every service that changes a figure marks its
course in its own transaction; the stored read costs the same queries for 1 and 30
learners; concurrent rebuilds and a real worker."""

import datetime
import random

import pytest
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from certificates.models import Certificate
from certificates.services import (
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from courses.models import LessonPage, ModulePage, QuizPage
from learners import figures_marks
from learners.models import Enrollment, FiguresChange, QuizAttempt, User
from learners.scope import LearnerScope
from learners.services import (
    account_delete,
    enrollment_create,
    profile_update,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_essay_grade,
    step_complete,
)
from reports.models import CourseFigureRow, CourseFigures, DashboardFigures
from reports.selectors import (
    course_report_get,
    course_report_list,
    dashboard_get,
    figures_freshness_get,
)
from reports.services.figures import (
    course_figures_rebuild,
    report_figures_pending_rebuild,
    report_figures_rebuild_all,
)
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, UserFactory
from tests.factories.quizzes import essay, quiz_create
from tests.reports.test_statistics import (
    EVERYTHING,
    NOW,
    TODAY,
    attempt,
    certify,
    enrol,
    learner,
)

pytestmark = pytest.mark.django_db

GENDERS = ["female", "male", "other", "undisclosed", ""]


@pytest.fixture
def frozen(time_machine):
    """The clock stands at NOW: the live figures "now" and the rebuild's agree."""
    time_machine.move_to(NOW, tick=False)


def _random_campus(rng: random.Random, learners: int = 40) -> dict:
    """Two courses with two quizzes each; learners of four countries (and without a
    profile or a municipality), enrolled, active, completed, scored and certified at
    random over the last 15 months."""
    courses = []
    for title in ("Budget", "ISO 37001"):
        course = course_create(title=title, modules=1, lessons_per_module=2)
        module = ModulePage.objects.child_of(course).get()
        quizzes = [quiz_create(module, title=f"{title} Q{n}") for n in (1, 2)]
        courses.append((course, quizzes))
    cities = [
        MunicipalityFactory(name=name, country=country)
        for name, country in (
            ("Dakar", "SN"),
            ("Thiès", "SN"),
            ("Tunis", "TN"),
            ("Jacmel", "HT"),
            ("Montréal", "CA"),
        )
    ]
    users = []
    for n in range(learners):
        kind = rng.random()
        if kind < 0.1:
            user = UserFactory(first_name=f"L{n}")  # no profile
        elif kind < 0.2:
            user = learner(f"L{n}", rng.choice(cities), rng.choice(GENDERS))
            user.profile.municipality = None
            user.profile.save()
        else:
            user = learner(f"L{n}", rng.choice(cities), rng.choice(GENDERS))
        users.append(user)
        for course, quizzes in courses:
            if rng.random() < 0.25:
                continue
            enrolled = NOW - datetime.timedelta(days=rng.randint(0, 450))
            completed = (
                enrolled + datetime.timedelta(days=rng.randint(0, 60), hours=n % 7)
                if rng.random() < 0.5
                else None
            )
            if completed and completed > NOW:
                completed = None
            activity = completed or enrolled + datetime.timedelta(
                days=rng.randint(0, 40)
            )
            enrol(user, course, enrolled="2025-01-01")
            Enrollment.objects.filter(user=user, course=course).update(
                enrolled_at=enrolled,
                completed_at=completed,
                last_activity_at=min(activity, NOW),
            )
            for quiz in quizzes:
                for _take in range(rng.randint(0, 2)):
                    state = rng.choice(
                        [QuizAttempt.State.GRADED] * 4 + [QuizAttempt.State.PENDING]
                    )
                    attempt(user, quiz, rng.randint(0, 100), state=state)
                if rng.random() < 0.2:  # an attempt in progress counts no score
                    attempt(user, quiz, None, state=QuizAttempt.State.OPEN)
            if completed and rng.random() < 0.6:
                state = rng.choice(
                    [Certificate.State.VALID] * 3 + [Certificate.State.REVOKED]
                )
                certify(user, course, state)
    return {"courses": courses, "users": users, "cities": cities}


def _assert_stored_equal_live():
    for course in [course for course, _figures in course_report_list(scope=EVERYTHING)]:
        stored = course_report_get(course=course, scope=EVERYTHING)
        live = course_report_get(course=course, scope=EVERYTHING, now=NOW)
        assert stored == live
    assert course_report_list(scope=EVERYTHING) == course_report_list(
        scope=EVERYTHING, now=NOW
    )
    assert dashboard_get(scope=EVERYTHING) == dashboard_get(
        scope=EVERYTHING, today=TODAY
    )


def _answers(attempt_row, rng: random.Random) -> QueryDict:
    """Answers to an attempt of the factories' default quiz, right or wrong."""
    data = QueryDict(mutable=True)
    for item in attempt_row.questions:
        question, name = item["question"], f"q{item['position']}"
        if question["qtype"] == "single":
            data.setlist(name, ["", str(rng.randrange(len(question["choices"])))])
        elif question["qtype"] == "truefalse":
            data.setlist(name, ["", rng.choice(["true", "false"])])
        elif question["qtype"] == "essay":
            data[name] = "Le budget participatif associe les habitants."
    data["confirm_unanswered"] = "1"
    return data


def _random_changes(campus: dict, rng: random.Random, admin) -> None:
    """Enrolments, lessons, quizzes, certificates and profile changes, each through
    its service."""
    for n, user in enumerate(campus["users"]):
        course, quizzes = rng.choice(campus["courses"])
        action = rng.randrange(6)
        if action == 0:
            enrollment_create(user=user, course=course)
        elif action == 1:
            enrollment_create(user=user, course=course)
            lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
            for lesson in lessons:
                step_complete(user=user, page=lesson)
            try:
                certificate_issue(user=user, course=course)
            except Exception:  # not qualified (a quiz left): fine, counted as such
                pass
        elif action == 2:
            enrollment_create(user=user, course=course)
            quiz = rng.choice(quizzes)
            if QuizAttempt.objects.filter(user=user, quiz=quiz, state="open").exists():
                continue
            started = quiz_attempt_start(user=user, quiz=quiz, rng=rng)
            quiz_attempt_submit(
                user=user, attempt_id=started.pk, data=_answers(started, rng)
            )
        elif action == 3:
            valid = Certificate.objects.filter(user=user, state="valid").first()
            if valid is not None:
                certificate_revoke(certificate=valid, revoked_by=admin, reason="Test")
        elif action == 4 and hasattr(user, "profile"):
            city = rng.choice(campus["cities"])
            profile_update(
                user=user,
                first_name=f"L{n}",
                last_name="Diop",
                city=city.name,
                country=city.country,
                job_title="Agent",
                gender=rng.choice(GENDERS),
                preferred_language="fr",
            )
        elif action == 5 and n % 10 == 5:
            account_delete(user=user, choices={"certificates": "withdraw"})


def test_stored_figures_equal_the_live_ones_on_random_data_and_after_changes(
    frozen, django_user_model
):
    """Course reports, the course list and the dashboard read from the stored figures
    show exactly what the live aggregates show; after changes made through the
    services, the pending rebuild makes them equal again (they differed before)."""
    rng = random.Random(2026)
    campus = _random_campus(rng)
    report_figures_rebuild_all()
    assert FiguresChange.objects.count() == 0
    _assert_stored_equal_live()

    admin = django_user_model.objects.create_superuser("admin@ville.example", "x")
    _random_changes(campus, rng, admin)
    assert FiguresChange.objects.exists()
    before = course_report_list(scope=EVERYTHING)
    assert before != course_report_list(scope=EVERYTHING, now=NOW)
    rebuilt = report_figures_pending_rebuild()
    assert rebuilt == 2
    assert FiguresChange.objects.count() == 0
    _assert_stored_equal_live()


def test_a_report_with_nothing_stored_computes_its_figures_at_once(frozen):
    """The first read of a course report stores its figures (and they are the live
    ones); a date range or a city's scope is always counted live."""
    rng = random.Random(7)
    campus = _random_campus(rng, learners=8)
    course = campus["courses"][0][0]
    assert not CourseFigures.objects.exists()
    assert course_report_get(course=course, scope=EVERYTHING) == course_report_get(
        course=course, scope=EVERYTHING, now=NOW
    )
    assert CourseFigures.objects.filter(course=course).exists()
    assert figures_freshness_get(course=course).built_at == NOW
    city = LearnerScope(municipality=campus["cities"][0])
    with CaptureQueriesContext(connection) as captured:
        course_report_get(course=course, scope=city)
        course_report_get(course=course, scope=EVERYTHING, date_from=TODAY)
    assert not any("reports_coursefigure" in q["sql"] for q in captured)


# --------------------------------------------------------------------------- marks


@pytest.fixture
def marked(frozen, django_user_model):
    """A course with a lesson, a quiz with an essay and a learner with a profile."""
    course = course_create(title="Budget", modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_create(module, title="Essai", questions=[essay()], pass_mark=50)
    user = learner("Awa", MunicipalityFactory(name="Dakar", country="SN"), "female")
    admin = django_user_model.objects.create_superuser("admin@ville.example", "x")
    FiguresChange.objects.all().delete()
    return {"course": course, "quiz": quiz, "user": user, "admin": admin}


def _complete(user, course):
    enrollment_create(user=user, course=course)
    for lesson in LessonPage.objects.live().descendant_of(course):
        step_complete(user=user, page=lesson)


def _submitted_essay(m):
    enrollment_create(user=m["user"], course=m["course"])
    started = quiz_attempt_start(user=m["user"], quiz=m["quiz"])
    return quiz_attempt_submit(
        user=m["user"], attempt_id=started.pk, data=_answers(started, random.Random(1))
    )


def _certified(m):
    _complete(m["user"], m["course"])
    quiz_essay_grade(
        grader=m["admin"], attempt_id=_submitted_essay(m).pk, position=1, points=1
    )
    return certificate_issue(user=m["user"], course=m["course"])


def _inactive(m):
    """Enrolled, with a last activity older than the reports' 30 days."""
    enrollment_create(user=m["user"], course=m["course"])
    Enrollment.objects.update(last_activity_at=NOW - datetime.timedelta(days=31))


SERVICES = {
    "enrolment": (
        lambda m: None,
        lambda m, _: enrollment_create(user=m["user"], course=m["course"]),
    ),
    "lesson completion of an inactive learner": (
        _inactive,
        lambda m, _: step_complete(
            user=m["user"], page=LessonPage.objects.descendant_of(m["course"]).get()
        ),
    ),
    "course completion by an active learner": (
        lambda m: quiz_essay_grade(
            grader=m["admin"], attempt_id=_submitted_essay(m).pk, position=1, points=1
        ),
        lambda m, _: step_complete(
            user=m["user"], page=LessonPage.objects.descendant_of(m["course"]).get()
        ),
    ),
    "quiz attempt start of an inactive learner": (
        _inactive,
        lambda m, _: quiz_attempt_start(user=m["user"], quiz=m["quiz"]),
    ),
    "quiz attempt submit": (
        lambda m: (
            enrollment_create(user=m["user"], course=m["course"]),
            quiz_attempt_start(user=m["user"], quiz=m["quiz"]),
        )[1],
        lambda m, started: quiz_attempt_submit(
            user=m["user"],
            attempt_id=started.pk,
            data=_answers(started, random.Random(1)),
        ),
    ),
    "essay grading": (
        _submitted_essay,
        lambda m, submitted: quiz_essay_grade(
            grader=m["admin"], attempt_id=submitted.pk, position=1, points=1
        ),
    ),
    "certificate issue": (
        lambda m: (
            _complete(m["user"], m["course"]),
            quiz_essay_grade(
                grader=m["admin"],
                attempt_id=_submitted_essay(m).pk,
                position=1,
                points=1,
            ),
            Certificate.objects.filter(user=m["user"]).delete(),
        ),
        lambda m, _: certificate_issue(user=m["user"], course=m["course"]),
    ),
    "certificate revoke": (
        _certified,
        lambda m, certificate: certificate_revoke(
            certificate=certificate, revoked_by=m["admin"], reason="Erreur"
        ),
    ),
    "certificate reissue": (
        _certified,
        lambda m, certificate: certificate_reissue(
            certificate=certificate, issued_by=m["admin"], learner_name="Awa Ndiaye"
        ),
    ),
    "profile change": (
        lambda m: enrollment_create(user=m["user"], course=m["course"]),
        lambda m, _: profile_update(
            user=m["user"],
            first_name="Awa",
            last_name="Diop",
            city="Tunis",
            country="TN",
            job_title="Agente",
            gender="other",
            preferred_language="fr",
        ),
    ),
    "account deletion": (
        _certified,
        lambda m, _: account_delete(
            user=User.objects.get(email=m["user"].email),
            choices={"certificates": "keep"},
        ),
    ),
    "quiz unpublished": (
        lambda m: None,
        lambda m, _: QuizPage.objects.get(pk=m["quiz"].pk).unpublish(),
    ),
    "quiz published": (
        lambda m: None,
        lambda m, _: QuizPage.objects.get(pk=m["quiz"].pk).save_revision().publish(),
    ),
}


class _RolledBack(Exception):
    pass


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_changing_a_figure_marks_its_course_in_its_transaction(
    marked, service
):
    """The service leaves a mark on its course; the same change rolled back leaves
    none."""
    prepare, act = SERVICES[service]
    before = prepare(marked)
    FiguresChange.objects.all().delete()
    with pytest.raises(_RolledBack), transaction.atomic():
        act(marked, before)
        assert FiguresChange.objects.filter(course_id=marked["course"].pk).exists()
        raise _RolledBack
    assert not FiguresChange.objects.exists()
    act(marked, before)
    assert set(FiguresChange.objects.values_list("course_id", flat=True)) == {
        marked["course"].pk
    }


def test_an_active_learner_reading_a_lesson_marks_nothing(marked):
    """A lesson read by a learner counted as active already changes no figure, and
    costs no rebuild."""
    enrollment_create(user=marked["user"], course=marked["course"])
    lesson = LessonPage.objects.descendant_of(marked["course"]).get()
    FiguresChange.objects.all().delete()
    step_complete(user=marked["user"], page=lesson)
    quiz_attempt_start(user=marked["user"], quiz=marked["quiz"])
    assert not FiguresChange.objects.exists()


def test_a_change_rebuilds_the_figures_when_it_commits_in_eager_mode(
    marked, django_capture_on_commit_callbacks, request
):
    """Without a broker (`make run`), an enrolment's commit rebuilds the figures: the
    report shows the new learner at once and no mark is left."""
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    request.addfinalizer(lambda: setattr(app.conf, "task_always_eager", eager))
    report_figures_rebuild_all()
    assert (
        course_report_get(course=marked["course"], scope=EVERYTHING).overall.enrolled
        == 0
    )
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=marked["user"], course=marked["course"])
    report = course_report_get(course=marked["course"], scope=EVERYTHING)
    assert report.overall.enrolled == 1
    assert not FiguresChange.objects.exists()


def test_pending_marks_are_shown_on_the_report_until_the_rebuild(marked):
    """While a change is waiting, the course report says an update is coming."""
    report_figures_rebuild_all()
    assert figures_freshness_get(course=marked["course"]).pending is False
    enrollment_create(user=marked["user"], course=marked["course"])
    assert figures_freshness_get(course=marked["course"]).pending is True
    report_figures_pending_rebuild()
    assert figures_freshness_get(course=marked["course"]).pending is False


def test_the_rebuild_consumes_only_the_marks_it_read(marked, monkeypatch):
    """A mark written after the rebuild read the marks stays for the next run."""
    import reports.services.figures as service

    enrollment_create(user=marked["user"], course=marked["course"])
    original, late = service.course_figures_rebuild, []

    def rebuild_then_mark(**kwargs):
        figures = original(**kwargs)
        late.append(FiguresChange.objects.create(course_id=marked["course"].pk))
        return figures

    monkeypatch.setattr(service, "course_figures_rebuild", rebuild_then_mark)
    report_figures_pending_rebuild()
    assert list(FiguresChange.objects.all()) == late


# --------------------------------------------------------------------------- reads


def _learners_enrolled(course, count, start=0):
    cities = [
        MunicipalityFactory(name="Dakar", country="SN"),
        MunicipalityFactory(name="Tunis", country="TN"),
    ]
    for n in range(start, start + count):
        user = learner(f"L{n}", cities[n % 2], GENDERS[n % 5])
        enrol(user, course, enrolled="2026-02-01", completed="2026-03-01")
        if n % 3 == 0:
            certify(user, course)


def test_the_stored_reads_cost_the_same_queries_for_1_and_30_learners(
    frozen, django_assert_num_queries
):
    """Course report 1 query, course list 2, dashboard 1, whatever the learners."""
    course = course_create(title="Budget", modules=1, lessons_per_module=1)
    _learners_enrolled(course, 1)
    for size in (1, 30):
        if size == 30:
            _learners_enrolled(course, 29, start=1)
        report_figures_rebuild_all()
        with django_assert_num_queries(1):
            report = course_report_get(course=course, scope=EVERYTHING)
        with django_assert_num_queries(2):
            course_report_list(scope=EVERYTHING)
        with django_assert_num_queries(1):
            dashboard = dashboard_get(scope=EVERYTHING)
        assert report.overall.enrolled == size
        assert dashboard.learners.total == size


def test_the_report_pages_say_when_their_figures_were_computed(
    frozen, client, django_user_model
):
    """The course list, a course report and the admin home show the date and time of
    the figures, and that an update is coming while changes wait."""
    course = course_create(title="Budget", modules=1, lessons_per_module=1)
    _learners_enrolled(course, 3)
    admin = django_user_model.objects.create_superuser("chef@ville.example", "x")
    client.force_login(admin)
    report_figures_rebuild_all()
    for url in (
        "/admin/",
        "/admin/reports/courses/",
        f"/admin/reports/courses/{course.pk}/",
    ):
        text = client.get(url).content.decode()
        assert "Chiffres calculés le 15 mars 2026 à 12:00" in text, url
        assert "une mise à jour arrive" not in text
    FiguresChange.objects.create(course_id=course.pk)
    text = client.get(f"/admin/reports/courses/{course.pk}/").content.decode()
    assert "une mise à jour arrive" in text


# --------------------------------------------------------------------------- real services


def _race(worker, count=2):
    import threading

    barrier = threading.Barrier(count)
    errors = []

    def run():
        try:
            barrier.wait()
            worker()
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_rebuilds_of_one_course_at_once_leave_one_consistent_set_of_rows():
    """Both rebuilds succeed, one after the other, and the course has one row per
    breakdown value (no duplicate, none missing), equal to the live report."""
    course = course_create(title="Budget", modules=1, lessons_per_module=1)
    _learners_enrolled(course, 12)
    errors = _race(lambda: course_figures_rebuild(course_id=course.pk), count=4)
    assert errors == []
    assert CourseFigures.objects.filter(course=course).count() == 1
    rows = CourseFigureRow.objects.filter(figures__course=course)
    # overall, two countries, the genders present
    assert rows.count() == 1 + 2 + 5
    stored = course_report_get(course=course, scope=EVERYTHING)
    built_at = CourseFigures.objects.get(course=course).built_at
    assert stored == course_report_get(course=course, scope=EVERYTHING, now=built_at)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_fed_by_redis_rebuilds_the_figures_after_a_change(
    settings, monkeypatch
):
    """An enrolment commits; a Celery worker consuming from Redis rebuilds the
    course's figures and consumes the mark."""
    import os
    import time

    from celery.contrib.testing.worker import start_worker

    from config.celery import app
    from tests.redis_server import celery_broker

    monkeypatch.setattr(figures_marks, "DEBOUNCE_SECONDS", 0)
    monkeypatch.setattr(figures_marks, "DEBOUNCE_KEY_SECONDS", 1)
    course = course_create(title="Budget", modules=1, lessons_per_module=1)
    user = learner("Awa", MunicipalityFactory(name="Dakar", country="SN"), "female")
    FiguresChange.objects.all().delete()
    with celery_broker(os.environ["CELERY_BROKER_URL"], settings):
        app.control.purge()
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10
        ):
            enrollment_create(user=user, course=course)  # commits: queues the task
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and FiguresChange.objects.exists():
                time.sleep(0.2)
    assert not FiguresChange.objects.exists()
    assert DashboardFigures.objects.exists()
    row = CourseFigureRow.objects.get(figures__course=course, breakdown="overall")
    assert row.enrolled == 1
