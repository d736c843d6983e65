from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from courses import admin_views, review_views
from courses.models import CoursePage, QuestionBank, QuizPage
from courses.services import (
    course_review_approvable_list,
    course_review_pending_list,
    question_bank_entries_sync,
)
from courses.viewsets import QuestionBankViewSet

register_snippet(QuestionBankViewSet)

question_urls = [
    path(
        "import/quiz/<int:page_id>/",
        admin_views.QuizQuestionImportView.as_view(),
        name="import_quiz",
    ),
    path(
        "import/bank/<int:bank_id>/",
        admin_views.BankQuestionImportView.as_view(),
        name="import_bank",
    ),
    path(
        "import/bank/",
        admin_views.NewBankQuestionImportView.as_view(),
        name="import_new_bank",
    ),
    path(
        "export/quiz/<int:page_id>/",
        admin_views.quiz_questions_export_view,
        name="export_quiz",
    ),
    path(
        "export/bank/<int:bank_id>/",
        admin_views.bank_questions_export_view,
        name="export_bank",
    ),
]


@hooks.register("register_admin_urls")
def register_question_urls():
    return [
        path(
            "questions/",
            include(
                (question_urls, "courses_questions"), namespace="courses_questions"
            ),
        )
    ]


def _quiz_buttons(page, user):
    if not issubclass(page.specific_class or type(page), QuizPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Import questions"),
        url=reverse("courses_questions:import_quiz", args=[page.pk]),
        icon_name="upload",
        priority=35,
    )
    yield Button(
        _("Export GIFT"),
        url=reverse("courses_questions:export_quiz", args=[page.pk]),
        icon_name="download",
        priority=36,
    )


@hooks.register("register_page_header_buttons")
def quiz_header_buttons(page, user, view_name, next_url=None):
    yield from _quiz_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def quiz_listing_buttons(page, user, next_url=None):
    yield from _quiz_buttons(page, user)


@hooks.register("register_snippet_listing_buttons")
def question_bank_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, QuestionBank):
        return
    if user.has_perm("courses.change_questionbank"):
        yield Button(
            _("Import questions"),
            url=reverse("courses_questions:import_bank", args=[snippet.pk]),
            icon_name="upload",
            priority=35,
        )
    if user.has_perm("courses.view_questionbank") or user.has_perm(
        "courses.change_questionbank"
    ):
        yield Button(
            _("Export GIFT"),
            url=reverse("courses_questions:export_bank", args=[snippet.pk]),
            icon_name="download",
            priority=36,
        )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def rebuild_bank_entries(request, instance):
    """Random draws read a bank's questions as rows: rebuild them after each edit."""
    if isinstance(instance, QuestionBank):
        question_bank_entries_sync(bank=instance)


@hooks.register("register_admin_urls")
def register_course_review_urls():
    return [
        path(
            "courses/<int:page_id>/review/submit/",
            review_views.CourseReviewSubmitView.as_view(),
            name="course_review_submit",
        ),
        path(
            "courses/<int:page_id>/review/approve/",
            review_views.CourseReviewApproveView.as_view(),
            name="course_review_approve",
        ),
    ]


def _course_review_buttons(page, user):
    """On a course: submit it with its pages, or approve them all, when there is any."""
    if not issubclass(page.specific_class or type(page), CoursePage):
        return
    course = page.specific
    if course.permissions_for_user(user).can_edit() and course_review_pending_list(
        course=course
    ):
        yield Button(
            _("Submit the course and its pages for review"),
            url=reverse("course_review_submit", args=[page.pk]),
            icon_name="resubmit",
            priority=30,
        )
    if course_review_approvable_list(course=course, user=user):
        yield Button(
            _("Approve the course"),
            url=reverse("course_review_approve", args=[page.pk]),
            icon_name="check",
            priority=31,
        )


@hooks.register("register_page_header_buttons")
def course_review_header_buttons(page, user, view_name, next_url=None):
    yield from _course_review_buttons(page, user)
