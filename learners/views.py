from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from courses.models import CoursePage
from courses.selectors import course_for_page_get, next_step_get
from learners.forms import AccountDeleteForm, ProfileForm
from learners.middleware import SESSION_KEY
from learners.selectors import (
    completed_page_ids_get,
    coordinated_municipality_get,
    dashboard_enrollment_list,
    enrollment_get,
    profile_get,
    user_data_export,
    user_roles_list,
)
from learners.services import (
    EnrollmentError,
    account_delete,
    enrollment_create,
    enrollment_leave,
    profile_update,
    step_complete,
)


def _safe_next(request, fallback: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = profile_get(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile = profile_update(user=request.user, **form.cleaned_data)
            language = profile.preferred_language
            request.session[SESSION_KEY] = language
            translation.activate(language)
            messages.success(request, _("Your profile has been saved."))
            # On to what they came for: the page that sent them here, else
            # "Mon parcours" (not the form they have just filled in).
            response = HttpResponseRedirect(
                _safe_next(request, reverse("learners:dashboard"))
            )
            _set_language_cookie(response, language)
            return response
    else:
        form = ProfileForm(
            initial={
                "first_name": request.user.first_name,
                "last_name": request.user.last_name,
                "city": profile.municipality.name if profile.municipality else "",
                "country": profile.municipality.country.code
                if profile.municipality
                else "",
                "job_title": profile.job_title,
                "department": profile.department,
                "gender": profile.gender,
                "preferred_language": profile.preferred_language
                or translation.get_language(),
            }
        )
    return render(
        request,
        "learners/profile_form.html",
        {
            "form": form,
            "profile": profile,
            "roles": user_roles_list(user=request.user),
            "coordinated_city": coordinated_municipality_get(user=request.user),
            "next": _safe_next(request, ""),
        },
    )


@require_http_methods(["GET", "POST"])
def language_switch(request):
    """Switch the interface language (a plain form, so it works without JavaScript).

    Visitors send it by GET: it only sets the language cookie, so their pages carry
    no CSRF token and stay cacheable (cms.page_cache). Learners post it with their
    CSRF token, and the choice is also kept in their session."""
    params = request.POST if request.method == "POST" else request.GET
    language = params.get("language", "")
    next_url = _safe_next(request)
    response = HttpResponseRedirect(next_url)
    if language not in dict(settings.LANGUAGES):
        messages.error(
            request,
            _("“%(code)s” is not a language Campus speaks. Choose French or English.")
            % {"code": language[:20]},
        )
        return response
    translation.activate(language)
    if request.method == "POST" and request.user.is_authenticated:
        request.session[SESSION_KEY] = language
    _set_language_cookie(response, language)
    return response


def csrf_failure(request, reason=""):
    """A forged or expired CSRF token: explain in the learner's language, write nothing."""
    return render(request, "403_csrf.html", status=403)


# --- Enrolment and progress ---------------------------------------------------------


def _course_or_404(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


@require_POST
def course_enroll(request, course_id: int):
    course = _course_or_404(course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    try:
        enrollment_create(user=request.user, course=course)
    except EnrollmentError as error:
        messages.error(request, str(error))
        return redirect(course.get_url(request))
    messages.success(request, _("You are enrolled. Good learning!"))
    return redirect("learners:course_continue", course_id=course.pk)


@login_required
@require_POST
def course_leave(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    enrollment_leave(user=request.user, course=course)
    messages.success(
        request, _("You have left the course. Your progress is kept if you come back.")
    )
    return redirect("learners:dashboard")


@login_required
@require_GET
def course_continue(request, course_id: int):
    """Take the learner to the first lesson they have not finished."""
    course = _course_or_404(course_id)
    enrollment = enrollment_get(user=request.user, course=course)
    if enrollment is None or not enrollment.is_active:
        return redirect(course.get_url(request))
    lesson = next_step_get(
        course=course, done_ids=completed_page_ids_get(user=request.user, course=course)
    )
    if lesson is None:
        messages.success(request, _("You have completed every lesson of this course."))
        return redirect(course.get_url(request))
    return redirect(lesson.get_url(request))


@login_required
@require_POST
def step_complete_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id)
    try:
        next_lesson = step_complete(user=request.user, page=page)
    except EnrollmentError as error:
        messages.error(request, str(error))
        course = course_for_page_get(page=page)
        return redirect(course.get_url(request) if course and course.live else "/")
    if next_lesson is None:
        course = course_for_page_get(page=page)
        messages.success(
            request,
            _("Lesson completed. You have finished every lesson of this course!"),
        )
        return redirect(course.get_url(request))
    messages.success(request, _("Lesson completed."))
    return redirect(next_lesson.get_url(request))


@login_required
@require_GET
def dashboard(request):
    enrollments = dashboard_enrollment_list(user=request.user)
    return render(
        request,
        "learners/dashboard.html",
        {
            "in_progress": [e for e in enrollments if not e.completed_at],
            "completed": [e for e in enrollments if e.completed_at],
            "coordinated_city": coordinated_municipality_get(user=request.user),
        },
    )


# --- My data -------------------------------------------------------------------------


@login_required
@require_GET
def my_data(request):
    return render(
        request, "learners/my_data.html", {"form": AccountDeleteForm(user=request.user)}
    )


@login_required
@require_GET
def my_data_export(request):
    response = JsonResponse(
        user_data_export(user=request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="campus-mes-donnees.json"'
    return response


@login_required
@require_POST
def account_delete_view(request):
    form = AccountDeleteForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "learners/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    account_delete(user=user, choices=form.choices())
    messages.success(request, _("Your account and all your data have been deleted."))
    return redirect("/")
