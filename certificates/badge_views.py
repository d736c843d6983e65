"""Open Badges 2.0 at stable URLs: issuer, badge classes, assertions, badge images.

Everything but the baked badge is public, as hosted verification requires: a
backpack or a validator fetches the assertion, then the BadgeClass, the issuer and
the image it links to. The JSON is sent as ``application/ld+json`` (or
``application/json`` to a client that asks only for that) with
``Access-Control-Allow-Origin: *``, since backpacks fetch it from their own pages.
Unknown ids get a JSON 404. A revoked or superseded certificate's assertion is
served with 410 Gone, the status the Open Badges 2.0 specification gives revoked
hosted assertions, and a body that says ``"revoked": true`` with the reason.
"""

import uuid

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from certificates import badges
from certificates.models import Certificate
from certificates.selectors import certificate_rule_get
from courses.models import CoursePage


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json_response(request, document: dict, status: int = 200) -> JsonResponse:
    accept = request.headers.get("Accept", "")
    if "application/json" in accept and "application/ld+json" not in accept:
        content_type = "application/json"
    else:
        content_type = "application/ld+json"
    response = JsonResponse(
        document,
        status=status,
        content_type=f"{content_type}; charset=utf-8",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    return _cors(response)


def _not_found(request) -> JsonResponse:
    return _json_response(request, {"error": _("Not found.")}, status=404)


def _badge_course_get(course_id: str) -> CoursePage | None:
    """A course that has a badge: a certificate rule, or certificates already issued
    (their assertions keep pointing at the BadgeClass when the rule goes)."""
    if not course_id.isdigit():
        return None
    issued = Certificate.objects.filter(course=OuterRef("pk"))
    return (
        CoursePage.objects.filter(pk=int(course_id))
        .filter(Q(certificate_rule__isnull=False) | Exists(issued))
        .first()
    )


def _certificate_get(certificate_id: str, **filters) -> Certificate | None:
    try:
        pk = uuid.UUID(certificate_id)
    except ValueError:
        return None
    return (
        Certificate.objects.select_related("course", "user", "superseded_by")
        .filter(pk=pk, **filters)
        .first()
    )


@require_safe
def issuer(request):
    """The issuer profile of every Campus badge."""
    return _json_response(request, badges.issuer_json())


@require_safe
def badge_class(request, course_id: str):
    """The BadgeClass of a course."""
    course = _badge_course_get(course_id)
    if course is None:
        return _not_found(request)
    rule = certificate_rule_get(course=course)
    document = badges.badge_class_json(
        course, min_score=rule.min_score if rule is not None else None
    )
    return _json_response(request, document)


@require_safe
def badge_class_image(request, course_id: str):
    """The badge image of a course (the medal, not baked)."""
    course = _badge_course_get(course_id)
    if course is None:
        return _not_found(request)
    response = HttpResponse(badges.badge_image_get(course), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return _cors(response)


@require_safe
def assertion(request, certificate_id: str):
    """The hosted Assertion of a certificate (410 Gone once revoked or superseded)."""
    certificate = _certificate_get(certificate_id)
    if certificate is None:
        return _not_found(request)
    status = 200 if certificate.is_valid else 410
    response = _json_response(request, badges.assertion_json(certificate), status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_safe
def assertion_baked_png(request, certificate_id: str):
    """The learner's own badge, baked with its assertion URL, to put in a backpack.

    Only for the certificate's owner and while the certificate is valid: 404 for
    anyone else and for a revoked or superseded certificate.
    """
    certificate = _certificate_get(
        certificate_id, user=request.user, state=Certificate.State.VALID
    )
    if certificate is None:
        raise Http404
    content = badges.bake_png(
        badges.badge_image_get(certificate.course),
        badges.assertion_url(certificate.pk),
    )
    response = HttpResponse(content, content_type="image/png")
    response["Content-Disposition"] = (
        f'attachment; filename="badge-{certificate.code}.png"'
    )
    return response
