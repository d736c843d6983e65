"""The "Certificates" menu of the admin: issued certificates, batches, designs and
course rules.

Designs and rules are snippets (designs keep revisions and preview on sample data
through their model's mixins). Issued certificates and batches are read-only
listings: rows are never added, edited or deleted by hand; certificates are issued,
re-issued and revoked through the screens of ``certificates.admin_views``, which call
the services. Wagtail checks the model permissions (migration 0003_permissions) on
every screen: certificate admins and superusers change, trainers only view; every row
is then restricted to the learners of the user's scope (``learners.scope``), and
batches, which span every city, are refused to city-scoped users.
"""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from certificates import admin_views
from certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateRule,
    CertificateTemplate,
)
from cms.admin_search import EveryWordSearchMixin
from courses.models import CoursePage
from learners.scope import learner_scope_or_none

#: Hook of the "Certificates" submenu, for menu items that are not viewsets.
CERTIFICATES_MENU_HOOK = "register_certificates_menu_item"


def _courses_with_certificates(request):
    """The courses of the certificates the user may see (a filter's choices)."""
    scope = learner_scope_or_none(request.user)
    if scope is None:
        return CoursePage.objects.none()
    certificates = scope.learners(Certificate.objects.all(), "user__")
    return CoursePage.objects.filter(pk__in=certificates.values("course_id")).order_by(
        "title"
    )


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=_courses_with_certificates
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Certificate.State.choices
    )

    class Meta:
        model = Certificate
        fields = ["course", "state"]


class CertificateIndexView(
    EveryWordSearchMixin, admin_views.LearnerScopeMixin, generic.IndexView
):
    """Every word typed must be found in the code, the e-mail address or the
    learner's first or last name ("Awa Diop" finds Awa Diop)."""

    add_item_label = _("Issue a certificate")

    def get_base_queryset(self):
        rows = super().get_base_queryset().select_related("user", "course")
        return self.scope.learners(rows, "user__")


class ReadOnlyListingViewSet(ModelViewSet):
    """A listing whose rows open a detail screen, with no add, edit, copy or delete
    screens; ``add_url_name`` may point to a screen that calls a service instead."""

    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_name = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": self.get_url_name(self.add_view_name)
                if self.add_view_name
                else None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                "inspect_url_name": self.get_url_name("detail"),
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        return type(
            "_ModelAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("detail")},
        )

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model)
        )

    #: The screens beside the listing, as (route, view class, URL name).
    screens = ()

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            *(
                path(route, self.construct_view(view_class), name=name)
                for route, view_class, name in self.screens
            ),
        ]


class CertificateViewSet(ReadOnlyListingViewSet):
    """Issued certificates: search, filters, and each one's detail and actions."""

    model = Certificate
    name = "certificate_admin"
    url_prefix = "certificates/issued"
    icon = "doc-full-inverse"
    menu_label = _("Issued certificates")
    menu_name = "issued-certificates"
    menu_order = 100
    index_view_class = CertificateIndexView
    add_view_name = "issue"
    filterset_class = CertificateFilterSet
    search_fields = ["code", "user__email", "user__first_name", "user__last_name"]
    search_backend_name = None
    ordering = ["-issued_at"]
    list_per_page = 50
    list_display = [
        "code",
        Column(
            "learner",
            label=_("Learner"),
            accessor=lambda certificate: (
                certificate.user.get_full_name() or certificate.user.email
                if certificate.user
                else certificate.data.get("learner_name")
            ),
            sort_key="user__last_name",
        ),
        Column(
            "email",
            label=_("E-mail address"),
            accessor=lambda certificate: (
                certificate.user.email if certificate.user else _("account deleted")
            ),
        ),
        Column("course", label=_("Course"), accessor="course.title"),
        StatusTagColumn(
            "state",
            label=_("State"),
            accessor="get_state_display",
            primary=lambda certificate: certificate.is_valid,
            sort_key="state",
        ),
        DateColumn("issued_at", label=_("Issued"), sort_key="issued_at"),
    ]

    screens = (
        ("issue/", admin_views.CertificateIssueView, "issue"),
        ("<uuid:pk>/", admin_views.CertificateDetailView, "detail"),
        ("<uuid:pk>/revoke/", admin_views.CertificateRevokeView, "revoke"),
        ("<uuid:pk>/reissue/", admin_views.CertificateReissueView, "reissue"),
        ("<uuid:pk>/pdf/", admin_views.CertificatePdfView, "pdf"),
    )


class CertificateBatchIndexView(admin_views.LearnerScopeMixin, generic.IndexView):
    add_item_label = _("Start a batch")
    whole_scope_only = True

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("course", "requested_by")
            .with_progress()
        )


class CertificateBatchViewSet(ReadOnlyListingViewSet):
    """Batches: start one, follow its progress, read its report."""

    model = CertificateBatch
    name = "certificate_batches"
    url_prefix = "certificates/batches"
    icon = "tasks"
    menu_label = _("Batches")
    menu_name = "certificate-batches"
    menu_order = 300
    index_view_class = CertificateBatchIndexView
    add_view_name = "new"
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        "course",
        Column(
            "requested_by",
            label=_("Requested by"),
            accessor=lambda batch: batch.requested_by or _("command line"),
        ),
        DateColumn("created_at", label=_("Started"), sort_key="created_at"),
        StatusTagColumn(
            "state",
            label=_("State"),
            accessor="get_state_display",
            primary=lambda batch: batch.state == CertificateBatch.State.DONE,
        ),
        Column(
            "progress",
            label=_("Processed"),
            accessor=lambda batch: f"{batch.processed} / {batch.total}",
        ),
        Column("issued", label=_("Issued")),
        Column("skipped", label=_("Skipped")),
    ]

    screens = (
        ("new/", admin_views.CertificateBatchCreateView, "new"),
        ("<int:pk>/", admin_views.CertificateBatchDetailView, "detail"),
        ("<int:pk>/resume/", admin_views.CertificateBatchResumeView, "resume"),
    )


class CertificateTemplateViewSet(SnippetViewSet):
    """Designs: trainers may open them (inspect), certificate admins edit them."""

    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Designs")
    menu_name = "certificate-designs"
    menu_order = 400
    inspect_view_enabled = True
    list_display = [
        "name",
        "language",
        "orientation",
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    ordering = ["name"]


class CertificateRuleViewSet(SnippetViewSet):
    """Which design each course uses, and whether it is issued automatically."""

    model = CertificateRule
    icon = "cog"
    menu_label = _("Course rules")
    menu_name = "certificate-rules"
    menu_order = 500
    inspect_view_enabled = True
    copy_view_enabled = False  # one rule per course: a copy could never be saved
    list_display = ["course", "template", "mode", "min_score", "hours"]
    list_filter = ["mode", "template"]
    ordering = ["course__title"]


class CertificatesViewSetGroup(SnippetViewSetGroup):
    """The "Certificates" menu; "Issue a certificate" joins it through
    CERTIFICATES_MENU_HOOK (see certificates/wagtail_hooks.py)."""

    items = (
        CertificateViewSet,
        CertificateBatchViewSet,
        CertificateTemplateViewSet,
        CertificateRuleViewSet,
    )
    menu_label = _("Certificates")
    menu_name = "certificates"
    menu_icon = "doc-full-inverse"
    menu_order = 260
    submenu_hook = CERTIFICATES_MENU_HOOK
