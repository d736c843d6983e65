"""The outbox: written with its cause, delivered once, retried, then set aside."""

import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, transaction

from learners.models import Municipality
from outbox import registry
from outbox.models import OutboxMessage
from outbox.registry import handler_register
from outbox.services import (
    outbox_failed_retry,
    outbox_message_create,
    outbox_message_deliver,
    outbox_sweep,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 2, 28, 23, 59, tzinfo=UTC)


@pytest.fixture
def calls():
    """A test kind "tests.record" whose handler records each payload it gets."""
    received = []

    def record(payload):
        received.append(payload)

    registry._handlers["tests.record"] = record
    yield received
    registry._handlers.pop("tests.record", None)


@pytest.fixture
def failing():
    """A test kind "tests.fail" whose handler writes a row, then raises."""

    def fail(payload):
        Municipality.objects.create(name="Écrite puis annulée", country="SN")
        raise OSError("SMTP server said no")

    registry._handlers["tests.fail"] = fail
    yield
    registry._handlers.pop("tests.fail", None)


def _create(kind="tests.record", **kwargs):
    return outbox_message_create(kind=kind, payload={"n": 1}, **kwargs)


def test_message_is_delivered_in_process_right_after_commit_without_broker(
    calls, django_capture_on_commit_callbacks
):
    """Eager mode (make run): the handler runs once the cause commits, not before."""
    with django_capture_on_commit_callbacks(execute=True):
        message = _create()
        assert calls == []
    message.refresh_from_db()
    assert calls == [{"n": 1}]
    assert message.state == OutboxMessage.State.SENT
    assert message.attempts == 1 and message.sent_at is not None


def test_message_of_a_rolled_back_cause_is_neither_kept_nor_delivered(
    calls, django_capture_on_commit_callbacks
):
    """A cause that rolls back leaves no message and delivers nothing."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            _create()
            raise RuntimeError("the cause failed")
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert calls == []


def test_same_dedup_key_records_one_message(calls):
    """Two messages with one deduplication key: one row, delivered once."""
    first = _create(dedup_key="certificate-issued-email:1")
    second = _create(dedup_key="certificate-issued-email:1")
    assert first.pk == second.pk
    _create()
    _create()  # messages without a key are never merged
    assert OutboxMessage.objects.count() == 3


def test_unknown_kind_is_refused_when_written():
    """A kind nobody handles is a programming error, caught at the cause."""
    with pytest.raises(LookupError):
        outbox_message_create(kind="tests.nobody", payload={})


def test_a_second_handler_for_one_kind_is_refused(calls):
    """One kind, one handler."""
    with pytest.raises(ImproperlyConfigured):
        handler_register("tests.record", lambda payload: None)


def test_failing_delivery_is_retried_with_backoff_then_set_aside(failing, settings):
    """A failing handler's writes roll back; it is retried after 1, 2, 4… minutes
    and set aside after OUTBOX_MAX_ATTEMPTS, with the last error kept."""
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = _create(kind="tests.fail")
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=NOW)

    assert outbox_sweep(now=NOW) == 0
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING
    assert message.attempts == 1
    assert message.next_attempt_at == NOW + timedelta(minutes=1)
    assert message.last_error == "OSError: SMTP server said no"
    assert not Municipality.objects.filter(name="Écrite puis annulée").exists()

    outbox_sweep(now=NOW + timedelta(seconds=30))  # not due yet: untouched
    message.refresh_from_db()
    assert message.attempts == 1

    outbox_sweep(now=NOW + timedelta(minutes=1))
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at == NOW + timedelta(minutes=3)

    outbox_sweep(now=NOW + timedelta(minutes=3))
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED
    assert message.attempts == 3
    assert outbox_sweep(now=NOW + timedelta(days=1)) == 0  # set aside: left alone


def test_set_aside_messages_can_be_put_back_in_line(calls):
    """After fixing the cause, `outbox_deliver --retry-failed` delivers them."""
    message = _create()
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxMessage.State.FAILED, attempts=8, last_error="OSError: down"
    )
    out = StringIO()
    call_command("outbox_deliver", "--retry-failed", stdout=out)
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert calls == [{"n": 1}]
    assert "1 delivered" in out.getvalue()
    assert outbox_failed_retry() == 0


def test_sent_message_is_not_delivered_again(calls):
    """Delivering a sent message (a redelivered task, a late sweep) does nothing."""
    message = _create()
    assert outbox_message_deliver(message_id=message.pk) is True
    assert outbox_message_deliver(message_id=message.pk) is False
    assert outbox_sweep() == 0
    assert calls == [{"n": 1}]


def test_sweep_prunes_sent_messages_after_the_keeping_period(calls, settings):
    """Sent messages are kept OUTBOX_KEEP_SENT_DAYS, then deleted; pending ones stay."""
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    old, recent, waiting = _create(), _create(), _create()
    OutboxMessage.objects.filter(pk=old.pk).update(
        state=OutboxMessage.State.SENT, sent_at=NOW - timedelta(days=31)
    )
    OutboxMessage.objects.filter(pk=recent.pk).update(
        state=OutboxMessage.State.SENT, sent_at=NOW - timedelta(days=29)
    )
    OutboxMessage.objects.filter(pk=waiting.pk).update(
        next_attempt_at=NOW + timedelta(hours=1)
    )
    outbox_sweep(now=NOW)
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {
        recent.pk,
        waiting.pk,
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_and_sweep_racing_deliver_each_message_once():
    """A worker's task and the sweep delivering the same messages at the same
    moment: every handler runs exactly once (rows locked, state checked)."""
    received = []
    lock = threading.Lock()

    def slow(payload):
        time.sleep(0.05)  # hold the row while the other side tries it
        with lock:
            received.append(payload["n"])

    registry._handlers["tests.slow"] = slow
    try:
        # Rows as the cause's transaction leaves them (not yet delivered).
        ids = [
            OutboxMessage.objects.create(kind="tests.slow", payload={"n": n}).pk
            for n in range(20)
        ]
        start = threading.Barrier(3)

        def worker():
            start.wait()
            try:
                for message_id in ids:
                    outbox_message_deliver(message_id=message_id)
            finally:
                connection.close()

        def sweep():
            start.wait()
            try:
                outbox_sweep()
            finally:
                connection.close()

        threads = [threading.Thread(target=t) for t in (worker, sweep, sweep)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        registry._handlers.pop("tests.slow", None)
    assert sorted(received) == list(range(20))
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"sent"}
