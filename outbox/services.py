"""Writing outbox messages with their cause, and delivering them exactly once.

``outbox_message_create`` records a side effect in the caller's transaction and, once
that transaction commits, asks a Celery worker to deliver it (publishing with the
broker's short timeouts: a hung broker costs the request about a second, never an
error). Without a broker (``make run``, eager mode) the message is delivered in this
process right after the commit. Whatever could not be published, or failed, is
delivered by ``outbox_sweep`` (Celery beat, every minute).

Delivery locks the message row (``select_for_update(skip_locked=True)`` on
PostgreSQL) and checks its state, so a worker and the sweep never deliver one
message twice; a failing handler is retried with back-off, then set aside.
"""

import logging
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from outbox.models import OutboxMessage
from outbox.registry import handler_get
from outbox.selectors import outbox_due_ids_get

logger = logging.getLogger(__name__)

#: After a publish fails, this process stops trying the broker for this long and
#: leaves new messages to the sweep, so that one request with several messages (or
#: the next requests) does not wait for the broker's timeout again and again.
PUBLISH_PAUSE_SECONDS = 30
_publish_paused_until = 0.0


def _max_attempts() -> int:
    return getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)


def outbox_retry_delay(attempts: int) -> timedelta:
    """Wait before the next attempt after ``attempts`` failures: 1, 2, 4 … minutes,
    at most an hour (8 attempts span about 3 hours)."""
    return timedelta(seconds=min(60 * 2 ** (attempts - 1), 3600))


def outbox_message_create(
    *, kind: str, payload: dict, dedup_key: str | None = None
) -> OutboxMessage:
    """Record a side effect in the current transaction; it is delivered once the
    transaction commits (and never if it rolls back).

    With a ``dedup_key`` already recorded, nothing new is written and the existing
    message is returned (so "the e-mail for certificate X" exists once, also under
    concurrent callers: the unique constraint decides).
    """
    if handler_get(kind) is None:
        raise LookupError(f"No outbox handler is registered for {kind!r}.")
    if dedup_key:
        existing = OutboxMessage.objects.filter(dedup_key=dedup_key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                message = OutboxMessage.objects.create(
                    kind=kind, payload=payload, dedup_key=dedup_key
                )
        except IntegrityError:
            return OutboxMessage.objects.get(dedup_key=dedup_key)
    else:
        message = OutboxMessage.objects.create(kind=kind, payload=payload)
    transaction.on_commit(
        partial(outbox_message_publish, message_id=message.pk), robust=True
    )
    return message


def outbox_message_publish(*, message_id: int) -> None:
    """Hand a committed message to a worker; never raises.

    In eager mode (no broker) it is delivered here and now. When the broker does not
    answer within its timeouts, the message stays pending for the sweep.
    """
    global _publish_paused_until
    from outbox.tasks import outbox_deliver_task

    if outbox_deliver_task.app.conf.task_always_eager:
        try:
            outbox_message_deliver(message_id=message_id)
        except Exception:  # e.g. the database went away: the sweep will retry
            logger.exception("Outbox message %s not delivered in-process", message_id)
        return
    if time.monotonic() < _publish_paused_until:
        return
    try:
        outbox_deliver_task.apply_async((message_id,))
    except Exception:
        _publish_paused_until = time.monotonic() + PUBLISH_PAUSE_SECONDS
        logger.warning(
            "Broker unavailable: outbox message %s left for the sweep",
            message_id,
            exc_info=True,
        )


def outbox_message_deliver(*, message_id: int, now=None) -> bool:
    """Deliver one pending message once; returns whether it was delivered now.

    A message that is sent already, set aside, gone, or being delivered by another
    process (its row is locked) is left alone. A handler that raises rolls back its
    own writes; the message is retried later with back-off, and set aside after
    ``OUTBOX_MAX_ATTEMPTS`` attempts.
    """
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state=OutboxMessage.State.PENDING)
            .first()
        )
        if message is None:
            return False
        now = now or timezone.now()
        message.attempts += 1
        handler = handler_get(message.kind)
        try:
            if handler is None:
                raise LookupError(f"no handler registered for {message.kind!r}")
            with transaction.atomic():
                handler(message.payload)
        except Exception as exc:
            message.last_error = f"{type(exc).__name__}: {exc}"[:4000]
            if message.attempts >= _max_attempts():
                message.state = OutboxMessage.State.FAILED
                logger.error(
                    "Outbox message %s (%s) set aside after %s attempts: %s",
                    message.pk,
                    message.kind,
                    message.attempts,
                    message.last_error,
                )
            else:
                message.next_attempt_at = now + outbox_retry_delay(message.attempts)
                logger.warning(
                    "Outbox message %s (%s) failed, retry at %s: %s",
                    message.pk,
                    message.kind,
                    message.next_attempt_at,
                    message.last_error,
                )
            message.save(
                update_fields=["attempts", "last_error", "state", "next_attempt_at"]
            )
            return False
        message.state = OutboxMessage.State.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "state", "sent_at"])
        return True


def outbox_sweep(*, now=None, limit: int = 500) -> int:
    """Deliver every pending message that is due (those the broker never carried,
    and retries); prune sent messages older than ``OUTBOX_KEEP_SENT_DAYS``.
    Returns how many were delivered."""
    now = now or timezone.now()
    delivered = 0
    for message_id in outbox_due_ids_get(now=now, limit=limit):
        delivered += outbox_message_deliver(message_id=message_id, now=now)
    keep = timedelta(days=getattr(settings, "OUTBOX_KEEP_SENT_DAYS", 30))
    OutboxMessage.objects.filter(
        state=OutboxMessage.State.SENT, sent_at__lt=now - keep
    ).delete()
    return delivered


@transaction.atomic
def outbox_failed_retry(*, now=None) -> int:
    """Put every message that was set aside back in line (after fixing its cause,
    e.g. the SMTP password); returns how many."""
    return OutboxMessage.objects.filter(state=OutboxMessage.State.FAILED).update(
        state=OutboxMessage.State.PENDING,
        attempts=0,
        next_attempt_at=now or timezone.now(),
    )
