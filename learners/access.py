"""Who may read which lesson: the one place where the rule lives.

Called from the `before_serve_page` hook (learners/wagtail_hooks.py), so course
pages need not know about learners.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from courses.models import LessonPage, QuizPage
from courses.selectors import course_for_page_get
from learners.request_memo import course_enrollment_get
from learners.roles import STAFF_ROLES


def reads_every_lesson(user) -> bool:
    """Trainers, certificate admins and superusers read lessons without enrolling."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_ROLES).exists()


def quiz_tools_allowed(user) -> bool:
    """Whether ``user`` may use the trainers' quiz screens (essays, attempts in full,
    statistics): those who read every lesson. Remembered for the request, as menus,
    page buttons and listing rows ask once each."""
    allowed = getattr(user, "_campus_quiz_tools_allowed", None)
    if allowed is None:
        allowed = reads_every_lesson(user)
        user._campus_quiz_tools_allowed = allowed
    return allowed


def lesson_access_response(*, page, request):
    """None when the visitor may read the page (a lesson or a quiz); otherwise where to
    send them.

    Anonymous visitors go to the login page and come back; logged-in learners who
    are not enrolled go to the course page, which offers enrolment.
    """
    if not isinstance(page, LessonPage | QuizPage):
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    enrollment = course_enrollment_get(request=request, page=page)
    if enrollment is not None and enrollment.is_active:
        return None
    if reads_every_lesson(user):
        return None
    messages.info(request, _("Enrol in the course to read its lessons."))
    return redirect(course_for_page_get(page=page).get_url(request))
