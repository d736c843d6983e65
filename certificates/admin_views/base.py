"""What every certificate admin screen shares: the permission and scope checks.

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
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from certificates.models import Certificate
from learners.scope import LearnerScope, learner_scope_or_none


def form_errors(form) -> str:
    """A bound form's errors as one line, for the message that says why."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


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

    def refused(self, message: str, status: int = 400, **context):
        """Says why nothing was written, and shows the screen again with ``status``."""
        messages.error(self.request, message)
        return self.render_with(status, **context)
