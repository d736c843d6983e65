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
    yield from _gift_buttons("quiz", page.pk, can_import=True, can_export=True)


def _shown_buttons(pk, *buttons):
    """The buttons that are shown, each given as (shown, label, URL name, icon,
    priority); the URL takes the page's or the snippet's ``pk``."""
    for shown, label, url_name, icon_name, priority in buttons:
        if shown:
            yield Button(
                label,
                url=reverse(url_name, args=[pk]),
                icon_name=icon_name,
                priority=priority,
            )


def _gift_buttons(target: str, pk: int, *, can_import: bool, can_export: bool):
    """The "Import questions" and "Export GIFT" buttons of a quiz or a bank."""
    yield from _shown_buttons(
        pk,
        (
            can_import,
            _("Import questions"),
            f"courses_questions:import_{target}",
            "upload",
            35,
        ),
        (
            can_export,
            _("Export GIFT"),
            f"courses_questions:export_{target}",
            "download",
            36,
        ),
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
    can_change = user.has_perm("courses.change_questionbank")
    yield from _gift_buttons(
        "bank",
        snippet.pk,
        can_import=can_change,
        can_export=can_change or user.has_perm("courses.view_questionbank"),
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
    can_submit = course.permissions_for_user(
        user
    ).can_edit() and course_review_pending_list(course=course)
    yield from _shown_buttons(
        page.pk,
        (
            can_submit,
            _("Submit the course and its pages for review"),
            "course_review_submit",
            "resubmit",
            30,
        ),
    )
    if course_review_approvable_list(course=course, user=user):
        yield from _shown_buttons(
            page.pk,
            (True, _("Approve the course"), "course_review_approve", "check", 31),
        )


@hooks.register("register_page_header_buttons")
def course_review_header_buttons(page, user, view_name, next_url=None):
    yield from _course_review_buttons(page, user)
