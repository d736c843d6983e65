"""Reads for certificates: who qualifies, overall scores, lookups by code."""

from decimal import Decimal
from typing import NamedTuple

from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from certificates.codes import code_normalize
from certificates.models import (
    Certificate,
    CertificateRule,
    CertificateTemplate,
    IssueMode,
)
from courses.models import CoursePage, QuizPage
from learners.models import Enrollment, QuizAttempt, User
from learners.scoring import counted_attempt, course_score


def overall_quiz_score_get(*, user: User, course: CoursePage) -> Decimal | None:
    """The mean of the scores that count in the course's live quizzes (None: no quiz).

    A quiz the learner has no graded attempt at counts 0. Which attempt counts
    follows each quiz's setting (best or last).
    """
    quizzes = list(
        QuizPage.objects.live()
        .descendant_of(course)
        .only("id", "grading_method", "path", "depth")
    )
    if not quizzes:
        return None
    graded: dict[int, list[QuizAttempt]] = {quiz.pk: [] for quiz in quizzes}
    for attempt in QuizAttempt.objects.filter(
        user=user, quiz__in=quizzes, state=QuizAttempt.State.GRADED
    ).only("id", "quiz_id", "number", "score"):
        graded[attempt.quiz_id].append(attempt)
    counted = [
        counted_attempt(graded[quiz.pk], quiz.grading_method) for quiz in quizzes
    ]
    return course_score([attempt.score if attempt else None for attempt in counted])


def certificate_rule_get(*, course: CoursePage) -> CertificateRule | None:
    return (
        CertificateRule.objects.select_related("template").filter(course=course).first()
    )


def certificate_template_default_get(
    *, language: str = ""
) -> CertificateTemplate | None:
    """The design a new course's rule starts with: the oldest design in the course's
    language (the one shipped by the migration, unless deleted), else the oldest."""
    designs = CertificateTemplate.objects.order_by("pk")
    return designs.filter(language=language).first() or designs.first()


class CertificateEligibility(NamedTuple):
    """Whether a learner may get a course's certificate now.

    ``refusal``: why not (None: they qualify). ``revoked``: the revoked certificate
    that blocks them, when that is the reason (only a certificate admin's explicit
    single issue lifts it).
    """

    refusal: str | None
    revoked: Certificate | None = None


def blocking_revocation_get(*, user: User, course: CoursePage) -> Certificate | None:
    """The learner's revoked certificate for the course when it is their latest one.

    A revocation blocks every automatic and batch issue until a certificate admin
    issues a new certificate on purpose (which is then the latest).
    """
    latest = (
        Certificate.objects.filter(user=user, course=course)
        .select_related("revoked_by")
        .order_by("-issued_at")
        .first()
    )
    if latest is not None and latest.state == Certificate.State.REVOKED:
        return latest
    return None


def revocation_refusal(certificate: Certificate) -> str:
    """The reason shown for a learner blocked by a revoked certificate."""
    revoked_at = certificate.revoked_at
    return _(
        "Certificate %(code)s was revoked on %(date)s by %(person)s: “%(reason)s”. "
        "It is not issued again automatically or in a batch; only a certificate "
        "admin can issue a new one, from the single issue page."
    ) % {
        "code": certificate.code,
        "date": formats.date_format(timezone.localtime(revoked_at), "j F Y")
        if revoked_at
        else "—",
        "person": certificate.revoked_by or _("an account since deleted"),
        "reason": certificate.revocation_reason,
    }


def certificate_eligibility_get(
    *,
    user: User,
    course: CoursePage,
    rule: CertificateRule | None = None,
    lift_revocation: bool = False,
) -> CertificateEligibility:
    """The one rule of who may get a course's certificate, asked by every way of
    issuing (automatic on completion, batches and their previews, the command line,
    the single issue page).

    ``lift_revocation``: a certificate admin confirmed a new issue despite a revoked
    certificate (the single issue page only).
    """
    rule = rule or certificate_rule_get(course=course)
    if rule is None:
        return CertificateEligibility(_("This course has no certificate design."))
    if Certificate.objects.filter(
        user=user, course=course, state=Certificate.State.VALID
    ).exists():
        return CertificateEligibility(
            _("Already holds a valid certificate for this course.")
        )
    if not lift_revocation:
        revoked = blocking_revocation_get(user=user, course=course)
        if revoked is not None:
            return CertificateEligibility(revocation_refusal(revoked), revoked)
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    if enrollment is None:
        return CertificateEligibility(_("Not enrolled in this course."))
    if enrollment.completed_at is None:
        return CertificateEligibility(_("Has not completed the course."))
    if rule.min_score is not None:
        score = overall_quiz_score_get(user=user, course=course)
        if score is not None and score < rule.min_score:
            return CertificateEligibility(
                _("Overall quiz score %(score)s %% is below the minimum %(min)s %%.")
                % {"score": score.normalize(), "min": rule.min_score}
            )
    return CertificateEligibility(None)


def certificate_refusal_get(
    *, user: User, course: CoursePage, rule: CertificateRule | None = None
) -> str | None:
    """Why the learner cannot get the course's certificate now (None: they qualify);
    see ``certificate_eligibility_get``."""
    return certificate_eligibility_get(user=user, course=course, rule=rule).refusal


def rule_issues_automatically(rule: CertificateRule | None) -> bool:
    return rule is not None and rule.mode == IssueMode.AUTOMATIC


def certificate_by_code_get(*, code: str) -> Certificate | None:
    """The certificate with that code, typed in any case, with or without dashes."""
    normalized = code_normalize(code)
    if not normalized:
        return None
    return (
        Certificate.objects.select_related("course", "superseded_by")
        .filter(code=normalized)
        .first()
    )


def learner_certificate_list(*, user: User) -> list[Certificate]:
    """The learner's certificates, newest first (for the dashboard)."""
    if not user.is_authenticated:
        return []
    return list(
        Certificate.objects.filter(user=user)
        .select_related("course")
        .order_by("-issued_at")
    )


def learner_course_certificate_get(*, user: User, course) -> Certificate | None:
    """The learner's valid certificate for the course, or None (one query)."""
    if not user.is_authenticated:
        return None
    return Certificate.objects.filter(
        user=user, course=course, state=Certificate.State.VALID
    ).first()


def certificates_of_holder_count(*, user: User) -> int:
    """How many valid certificates the learner holds (what deleting asks about)."""
    return Certificate.objects.filter(user=user, state=Certificate.State.VALID).count()


def certificates_export(*, user: User) -> list[dict]:
    """The learner's certificates and their Open Badges, for their data export."""
    from django.urls import reverse

    from certificates.badges import assertion_url
    from certificates.rendering import verification_url
    from cms.site_address import absolute_url

    rows = []
    for certificate in learner_certificate_list(user=user)[::-1]:
        data = certificate.data
        valid = certificate.is_valid
        rows.append(
            {
                "code": certificate.code,
                "course_id": certificate.course_id,
                "course": data.get("course_title"),
                "learner_name": data.get("learner_name"),
                "completed_on": data.get("completed_on"),
                "score": data.get("score"),
                "hours": data.get("hours"),
                "state": certificate.state,
                "issued_at": certificate.issued_at.isoformat(),
                "revoked_at": certificate.revoked_at.isoformat()
                if certificate.revoked_at
                else None,
                "revocation_reason": certificate.revocation_reason or None,
                "verification_url": verification_url(certificate.code),
                "pdf_url": absolute_url(
                    reverse("certificates:pdf", args=[certificate.pk])
                )
                if valid
                else None,
                "badge": {
                    "assertion_url": assertion_url(certificate.pk),
                    "baked_badge_url": absolute_url(
                        reverse("certificates:badge_baked", args=[certificate.pk])
                    )
                    if valid
                    else None,
                    "recipient_salt": certificate.badge_salt,
                },
            }
        )
    return rows


def qualifying_learner_list(*, course: CoursePage) -> list[User]:
    """Learners who completed the course and hold no valid certificate for it
    (those blocked by a revocation included: a batch lists them apart)."""
    holds = Certificate.objects.filter(
        user=OuterRef("pk"), course=course, state=Certificate.State.VALID
    )
    return list(
        User.objects.filter(
            enrollments__course=course, enrollments__completed_at__isnull=False
        )
        .exclude(Exists(holds))
        .order_by("last_name", "first_name", "email")
        .distinct()
    )


def course_with_rule_list():
    """Courses that have a certificate rule, the only ones a certificate is issued for."""
    return CoursePage.objects.filter(certificate_rule__isnull=False).order_by("title")


def course_completer_list(*, course: CoursePage):
    """Learners who completed the course, by name."""
    completed = Enrollment.objects.filter(
        user=OuterRef("pk"), course=course, completed_at__isnull=False
    )
    return User.objects.filter(Exists(completed)).order_by(
        "last_name", "first_name", "email"
    )


__all__ = [
    "CertificateEligibility",
    "blocking_revocation_get",
    "certificate_by_code_get",
    "certificate_eligibility_get",
    "certificate_refusal_get",
    "certificate_rule_get",
    "certificate_template_default_get",
    "certificates_export",
    "certificates_of_holder_count",
    "course_completer_list",
    "course_with_rule_list",
    "learner_certificate_list",
    "learner_course_certificate_get",
    "overall_quiz_score_get",
    "qualifying_learner_list",
    "revocation_refusal",
    "rule_issues_automatically",
]
