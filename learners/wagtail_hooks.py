from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from learners.access import lesson_access_response
from learners.selectors import learners_of_pages_list
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
