"""Admin screens to submit a whole course for review, and to approve it in one go.

Each screen lists the pages concerned and asks to confirm (GET), then acts (POST,
CSRF-protected) through `courses.services`; permissions are checked on the server for
every request.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import CoursePage
from courses.services import (
    course_review_approvable_list,
    course_review_approve,
    course_review_pending_list,
    course_review_submit,
)


class CourseReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/admin/course_review_confirm.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.course = get_object_or_404(CoursePage, pk=kwargs["page_id"])
        if not self.course.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            course=self.course,
            pages=self.pages(),
            action_label=self.action_label(),
            intro=self.intro(),
            back_url=reverse("wagtailadmin_explore", args=(self.course.pk,)),
            **kwargs,
        )

    def get_page_title(self):
        return self.action_label()

    def get_page_subtitle(self):
        return self.course.get_admin_display_title()

    def post(self, request, *args, **kwargs):
        pages = self.act()
        if pages:
            messages.success(request, self.done_message(len(pages)))
        else:
            messages.warning(request, _("There is nothing to do on this course."))
        return redirect("wagtailadmin_explore", self.course.pk)


class CourseReviewSubmitView(CourseReviewView):
    def action_label(self):
        return _("Submit the course and its pages for review")

    def intro(self):
        return _(
            "These pages of the course have changes that no reviewer has seen; they "
            "are submitted together:"
        )

    def pages(self):
        return course_review_pending_list(course=self.course)

    def act(self):
        return course_review_submit(course=self.course, user=self.request.user)

    def done_message(self, count):
        return ngettext(
            "%(count)d page of the course was submitted for review.",
            "%(count)d pages of the course were submitted for review.",
            count,
        ) % {"count": count}


class CourseReviewApproveView(CourseReviewView):
    def dispatch(self, request, *args, **kwargs):
        self.course = get_object_or_404(CoursePage, pk=kwargs["page_id"])
        if not course_review_approvable_list(course=self.course, user=request.user):
            raise PermissionDenied
        return super(CourseReviewView, self).dispatch(request, *args, **kwargs)

    def action_label(self):
        return _("Approve the course")

    def intro(self):
        return _(
            "These pages of the course are awaiting your review; they are approved "
            "(and published) together:"
        )

    def pages(self):
        return [
            page
            for page, _task in course_review_approvable_list(
                course=self.course, user=self.request.user
            )
        ]

    def act(self):
        return course_review_approve(course=self.course, user=self.request.user)

    def done_message(self, count):
        return ngettext(
            "%(count)d page of the course was approved.",
            "%(count)d pages of the course were approved.",
            count,
        ) % {"count": count}
