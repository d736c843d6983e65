"""Issuing, re-issuing and revoking certificates; rendering their PDF.

A certificate row is written in the caller's transaction (so a completion and its
certificate commit together), and so are its outbox messages (render the PDF, e-mail
the learner): a hung or lost broker delays them, the outbox sweep delivers them, and
nothing is lost. A missing PDF is also rendered again from the frozen data on
download.
"""

import hashlib
import logging
import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from certificates.codes import code_generate
from certificates.models import Certificate, CertificateRule, IssueMode
from certificates.outbox_handlers import CERTIFICATE_PDF
from certificates.rendering import (
    certificate_html,
    pdf_from_html,
    template_data,
    verification_url,
)
from certificates.selectors import (
    certificate_eligibility_get,
    certificate_rule_get,
    overall_quiz_score_get,
    rule_issues_automatically,
)
from cms.site_address import absolute_url
from courses.durations import duration_words
from courses.models import CoursePage
from courses.selectors import course_minutes_get
from learners.figures_marks import course_figures_changed
from learners.models import Enrollment, User
from learners.scoring import score_percent_text
from learners.selectors import preferred_language_get
from learners.services import email_send
from outbox.services import outbox_message_create

logger = logging.getLogger(__name__)


class CertificateError(Exception):
    """A certificate that cannot be issued, re-issued or revoked (translated message)."""

    def __init__(self, message, status: int = 400):
        super().__init__(str(message))
        self.status = status


def _minutes(rule: CertificateRule, course: CoursePage) -> int:
    """Minutes of training printed: the rule's hours, else the course's time (exact
    under an hour, to the half hour above)."""
    if rule.hours is not None:
        return int(rule.hours * 60)
    minutes = course_minutes_get(course=course)
    if minutes < 60:
        return max(minutes, 1)
    return (
        int((Decimal(minutes) / 30).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 30
    )


def _hours(rule: CertificateRule, course: CoursePage) -> Decimal:
    if rule.hours is not None:
        return rule.hours
    minutes = course_minutes_get(course=course)
    return (Decimal(minutes) / 60 * 2).quantize(Decimal(1)) / 2 or Decimal("0.5")


def _frozen_data(*, user: User, course: CoursePage, rule: CertificateRule, enrollment):
    template = rule.template
    language = template.language
    score = overall_quiz_score_get(user=user, course=course)
    hours = _hours(rule, course)
    completed = timezone.localtime(enrollment.completed_at).date()
    name = user.get_full_name().strip() or user.email
    with translation.override(language):
        course_title = (
            course.title_en if language == "en" and course.title_en else course.title
        )
        values = {
            "learner": name,
            "course": course_title,
            "date": formats.date_format(completed, "j F Y"),
            "score": score_percent_text(score),
            "hours": formats.number_format(hours.normalize()),
            "duration": duration_words(_minutes(rule, course)),
        }
    latest = getattr(template, "latest_revision", None)
    data = template_data(
        template, values, revision_id=latest.pk if latest is not None else None
    )
    data.update(
        learner_name=name,
        recipient_email=user.email,
        course_title=course_title,
        completed_on=completed.isoformat(),
        score=str(score) if score is not None else None,
        hours=str(hours),
    )
    return data


def _create(*, user, course, template, data, issued_by, now) -> Certificate:
    for _attempt in range(5):  # a code collision is one in 10¹⁷: try another
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=code_generate(),
                    user=user,
                    course=course,
                    template=template,
                    template_revision_id=data.get("template_revision_id"),
                    data=data,
                    issued_at=now,
                    issued_by=issued_by,
                    badge_salt=secrets.token_hex(8),
                )
        except IntegrityError:
            existing = Certificate.objects.filter(
                user=user, course=course, state=Certificate.State.VALID
            ).first()
            if existing is not None:  # another request issued it meanwhile
                return existing
    raise CertificateError(_("Could not give the certificate a unique code."))


def _after_issue(certificate: Certificate) -> None:
    """Record the PDF rendering and the learner's e-mail in the outbox, in the
    issuing transaction (each once per certificate)."""
    course_figures_changed(course_ids=[certificate.course_id])
    outbox_message_create(
        kind=CERTIFICATE_PDF,
        payload={"certificate_id": str(certificate.pk)},
        dedup_key=f"certificate-pdf:{certificate.pk}",
    )
    certificate_issued_notify(certificate=certificate)


def certificate_rule_default_create(*, course: CoursePage) -> CertificateRule | None:
    """Give a new course its certificate rule: automatic, the default design, no
    minimum score (a certificate admin changes it in Certificats → Règles).

    Idempotent: an existing rule is returned unchanged. None when no design exists.
    """
    from certificates.selectors import certificate_template_default_get

    existing = certificate_rule_get(course=course)
    if existing is not None:
        return existing
    template = certificate_template_default_get(language=course.language)
    if template is None:
        logger.warning("No certificate design: course %s gets no rule", course.pk)
        return None
    try:
        with transaction.atomic():
            return CertificateRule.objects.create(
                course=course, template=template, mode=IssueMode.AUTOMATIC
            )
    except IntegrityError:  # created meanwhile by another request
        return certificate_rule_get(course=course)


@transaction.atomic
def certificate_issue(
    *,
    user: User,
    course: CoursePage,
    issued_by: User | None = None,
    now=None,
    lift_revocation: bool = False,
) -> Certificate:
    """Issue the course's certificate to the learner (idempotent: an existing valid
    certificate is returned). Raises CertificateError with the reason when the
    learner does not qualify (course not completed, score below the minimum, a
    revoked certificate…). ``lift_revocation``: a certificate admin confirmed this
    issue despite the learner's revoked certificate (the single issue page only)."""
    now = now or timezone.now()
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course=course).first()
    )
    existing = Certificate.objects.filter(
        user=user, course=course, state=Certificate.State.VALID
    ).first()
    if existing is not None:
        return existing
    rule = certificate_rule_get(course=course)
    refusal = certificate_eligibility_get(
        user=user, course=course, rule=rule, lift_revocation=lift_revocation
    ).refusal
    if refusal:
        raise CertificateError(refusal)
    data = _frozen_data(user=user, course=course, rule=rule, enrollment=enrollment)
    certificate = _create(
        user=user,
        course=course,
        template=rule.template,
        data=data,
        issued_by=issued_by,
        now=now,
    )
    if certificate.issued_at == now:
        _after_issue(certificate)
    return certificate


def certificate_auto_issue(*, user: User, course: CoursePage) -> Certificate | None:
    """Called when a learner completes a course: the certificate when the course's
    rule is automatic and the learner qualifies (the existing one if it was issued
    already); otherwise None."""
    rule = certificate_rule_get(course=course)
    if not rule_issues_automatically(rule):
        return None
    try:  # returns the certificate a concurrent event issued first, if any
        return certificate_issue(user=user, course=course)
    except CertificateError:
        return None


@transaction.atomic
def certificate_reissue(
    *, certificate: Certificate, issued_by: User, learner_name: str | None = None
) -> Certificate:
    """Replace a valid certificate by a new one (e.g. to correct the name).

    The old one becomes "superseded" and points at the new one, which gets a new code
    and the same completion date, score and hours.
    """
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.state != Certificate.State.VALID:
        raise CertificateError(_("Only a valid certificate can be re-issued."), 409)
    name = " ".join((learner_name or old.data.get("learner_name") or "").split())
    if not name:
        raise CertificateError(_("Give the name to print on the certificate."))
    data = dict(old.data)
    with translation.override(data.get("language") or "fr"):
        values = {
            key.removeprefix("value_"): value
            for key, value in data.items()
            if key.startswith("value_")
        }
        values["learner"] = name
        if "duration" not in values:  # issued before {duration} existed
            minutes = int(Decimal(data.get("hours") or 0) * 60)
            values["duration"] = duration_words(minutes)
        template = old.template
        refreshed = template_data(
            template, values, revision_id=data.get("template_revision_id")
        )
    data.update(body_html=refreshed["body_html"], value_learner=name, learner_name=name)
    now = timezone.now()
    old.state = Certificate.State.SUPERSEDED
    old.save(update_fields=["state"])
    new = Certificate.objects.create(
        code=code_generate(),
        user=old.user,
        course=old.course,
        template=old.template,
        template_revision_id=old.template_revision_id,
        data=data,
        issued_at=now,
        issued_by=issued_by,
        badge_salt=secrets.token_hex(8),
    )
    old.superseded_by = new
    old.save(update_fields=["superseded_by"])
    _after_issue(new)
    return new


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, revoked_by: User, reason: str
) -> Certificate:
    """Revoke a valid certificate, with the reason, who and when (not undone).

    The verification page, the PDF and the Open Badges assertion show it from then on
    (the stored PDF is dropped and rendered again, marked revoked).
    """
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Give the reason for the revocation."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.state != Certificate.State.VALID:
        raise CertificateError(
            _("This certificate is not valid: it cannot be revoked."), 409
        )
    locked.state = Certificate.State.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = revoked_by
    locked.revocation_reason = reason
    locked.save(
        update_fields=["state", "revoked_at", "revoked_by", "revocation_reason"]
    )
    _pdf_drop(locked)
    course_figures_changed(course_ids=[locked.course_id])
    return locked


def _pdf_drop(certificate: Certificate) -> None:
    """Forget the stored PDF (deleted after commit): the next download renders it
    again with the certificate's new state."""
    if certificate.pdf:
        name = certificate.pdf.name
        storage = certificate.pdf.storage
        transaction.on_commit(lambda: storage.delete(name))
        Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="")
        certificate.pdf, certificate.pdf_sha256 = "", ""


@transaction.atomic
def certificates_holder_leave(*, user: User, withdraw: bool, now=None) -> int:
    """Prepare the certificates of an account about to be deleted; returns how many.

    They stay (their ``user`` becomes empty when the account goes) and keep answering
    at their code with their frozen data. The recipient's e-mail is replaced by its
    salted hash, which is all the Open Badges assertion needs. With ``withdraw`` the
    valid ones become "withdrawn by the holder" (verification page, PDF and badge say
    so). Revoked and superseded certificates keep their state.
    """
    from certificates.badges import certificate_recipient_identity

    now = now or timezone.now()
    certificates = list(
        Certificate.objects.select_for_update().filter(user=user).order_by("pk")
    )
    for certificate in certificates:
        data = dict(certificate.data)
        data["recipient_identity"] = certificate_recipient_identity(certificate)
        data.pop("recipient_email", None)
        certificate.data = data
        fields = ["data"]
        if withdraw and certificate.state == Certificate.State.VALID:
            certificate.state = Certificate.State.WITHDRAWN
            certificate.withdrawn_at = now
            fields += ["state", "withdrawn_at"]
            _pdf_drop(certificate)
        certificate.save(update_fields=fields)
    course_figures_changed(course_ids=[c.course_id for c in certificates])
    return len(certificates)


def certificate_pdf_render(*, certificate: Certificate) -> bytes:
    """The certificate's PDF, rendered from its frozen data and stored with its
    SHA-256 checksum (idempotent)."""
    document = certificate_html(
        data=certificate.data, code=certificate.code, state=certificate.state
    )
    content = pdf_from_html(document)
    checksum = hashlib.sha256(content).hexdigest()
    name = f"certificates/{certificate.code}.pdf"
    storage = Certificate._meta.get_field("pdf").storage
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(content))
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=stored, pdf_sha256=checksum
    )
    certificate.pdf.name = stored
    certificate.pdf_sha256 = checksum
    return content


def certificate_pdf_get(*, certificate: Certificate) -> bytes:
    """The stored PDF when its checksum matches the one taken at rendering;
    otherwise (missing, damaged or never checked file) a new rendering from the
    frozen data, which replaces it."""
    if certificate.pdf and certificate.pdf_sha256:
        try:
            with certificate.pdf.open("rb") as handle:
                content = handle.read()
        except (FileNotFoundError, OSError):
            logger.warning("PDF of %s missing: rendering it again", certificate.code)
        else:
            if hashlib.sha256(content).hexdigest() == certificate.pdf_sha256:
                return content
            logger.warning(
                "PDF of %s does not match its checksum: rendering it again",
                certificate.code,
            )
    return certificate_pdf_render(certificate=certificate)


def certificate_issued_notify(*, certificate: Certificate) -> None:
    """E-mail the learner the verification link (through the outbox, once per
    certificate, after the transaction commits)."""
    user = certificate.user
    if user is None:  # the holder deleted their account: nobody to tell
        return
    language = preferred_language_get(user=user) or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "certificate": certificate,
            "name": certificate.data.get("learner_name"),
            "course": certificate.data.get("course_title"),
            "verification_url": verification_url(certificate.code),
            "dashboard_url": absolute_url(reverse("learners:dashboard")),
        }
        subject = _("Your certificate for “%(course)s”") % {"course": context["course"]}
        body = render_to_string("certificates/email/certificate_issued.txt", context)
    email_send(
        message=EmailMessage(subject=subject, body=body, to=[user.email]),
        dedup_key=f"certificate-issued-email:{certificate.pk}",
    )
