"""A hung broker (Redis under SIGSTOP) delays side effects but never loses them."""

import json
import time

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from courses.models import LessonPage
from learners.services import enrollment_create, step_complete
from outbox.models import OutboxMessage
from outbox.services import outbox_sweep
from tests.redis_server import celery_broker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _publish_bound_seconds() -> float:
    """The longest a publish can wait on a broker that accepts but never answers:
    each try waits at most the socket timeout, and there are 1 + max_retries tries."""
    options = django_settings.CELERY_BROKER_TRANSPORT_OPTIONS
    policy = django_settings.CELERY_TASK_PUBLISH_RETRY_POLICY
    per_try = max(options["socket_timeout"], options["socket_connect_timeout"])
    tries = 1 + policy["max_retries"]
    return per_try * tries + policy["interval_max"] * policy["max_retries"]


def test_publishing_to_a_hung_broker_is_bounded_to_about_two_seconds():
    """Socket timeouts and the publish retry policy stop a publish within ~2 s."""
    assert django_settings.CELERY_BROKER_CONNECTION_TIMEOUT <= 1
    assert _publish_bound_seconds() <= 1.5


def test_completing_a_course_with_a_hung_broker_redirects_and_delivers_later(
    client, course, learner, redis_server, settings, django_capture_on_commit_callbacks
):
    """Hung broker: the last lesson answers a redirect, the certificate e-mail and
    PDF wait in the outbox, and the sweep delivers each exactly once afterwards."""
    enrollment_create(user=learner, course=course)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    for lesson in lessons[:-1]:
        step_complete(user=learner, page=lesson)
    client.force_login(learner)
    with celery_broker(redis_server.url(0), settings):
        redis_server.stop()
        started = time.monotonic()
        with django_capture_on_commit_callbacks() as callbacks:
            response = client.post(
                reverse("learners:step_complete", args=[lessons[-1].pk])
            )
        written = time.monotonic()
        for callback in callbacks:  # what runs after the commit: the publishes
            callback()
        done = time.monotonic()
        print(
            f"\nlast lesson with a hung broker answered in {done - started:.2f} s "
            f"(view {written - started:.2f} s, publishing {done - written:.2f} s)"
        )
    assert response.status_code == 302
    assert response["Location"] == course.url
    certificate = Certificate.objects.get(user=learner, course=course)
    # The publish gave up (that is what let the request return): both side
    # effects are recorded, untried, for the sweep.
    pending = OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING)
    assert sorted(pending.values_list("kind", "attempts")) == [
        ("certificates.pdf", 0),
        ("learners.email", 0),
    ]
    assert not mail.outbox
    assert not certificate.pdf

    redis_server.resume()
    assert outbox_sweep() == 2
    assert outbox_sweep() == 0  # a second sweep finds nothing to do
    certificate.refresh_from_db()
    assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
    assert len(mail.outbox) == 1
    assert f"/v/{certificate.code}/" in mail.outbox[0].body
    assert not OutboxMessage.objects.exclude(state=OutboxMessage.State.SENT).exists()


def test_health_answers_503_with_a_hung_broker(client, redis_server, settings):
    """Hung broker: /health/ answers 503 (broker "timeout" or "error"), bounded by
    the check deadline, and says nothing about the broker's address to anonymous
    callers."""
    assert settings.HEALTH_CHECK_TIMEOUT <= 2
    with celery_broker(redis_server.url(0), settings):
        redis_server.stop()
        started = time.monotonic()
        response = client.get("/health/")
        elapsed = time.monotonic() - started
        print(f"\n/health/ with a hung broker answered in {elapsed:.2f} s")
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["checks"]["broker"] in ({"status": "timeout"}, {"status": "error"})
    assert data["checks"]["database"] == {"status": "ok"}
    assert str(redis_server.port) not in response.content.decode()
