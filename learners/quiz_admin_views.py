"""Trainers' screens of a quiz in the Wagtail admin: essays to grade, one attempt in
full (with the grading form), per-question statistics. The attempts of a quiz are
listed by the one listing of attempts, ``reports.viewsets``, filtered on the quiz
(``quiz_attempts_url``).

Only trainers, certificate admins and superusers may use them
(``learners.access.quiz_tools_allowed``), checked on every request; every row they
show is restricted by the reader's learner scope (``learners.scope``), the rule of
every admin screen of learner data. Grades are
written by ``learners.services.quiz_essay_grade``; these views turn its refusals into
messages and keep what the grader typed.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import QuizPage
from courses.question_types import QTYPE_LABELS, question_type
from learners.access import quiz_tools_allowed
from learners.scope import LearnerScope, learner_scope_or_none
from learners.selectors.quiz_admin import (
    attempt_detail_get,
    essay_queue_list,
    quiz_statistics_get,
)
from learners.services import QuizError, quiz_essay_grade


def quiz_attempts_url(quiz: QuizPage) -> str:
    """The listing of the attempts at ``quiz``: the reports' listing of attempts
    (``report_quiz_attempts``), filtered on the quiz."""
    return f"{reverse('report_quiz_attempts:index')}?{urlencode({'quiz': quiz.pk})}"


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --------------------------------------------------------------------------- forms


class EssayGradeForm(forms.Form):
    """The grade of one essay; the range of points is the service's rule."""

    position = forms.IntegerField(widget=forms.HiddenInput)
    points = forms.DecimalField(
        label=gettext_lazy("Points"),
        max_digits=9,
        decimal_places=3,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment for the learner"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def essay_grade_form(position: int, data=None) -> EssayGradeForm:
    return EssayGradeForm(
        data, initial={"position": position}, auto_id=f"id_q{position}_%s"
    )


# --------------------------------------------------------------------------- views


class QuizToolView(WagtailAdminTemplateMixin, TemplateView):
    """Checks the reader's role on every request, then finds what the URL names."""

    header_icon = "tasks"
    quiz: QuizPage | None = None
    scope: LearnerScope

    def dispatch(self, request, *args, **kwargs):
        scope = learner_scope_or_none(request.user)
        if scope is None or not quiz_tools_allowed(request.user):
            raise PermissionDenied
        self.scope = scope
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, page_id: int | None = None, **kwargs) -> None:
        if page_id is not None:
            self.quiz = get_object_or_404(QuizPage, pk=page_id)

    def get_page_subtitle(self):
        return self.quiz.get_admin_display_title() if self.quiz else ""

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.quiz is not None:
            items.append(
                {
                    "url": reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]),
                    "label": self.quiz.get_admin_display_title(),
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quiz"] = self.quiz
        return context


def quiz_attempts_redirect(request, page_id: int):
    """The former listing of a quiz's attempts: now the one listing of attempts,
    filtered on the quiz (``reports.viewsets``), which checks who may read it."""
    quiz = get_object_or_404(QuizPage, pk=page_id)
    return redirect(quiz_attempts_url(quiz))


class EssayQueueView(QuizToolView):
    """Essays to grade, of one quiz (``page_id`` in the URL) or of every quiz."""

    template_name = "learners/admin/essay_queue.html"
    page_title = gettext_lazy("Essays to grade")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = essay_queue_list(quiz=self.quiz, scope=self.scope)
        context.update(
            queue=[(essay, essay_grade_form(essay.position)) for essay in queue],
            count=len(queue),
            next_url=self.request.get_full_path(),
        )
        return context


class QuizStatisticsView(QuizToolView):
    template_name = "learners/admin/quiz_statistics.html"
    page_title = gettext_lazy("Statistics")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statistics = quiz_statistics_get(quiz=self.quiz, scope=self.scope)
        context.update(statistics=statistics, qtype_labels=QTYPE_LABELS)
        return context


class AttemptDetailView(QuizToolView):
    """One attempt in full; POST grades one of its essays."""

    template_name = "learners/admin/attempt_detail.html"
    http_method_names = ["get", "post"]

    def load(self, attempt_id: int, **kwargs) -> None:
        self.detail = attempt_detail_get(attempt_id=attempt_id, scope=self.scope)
        if self.detail is None:
            raise Http404
        self.quiz = self.detail.attempt.quiz

    def get_page_title(self):
        attempt = self.detail.attempt
        return _("%(learner)s, attempt %(number)s") % {
            "learner": attempt.user,
            "number": attempt.number,
        }

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = forms or {}
        context.update(
            detail=self.detail,
            attempt=self.detail.attempt,
            learner=self.detail.attempt.user,
            grade_forms={
                question.position: forms.get(question.position)
                or essay_grade_form(question.position)
                for question in self.detail.pending
            },
            next_url=_safe_next(self.request, ""),
            qtype_labels=QTYPE_LABELS,
        )
        return context

    def _graded_meanwhile(self, position):
        """The essay at ``position`` if it has a grade already (None otherwise)."""
        return next(
            (
                question
                for question in self.detail.questions
                if question.position == position
                and question_type(question.qtype).graded_by_hand
                and question.state == "graded"
            ),
            None,
        )

    def post(self, request, *args, **kwargs):
        attempt = self.detail.attempt
        position = request.POST.get("position", "")
        form = essay_grade_form(
            int(position) if position.isdigit() else 0, request.POST
        )
        form.is_valid()
        graded = self._graded_meanwhile(form.cleaned_data.get("position"))
        if graded is not None:
            # Two graders on one queue: the second sees the first grade instead of
            # replacing it unseen (and the learner gets one e-mail).
            messages.warning(
                request,
                _("This answer was already graded by %(grader)s: nothing changed.")
                % {"grader": graded.graded_by or _("another trainer")},
            )
            return redirect(reverse("quiz_admin:attempt", args=[attempt.pk]))
        if form.is_valid():
            try:
                quiz_essay_grade(
                    grader=request.user,
                    attempt_id=attempt.pk,
                    position=form.cleaned_data["position"],
                    points=form.cleaned_data["points"],
                    comment=form.cleaned_data["comment"],
                    only_pending=True,
                )
            except QuizError as error:
                form.add_error("points", str(error))
                status = error.status
            else:
                messages.success(
                    request,
                    _("The grade is saved; %(learner)s is notified by e-mail.")
                    % {"learner": attempt.user},
                )
                return redirect(
                    _safe_next(
                        request, reverse("quiz_admin:attempt", args=[attempt.pk])
                    )
                )
        else:
            status = 400
        messages.error(
            request,
            _("The grade was not saved: %(errors)s")
            % {
                "errors": " ".join(
                    str(message)
                    for errors in form.errors.values()
                    for message in errors
                )
            },
        )
        context = self.get_context_data(
            forms={form.cleaned_data.get("position"): form}, **kwargs
        )
        return self.render_to_response(context, status=status)


quiz_admin_urlpatterns = [
    path("essays/", EssayQueueView.as_view(), name="essay_queue"),
    path("attempts/<int:attempt_id>/", AttemptDetailView.as_view(), name="attempt"),
    path("<int:page_id>/attempts/", quiz_attempts_redirect, name="attempts"),
    path("<int:page_id>/essays/", EssayQueueView.as_view(), name="essays"),
    path("<int:page_id>/statistics/", QuizStatisticsView.as_view(), name="statistics"),
]
