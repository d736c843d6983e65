"""Public verification of certificates, and the learner's own PDF download."""

import time

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from certificates.codes import code_normalize
from certificates.models import Certificate
from certificates.selectors import certificate_by_code_get
from certificates.services import certificate_pdf_get
from learners.client_address import client_address_get

#: Lookups allowed per client address and minute (codes must not be guessed).
VERIFY_RATE = 30


def _rate_limited(request) -> bool:
    key = f"certificates:verify:{client_address_get(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, 120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted meanwhile
        cache.set(key, 1, 120)
        count = 1
    return count > VERIFY_RATE


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def verify_form(request):
    """A form where the code printed on a certificate is typed."""
    typed = request.GET.get("code", "").strip()
    context = {"typed": typed, "not_found": False}
    if typed:
        if _rate_limited(request):
            return _noindex(render(request, "429.html", status=429))
        code = code_normalize(typed)
        if code and Certificate.objects.filter(code=code).exists():
            return redirect("certificates:verify", code)
        context["not_found"] = True
        return _noindex(
            render(request, "certificates/verify_form.html", context, status=404)
        )
    return _noindex(render(request, "certificates/verify_form.html", context))


@require_GET
def verify(request, code: str):
    """The public status of a certificate: valid, revoked or superseded."""
    if _rate_limited(request):
        return _noindex(render(request, "429.html", status=429))
    certificate = certificate_by_code_get(code=code)
    if certificate is None:
        return _noindex(
            render(
                request,
                "certificates/verify_form.html",
                {"typed": code, "not_found": True},
                status=404,
            )
        )
    if certificate.code != code:  # typed in lower case or without dashes
        return redirect("certificates:verify", certificate.code)
    return _noindex(
        render(request, "certificates/verify.html", {"certificate": certificate})
    )


@login_required
@require_GET
def certificate_pdf(request, certificate_id):
    """The learner's own certificate as a PDF (rendered again if the file is gone)."""
    certificate = (
        Certificate.objects.filter(pk=certificate_id, user=request.user)
        .select_related("course")
        .first()
    )
    if certificate is None:
        raise Http404
    response = HttpResponse(
        certificate_pdf_get(certificate=certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="certificat-{certificate.code}.pdf"'
    )
    return response
