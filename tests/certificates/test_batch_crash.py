"""A certificate batch survives a worker killed with SIGKILL mid-batch and a broker
that comes back without its message: the periodic sweep (Celery beat) queues it
again and it ends complete, each learner processed once.

A real worker process (tests/certificates/batch_worker.py, i.e. ``celery -A config
worker`` with each learner slowed down) consumes from a redis-server this test
starts on a free port, against the PostgreSQL test database.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

from certificates.batches import certificate_batch_create
from certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateBatchItem,
    CertificateRule,
    CertificateTemplate,
    IssueMode,
)
from tests.certificates.conftest import complete
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory
from tests.redis_server import RedisServer, celery_broker

ROOT = Path(__file__).resolve().parents[2]
LEARNERS = 15


def _until(condition, seconds: float, what: str):
    """Wait for ``condition()`` to be true (a deadline so that a broken run fails
    instead of hanging; not a performance limit)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


@contextmanager
def _redis_server(tmp_path):
    """Our own redis-server (never the machine's shared one): its URL and a client."""
    server = RedisServer(tmp_path)
    try:
        yield server.url(0), redis.Redis(port=server.port)
    finally:
        server.shutdown()


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _worker(broker_url, tmp_path, name, *extra, env=None):
    """Start a worker in its own process group (beat, if embedded, dies with it)."""
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 (closed by the OS)
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "certificates" / "batch_worker.py"),
            "--pool=solo",
            "--loglevel=INFO",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            f"--hostname={name}@%h",
            *extra,
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": broker_url,
            "BATCH_ITEM_DELAY": "0.2",
            **(env or {}),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _kill(process):
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _processed(batch_id, worker) -> int:
    """Items processed; fails at once if the worker died on its own."""
    assert worker.poll() is None, "the worker exited: see its log in tmp_path"
    return (
        CertificateBatchItem.objects.filter(batch_id=batch_id)
        .exclude(outcome="pending")
        .count()
    )


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_batch_killed_mid_way_and_lost_by_the_broker_ends_complete(tmp_path):
    """SIGKILL at "3/15", broker emptied, worker restarted with beat: 15 of 15, each
    learner issued exactly one certificate."""
    design = CertificateTemplate.objects.get(name="Campus — modèle français")
    course = course_create(title="Finances locales", modules=1, lessons_per_module=1)
    CertificateRule.objects.update_or_create(
        course=course, defaults={"template": design, "mode": IssueMode.MANUAL}
    )
    learners = [ProfileFactory().user for _ in range(LEARNERS)]
    for user in learners:
        complete(user, course)
    assert not Certificate.objects.exists()

    with (
        _redis_server(tmp_path) as (broker_url, redis_client),
        celery_broker(broker_url),
    ):
        first = _worker(broker_url, tmp_path, "first")
        try:
            batch = certificate_batch_create(course=course, requested_by=None)
            at_kill = _until(lambda: _processed(batch.pk, first) >= 3, 120, "3/15")
            assert at_kill
        finally:
            _kill(first)
        stuck = CertificateBatch.objects.get(pk=batch.pk)
        assert stuck.state == CertificateBatch.State.RUNNING
        assert 3 <= stuck.processed < LEARNERS
        print(f"\nkilled at {stuck.processed}/{stuck.total}")

        redis_client.flushall()  # our own server: the broker lost the message

        restarted_at = time.monotonic()
        second = _worker(
            broker_url,
            tmp_path,
            "second",
            "--beat",
            f"--schedule={tmp_path / 'beat-schedule'}",
            env={
                "CERTIFICATE_BATCH_SWEEP_SECONDS": "1",
                "CERTIFICATE_BATCH_STALE_SECONDS": "2",
            },
        )
        try:
            _until(
                lambda: _processed(batch.pk, second) > stuck.processed,
                180,
                "the batch resumed",
            )
            resumed_after = time.monotonic() - restarted_at
            _until(lambda: _processed(batch.pk, second) == LEARNERS, 180, "15/15")
            done_after = time.monotonic() - restarted_at
        finally:
            _kill(second)
    print(
        f"resumed {resumed_after:.1f} s after the worker restarted, "
        f"complete after {done_after:.1f} s"
    )

    batch = CertificateBatch.objects.get(pk=batch.pk)
    assert batch.state == CertificateBatch.State.DONE
    assert (batch.total, batch.issued, batch.skipped) == (LEARNERS, LEARNERS, 0)
    for user in learners:
        assert Certificate.objects.filter(user=user, course=course).count() == 1
        assert batch.items.filter(user=user).count() == 1
