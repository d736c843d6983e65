"""The reports in the Wagtail admin.

The "Learning" menu ("Apprentissage")
-------------------------------------
A submenu of the admin's main menu, shown when at least one of its items is. Items
join it through the ``register_learning_menu_item`` hook (``LEARNING_MENU_HOOK``),
which works like ``register_admin_menu_item``::

    @hooks.register(LEARNING_MENU_HOOK)
    def my_menu_item():
        return MenuItem(_("My listing"), reverse_lazy("…"), name="…", order=200)

A ViewSet joins it by setting ``menu_hook = LEARNING_MENU_HOOK``; the
``construct_learning_menu`` hook (``fn(request, menu_items)``) may edit the items
shown for one request. Each item decides whom it is shown to (``is_shown``).

Sections: statistics and charts (course reports, home panel) first, then the
learning listings.
"""

from django.templatetags.static import static
from django.urls import include, path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from learners.scope import learner_scope_or_none
from reports.admin_views import DashboardPanel, report_admin_urlpatterns
from reports.viewsets import REPORT_LISTING_VIEWSETS

LEARNING_MENU_HOOK = "register_learning_menu_item"
LEARNING_MENU_CONSTRUCT_HOOK = "construct_learning_menu"

learning_menu = Menu(
    register_hook_name=LEARNING_MENU_HOOK,
    construct_hook_name=LEARNING_MENU_CONSTRUCT_HOOK,
)


@hooks.register("register_admin_menu_item")
def learning_menu_item():
    return SubmenuMenuItem(
        _("Learning"), learning_menu, name="learning", icon_name="group", order=300
    )


# --------------------------------------------------------------------------- statistics


class CourseReportsMenuItem(MenuItem):
    """Shown to users who may see a report (trainers, certificate admins, superusers,
    and city coordinators who have the admin)."""

    def is_shown(self, request):
        return learner_scope_or_none(request.user) is not None


@hooks.register(LEARNING_MENU_HOOK)
def course_reports_menu_item():
    return CourseReportsMenuItem(
        _("Course reports"),
        reverse_lazy("reports_admin:course_list"),
        name="course-reports",
        icon_name="table",
        order=100,
    )


@hooks.register("insert_global_admin_css")
def campus_admin_css():
    """Campus's admin stylesheet: chart sizing, scrolling report tables (a file: the
    admin's CSP refuses style="")."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/campus-admin.css")
    )


@hooks.register("register_admin_urls")
def report_admin_urls():
    return [path("reports/", include((report_admin_urlpatterns, "reports_admin")))]


@hooks.register("construct_homepage_panels")
def learning_dashboard_panel(request, panels):
    """The dashboard panel, for users who may see a report (nothing for the others)."""
    scope = learner_scope_or_none(request.user)
    if scope is not None:
        panels.append(DashboardPanel(scope=scope))


# --------------------------------------------------------------------------- listings


@hooks.register("register_admin_viewset")
def learning_listing_viewsets():
    """Enrolments, progress, quiz attempts and issued certificates (read-only, see
    reports/viewsets/); each joins the menu through its ``menu_hook``."""
    return [viewset() for viewset in REPORT_LISTING_VIEWSETS]
