"""Certificate batches: what a batch would do, recording one, and running it.

A batch issues a course's certificate to every learner who qualifies, or to a chosen
list. It runs in a Celery task (``certificate_batch_task``) or, from the command
line, in the calling process. Each learner is processed in a transaction of its own
that writes the certificate and the batch's progress together, so the progress page
sees every step, and a run stopped half-way continues where it left off: a learner
already in the report is never processed twice.
"""

import contextlib
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates.models import CertificateBatch
from certificates.selectors import (
    certificate_refusal_get,
    certificate_rule_get,
    qualifying_learner_list,
)
from certificates.services import CertificateError, certificate_issue
from courses.models import CoursePage
from learners.models import User

logger = logging.getLogger(__name__)

#: Outcomes recorded in ``CertificateBatch.report`` (fixed words, read by scripts).
ISSUED = "issued"
SKIPPED = "skipped"

_LEARNER_ORDER = ("last_name", "first_name", "email")


def _learners(*, course: CoursePage, user_ids: list[int] | None) -> list[User]:
    if user_ids is None:
        return qualifying_learner_list(course=course)
    return list(User.objects.filter(pk__in=user_ids).order_by(*_LEARNER_ORDER))


def learner_label(user: User) -> str:
    """How a learner appears in a report: "Name <email>" (the e-mail alone if no name)."""
    name = user.get_full_name().strip()
    return f"{name} <{user.email}>" if name else f"<{user.email}>"


def certificate_batch_plan(
    *, course: CoursePage, user_ids: list[int] | None = None
) -> list[tuple[User, str | None]]:
    """What a batch would do now, writing nothing: each learner with the reason they
    would be skipped (None: they would get a certificate).

    ``user_ids`` None means every learner who completed the course and holds no
    valid certificate for it; otherwise those learners (unknown ids are left out).
    """
    rule = certificate_rule_get(course=course)
    return [
        (user, certificate_refusal_get(user=user, course=course, rule=rule))
        for user in _learners(course=course, user_ids=user_ids)
    ]


def _batch_enqueue(batch_id: int) -> None:
    from certificates.tasks import certificate_batch_task

    try:
        certificate_batch_task.delay(batch_id)
    except Exception:  # broker down: the batch must not wait for it
        logger.warning(
            "Broker unavailable; running certificate batch %s in-process",
            batch_id,
            exc_info=True,
        )
        certificate_batch_run(batch_id=batch_id)


def certificate_batch_create(
    *,
    course: CoursePage,
    requested_by: User | None,
    user_ids: list[int] | None = None,
    synchronous: bool = False,
) -> CertificateBatch:
    """Record a batch for the course and start it.

    ``user_ids`` None: every learner who qualifies when the batch runs; a list: those
    learners (CertificateError when it is empty). The run is queued to Celery once
    the row is committed, and done in this process when the broker cannot be
    reached; ``synchronous`` runs it here at once (the command line) and returns the
    finished batch.
    """
    if user_ids is not None:
        user_ids = sorted({int(user_id) for user_id in user_ids})
        if not user_ids:
            raise CertificateError(_("Choose at least one learner."))
    with transaction.atomic():
        batch = CertificateBatch.objects.create(
            course=course,
            requested_by=requested_by,
            user_ids=user_ids,
            total=len(user_ids)
            if user_ids is not None
            else len(qualifying_learner_list(course=course)),
        )
        if not synchronous:
            batch_id = batch.pk
            transaction.on_commit(lambda: _batch_enqueue(batch_id))
    if synchronous:
        return certificate_batch_run(batch_id=batch.pk)
    return batch


def _report_language(user: User | None):
    """Reasons are written in the requester's admin language (the current one from
    the command line)."""
    if user is None:
        return contextlib.nullcontext()
    from wagtail.users.models import UserProfile

    chosen = (
        UserProfile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
    )
    return translation.override(chosen or settings.LANGUAGE_CODE)


def _entry(user: User) -> dict:
    return {
        "user_id": user.pk,
        "name": user.get_full_name().strip(),
        "email": user.email,
    }


def _learner_process(*, batch_id: int, user: User) -> None:
    """Issue one learner's certificate, or record why not, with the batch's progress
    in the same transaction."""
    with transaction.atomic():
        batch = (
            CertificateBatch.objects.select_for_update(of=("self",))
            .select_related("course", "requested_by")
            .get(pk=batch_id)
        )
        if any(item.get("user_id") == user.pk for item in batch.report):
            return  # another run of the same batch got here first
        entry = _entry(user)
        now = timezone.now()
        try:
            with transaction.atomic():
                refusal = certificate_refusal_get(user=user, course=batch.course)
                if refusal:
                    raise CertificateError(refusal)
                certificate = certificate_issue(
                    user=user,
                    course=batch.course,
                    issued_by=batch.requested_by,
                    now=now,
                )
                if certificate.issued_at != now:  # issued by someone else meanwhile
                    raise CertificateError(
                        _("Already holds a valid certificate for this course.")
                    )
        except CertificateError as error:
            entry.update(outcome=SKIPPED, reason=str(error))
            batch.skipped += 1
        except Exception:
            # One learner's failure must not stop the others; it is logged in full.
            logger.exception("Certificate batch %s: learner %s failed", batch_id, user)
            entry.update(
                outcome=SKIPPED,
                reason=_("Unexpected error: no certificate was issued. Try again."),
            )
            batch.skipped += 1
        else:
            entry.update(
                outcome=ISSUED,
                code=certificate.code,
                certificate_id=str(certificate.pk),
            )
            batch.issued += 1
        batch.report = [*batch.report, entry]
        batch.processed += 1
        batch.save(update_fields=["report", "processed", "issued", "skipped"])


def _missing_learner_record(*, batch_id: int, user_id: int) -> None:
    with transaction.atomic():
        batch = CertificateBatch.objects.select_for_update().get(pk=batch_id)
        if any(item.get("user_id") == user_id for item in batch.report):
            return
        batch.report = [
            *batch.report,
            {
                "user_id": user_id,
                "name": "",
                "email": "",
                "outcome": SKIPPED,
                "reason": _("This learner's account no longer exists."),
            },
        ]
        batch.processed += 1
        batch.skipped += 1
        batch.save(update_fields=["report", "processed", "skipped"])


def certificate_batch_run(*, batch_id: int) -> CertificateBatch:
    """Run the batch to the end and return it (state "done").

    Idempotent and resumable: a finished batch is returned as it is, and learners
    already in the report are not processed again. A learner who does not qualify
    is recorded as skipped with the reason. Raises CertificateBatch.DoesNotExist.
    """
    batch = CertificateBatch.objects.select_related("course", "requested_by").get(
        pk=batch_id
    )
    if batch.state == CertificateBatch.State.DONE:
        return batch
    with _report_language(batch.requested_by):
        done = {item.get("user_id") for item in batch.report}
        learners = [
            user
            for user in _learners(course=batch.course, user_ids=batch.user_ids)
            if user.pk not in done
        ]
        found = {user.pk for user in learners}
        missing = [
            user_id
            for user_id in batch.user_ids or []
            if user_id not in found and user_id not in done
        ]
        CertificateBatch.objects.filter(pk=batch_id).update(
            state=CertificateBatch.State.RUNNING,
            total=len(done) + len(learners) + len(missing),
        )
        for user in learners:
            _learner_process(batch_id=batch_id, user=user)
        for user_id in missing:
            _missing_learner_record(batch_id=batch_id, user_id=user_id)
    CertificateBatch.objects.filter(pk=batch_id).exclude(
        state=CertificateBatch.State.DONE
    ).update(state=CertificateBatch.State.DONE, finished_at=timezone.now())
    return CertificateBatch.objects.select_related("course", "requested_by").get(
        pk=batch_id
    )


__all__ = [
    "ISSUED",
    "SKIPPED",
    "certificate_batch_create",
    "certificate_batch_plan",
    "certificate_batch_run",
    "learner_label",
]
