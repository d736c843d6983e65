"""A real Celery worker consuming the outbox's tasks from Redis (CI, marked redis)."""

import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from certificates.models import Certificate
from config.celery import app
from learners.services import email_send
from outbox.models import OutboxMessage
from outbox.tasks import outbox_sweep_task
from tests.certificates.conftest import complete
from tests.learners.test_email_delivery import _message
from tests.redis_server import celery_broker

pytestmark = [
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _wait_until_all_sent(count, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if OutboxMessage.objects.filter(state="sent").count() >= count:
            return
        time.sleep(0.2)


def test_a_real_worker_delivers_the_certificate_pdf_and_email_then_sweeps(
    course, learner, settings, tmp_path
):
    """Completing a course: a worker fed by Redis renders the PDF and sends the
    e-mail; a message the broker never carried is delivered by the sweep task."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with celery_broker("redis://127.0.0.1:1/0"):  # nobody listens there
        email_send(message=_message())
    assert OutboxMessage.objects.get().state == OutboxMessage.State.PENDING

    with celery_broker(os.environ["CELERY_BROKER_URL"], settings):
        app.control.purge()  # leftovers of an earlier run must not be counted
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10
        ):
            complete(learner, course)  # autocommit: each write commits at once
            _wait_until_all_sent(2)
            outbox_sweep_task.delay()
            _wait_until_all_sent(3)
    certificate = Certificate.objects.get(user=learner, course=course)
    assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2
    assert subjects[0] == "Bienvenue sur Campus"
    assert "Finances locales" in subjects[1]
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"sent"}
