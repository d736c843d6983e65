"""A course goes to review with all its pages at once, and is approved at once; the
review queue says which course each page belongs to."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from courses.models import CoursePage, LessonPage, ModulePage, QuizPage
from learners.roles import Role
from learners.services import role_grant
from tests.factories.courses import catalog_get, course_create, lesson_body
from tests.factories.learners import UserFactory
from tests.factories.quizzes import single

pytestmark = pytest.mark.django_db


def _draft(parent, page, user=None):
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    page.save_revision(user=user)
    return page


def _draft_course(user=None):
    course = _draft(
        catalog_get(),
        CoursePage(title="Marchés publics", slug="marches", summary="Résumé"),
        user,
    )
    module = _draft(course, ModulePage(title="Préparer", slug="preparer"), user)
    _draft(
        module, LessonPage(title="Le besoin", slug="besoin", body=lesson_body()), user
    )
    _draft(
        module,
        QuizPage(
            title="Quiz", slug="quiz", questions=[("single_choice", single()["value"])]
        ),
        user,
    )
    return course


@pytest.fixture
def reviewer():
    user = UserFactory()
    role_grant(user=user, role=Role.CERTIFICATE_ADMIN)
    return user


def _states(course):
    ids = [str(p.pk) for p in course.get_descendants(inclusive=True)]
    return WorkflowState.objects.filter(object_id__in=ids)


def test_trainer_submits_a_course_with_all_its_pages_at_once(client, reader):
    """One POST puts the course, its module, lesson and quiz in review, each logged."""
    course = _draft_course(reader)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,)))
    assert "Soumettre le cours et ses pages à la relecture" in edit.content.decode()
    url = reverse("course_review_submit", args=(course.pk,))
    confirm = client.get(url).content.decode()
    assert "Le besoin" in confirm and "Quiz" in confirm
    response = client.post(url)
    assert response.status_code == 302
    states = _states(course)
    assert states.count() == 4
    assert {s.status for s in states} == {WorkflowState.STATUS_IN_PROGRESS}
    started = PageLogEntry.objects.filter(action="wagtail.workflow.start")
    assert started.count() == 4
    assert not CoursePage.objects.get(pk=course.pk).live
    client.post(url)  # submitting again starts nothing new
    assert _states(course).count() == 4


def test_submission_sends_only_pages_with_unpublished_changes(client, reader):
    """In a live course, only the edited lesson goes to review."""
    course = course_create(modules=1, lessons_per_module=2)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    lesson.title = "Titre revu"
    lesson.save_revision(user=reader)
    client.post(reverse("course_review_submit", args=(course.pk,)))
    assert [s.object_id for s in _states(course)] == [str(lesson.pk)]


def test_reviewer_approves_the_whole_course_in_one_go(client, reader, reviewer):
    """The reviewer's one approval publishes the course and every page of it."""
    course = _draft_course(reader)
    client.post(reverse("course_review_submit", args=(course.pk,)))
    url = reverse("course_review_approve", args=(course.pk,))
    client.post(url)  # the trainer may not approve: Wagtail sends them home
    assert not CoursePage.objects.get(pk=course.pk).live
    client.force_login(reviewer)
    assert "Le besoin" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    pages = course.get_descendants(inclusive=True).specific()
    assert all(page.live for page in pages)
    assert {s.status for s in _states(course)} == {WorkflowState.STATUS_APPROVED}
    approvals = PageLogEntry.objects.filter(action="wagtail.workflow.approve")
    assert approvals.count() == 4 and {e.user_id for e in approvals} == {reviewer.pk}


def test_review_queue_names_the_course_of_each_page(client, reader, reviewer):
    """The reviewer's dashboard lists each page with "Cours : <course>"."""
    course = _draft_course(reader)
    client.post(reverse("course_review_submit", args=(course.pk,)))
    client.force_login(reviewer)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert body.count("Cours : Marchés publics") == 3  # module, lesson, quiz
    assert (
        "Approuver le cours"
        in client.get(
            reverse("wagtailadmin_pages:edit", args=(course.pk,))
        ).content.decode()
    )


def test_course_review_screens_refuse_users_without_rights(client, reader):
    """A learner cannot reach them; a trainer cannot approve."""
    course = _draft_course(reader)
    learner = UserFactory()
    client.force_login(learner)
    for name in ("course_review_submit", "course_review_approve"):
        response = client.post(reverse(name, args=(course.pk,)))
        assert response.status_code in (302, 403)
    assert _states(course).count() == 0
