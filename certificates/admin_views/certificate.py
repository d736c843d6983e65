"""One certificate's screens: its detail, revocation, re-issue and PDF."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.admin_views.base import CertificateAdminView, form_errors
from certificates.models import Certificate
from certificates.rendering import verification_url
from certificates.selectors import blocking_revocation_get
from certificates.services import (
    CertificateError,
    certificate_pdf_get,
    certificate_reissue,
    certificate_revoke,
)


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


class CertificateActionView(CertificateObjectMixin, CertificateAdminView):
    """A confirmation screen that acts on one valid certificate through a service.

    An invalid certificate sends back to its detail with a warning; a form with
    errors or a refusal of the service (``CertificateError``) is a message, and
    nothing is written.
    """

    permission_required = "change"
    http_method_names = ["get", "post"]
    form_class: type[forms.Form]

    def get_form(self) -> forms.Form:
        return self.form_class()

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(certificate=self.certificate, form=form or self.get_form())
        return context

    def get(self, request, *args, **kwargs):
        if not self.certificate.is_valid:
            messages.warning(request, self.not_valid_message())
            return redirect(self.detail_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.refused(self.not_done_message(form_errors(form)), form=form)
        try:
            result = self.act(form.cleaned_data)
        except CertificateError as error:
            return self.refused(str(error), error.status, form=form)
        messages.success(request, self.done_message(result))
        return redirect(self.detail_url(result))

    def act(self, data: dict) -> Certificate:
        """Calls the service; returns the certificate whose detail comes next."""
        raise NotImplementedError

    def not_valid_message(self) -> str:
        raise NotImplementedError

    def not_done_message(self, errors: str) -> str:
        raise NotImplementedError

    def done_message(self, result: Certificate) -> str:
        raise NotImplementedError


class CertificateRevokeView(CertificateActionView):
    """Confirmation screen: revoking needs a reason and cannot be undone."""

    template_name = "certificates/admin/certificate_revoke.html"
    form_class = CertificateRevokeForm

    def get_page_title(self):
        return _("Revoke certificate %(code)s") % {"code": self.certificate.code}

    def act(self, data):
        certificate_revoke(
            certificate=self.certificate,
            revoked_by=self.request.user,
            reason=data["reason"],
        )
        return self.certificate

    def not_valid_message(self):
        return _("This certificate is not valid: it cannot be revoked.")

    def not_done_message(self, errors):
        return _("The certificate was not revoked: %(errors)s") % {"errors": errors}

    def done_message(self, result):
        return _("Certificate %(code)s is revoked.") % {"code": self.certificate.code}


class CertificateReissueView(CertificateActionView):
    """Re-issue with a corrected name: the old certificate is superseded."""

    template_name = "certificates/admin/certificate_reissue.html"
    form_class = CertificateReissueForm

    def get_page_title(self):
        return _("Re-issue certificate %(code)s") % {"code": self.certificate.code}

    def get_form(self):
        return CertificateReissueForm(
            initial={"learner_name": self.certificate.data.get("learner_name")}
        )

    def act(self, data):
        return certificate_reissue(
            certificate=self.certificate,
            issued_by=self.request.user,
            learner_name=data["learner_name"],
        )

    def not_valid_message(self):
        return _("Only a valid certificate can be re-issued.")

    def not_done_message(self, errors):
        return _("The certificate was not re-issued: %(errors)s") % {"errors": errors}

    def done_message(self, result):
        return _(
            "Certificate %(new)s replaces %(old)s; the learner is notified by e-mail."
        ) % {"new": result.code, "old": self.certificate.code}


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
