"""Migration 0005: the JSON reports of existing batches become items, and an
unfinished batch gets its remaining learners as pending items (the sweep ends it)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from certificates.models import CertificateBatch
from tests.certificates.conftest import complete
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory

BEFORE = [("certificates", "0004_batch_items_and_pdf_checksum")]


def _migrate(targets=None):
    """Migrate to ``targets``, or forward to the latest migrations (None)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_batch_reports_become_items_and_unfinished_ones_can_finish():
    """A done batch keeps its report; a "running 1/2" batch gets its second learner
    pending."""
    course = course_create(title="Finances locales", modules=1, lessons_per_module=1)
    awa, youssef = ProfileFactory().user, ProfileFactory().user
    complete(awa, course)
    complete(youssef, course)
    old = _migrate(BEFORE)
    Batch = old.get_model("certificates", "CertificateBatch")
    entry = {
        "user_id": awa.pk,
        "name": "Awa",
        "email": awa.email,
        "outcome": "skipped",
        "reason": "Déjà titulaire",
    }
    now = timezone.now()
    done = Batch.objects.create(
        course_id=course.pk,
        state="done",
        total=1,
        processed=1,
        skipped=1,
        report=[entry],
        finished_at=now,
    )
    running = Batch.objects.create(
        course_id=course.pk,
        state="running",
        user_ids=[awa.pk, youssef.pk],
        total=2,
        processed=1,
        skipped=1,
        report=[entry],
    )
    _migrate()  # 0005 and every later migration: the models as they are now
    done = CertificateBatch.objects.get(pk=done.pk)
    assert (done.state, done.total, done.skipped) == ("done", 1, 1)
    assert done.report[0]["reason"] == "Déjà titulaire"
    running = CertificateBatch.objects.get(pk=running.pk)
    assert (running.state, running.processed, running.total) == ("running", 1, 2)
    assert running.items.get(outcome="pending").user == youssef
