"""Certificate batches: what a batch would do, recording one, running and resuming it.

A batch issues a course's certificate to every learner who qualifies, or to a chosen
list. Its learners are written as items (pending) when it is created; a run
(``certificate_batch_task`` in a Celery worker, or the calling process from the
command line) processes the pending items one by one, each in a transaction of its
own that writes the certificate and the item's outcome together. So a run killed
half-way leaves every learner either done (never processed again) or pending
(processed by the next run), and the batch's state and progress are counted from the
items. Unfinished batches are queued again by a periodic sweep
(``certificate_batch_sweep_task`` under Celery beat) and by the "Resume" button.
"""

import contextlib
import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateBatch, CertificateBatchItem
from certificates.selectors import (
    certificate_eligibility_get,
    certificate_rule_get,
    qualifying_learner_list,
)
from certificates.services import CertificateError, certificate_issue
from courses.models import CoursePage
from learners.models import User

logger = logging.getLogger(__name__)

#: Outcomes of a batch's items (fixed words, read by scripts).
ISSUED = CertificateBatchItem.Outcome.ISSUED.value
SKIPPED = CertificateBatchItem.Outcome.SKIPPED.value
BLOCKED = CertificateBatchItem.Outcome.BLOCKED.value
PENDING = CertificateBatchItem.Outcome.PENDING.value

_LEARNER_ORDER = ("last_name", "first_name", "email")


def _learners(*, course: CoursePage, user_ids: list[int] | None) -> list[User]:
    if user_ids is None:
        return qualifying_learner_list(course=course)
    return list(User.objects.filter(pk__in=user_ids).order_by(*_LEARNER_ORDER))


def learner_label(user: User) -> str:
    """How a learner appears in a report: "Name <email>" (the e-mail alone if no name)."""
    name = user.get_full_name().strip()
    return f"{name} <{user.email}>" if name else f"<{user.email}>"


class PlanEntry(NamedTuple):
    """One learner of a batch preview: ``reason`` None means they would get a
    certificate; ``revoked`` is the revoked certificate that blocks them, if any."""

    user: User
    reason: str | None
    revoked: Certificate | None = None


def certificate_batch_plan(
    *, course: CoursePage, user_ids: list[int] | None = None
) -> list[PlanEntry]:
    """What a batch would do now, writing nothing: each learner with the reason they
    would be skipped (None: they would get a certificate) and the revoked
    certificate that blocks them, if that is the reason.

    ``user_ids`` None means every learner who completed the course and holds no
    valid certificate for it; otherwise those learners (unknown ids are left out).
    """
    rule = certificate_rule_get(course=course)
    entries = []
    for user in _learners(course=course, user_ids=user_ids):
        eligibility = certificate_eligibility_get(user=user, course=course, rule=rule)
        entries.append(PlanEntry(user, eligibility.refusal, eligibility.revoked))
    return entries


def _batch_enqueue(batch_id: int) -> None:
    """Queue a run of the batch (the caller's transaction must be committed); run it
    here when the broker cannot be reached."""
    from certificates.tasks import certificate_batch_task

    CertificateBatch.objects.filter(pk=batch_id).update(enqueued_at=timezone.now())
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
    """Record a batch for the course, with one pending item per learner, and start it.

    ``user_ids`` None: every learner who qualifies now (see
    ``qualifying_learner_list``); a list: those learners (CertificateError when it is
    empty; unknown ids are left out). The run is queued to Celery once the rows are
    committed, and done in this process when the broker cannot be reached;
    ``synchronous`` runs it here at once (the command line) and returns the finished
    batch.
    """
    if user_ids is not None:
        user_ids = sorted({int(user_id) for user_id in user_ids})
        if not user_ids:
            raise CertificateError(_("Choose at least one learner."))
    with transaction.atomic():
        batch = CertificateBatch.objects.create(
            course=course, requested_by=requested_by, user_ids=user_ids
        )
        CertificateBatchItem.objects.bulk_create(
            [
                CertificateBatchItem(
                    batch=batch,
                    user=user,
                    name=user.get_full_name().strip(),
                    email=user.email,
                )
                for user in _learners(course=course, user_ids=user_ids)
            ]
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


def _item_process(*, batch: CertificateBatch, item_id: int) -> None:
    """Issue one item's certificate, or record why not, with the item's outcome in
    the same transaction; an item another run has done meanwhile is left alone."""
    with transaction.atomic():
        item = (
            CertificateBatchItem.objects.select_for_update(of=("self",))
            .filter(pk=item_id, outcome=PENDING)
            .first()
        )
        if item is None:
            return  # another run of the same batch got here first
        now = timezone.now()
        user = User.objects.filter(pk=item.user_id).first() if item.user_id else None
        eligibility = None
        try:
            with transaction.atomic():
                if user is None:
                    raise CertificateError(
                        _("This learner's account no longer exists.")
                    )
                eligibility = certificate_eligibility_get(
                    user=user, course=batch.course
                )
                if eligibility.refusal:
                    raise CertificateError(eligibility.refusal)
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
            revoked = eligibility.revoked if eligibility else None
            item.outcome = BLOCKED if revoked else SKIPPED
            item.revoked_certificate = revoked
            item.reason = str(error)
        except Exception:
            # One learner's failure must not stop the others; it is logged in full.
            logger.exception(
                "Certificate batch %s: learner %s failed", batch.pk, item.user_id
            )
            item.outcome = SKIPPED
            item.reason = _("Unexpected error: no certificate was issued. Try again.")
        else:
            item.outcome = ISSUED
            item.certificate = certificate
        item.processed_at = now
        item.save(
            update_fields=[
                "outcome",
                "reason",
                "certificate",
                "revoked_certificate",
                "processed_at",
            ]
        )


def certificate_batch_run(*, batch_id: int) -> CertificateBatch:
    """Process the batch's pending items and return it (done, unless another run
    still holds some of them).

    Idempotent and resumable: a finished batch is returned as it is, and each
    learner is processed once, whatever the number of runs, crashes or concurrent
    runs. A learner who does not qualify is recorded as skipped with the reason.
    Raises CertificateBatch.DoesNotExist.
    """
    batch = CertificateBatch.objects.select_related("course", "requested_by").get(
        pk=batch_id
    )
    pending = list(
        batch.items.filter(outcome=PENDING).order_by("pk").values_list("pk", flat=True)
    )
    with _report_language(batch.requested_by):
        for item_id in pending:
            _item_process(batch=batch, item_id=item_id)
    return CertificateBatch.objects.select_related("course", "requested_by").get(
        pk=batch_id
    )


def certificate_batch_resume(*, batch: CertificateBatch) -> bool:
    """Queue a new run of an unfinished batch (the "Resume" button); False when the
    batch is done already. Safe while another run is still going: each learner is
    processed once."""
    if not batch.items.filter(outcome=PENDING).exists():
        return False
    batch_id = batch.pk
    transaction.on_commit(lambda: _batch_enqueue(batch_id))
    return True


def stale_batch_list(*, now=None) -> list[CertificateBatch]:
    """Unfinished batches nothing has moved for ``CERTIFICATE_BATCH_STALE_SECONDS``
    (no item processed, no run queued): their run died or its message was lost."""
    now = now or timezone.now()
    threshold = now - timedelta(seconds=settings.CERTIFICATE_BATCH_STALE_SECONDS)
    return list(
        CertificateBatch.objects.filter(
            Exists(
                CertificateBatchItem.objects.filter(
                    batch=OuterRef("pk"), outcome=PENDING
                )
            )
        )
        .annotate(
            last_activity=Greatest(
                "created_at",
                Coalesce("enqueued_at", "created_at"),
                Coalesce(Max("items__processed_at"), "created_at"),
            )
        )
        .filter(last_activity__lt=threshold)
        .order_by("created_at")
    )


def certificate_batch_sweep(*, now=None) -> list[int]:
    """Queue again every stale unfinished batch (Celery beat runs this every
    ``CERTIFICATE_BATCH_SWEEP_SECONDS``); returns their ids."""
    resumed = []
    for batch in stale_batch_list(now=now):
        logger.warning("Certificate batch %s was stuck: queued again", batch.pk)
        _batch_enqueue(batch.pk)
        resumed.append(batch.pk)
    return resumed


__all__ = [
    "BLOCKED",
    "ISSUED",
    "PENDING",
    "SKIPPED",
    "PlanEntry",
    "certificate_batch_create",
    "certificate_batch_plan",
    "certificate_batch_resume",
    "certificate_batch_run",
    "certificate_batch_sweep",
    "learner_label",
    "stale_batch_list",
]
