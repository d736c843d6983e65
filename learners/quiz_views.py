"""The learner's side of a quiz: start an attempt, answer, submit, see the result.

Plain HTML forms (no JavaScript). The rules live in learners.services.attempts; these
views turn their errors into messages and HTTP statuses.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from courses.models import QuizPage
from courses.selectors import step_navigation_get
from learners.selectors import (
    attempt_form_list,
    attempt_get,
    attempt_review_get,
    quiz_next_action_get,
    quiz_status_get,
)
from learners.services import (
    QuizError,
    SubmissionError,
    quiz_attempt_expire,
    quiz_attempt_start,
    quiz_attempt_submit,
)

#: The ``action`` values of the attempt form's buttons: submit, or save for later.
QUIZ_FORM_ACTIONS = ("finish", "save")


def _quiz_url(request, quiz) -> str:
    return quiz.get_url(request) or "/"


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    page = get_object_or_404(Page, pk=quiz_id).specific
    if not isinstance(page, QuizPage):
        raise Http404
    try:
        attempt = quiz_attempt_start(user=request.user, quiz=page)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect(_quiz_url(request, page) if page.live else "/")
    return redirect("learners:quiz_attempt", attempt.pk)


def _render_form(request, attempt, *, responses=None, errors=None, status=200):
    quiz = attempt.quiz
    errors = errors or {}
    return render(
        request,
        "learners/quiz_attempt.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "navigation": step_navigation_get(step=quiz, request=request),
            "questions": attempt_form_list(
                attempt=attempt, responses=responses, errors=errors
            ),
            "form_error": errors.get("form", ""),
            "has_errors": bool(errors),
        },
        status=status,
    )


def _render_result(request, attempt):
    quiz = attempt.quiz
    status = quiz_status_get(user=request.user, quiz=quiz)
    return render(
        request,
        "learners/quiz_result.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "status": status,
            "review": attempt_review_get(attempt=attempt, status=status),
            "next_action": quiz_next_action_get(
                user=request.user, attempt=attempt, status=status
            ),
            "navigation": step_navigation_get(step=quiz, request=request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def quiz_attempt(request, attempt_id: int):
    """An open attempt shows its form; a submitted one shows its result."""
    attempt = attempt_get(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    if request.method == "GET":
        if attempt.is_open:
            attempt = quiz_attempt_expire(attempt=attempt)
        if attempt.is_open:
            return _render_form(request, attempt)
        return _render_result(request, attempt)
    # The form's two buttons; a form sent without one (Enter in a field) submits.
    action = request.POST.get("action", "finish")
    if action not in QUIZ_FORM_ACTIONS:
        return _render_error(
            request,
            attempt,
            _("This form was not sent by one of its buttons: nothing was changed."),
            400,
        )
    finish = action == "finish"
    try:
        attempt = quiz_attempt_submit(
            user=request.user, attempt_id=attempt.pk, data=request.POST, finish=finish
        )
    except SubmissionError as error:
        return _render_form(
            request,
            attempt,
            responses=error.responses,
            errors=error.errors,
            status=error.status,
        )
    except QuizError as error:  # closed, or not found: nothing changed
        return _render_error(request, attempt, str(error), error.status)
    if attempt.is_open:
        messages.success(
            request, _("Your answers are saved. You can come back and finish later.")
        )
    elif attempt.late:
        messages.warning(
            request,
            _(
                "The time limit had passed: your attempt was graded with the answers "
                "saved before the limit."
            ),
        )
    return redirect("learners:quiz_attempt", attempt.pk)


def _render_error(request, attempt, message: str, status: int):
    return render(
        request,
        "learners/quiz_error.html",
        {"attempt": attempt, "quiz": attempt.quiz, "message": message},
        status=status,
    )
