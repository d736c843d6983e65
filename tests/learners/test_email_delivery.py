"""Account e-mails go through the Celery queue, and survive a broker outage."""

import os
import time
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from kombu import pools

from config.celery import app
from learners.services import email_send


def _message():
    message = EmailMultiAlternatives(
        subject="Bienvenue sur Campus",
        body="Bonjour Awa,",
        from_email="campus@localhost",
        to=["awa@dakar.example"],
    )
    message.attach_alternative("<p>Bonjour Awa,</p>", "text/html")
    return message


def _drop_connections():
    """Forget pooled broker connections so that a new broker_url takes effect."""
    pools.reset()  # kombu keeps producer pools per connection URL, process-wide
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def _broker(url):
    """Point the app at a broker and switch eager mode off for the block."""
    # Celery reads CELERY_BROKER_URL from the environment before its own settings.
    saved = (
        app.conf.task_always_eager,
        app.conf.broker_url,
        os.environ.get("CELERY_BROKER_URL"),
    )
    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["CELERY_BROKER_URL"] = url
    _drop_connections()
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url, env_url = saved
        if env_url is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = env_url
        _drop_connections()


def _wait_for_outbox(count, seconds=30):
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_is_delivered_by_a_real_worker_through_redis():
    """The message crosses Redis as JSON and a worker sends it, HTML part included."""
    with _broker(os.environ["CELERY_BROKER_URL"]):
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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_is_sent_in_process_when_the_broker_is_down():
    """No broker answering: the mail is still sent, from the web process."""
    with _broker("redis://127.0.0.1:1/0"):
        email_send(message=_message())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"


@pytest.mark.django_db
def test_email_waits_for_the_transaction_to_commit(django_capture_on_commit_callbacks):
    """A mail about a write that rolls back is never sent."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email_send(message=_message())
    assert not mail.outbox
    assert len(callbacks) == 1
