from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learners.forms import ProfileForm
from learners.middleware import SESSION_KEY
from learners.selectors import profile_get, user_roles_list
from learners.services import profile_update


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
            response = HttpResponseRedirect(
                _safe_next(request, reverse("learners:profile_edit"))
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
            "next": _safe_next(request, ""),
        },
    )


@require_POST
def language_switch(request):
    """Switch the interface language (a form post, so it works without JavaScript)."""
    language = request.POST.get("language", "")
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
    request.session[SESSION_KEY] = language
    _set_language_cookie(response, language)
    return response


def csrf_failure(request, reason=""):
    """A forged or expired CSRF token: explain in the learner's language, write nothing."""
    return render(request, "403_csrf.html", status=403)
