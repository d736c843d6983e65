"""Issue one learner's certificate (the form and its screen)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.admin_views.base import (
    CertificateAdminView,
    CourseChoiceField,
    form_errors,
)
from certificates.batches import learner_label
from certificates.models import Certificate
from certificates.selectors import (
    blocking_revocation_get,
    certificate_eligibility_get,
    course_with_rule_list,
)
from certificates.services import CertificateError, certificate_issue
from courses.models import CoursePage
from learners.models import User
from learners.scope import LearnerScope


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
        self.fields["course"].queryset = course_with_rule_list()

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
        course = course_with_rule_list().filter(pk=int(course_id)).first()
        user = self.scope.learners(User.objects.filter(email__iexact=email)).first()
        if course is None or user is None:
            return None
        return blocking_revocation_get(user=user, course=course)

    def post(self, request, *args, **kwargs):
        form = CertificateIssueForm(request.POST, scope=self.scope)
        if not form.is_valid():
            return self.refused(
                _("No certificate was issued: %(errors)s")
                % {"errors": form_errors(form)},
                form=form,
            )
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
            return self.refused(
                _("No certificate was issued to %(learner)s: %(reason)s")
                % {**names, "reason": eligibility.refusal},
                form=form,
                refusal=eligibility.refusal,
            )
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
            return self.refused(str(error), error.status, form=form, refusal=str(error))
        messages.success(
            request,
            _(
                "Certificate %(code)s is issued to %(learner)s, who is notified by "
                "e-mail."
            )
            % {**names, "code": certificate.code},
        )
        return redirect("certificate_admin:detail", certificate.pk)
