"""Certificate batches: the plan, the run (issued or skipped with the reason), resuming,
chosen lists, and the issue_certificates command."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates.batches import (
    certificate_batch_create,
    certificate_batch_plan,
    certificate_batch_run,
)
from certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateBatchItem,
    IssueMode,
)
from certificates.selectors import certificate_refusal_get
from certificates.services import CertificateError, certificate_issue
from courses.models import CatalogPage, ModulePage
from learners.models import QuizAttempt
from tests.certificates.conftest import complete
from tests.factories.courses import catalog_get, course_create, publish
from tests.factories.learners import ProfileFactory, UserFactory
from tests.factories.quizzes import quiz_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def people(course):
    """Awa passed the course's quiz, Youssef completed the course without taking it;
    the rule is manual with a minimum score of 50 %."""
    rule = course.certificate_rule
    rule.mode = IssueMode.MANUAL
    rule.save()
    awa = ProfileFactory(
        user__first_name="Awa",
        user__last_name="Diop",
        user__email="awa.diop@dakar.example",
    ).user
    youssef = ProfileFactory(
        user__first_name="Youssef",
        user__last_name="Ben Ali",
        user__email="y.benali@tunis.example",
    ).user
    complete(awa, course)
    complete(youssef, course)
    quiz = quiz_create(ModulePage.objects.child_of(course).first(), required=False)
    now = timezone.now()
    QuizAttempt.objects.create(
        user=awa,
        quiz=quiz,
        course=course,
        number=1,
        state=QuizAttempt.State.GRADED,
        pass_mark=50,
        score=Decimal("90"),
        submitted_at=now,
        graded_at=now,
    )
    rule.min_score = 50
    rule.save()
    return {"awa": awa, "youssef": youssef}


@pytest.fixture
def requester():
    return UserFactory(first_name="Fatou", last_name="Sall")


def test_batch_plan_tells_who_would_be_issued_and_why_others_not(course, people):
    """The plan names each learner with the reason they would be skipped; it writes
    nothing."""
    plan = certificate_batch_plan(course=course)
    assert [(user, reason is None) for user, reason, _revoked in plan] == [
        (people["youssef"], False),
        (people["awa"], True),
    ]
    assert "50" in {entry.user: entry.reason for entry in plan}[people["youssef"]]
    assert not Certificate.objects.exists()
    assert not CertificateBatch.objects.exists()


def test_batch_run_issues_and_records_each_skip_with_its_reason(
    course, people, requester, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(course=course, requested_by=requester)
    batch.refresh_from_db()
    assert batch.state == CertificateBatch.State.DONE
    assert batch.finished_at is not None
    assert (batch.total, batch.processed, batch.issued, batch.skipped) == (2, 2, 1, 1)
    certificate = Certificate.objects.get(user=people["awa"], course=course)
    assert certificate.issued_by == requester
    outcomes = {entry["email"]: entry for entry in batch.report}
    assert outcomes["awa.diop@dakar.example"]["outcome"] == "issued"
    assert outcomes["awa.diop@dakar.example"]["code"] == certificate.code
    skipped = outcomes["y.benali@tunis.example"]
    assert skipped["outcome"] == "skipped"
    assert "50" in skipped["reason"]
    assert not Certificate.objects.filter(user=people["youssef"]).exists()


def test_batch_run_twice_issues_nothing_more(
    course, people, requester, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(course=course, requested_by=requester)
    """A second run of a finished batch (a redelivered message) changes nothing."""
    report = CertificateBatch.objects.get(pk=batch.pk).report
    again = certificate_batch_run(batch_id=batch.pk)
    assert again.report == report
    assert (again.processed, again.issued, again.skipped) == (2, 1, 1)
    assert Certificate.objects.count() == 1


def test_interrupted_batch_resumes_with_the_learners_left(course, people, requester):
    """A run stopped after Awa continues with Youssef only."""
    existing = certificate_issue(user=people["awa"], course=course)
    batch = CertificateBatch.objects.create(course=course, requested_by=requester)
    CertificateBatchItem.objects.create(
        batch=batch,
        user=people["awa"],
        name="Awa Diop",
        email=people["awa"].email,
        outcome="issued",
        certificate=existing,
        processed_at=timezone.now(),
    )
    CertificateBatchItem.objects.create(
        batch=batch, user=people["youssef"], email=people["youssef"].email
    )
    assert (batch.state, batch.processed, batch.total) == ("running", 1, 2)
    done = certificate_batch_run(batch_id=batch.pk)
    assert done.state == CertificateBatch.State.DONE
    assert (done.total, done.processed, done.issued, done.skipped) == (2, 2, 1, 1)
    assert [entry["user_id"] for entry in done.report] == [
        people["awa"].pk,
        people["youssef"].pk,
    ]
    assert Certificate.objects.count() == 1


def test_batch_for_a_chosen_list_processes_only_those_learners(
    course, people, requester, django_capture_on_commit_callbacks
):
    outsider = UserFactory(first_name="Kofi", last_name="Mensah")
    course.certificate_rule.min_score = None
    course.certificate_rule.save()
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(
            course=course,
            requested_by=requester,
            user_ids=[people["awa"].pk, outsider.pk],
        )
    batch.refresh_from_db()
    assert (batch.total, batch.issued, batch.skipped) == (2, 1, 1)
    reasons = {entry["user_id"]: entry.get("reason") for entry in batch.report}
    assert reasons[outsider.pk] == certificate_refusal_get(user=outsider, course=course)
    assert Certificate.objects.filter(user=people["awa"]).exists()
    assert not Certificate.objects.filter(user=people["youssef"]).exists()


def test_batch_runs_in_process_when_the_broker_is_down(
    course, people, requester, monkeypatch, django_capture_on_commit_callbacks
):
    from certificates import tasks

    def unreachable(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(tasks.certificate_batch_task, "delay", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        batch = certificate_batch_create(course=course, requested_by=requester)
    batch.refresh_from_db()
    assert batch.state == CertificateBatch.State.DONE
    assert (batch.issued, batch.skipped) == (1, 1)


def test_batch_with_an_empty_chosen_list_is_refused(course, people, requester):
    with pytest.raises(CertificateError):
        certificate_batch_create(course=course, requested_by=requester, user_ids=[])
    assert not CertificateBatch.objects.exists()


# --------------------------------------------------------------------------- CLI


def _command(*args) -> str:
    out = StringIO()
    call_command("issue_certificates", *args, stdout=out)
    return out.getvalue()


def test_command_prints_the_report_and_records_the_batch(course, people):
    output = _command("--course", course.slug)
    certificate = Certificate.objects.get(user=people["awa"], course=course)
    lines = output.splitlines()
    assert f"issued {certificate.code} — Awa Diop <awa.diop@dakar.example>" in lines
    skipped = next(line for line in lines if line.startswith("skipped — "))
    assert skipped.startswith("skipped — Youssef Ben Ali <y.benali@tunis.example>: ")
    assert "50" in skipped
    assert lines[-1] == "issued 1, skipped 1"
    batch = CertificateBatch.objects.get()
    assert batch.requested_by is None
    assert batch.state == CertificateBatch.State.DONE


def test_command_for_chosen_learners(course, people):
    output = _command("--course", course.slug, "--learner", "AWA.DIOP@dakar.example")
    assert output.splitlines()[-1] == "issued 1, skipped 0"
    assert "Youssef" not in output


def test_command_dry_run_writes_nothing(course, people, mailoutbox):
    output = _command("--course", course.slug, "--dry-run")
    lines = output.splitlines()
    assert "would issue — Awa Diop <awa.diop@dakar.example>" in lines
    assert any(line.startswith("skipped — Youssef Ben Ali") for line in lines)
    assert "would issue 1, skipped 1 (dry run)" in lines
    assert not Certificate.objects.exists()
    assert not CertificateBatch.objects.exists()
    assert mailoutbox == []


def test_command_refuses_an_unknown_course_slug(course):
    with pytest.raises(CommandError, match="pas-un-cours"):
        _command("--course", "pas-un-cours")
    assert not CertificateBatch.objects.exists()


def test_command_refuses_a_slug_shared_by_several_courses(course):
    home = catalog_get().get_parent()
    other = publish(home, CatalogPage(title="Autre catalogue", slug="autre-catalogue"))
    twin = course_create(title="Finances (copie)", slug=course.slug, catalog=other)
    with pytest.raises(CommandError) as error:
        _command("--course", course.slug)
    assert str(course.pk) in str(error.value)
    assert str(twin.pk) in str(error.value)
    assert not CertificateBatch.objects.exists()


def test_command_refuses_an_unknown_learner(course, people):
    with pytest.raises(CommandError, match="personne@nulle-part.example"):
        _command("--course", course.slug, "--learner", "personne@nulle-part.example")
    assert not Certificate.objects.exists()


# --------------------------------------------------------------------------- crashes


def _stuck_batch(course, people, requester, *, at):
    """A batch whose run died after Awa: Youssef still pending, nothing since ``at``."""
    batch = CertificateBatch.objects.create(course=course, requested_by=requester)
    CertificateBatch.objects.filter(pk=batch.pk).update(created_at=at, enqueued_at=at)
    CertificateBatchItem.objects.create(
        batch=batch,
        user=people["awa"],
        email=people["awa"].email,
        outcome="skipped",
        reason="—",
        processed_at=at,
    )
    CertificateBatchItem.objects.create(
        batch=batch, user=people["youssef"], email=people["youssef"].email
    )
    return batch


def test_sweep_resumes_a_stuck_batch_and_leaves_a_moving_one(
    course, people, requester, settings, django_capture_on_commit_callbacks
):
    """Nothing moved for longer than the stale delay: queued again and finished;
    a batch that moved a moment ago is left to its worker."""
    from certificates.batches import certificate_batch_sweep, stale_batch_list

    settings.CERTIFICATE_BATCH_STALE_SECONDS = 120
    now = timezone.now()
    stuck = _stuck_batch(course, people, requester, at=now - timedelta(seconds=121))
    other = ProfileFactory().user
    moving = CertificateBatch.objects.create(course=course, requested_by=requester)
    CertificateBatch.objects.filter(pk=moving.pk).update(
        created_at=now - timedelta(hours=1), enqueued_at=now - timedelta(seconds=5)
    )
    CertificateBatchItem.objects.create(batch=moving, user=other, email=other.email)
    assert [batch.pk for batch in stale_batch_list(now=now)] == [stuck.pk]
    with django_capture_on_commit_callbacks(execute=True):
        assert certificate_batch_sweep(now=now) == [stuck.pk]
    stuck = CertificateBatch.objects.get(pk=stuck.pk)
    assert (stuck.state, stuck.processed) == ("done", 2)
    assert CertificateBatch.objects.get(pk=moving.pk).state == "queued"
    assert stuck.items.filter(user=people["youssef"]).count() == 1


def test_batch_task_is_acknowledged_late_and_requeued_when_its_worker_dies(settings):
    """The batch message stays in the broker until the run ends, comes back if the
    worker is killed, and the sweep runs under beat."""
    from certificates.tasks import certificate_batch_task
    from config.celery import app

    assert certificate_batch_task.acks_late is True
    assert certificate_batch_task.reject_on_worker_lost is True
    assert app.conf.broker_transport_options["visibility_timeout"] > 0
    sweep = settings.CELERY_BEAT_SCHEDULE["certificate-batch-sweep"]
    assert sweep["task"] == "certificates.tasks.certificate_batch_sweep_task"
    assert sweep["task"] in app.tasks
