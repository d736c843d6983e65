"""`generate_load_data` fills a test database with learners whose rows the app could
have written, refuses production, and `--delete` takes back exactly what it made."""

from collections import Counter, defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from courses.models import LessonPage, ModulePage
from courses.selectors import required_step_ids_get
from demo.load_progress import LOAD_DOMAIN
from learners.models import (
    Completion,
    Enrollment,
    Municipality,
    Profile,
    QuizAttempt,
    User,
)
from learners.scope import LearnerScope
from learners.selectors.quiz_admin import attempt_detail_get, quiz_statistics_get
from tests.factories import quizzes as q
from tests.factories.courses import course_create, lesson_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory

pytestmark = pytest.mark.django_db

EVERYONE = LearnerScope(municipality=None)


@pytest.fixture
def courses(settings):
    """A course ending with a quiz of every question type (and an optional lesson),
    and a course of three lessons."""
    settings.DEBUG = True
    with_quiz = course_create(title="Budget", modules=2, lessons_per_module=2)
    first, last = ModulePage.objects.child_of(with_quiz).order_by("path")
    optional = lesson_create(first, title="Pour aller plus loin")
    LessonPage.objects.filter(pk=optional.pk).update(required=False)
    quiz = q.quiz_create(
        last,
        questions=[
            q.description(),
            q.single(),
            q.multiple(),
            q.truefalse(),
            q.shortanswer(),
            q.numerical(),
            q.matching(),
            q.essay(),
        ],
        max_attempts=3,
        pass_mark=60,
    )
    lessons_only = course_create(title="Eau", modules=1, lessons_per_module=3)
    return {"with_quiz": with_quiz, "quiz": quiz, "lessons_only": lessons_only}


def _generate(*args):
    out = StringIO()
    call_command("generate_load_data", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict:
    users = User.objects.filter(email__endswith=f"@{LOAD_DOMAIN}")
    return {
        "learners": users.count(),
        "profiles": Profile.objects.filter(user__in=users).count(),
        "municipalities": Municipality.objects.count(),
        "enrolments": Enrollment.objects.filter(user__in=users).count(),
        "completed": Enrollment.objects.filter(
            user__in=users, completed_at__isnull=False
        ).count(),
        "left": Enrollment.objects.filter(
            user__in=users, left_at__isnull=False
        ).count(),
        "completions": Completion.objects.filter(user__in=users).count(),
        "attempts": QuizAttempt.objects.filter(user__in=users).count(),
        "passed": QuizAttempt.objects.filter(user__in=users, passed=True).count(),
    }


def test_generate_load_data_refuses_when_debug_is_off(settings, courses):
    """Without --force, a site with DEBUG off gets an error and not one learner."""
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        _generate("--learners", "10")
    with pytest.raises(CommandError, match="DEBUG is off"):
        _generate("--delete")
    assert not User.objects.exists()

    _generate("--learners", "3", "--force")
    assert _counts()["learners"] == 3


def test_generate_load_data_makes_learners_in_several_countries(courses):
    """50 learners with profiles spread over countries and genders, enrolled in 1–3
    courses, with progress and quiz attempts, and totals printed."""
    output = _generate("--learners", "50", "--seed", "7")

    counts = _counts()
    assert counts["learners"] == counts["profiles"] == 50
    assert "load learners: 50 in" in output
    profiles = Profile.objects.filter(user__email__endswith=LOAD_DOMAIN)
    assert len({p.municipality.country.code for p in profiles}) >= 8
    assert len({p.gender for p in profiles}) >= 3
    assert all(p.job_title for p in profiles)
    per_user = Counter(
        Enrollment.objects.filter(user__in=[p.user_id for p in profiles]).values_list(
            "user_id", flat=True
        )
    )
    assert len(per_user) == 50 and set(per_user.values()) <= {1, 2}  # two courses
    assert counts["completions"] > 100
    assert counts["completed"] > 0
    assert counts["attempts"] > 0
    assert not any(  # nobody can log in as a load learner
        user.has_usable_password()
        for user in User.objects.filter(email__endswith=LOAD_DOMAIN)
    )


def test_generate_load_data_rows_follow_the_apps_rules(courses):
    """Progress only in followed courses; completed_at exactly when every required
    step is done; a quiz counts only once passed; attempts numbered, scored and
    readable by trainers as the grading service would have left them."""
    _generate("--learners", "50", "--seed", "7")
    quiz = courses["quiz"]
    required = {
        course.pk: required_step_ids_get(course=course)
        for course in (courses["with_quiz"], courses["lessons_only"])
    }
    done = defaultdict(set)
    for completion in Completion.objects.all():
        done[completion.user_id, completion.course_id].add(completion.page_id)
    enrolments = {(e.user_id, e.course_id): e for e in Enrollment.objects.all()}
    assert set(done) <= set(enrolments)
    for key, enrolment in enrolments.items():
        steps = done[key]
        assert (enrolment.completed_at is not None) == (required[key[1]] <= steps)
        assert enrolment.enrolled_at <= enrolment.last_activity_at
        if enrolment.completed_at is not None:
            assert enrolment.left_at is None
            assert enrolment.enrolled_at <= enrolment.completed_at
    assert Completion.objects.count() == len(
        set(Completion.objects.values_list("user_id", "page_id"))
    )

    attempts = defaultdict(list)
    for attempt in QuizAttempt.objects.order_by("number"):
        attempts[attempt.user_id].append(attempt)
    for user_id, taken in attempts.items():
        assert [a.number for a in taken] == list(range(1, len(taken) + 1))
        assert len(taken) <= quiz.max_attempts
        assert not any(a.passed for a in taken[:-1])  # nobody retakes a passed quiz
        quiz_done = quiz.pk in done[user_id, courses["with_quiz"].pk]
        assert quiz_done == bool(taken[-1].passed)
        for attempt in taken:
            assert attempt.state == QuizAttempt.State.GRADED
            expected = (attempt.points * 100 / attempt.max_points).quantize(
                Decimal("0.01")
            )
            assert abs(attempt.score - expected) <= Decimal("0.01")
            assert attempt.passed == (attempt.score >= attempt.pass_mark)
            detail = attempt_detail_get(attempt_id=attempt.pk, scope=EVERYONE)
            assert sum(x.points or 0 for x in detail.questions) == attempt.points
    assert (
        quiz_statistics_get(quiz=quiz, scope=EVERYONE).attempts
        == QuizAttempt.objects.count()
    )


def test_generate_load_data_delete_removes_what_it_made_and_nothing_else(courses):
    """--delete removes the load learners, their rows and the cities only they used;
    a real learner of Dakar (a city on the command's list), her progress and a city
    of nobody stay."""
    awa = ProfileFactory(municipality=MunicipalityFactory(name="Dakar", country="SN"))
    Enrollment.objects.create(user=awa.user, course=courses["lessons_only"])
    lesson = LessonPage.objects.descendant_of(courses["lessons_only"]).first()
    Completion.objects.create(
        user=awa.user, page=lesson, course=courses["lessons_only"]
    )
    MunicipalityFactory(name="Brest", country="FR")  # used by nobody
    before = _counts()
    users_before = User.objects.count()

    _generate("--learners", "50", "--seed", "7")
    assert _counts()["learners"] == 50
    output = _generate("--delete")

    assert "deleted 50 load learners" in output
    assert _counts() == before
    assert User.objects.count() == users_before
    assert Enrollment.objects.filter(user=awa.user).count() == 1
    assert Completion.objects.filter(user=awa.user).count() == 1
    assert set(Municipality.objects.values_list("name", flat=True)) == {
        "Dakar",
        "Brest",
    }


def test_generate_load_data_same_seed_same_data(courses):
    """A second run with the same N adds nothing; 20 then 30 learners make the same
    data as 30 at once; the same seed after --delete gives the same counts."""
    _generate("--learners", "30", "--seed", "3")
    first = _counts()
    names = set(User.objects.values_list("email", "first_name", "last_name"))
    output = _generate("--learners", "30", "--seed", "3")
    assert "nothing to add" in output
    assert _counts() == first

    _generate("--delete")
    _generate("--learners", "20", "--seed", "3")
    _generate("--learners", "30", "--seed", "3")
    assert _counts() == first
    assert set(User.objects.values_list("email", "first_name", "last_name")) == names

    _generate("--delete")
    _generate("--learners", "30", "--seed", "4")
    assert _counts() != first


def test_generate_load_data_delete_takes_rows_others_added(courses):
    """A load learner someone put in a group still goes with --delete; the group
    stays."""
    from django.contrib.auth.models import Group

    _generate("--learners", "5")
    group = Group.objects.create(name="Testeurs")
    group.user_set.add(User.objects.get(email=f"learner-0000003@{LOAD_DOMAIN}"))

    _generate("--delete")

    assert _counts()["learners"] == 0
    assert Group.objects.filter(pk=group.pk, user__isnull=True).exists()


def test_generate_load_data_follows_only_the_courses_asked_for(courses):
    """With --course, every enrolment and every progress row is in that course."""
    slug = courses["lessons_only"].slug
    _generate("--learners", "20", "--course", slug)

    assert set(Enrollment.objects.values_list("course_id", flat=True)) == {
        courses["lessons_only"].pk
    }
    assert set(Completion.objects.values_list("course_id", flat=True)) == {
        courses["lessons_only"].pk
    }
    with pytest.raises(CommandError, match="No live course nope"):
        _generate("--learners", "30", "--course", "nope")
