from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from courses.models import QuizPage
from learners.access import lesson_access_response, quiz_tools_allowed
from learners.quiz_admin_views import quiz_admin_urlpatterns, quiz_attempts_url
from learners.scope import learner_scope_or_none
from learners.selectors import learners_of_pages_list
from learners.selectors.quiz_admin import essay_pending_count
from learners.viewsets import PeopleViewSetGroup

register_snippet(PeopleViewSetGroup)


@hooks.register("before_serve_page")
def lessons_need_an_enrolment(page, request, serve_args, serve_kwargs):
    return lesson_access_response(page=page, request=request)


def _refuse_deletion(request, pages):
    names, count = learners_of_pages_list(pages=pages)
    if not count:
        return None
    listed = ", ".join(names)
    more = count - len(names)
    message = ngettext(
        "This page cannot be deleted: %(count)d learner is following it or has progress in it (%(names)s). Unpublish it instead.",
        "This page cannot be deleted: %(count)d learners are following it or have progress in it (%(names)s). Unpublish it instead.",
        count,
    ) % {
        "count": count,
        "names": listed
        + (_(" and %(more)d more") % {"more": more} if more > 0 else ""),
    }
    messages.error(request, message)
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def refuse_deleting_courses_with_learners(request, page):
    return _refuse_deletion(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_courses_with_learners(
    request, action_type, objects, action_class_instance
):
    if action_type == "delete" and objects and hasattr(objects[0], "path"):
        return _refuse_deletion(request, list(objects))
    return None


# --------------------------------------------------------------------------- quiz tools


@hooks.register("register_admin_urls")
def quiz_admin_urls():
    return [path("quizzes/", include((quiz_admin_urlpatterns, "quiz_admin")))]


class EssaysMenuItem(MenuItem):
    """Shown to trainers, certificate admins and superusers, with the number of
    attempts waiting for an essay grade (one COUNT per admin page)."""

    def is_shown(self, request):
        return quiz_tools_allowed(request.user)

    def render_component(self, request):
        scope = learner_scope_or_none(request.user)
        count = essay_pending_count(scope=scope) if scope else 0
        label = (
            _("Essays to grade (%(count)s)") % {"count": count}
            if count
            else str(self.label)
        )
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def essays_menu_item():
    return EssaysMenuItem(
        gettext_lazy("Essays to grade"),
        reverse_lazy("quiz_admin:essay_queue"),
        name="essays-to-grade",
        icon_name="tasks",
        order=250,
    )


def _quiz_buttons(page, user, priority: int):
    if not issubclass(page.specific_class or type(page), QuizPage):
        return
    if not quiz_tools_allowed(user):
        return
    for label, url, icon, step in (
        (_("Attempts"), quiz_attempts_url(page), "list-ul", 0),
        (_("Essays to grade"), reverse("quiz_admin:essays", args=[page.pk]), "edit", 1),
        (_("Statistics"), reverse("quiz_admin:statistics", args=[page.pk]), "table", 2),
    ):
        yield Button(label, url, icon_name=icon, priority=priority + step)


@hooks.register("register_page_header_buttons")
def quiz_page_header_buttons(page, user, view_name, next_url=None):
    yield from _quiz_buttons(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def quiz_page_listing_buttons(page, user, next_url=None):
    yield from _quiz_buttons(page, user, priority=70)
