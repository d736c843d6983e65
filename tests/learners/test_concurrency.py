"""Constraints hold when many requests race (PostgreSQL, real threads and connections)."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from learners.models import Municipality, User
from learners.services import municipality_get_or_create


def _race(worker, count=8):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run(i):
        try:
            barrier.wait()
            results.append(worker(i))
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_profiles_naming_the_same_city_create_one_municipality():
    names = ["Tunis", "tunis", "TUNIS ", " Tunis", "Tunis", "tunis", "Tunis", "TuNiS"]
    results, errors = _race(
        lambda i: municipality_get_or_create(name=names[i], country="TN")
    )
    assert errors == []
    assert Municipality.objects.filter(country="TN").count() == 1
    assert len({m.pk for m in results}) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_refuses_two_accounts_with_one_email():
    def create(i):
        with transaction.atomic():
            return User.objects.create_user("meme@ville.example", "x")

    results, errors = _race(create, count=4)
    assert len(results) == 1
    assert all(isinstance(e, IntegrityError) for e in errors)
    assert User.objects.filter(email="meme@ville.example").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_enrolments_and_completions_make_one_row_each():
    """A double click arriving twice at once: one enrolment, one completion, no error."""
    from courses.models import LessonPage
    from learners.models import Completion, Enrollment
    from learners.services import enrollment_create, step_complete
    from tests.factories.courses import course_create
    from tests.factories.learners import UserFactory

    user = UserFactory()
    course = course_create(modules=1, lessons_per_module=2)
    lesson = LessonPage.objects.live().descendant_of(course).first()
    results, errors = _race(lambda i: enrollment_create(user=user, course=course))
    assert errors == []
    assert Enrollment.objects.filter(user=user, course=course).count() == 1
    results, errors = _race(lambda i: step_complete(user=user, page=lesson))
    assert errors == []
    assert Completion.objects.filter(user=user, page=lesson).count() == 1


def _quiz_setup():
    from courses.models import ModulePage
    from learners.services import enrollment_create
    from tests.factories.courses import course_create
    from tests.factories.learners import UserFactory
    from tests.factories.quizzes import quiz_create, single, truefalse

    user = UserFactory()
    course = course_create(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_create(module, questions=[single(), truefalse()], max_attempts=2)
    enrollment_create(user=user, course=course)
    return user, quiz


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_of_one_attempt_grade_it_once():
    """Two submissions racing (a double click on two phones): one grade, one refusal."""
    from django.http import QueryDict

    from learners.models import Completion, QuizAttempt
    from learners.services import QuizError, quiz_attempt_start, quiz_attempt_submit

    user, quiz = _quiz_setup()
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    right = attempt.questions[0]["choice_order"].index(0)
    data = QueryDict(f"q1=&q1={right}&q2=&q2=true")
    results, errors = _race(
        lambda i: quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=data),
        count=2,
    )
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], QuizError)
    assert errors[0].status == 409
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.score == 100
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert Completion.objects.filter(user=user, page=quiz).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_starts_make_one_open_attempt():
    """Eight starts at once give one attempt, numbered 1, and no error."""
    from learners.models import QuizAttempt
    from learners.services import quiz_attempt_start

    user, quiz = _quiz_setup()
    results, errors = _race(lambda i: quiz_attempt_start(user=user, quiz=quiz))
    assert errors == []
    assert {attempt.pk for attempt in results} == {
        QuizAttempt.objects.get(user=user).pk
    }
    assert QuizAttempt.objects.get(user=user).number == 1
