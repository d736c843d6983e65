"""Enrolment, lesson access, completion, resume and the dashboard."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import LessonPage, ModulePage
from learners.models import Completion, Enrollment
from learners.roles import Role
from learners.services import (
    EnrollmentError,
    enrollment_create,
    role_grant,
    step_complete,
)
from tests.factories.courses import course_create, lesson_create
from tests.factories.learners import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _lessons(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


@pytest.fixture
def course():
    return course_create(title="Finances locales", modules=2, lessons_per_module=2)


@pytest.fixture
def learner(client):
    user = ProfileFactory().user
    client.force_login(user)
    return user


def test_course_page_is_public_and_offers_enrolment(client, course):
    body = client.get(course.url).content.decode()
    assert "Module 1" in body
    assert "Se connecter pour s’inscrire" in body


def test_anonymous_visitor_is_sent_to_login_and_back(client, course):
    lesson = _lessons(course)[0]
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={lesson.url}"
    response = client.post(reverse("learners:course_enroll", args=[course.pk]))
    assert response["Location"].startswith(reverse("account_login"))
    assert not Enrollment.objects.exists()


def test_learner_not_enrolled_is_sent_to_the_course_page(client, learner, course):
    response = client.get(_lessons(course)[0].url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert "Inscrivez-vous au cours pour lire ses leçons." in response.content.decode()


def test_enrol_twice_makes_one_enrolment_and_opens_the_first_lesson(
    client, learner, course
):
    url = reverse("learners:course_enroll", args=[course.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1
    assert response.redirect_chain[-1][0] == _lessons(course)[0].url
    assert response.status_code == 200


def test_staff_roles_read_lessons_without_enrolling(client, course):
    for role in (Role.TRAINER, Role.CERTIFICATE_ADMIN):
        user = UserFactory()
        role_grant(user=user, role=role)
        client.force_login(user)
        assert client.get(_lessons(course)[0].url).status_code == 200
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(_lessons(course)[0].url).status_code == 200
    assert not Enrollment.objects.exists()


def test_mark_complete_goes_to_the_next_lesson_and_shows_progress(
    client, learner, course
):
    enrollment_create(user=learner, course=course)
    lessons = _lessons(course)
    response = client.post(reverse("learners:step_complete", args=[lessons[0].pk]))
    assert response["Location"] == lessons[1].url
    client.post(
        reverse("learners:step_complete", args=[lessons[0].pk])
    )  # a double click
    assert Completion.objects.filter(user=learner).count() == 1
    body = client.get(course.url).content.decode()
    assert 'value="25"' in body  # one of four lessons
    assert 'value="50"' in body  # module 1: one of two
    assert "25 % terminé" in body


def test_continue_takes_the_learner_to_the_first_unfinished_lesson(
    client, learner, course
):
    enrollment_create(user=learner, course=course)
    lessons = _lessons(course)
    step_complete(user=learner, page=lessons[0])
    step_complete(user=learner, page=lessons[2])
    response = client.get(reverse("learners:course_continue", args=[course.pk]))
    assert response["Location"] == lessons[1].url


def test_completing_every_required_lesson_completes_the_course_once(learner, course):
    enrollment = enrollment_create(user=learner, course=course)
    lessons = _lessons(course)
    optional = lessons[-1]
    optional.required = False
    optional.save()
    for lesson in lessons[:-1]:
        step_complete(user=learner, page=lesson)
    enrollment.refresh_from_db()
    first_date = enrollment.completed_at
    assert first_date is not None
    step_complete(user=learner, page=optional)
    enrollment.refresh_from_db()
    assert enrollment.completed_at == first_date


def test_leaving_keeps_progress_and_coming_back_restores_it(client, learner, course):
    enrollment_create(user=learner, course=course)
    step_complete(user=learner, page=_lessons(course)[0])
    client.post(reverse("learners:course_leave", args=[course.pk]))
    assert client.get(_lessons(course)[1].url).status_code == 302
    body = client.get(reverse("learners:dashboard")).content.decode()
    assert "Finances locales" not in body
    client.post(reverse("learners:course_enroll", args=[course.pk]))
    assert Completion.objects.filter(user=learner).count() == 1
    assert Enrollment.objects.get(user=learner).left_at is None


@pytest.mark.parametrize(
    "case", ["not_enrolled", "unpublished", "unknown", "get", "module"]
)
def test_bad_completion_requests_record_nothing(client, learner, course, case):
    """A lesson of another course, an unpublished lesson, an unknown id or a GET: nothing recorded, no 500."""
    lessons = _lessons(course)
    if case != "not_enrolled":
        enrollment_create(user=learner, course=course)
    url = reverse("learners:step_complete", args=[lessons[0].pk])
    if case == "unpublished":
        lessons[0].unpublish()
    if case == "unknown":
        url = reverse("learners:step_complete", args=[999999])
    if case == "module":
        url = reverse(
            "learners:step_complete",
            args=[ModulePage.objects.child_of(course).first().pk],
        )
    response = client.get(url) if case == "get" else client.post(url)
    assert response.status_code in {302, 404, 405}
    assert not Completion.objects.exists()


def test_forged_csrf_token_records_nothing(db, course):
    user = ProfileFactory().user
    enrollment_create(user=user, course=course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(
        reverse("learners:step_complete", args=[_lessons(course)[0].pk]),
        {"csrfmiddlewaretoken": "x"},
    )
    assert response.status_code == 403
    assert not Completion.objects.exists()


def test_step_complete_service_refuses_a_lesson_of_a_course_not_followed(
    learner, course
):
    other = course_create(title="Autre")
    enrollment_create(user=learner, course=course)
    with pytest.raises(EnrollmentError):
        step_complete(user=learner, page=_lessons(other)[0])


def test_dashboard_lists_courses_by_last_activity_with_progress(client, learner):
    first = course_create(title="Premier", modules=1, lessons_per_module=2)
    second = course_create(title="Second", modules=1, lessons_per_module=2)
    enrollment_create(user=learner, course=first)
    enrollment_create(user=learner, course=second)
    step_complete(user=learner, page=_lessons(second)[0])
    for lesson in _lessons(first):
        step_complete(user=learner, page=lesson)
    step_complete(user=learner, page=_lessons(second)[1])
    body = client.get(reverse("learners:dashboard")).content.decode()
    assert "Mon parcours" in body
    completed_section = body.split("Cours terminés")[1]
    assert "Premier" in completed_section
    in_progress = body.split("Cours terminés")[0]
    assert "Second" in completed_section or "Second" in in_progress


def test_progress_survives_renaming_moving_and_unpublishing_the_course(
    client, learner, course
):
    enrollment_create(user=learner, course=course)
    lessons = _lessons(course)
    step_complete(user=learner, page=lessons[0])
    course.title = "Finances locales (2e édition)"
    course.save_revision().publish()
    lessons[0].get_parent().specific.move(course, pos="last-child")
    course.unpublish()
    assert Enrollment.objects.filter(user=learner, course_id=course.pk).exists()
    assert Completion.objects.filter(user=learner, page_id=lessons[0].pk).exists()


def test_deleting_a_course_with_learners_is_refused_naming_them(client, course):
    learner = ProfileFactory(user__first_name="Sokha", user__last_name="Chan").user
    enrollment_create(user=learner, course=course)
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[course.pk]), follow=True
    )
    assert "Sokha Chan" in response.content.decode()
    course.refresh_from_db()
    lesson = _lessons(course)[0]
    step_complete(user=learner, page=lesson)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=[lesson.pk]), follow=True
    )
    assert "Sokha Chan" in response.content.decode()
    assert LessonPage.objects.filter(pk=lesson.pk).exists()
    assert Enrollment.objects.filter(course=course).exists()


def test_deleting_a_course_without_learners_works(client, course):
    client.force_login(UserFactory(is_superuser=True))
    client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))
    assert not LessonPage.objects.descendant_of(course).exists()


def test_my_data_export_contains_everything_and_nobody_else(client, learner, course):
    other = ProfileFactory(user__email="autre@ville.example").user
    enrollment_create(user=learner, course=course)
    enrollment_create(user=other, course=course)
    step_complete(user=learner, page=_lessons(course)[0])
    response = client.get(reverse("learners:my_data_export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == learner.email
    assert data["profile"]["municipality"] == "Dakar"
    assert [e["course"] for e in data["enrollments"]] == ["Finances locales"]
    assert len(data["completions"]) == 1
    assert "autre@ville.example" not in response.content.decode()


def test_account_deletion_needs_the_password_and_removes_personal_records(
    client, learner, course
):
    enrollment_create(user=learner, course=course)
    step_complete(user=learner, page=_lessons(course)[0])
    response = client.post(
        reverse("learners:account_delete"), {"password": "faux", "confirm": "on"}
    )
    assert response.status_code == 400
    assert "Ce n’est pas votre mot de passe." in response.content.decode()
    assert Enrollment.objects.exists()
    response = client.post(
        reverse("learners:account_delete"),
        {"password": "un-mot-de-passe-solide-2026", "confirm": "on"},
    )
    assert response.status_code == 302
    assert not type(learner).objects.filter(pk=learner.pk).exists()
    assert not Enrollment.objects.exists() and not Completion.objects.exists()
    assert "_auth_user_id" not in client.session
    assert course.__class__.objects.filter(pk=course.pk).exists()


def test_unpublished_lesson_is_skipped_by_continue_and_completion(learner, course):
    enrollment = enrollment_create(user=learner, course=course)
    lessons = _lessons(course)
    module = ModulePage.objects.child_of(course).first()
    lesson_create(module, title="Brouillon", live=False)
    lessons[-1].unpublish()
    for lesson in lessons[:-1]:
        step_complete(user=learner, page=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
