"""Batches: start one (course, learners, confirmation), follow it, resume it."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.admin_views.base import (
    CertificateAdminView,
    CourseChoiceField,
    form_errors,
)
from certificates.batches import (
    certificate_batch_create,
    certificate_batch_plan,
    certificate_batch_resume,
    learner_label,
)
from certificates.models import CertificateBatch, CertificateBatchItem
from certificates.selectors import course_completer_list, course_with_rule_list
from certificates.services import CertificateError
from courses.models import CoursePage
from learners.models import User


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return learner_label(obj)


class BatchCourseForm(forms.Form):
    course = CourseChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.none(),
        empty_label=gettext_lazy("Choose a course"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = course_with_rule_list()


class BatchLearnersForm(forms.Form):
    ALL = "all"
    CHOSEN = "chosen"

    scope = forms.ChoiceField(
        label=gettext_lazy("Learners"),
        choices=[
            (ALL, gettext_lazy("Every learner who qualifies")),
            (CHOSEN, gettext_lazy("Only the learners chosen below")),
        ],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    learners = LearnerChoiceField(
        label=gettext_lazy("Learners who completed the course"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, course: CoursePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learners"].queryset = course_completer_list(course=course)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == self.CHOSEN and not cleaned.get("learners"):
            self.add_error("learners", _("Choose at least one learner."))
        return cleaned

    def user_ids(self) -> list[int] | None:
        if self.cleaned_data["scope"] == self.ALL:
            return None
        return [user.pk for user in self.cleaned_data["learners"]]


# --------------------------------------------------------------------------- views


class CertificateBatchCreateView(CertificateAdminView):
    """Start a batch in three steps: the course, the learners (all who qualify or a
    chosen list), then a confirmation listing who would get a certificate and who
    would be skipped, and why."""

    model = CertificateBatch
    permission_required = "add"
    whole_scope_only = True
    http_method_names = ["get", "post"]
    template_name = "certificates/admin/batch_new.html"
    header_icon = "tasks"
    page_title = gettext_lazy("Start a batch")

    def get_context_data(self, course_form=None, learners_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(course_form=course_form, learners_form=learners_form)
        return context

    def get(self, request, *args, **kwargs):
        course_form = BatchCourseForm(request.GET if "course" in request.GET else None)
        learners_form = None
        if course_form.is_bound:
            if course_form.is_valid():
                learners_form = BatchLearnersForm(
                    course=course_form.cleaned_data["course"]
                )
            else:
                messages.error(request, form_errors(course_form))
        return self.render_with(course_form=course_form, learners_form=learners_form)

    def post(self, request, *args, **kwargs):
        course_form = BatchCourseForm(request.POST)
        if not course_form.is_valid():
            return self.refused(
                _("No batch was started: %(errors)s")
                % {"errors": form_errors(course_form)},
                course_form=course_form,
            )
        course = course_form.cleaned_data["course"]
        learners_form = BatchLearnersForm(request.POST, course=course)
        if not learners_form.is_valid():
            return self.refused(
                _("No batch was started: %(errors)s")
                % {"errors": form_errors(learners_form)},
                course_form=course_form,
                learners_form=learners_form,
            )
        user_ids = learners_form.user_ids()
        if request.POST.get("action") != "start":
            plan = certificate_batch_plan(course=course, user_ids=user_ids)
            self.template_name = "certificates/admin/batch_confirm.html"
            return self.render_with(
                course=course,
                user_ids=user_ids or [],
                scope=learners_form.cleaned_data["scope"],
                plan=[
                    (learner_label(entry.user), entry.reason)
                    for entry in plan
                    if entry.revoked is None
                ],
                revoked=[
                    (learner_label(entry.user), entry.revoked, entry.reason)
                    for entry in plan
                    if entry.revoked is not None
                ],
                to_issue=sum(1 for entry in plan if entry.reason is None),
                to_skip=sum(1 for entry in plan if entry.reason is not None),
            )
        try:
            batch = certificate_batch_create(
                course=course, requested_by=request.user, user_ids=user_ids
            )
        except CertificateError as error:
            return self.refused(
                str(error),
                error.status,
                course_form=course_form,
                learners_form=learners_form,
            )
        messages.success(
            request,
            _("The batch for “%(course)s” is started.") % {"course": course.title},
        )
        return redirect("certificate_batches:detail", batch.pk)


class CertificateBatchMixin:
    """A batch's screens; batches span every city, so a city-scoped user has none."""

    whole_scope_only = True

    @cached_property
    def batch(self) -> CertificateBatch:
        return get_object_or_404(
            CertificateBatch.objects.select_related("course", "requested_by"),
            pk=self.kwargs["pk"],
        )

    def detail_url(self) -> str:
        return reverse("certificate_batches:detail", args=[self.batch.pk])


class CertificateBatchDetailView(CertificateBatchMixin, CertificateAdminView):
    """A batch's progress (the page reloads itself every 2 seconds until the batch is
    done, no JavaScript needed), then its report; certificate admins may resume an
    unfinished batch."""

    model = CertificateBatch
    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "certificates/admin/batch_detail.html"
    header_icon = "tasks"

    def get_page_title(self):
        return _("Batch: %(course)s") % {"course": self.batch.course.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.batch
        progress = batch.progress
        Outcome = CertificateBatchItem.Outcome
        items = list(
            batch.items.exclude(outcome=Outcome.PENDING)
            .select_related("certificate", "revoked_certificate__revoked_by")
            .order_by("processed_at", "pk")
        )
        context.update(
            batch=batch,
            progress=progress,
            done=not progress.pending,
            can_resume=bool(progress.pending) and self.user_has_permission("add"),
            percent=round(100 * progress.processed / progress.total)
            if progress.total
            else 0,
            issued_entries=[item for item in items if item.outcome == Outcome.ISSUED],
            skipped_entries=[item for item in items if item.outcome == Outcome.SKIPPED],
            blocked_entries=[item for item in items if item.outcome == Outcome.BLOCKED],
        )
        return context


class CertificateBatchResumeView(CertificateBatchMixin, CertificateAdminView):
    """ "Resume" (POST): queue a new run of an unfinished batch, e.g. after its worker
    died; the learners already processed are not processed again."""

    model = CertificateBatch
    permission_required = "add"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if certificate_batch_resume(batch=self.batch):
            messages.success(
                request,
                _("The batch for “%(course)s” is resumed.")
                % {"course": self.batch.course.title},
            )
        else:
            messages.info(request, _("This batch is done: there is nothing to resume."))
        return redirect(self.detail_url())
