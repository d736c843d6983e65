"""Account e-mails go through the outbox and Celery, and survive a broker outage."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from config.celery import app
from learners.services import email_send
from outbox.models import OutboxMessage
from outbox.services import outbox_sweep
from tests.redis_server import celery_broker


def _message():
    message = EmailMultiAlternatives(
        subject="Bienvenue sur Campus",
        body="Bonjour Awa,",
        from_email="campus@localhost",
        to=["awa@dakar.example"],
    )
    message.attach_alternative("<p>Bonjour Awa,</p>", "text/html")
    return message


def _wait_for_outbox(count, seconds=30):
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_is_delivered_by_a_real_worker_through_redis():
    """The message crosses Redis as JSON and a worker sends it, HTML part included."""
    with celery_broker(os.environ["CELERY_BROKER_URL"]):
        app.control.purge()  # leftovers of an earlier run must not be counted
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10
        ):
            email_send(message=_message())  # outside atomic: on_commit runs at once
            _wait_for_outbox(1)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Bienvenue sur Campus"
    assert sent.to == ["awa@dakar.example"]
    assert sent.alternatives[0][0] == "<p>Bonjour Awa,</p>"
    assert OutboxMessage.objects.get().state == OutboxMessage.State.SENT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_waits_in_the_outbox_while_the_broker_is_down():
    """No broker answering: the mail is kept, and the sweep sends it later, once."""
    with celery_broker("redis://127.0.0.1:1/0"):
        email_send(message=_message())
    assert not mail.outbox
    assert OutboxMessage.objects.get().state == OutboxMessage.State.PENDING
    assert outbox_sweep() == 1
    assert outbox_sweep() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"


@pytest.mark.django_db
def test_email_waits_for_the_transaction_to_commit(django_capture_on_commit_callbacks):
    """A mail about a write that rolls back is never sent."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email_send(message=_message())
    assert not mail.outbox
    assert len(callbacks) == 1
    assert OutboxMessage.objects.get().state == OutboxMessage.State.PENDING
