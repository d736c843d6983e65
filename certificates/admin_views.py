"""Certificate admins' screens that write: issue one certificate, revoke, re-issue,
start a batch; and the screens that show one certificate or one batch.

Each view names the model permission it needs and Wagtail's permission policy checks
it on every request, GET and POST alike (``PermissionCheckedMixin``): certificate
admins and superusers hold add/change, trainers only view (migration
0003_permissions), anyone else gets the admin's refusal. The certificates a user may
see are then those of the learners in their scope (``learners.scope``, the rule of
every admin screen of learner data): a city coordinator given admin access and
``view_certificate`` sees their city's certificates only, others answer 404, and
batches (which span every city) are refused to them. Writes go through
``certificates.services`` and ``certificates.batches``; their refusals become
messages and nothing is written.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from certificates.batches import (
    certificate_batch_create,
    certificate_batch_plan,
    certificate_batch_resume,
    learner_label,
)
from certificates.models import Certificate, CertificateBatch, CertificateBatchItem
from certificates.rendering import verification_url
from certificates.selectors import (
    blocking_revocation_get,
    certificate_eligibility_get,
)
from certificates.services import (
    CertificateError,
    certificate_issue,
    certificate_pdf_get,
    certificate_reissue,
    certificate_revoke,
)
from courses.models import CoursePage
from learners.models import Enrollment, User
from learners.scope import LearnerScope, learner_scope_or_none

# --------------------------------------------------------------------------- forms


def _form_errors(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class LearnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return learner_label(obj)


def courses_with_rule():
    """Courses that have a certificate rule, the only ones a certificate is issued for."""
    return CoursePage.objects.filter(certificate_rule__isnull=False).order_by("title")


def course_completers(course: CoursePage):
    """Learners who completed the course, by name."""
    completed = Enrollment.objects.filter(
        user=OuterRef("pk"), course=course, completed_at__isnull=False
    )
    return User.objects.filter(Exists(completed)).order_by(
        "last_name", "first_name", "email"
    )


class CertificateIssueForm(forms.Form):
    course = CourseChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.none(),
        empty_label=gettext_lazy("Choose a course"),
    )
    learner = forms.EmailField(
        label=gettext_lazy("Learner's e-mail address"),
        max_length=254,
        error_messages={"required": gettext_lazy("Give the learner's e-mail address.")},
    )
    lift_revocation = forms.BooleanField(
        label=gettext_lazy(
            "I have read the revocation above and issue a new certificate anyway"
        ),
        required=False,
    )

    def __init__(self, *args, scope: LearnerScope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["course"].queryset = courses_with_rule()

    def clean_learner(self):
        email = self.cleaned_data["learner"]
        # A learner outside the issuer's scope is answered as an unknown address.
        learners = self.scope.learners(User.objects.all())
        user = learners.filter(email__iexact=email).first()
        if user is None:
            raise ValidationError(
                _("No learner has the e-mail address %(email)s.") % {"email": email}
            )
        return user


class CertificateRevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the revocation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Kept with the certificate, with your name and the date."
        ),
        error_messages={
            "required": gettext_lazy("Give the reason for the revocation.")
        },
    )


class CertificateReissueForm(forms.Form):
    learner_name = forms.CharField(
        label=gettext_lazy("Name printed on the certificate"),
        max_length=200,
        error_messages={
            "required": gettext_lazy("Give the name to print on the certificate.")
        },
    )


class BatchCourseForm(forms.Form):
    course = CourseChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.none(),
        empty_label=gettext_lazy("Choose a course"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses_with_rule()


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
        self.fields["learners"].queryset = course_completers(course)

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


class LearnerScopeMixin:
    """Finds the user's learner scope on every request: users who may see no other
    learner get the admin's refusal, and so do city-scoped users on screens that
    span every city (``whole_scope_only``)."""

    whole_scope_only = False
    scope: LearnerScope

    def dispatch(self, request, *args, **kwargs):
        scope = learner_scope_or_none(request.user)
        if scope is None or (self.whole_scope_only and not scope.everything):
            raise PermissionDenied
        self.scope = scope
        return super().dispatch(request, *args, **kwargs)


class CertificateAdminView(
    PermissionCheckedMixin,
    LearnerScopeMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """An admin screen of the certificates menu; the permission is checked on every
    request by ``PermissionCheckedMixin`` (set ``permission_required`` or
    ``any_permission_required``)."""

    model = Certificate
    index_url_name = None
    header_icon = "doc-full-inverse"
    http_method_names = ["get"]

    def parent_breadcrumbs(self) -> list[dict]:
        return []

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": capfirst(self.model._meta.verbose_name_plural),
                }
            )
        return [
            *items,
            *self.parent_breadcrumbs(),
            {"url": "", "label": self.get_page_title()},
        ]

    def render_with(self, status: int = 200, **context):
        return self.render_to_response(self.get_context_data(**context), status=status)


class CertificateObjectMixin:
    """Finds the certificate of the URL."""

    @cached_property
    def certificate(self) -> Certificate:
        """The certificate of the URL, if its learner is in the user's scope (404
        otherwise, as for an unknown one)."""
        certificates = self.scope.learners(Certificate.objects.all(), "user__")
        return get_object_or_404(
            certificates.select_related(
                "user", "course", "issued_by", "revoked_by", "superseded_by"
            ),
            pk=self.kwargs["pk"],
        )

    def detail_url(self, certificate=None) -> str:
        return reverse(
            "certificate_admin:detail", args=[(certificate or self.certificate).pk]
        )

    def parent_breadcrumbs(self):
        return [{"url": self.detail_url(), "label": self.certificate.code}]


class CertificateDetailView(CertificateObjectMixin, CertificateAdminView):
    """One certificate: what it says, its history, and (for certificate admins) the
    revoke and re-issue buttons."""

    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "certificates/admin/certificate_detail.html"

    def parent_breadcrumbs(self):
        return []

    def get_page_title(self):
        return _("Certificate %(code)s") % {"code": self.certificate.code}

    def get_page_subtitle(self):
        return str(self.certificate.user or self.certificate.data.get("learner_name"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        context.update(
            certificate=certificate,
            learner=certificate.user,
            can_change=certificate.is_valid and self.user_has_permission("change"),
            can_issue_again=certificate.state == Certificate.State.REVOKED
            and self.user_has_permission("add")
            and blocking_revocation_get(
                user=certificate.user, course=certificate.course
            )
            == certificate,
            issue_again_query=urlencode(
                {"course": certificate.course_id, "learner": certificate.user.email}
            ),
            verification_url=verification_url(certificate.code),
            supersedes=list(certificate.supersedes.order_by("-issued_at")),
        )
        return context


class CertificateRevokeView(CertificateObjectMixin, CertificateAdminView):
    """Confirmation screen: revoking needs a reason and cannot be undone."""

    permission_required = "change"
    http_method_names = ["get", "post"]
    template_name = "certificates/admin/certificate_revoke.html"

    def get_page_title(self):
        return _("Revoke certificate %(code)s") % {"code": self.certificate.code}

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            certificate=self.certificate, form=form or CertificateRevokeForm()
        )
        return context

    def get(self, request, *args, **kwargs):
        if not self.certificate.is_valid:
            messages.warning(
                request, _("This certificate is not valid: it cannot be revoked.")
            )
            return redirect(self.detail_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = CertificateRevokeForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("The certificate was not revoked: %(errors)s")
                % {"errors": _form_errors(form)},
            )
            return self.render_with(400, form=form)
        try:
            certificate_revoke(
                certificate=self.certificate,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_with(error.status, form=form)
        messages.success(
            request,
            _("Certificate %(code)s is revoked.") % {"code": self.certificate.code},
        )
        return redirect(self.detail_url())


class CertificateReissueView(CertificateObjectMixin, CertificateAdminView):
    """Re-issue with a corrected name: the old certificate is superseded."""

    permission_required = "change"
    http_method_names = ["get", "post"]
    template_name = "certificates/admin/certificate_reissue.html"

    def get_page_title(self):
        return _("Re-issue certificate %(code)s") % {"code": self.certificate.code}

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            certificate=self.certificate,
            form=form
            or CertificateReissueForm(
                initial={"learner_name": self.certificate.data.get("learner_name")}
            ),
        )
        return context

    def get(self, request, *args, **kwargs):
        if not self.certificate.is_valid:
            messages.warning(request, _("Only a valid certificate can be re-issued."))
            return redirect(self.detail_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = CertificateReissueForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                _("The certificate was not re-issued: %(errors)s")
                % {"errors": _form_errors(form)},
            )
            return self.render_with(400, form=form)
        try:
            new = certificate_reissue(
                certificate=self.certificate,
                issued_by=request.user,
                learner_name=form.cleaned_data["learner_name"],
            )
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_with(error.status, form=form)
        messages.success(
            request,
            _(
                "Certificate %(new)s replaces %(old)s; the learner is notified by "
                "e-mail."
            )
            % {"new": new.code, "old": self.certificate.code},
        )
        return redirect(self.detail_url(new))


class CertificatePdfView(CertificateObjectMixin, CertificateAdminView):
    any_permission_required = ["add", "change", "delete", "view"]

    def get(self, request, *args, **kwargs):
        certificate = self.certificate
        response = HttpResponse(
            certificate_pdf_get(certificate=certificate),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="certificat-{certificate.code}.pdf"'
        )
        return response


class CertificateIssueView(CertificateAdminView):
    """Issue one learner's certificate; a learner who does not qualify is told why
    and nothing is written. "Check" only tells whether the learner qualifies.

    A learner whose certificate was revoked is shown the revocation (date, reason,
    who); only ticking the confirmation issues a new certificate, which lifts it.
    """

    permission_required = "add"
    http_method_names = ["get", "post"]
    template_name = "certificates/admin/certificate_issue.html"
    page_title = gettext_lazy("Issue a certificate")

    def get_context_data(self, form=None, refusal=None, revoked=None, **kwargs):
        context = super().get_context_data(**kwargs)
        form = form or CertificateIssueForm(
            scope=self.scope,
            initial={
                "course": self.request.GET.get("course"),
                "learner": self.request.GET.get("learner"),
            },
        )
        if revoked is None and not form.is_bound:
            revoked = self._revoked_for_initial(form)
        context.update(form=form, refusal=refusal, revoked=revoked)
        return context

    def _revoked_for_initial(self, form) -> Certificate | None:
        """The revocation of the learner and course given in the link (the
        "Issue a new certificate" button of a revoked certificate), shown at once."""
        course_id = str(form.initial.get("course") or "")
        email = form.initial.get("learner") or ""
        if not course_id.isdigit() or not email:
            return None
        course = courses_with_rule().filter(pk=int(course_id)).first()
        user = self.scope.learners(User.objects.filter(email__iexact=email)).first()
        if course is None or user is None:
            return None
        return blocking_revocation_get(user=user, course=course)

    def post(self, request, *args, **kwargs):
        form = CertificateIssueForm(request.POST, scope=self.scope)
        if not form.is_valid():
            messages.error(
                request,
                _("No certificate was issued: %(errors)s")
                % {"errors": _form_errors(form)},
            )
            return self.render_with(400, form=form)
        user, course = form.cleaned_data["learner"], form.cleaned_data["course"]
        lift = form.cleaned_data["lift_revocation"]
        names = {"learner": learner_label(user), "course": course.title}
        eligibility = certificate_eligibility_get(
            user=user, course=course, lift_revocation=lift
        )
        if eligibility.refusal:
            if eligibility.revoked is not None:
                messages.warning(
                    request,
                    _(
                        "The certificate of %(learner)s for “%(course)s” was revoked: "
                        "read the revocation, then confirm to issue a new one."
                    )
                    % names,
                )
                return self.render_with(400, form=form, revoked=eligibility.revoked)
            messages.error(
                request,
                _("No certificate was issued to %(learner)s: %(reason)s")
                % {**names, "reason": eligibility.refusal},
            )
            return self.render_with(400, form=form, refusal=eligibility.refusal)
        if request.POST.get("action") == "check":
            messages.info(
                request,
                _("%(learner)s qualifies for the certificate of “%(course)s”.") % names,
            )
            return self.render_with(form=form)
        try:
            certificate = certificate_issue(
                user=user, course=course, issued_by=request.user, lift_revocation=lift
            )
        except CertificateError as error:
            messages.error(request, str(error))
            return self.render_with(error.status, form=form, refusal=str(error))
        messages.success(
            request,
            _(
                "Certificate %(code)s is issued to %(learner)s, who is notified by "
                "e-mail."
            )
            % {**names, "code": certificate.code},
        )
        return redirect("certificate_admin:detail", certificate.pk)


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
                messages.error(request, _form_errors(course_form))
        return self.render_with(course_form=course_form, learners_form=learners_form)

    def post(self, request, *args, **kwargs):
        course_form = BatchCourseForm(request.POST)
        if not course_form.is_valid():
            messages.error(
                request,
                _("No batch was started: %(errors)s")
                % {"errors": _form_errors(course_form)},
            )
            return self.render_with(400, course_form=course_form)
        course = course_form.cleaned_data["course"]
        learners_form = BatchLearnersForm(request.POST, course=course)
        if not learners_form.is_valid():
            messages.error(
                request,
                _("No batch was started: %(errors)s")
                % {"errors": _form_errors(learners_form)},
            )
            return self.render_with(
                400, course_form=course_form, learners_form=learners_form
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
            messages.error(request, str(error))
            return self.render_with(
                error.status, course_form=course_form, learners_form=learners_form
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
