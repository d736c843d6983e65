"""Certificate budget (issue 6), called from benchmarks/run.py after the quiz figures.

Issuing and rendering CERT_COUNT certificates (1,000; the CERT_BENCH_COUNT environment
variable lowers it) in one batch, for one course with a certificate rule on the shipped
French design and as many learners who completed it (users and enrolments written
straight with the ORM: the fastest correct way to get there). Two phases, one after
the other:
- the batch: ``certificate_batch_create(…, synchronous=True)``, as the command line
  runs it (the Celery task runs the same ``certificate_batch_run``): every learner who
  qualifies, each in a transaction of their own, whose on-commit work runs at once
  (the eager render task renders and stores the PDF, the e-mail goes to the in-memory
  outbox). The total is the wall time of that call; each learner is also timed, by
  wrapping ``certificates.batches._learner_process`` for the run (measurement only);
- WeasyPrint alone: ``HTML(string=…, base_url=…).write_pdf()`` on the HTML of each of
  the same certificates, built outside the timing.
After one untimed rendering that loads fonts and stylesheets. Reported for both: total
seconds, ms per certificate (mean, median, p95, and the mean of each chunk of CHUNK
(100): it must not grow along the batch), and the process's peak RSS per chunk, the
kernel's high-water mark (VmHWM) reset before each chunk (Linux; tracemalloc would
slow every allocation down and bias the ratio): "flat" when the last chunk's peak is
within FLAT_TOLERANCE (10 %) of the second chunk's (the first one warms caches up).
Then the ratio of the totals against CERT_BUDGET (1.3×), and the median time of
building a certificate's HTML (template and QR code, part of the batch's time). The
phases are not interleaved (the batch is one call), so the process's CPU time is
given too, with its ratio: other processes on a busy machine lengthen wall times, not
CPU times (which leave out waiting for the disk, e.g. SQLite's commits).

WeasyPrint's and Celery's INFO lines (nine per certificate) are muted during the run.
Everything created (learners, enrolments, the batch, the certificates and their PDF
files, the course) is deleted at the end.

Also runnable alone, on a throw-away SQLite file as benchmarks/run.py sets it up (or
BENCH_DATABASE_URL), the PDFs in a temporary folder:
    .venv/bin/python benchmarks/certificates.py [-n 300]
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

CERT_COUNT = int(os.environ.get("CERT_BENCH_COUNT", "1000"))
CHUNK = 100
CERT_BUDGET = 1.3  # the batch (issue + render + store) / WeasyPrint alone
FLAT_TOLERANCE = 0.10
DESIGN_NAME = "Campus — modèle français"  # shipped by certificates' data migration
NAMES = [  # (first, last): accents, Œ, Ç, Ł and Vietnamese diacritics in the PDFs
    ("Nguyễn Thị", "Łucja Œuvray"),
    ("François", "Çelik"),
    ("Awa", "Diop"),
    ("Mamadou", "N'Diaye"),
    ("Élodie", "Bâ-Kéïta"),
]
QUIET_LOGGERS = ("weasyprint", "celery")


def _peak_rss_mb() -> float:
    """The process's peak RSS in MB: since the last reset when that worked."""
    from benchmarks.harness import proc_status_kb

    peak_kb = proc_status_kb("VmHWM")
    if peak_kb is not None:
        return peak_kb / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


@contextmanager
def _quiet():
    saved = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def _learners_create(course, count: int) -> list:
    """``count`` learners who completed ``course`` (bulk: no signals, no hashing)."""
    from django.utils import timezone

    from learners.models import Enrollment, User

    tag = uuid.uuid4().hex[:8]
    users = []
    for n in range(count):
        first, last = NAMES[n % len(NAMES)]
        user = User(
            email=f"bench-cert-{tag}-{n:05d}@ville.example",
            first_name=first,
            last_name=last,
        )
        user.set_unusable_password()
        users.append(user)
    users = User.objects.bulk_create(users, batch_size=500)
    now = timezone.now()
    Enrollment.objects.bulk_create(
        [Enrollment(user=user, course=course, completed_at=now) for user in users],
        batch_size=500,
    )
    return users


def _cleanup(course, user_ids: list) -> None:
    from certificates.models import Certificate, CertificateBatch
    from learners.models import User

    storage = Certificate._meta.get_field("pdf").storage
    certificates = Certificate.objects.filter(course=course)
    for name in certificates.exclude(pdf="").values_list("pdf", flat=True):
        storage.delete(name)
    certificates.delete()
    CertificateBatch.objects.filter(course=course).delete()
    User.objects.filter(pk__in=user_ids).delete()  # and their enrolments


class _Chunks:
    """Times each certificate; every CHUNK of them, notes the peak RSS and resets it."""

    def __init__(self):
        from benchmarks.harness import peak_rss_reset

        self.reset = peak_rss_reset
        self.timings: list[float] = []
        self.cpu: list[float] = []
        self.peaks: list[float] = []
        self.resettable = self.reset()

    @contextmanager
    def one(self):
        from django.core import mail

        started, started_cpu = time.perf_counter(), time.process_time()
        yield
        self.timings.append(time.perf_counter() - started)
        self.cpu.append(time.process_time() - started_cpu)
        if len(self.timings) % CHUNK == 0:
            self.close()
            # The in-memory e-mail backend keeps every message: not the app's memory.
            if hasattr(mail, "outbox"):
                mail.outbox.clear()

    def close(self) -> None:
        """End a chunk (also the last, shorter one)."""
        if len(self.peaks) < -(-len(self.timings) // CHUNK):
            self.peaks.append(round(_peak_rss_mb(), 1))
            self.resettable = self.reset() and self.resettable

    def summary(self, total: float, total_cpu: float) -> dict:
        ordered = sorted(self.timings)
        chunks = [
            self.timings[first : first + CHUNK]
            for first in range(0, len(self.timings), CHUNK)
        ]
        if len(self.peaks) >= 3:
            flat = self.peaks[-1] <= self.peaks[1] * (1 + FLAT_TOLERANCE)
            verdict = "flat" if flat else "GROWS"
        else:
            verdict = f"n/a (fewer than 3 chunks of {CHUNK})"
        return {
            "total_seconds": round(total, 3),
            "ms_per_certificate": round(total * 1000 / len(self.timings), 2),
            "cpu_seconds": round(total_cpu, 3),
            "median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
            "chunk_mean_ms": [round(statistics.mean(c) * 1000, 1) for c in chunks],
            "peak_rss_mb": self.peaks,
            "memory": verdict,
            "memory_measure": "VmHWM reset per chunk"
            if self.resettable
            else "peak RSS since start (could not reset it)",
        }


@contextmanager
def _learners_timed(chunks: _Chunks):
    """Time every learner of a batch run (wraps the batch's per-learner step)."""
    from certificates import batches

    original = batches._item_process

    def timed(**kwargs):
        with chunks.one():
            original(**kwargs)

    batches._item_process = timed
    try:
        yield
    finally:
        batches._item_process = original


def run_certificates(data: dict, count: int = CERT_COUNT) -> dict:
    from certificates.batches import certificate_batch_create
    from certificates.models import Certificate, CertificateRule, CertificateTemplate
    from certificates.rendering import FONTS_DIR, certificate_html, pdf_from_html
    from tests.factories.courses import course_create

    if count < 1:
        raise SystemExit("CERT_BENCH_COUNT must be at least 1")
    design = CertificateTemplate.objects.filter(name=DESIGN_NAME).first()
    if design is None:
        raise SystemExit(f"The shipped design “{DESIGN_NAME}” is missing")
    course = course_create(
        title="Banc d'essai des certificats : finances locales",
        modules=1,
        lessons_per_module=2,
    )
    data["_pages"].insert(0, course)
    # A new course has its default rule already: point it at this design.
    CertificateRule.objects.update_or_create(
        course=course, defaults={"template": design}
    )
    user_ids: list = []
    try:
        started = time.perf_counter()
        user_ids = [user.pk for user in _learners_create(course, count)]
        setup_seconds = time.perf_counter() - started

        with _quiet():
            from weasyprint import HTML  # its stylesheets log while it is imported

            pdf_from_html(  # fonts, user-agent stylesheet: loaded once, untimed
                certificate_html(data={}, code="K7QM-2XRD-94TB")
            )

            batch_chunks = _Chunks()
            with _learners_timed(batch_chunks):
                started, started_cpu = time.perf_counter(), time.process_time()
                batch = certificate_batch_create(
                    course=course, requested_by=None, synchronous=True
                )
                batch_seconds = time.perf_counter() - started
                batch_cpu = time.process_time() - started_cpu
            batch_chunks.close()
            stored = Certificate.objects.filter(course=course).exclude(pdf="")
            if batch.issued != count or stored.count() != count:
                reasons = {item.get("reason") for item in batch.report} - {None}
                raise SystemExit(
                    f"The batch issued {batch.issued} certificates and stored "
                    f"{stored.count()} PDFs for {count} learners: {reasons}"
                )

            alone_chunks, html = _Chunks(), []
            for certificate in Certificate.objects.filter(course=course).order_by(
                "issued_at"
            ):
                started = time.perf_counter()
                document = certificate_html(
                    data=certificate.data,
                    code=certificate.code,
                    state=certificate.state,
                )
                html.append(time.perf_counter() - started)
                with alone_chunks.one():
                    HTML(string=document, base_url=str(FONTS_DIR)).write_pdf()
            alone_chunks.close()
    finally:
        _cleanup(course, user_ids)

    batch_summary = batch_chunks.summary(batch_seconds, batch_cpu)
    alone_summary = alone_chunks.summary(
        sum(alone_chunks.timings), sum(alone_chunks.cpu)
    )
    ratio = batch_seconds / sum(alone_chunks.timings)
    return {
        "certificates": count,
        "pdfs_stored": count,
        "setup_seconds": round(setup_seconds, 2),
        "batch": batch_summary,
        "weasyprint_alone": alone_summary,
        "html_median_ms": round(statistics.median(html) * 1000, 2),
        "ratio": round(ratio, 3),
        "cpu_ratio": round(batch_cpu / sum(alone_chunks.cpu), 3),
        "budget": CERT_BUDGET,
        "verdict": "within budget" if ratio <= CERT_BUDGET else "OVER BUDGET",
        "chunk": CHUNK,
    }


def print_certificates(result: dict) -> None:
    batch, alone = result["batch"], result["weasyprint_alone"]
    print(
        f"\nCertificates: issuing and rendering {result['certificates']} in one batch "
        f"({result['pdfs_stored']} PDFs stored; learners set up in "
        f"{result['setup_seconds']:.1f} s):"
    )
    rows = (
        ("batch: issue + render + store", batch),
        ("WeasyPrint alone, same HTML  ", alone),
    )
    for label, row in rows:
        print(
            f"  {label}  {row['total_seconds']:8.2f} s  {row['ms_per_certificate']:7.1f}"
            f" ms each  (median {row['median_ms']:.1f}, p95 {row['p95_ms']:.1f});"
            f" CPU {row['cpu_seconds']:.2f} s"
        )
    print(
        f"  of the batch's time, building the HTML (template and QR code): median "
        f"{result['html_median_ms']:.1f} ms"
    )
    print(
        f"  ratio {result['ratio']:.2f}× (budget {result['budget']}×): "
        f"{result['verdict']}; CPU time ratio {result['cpu_ratio']:.2f}×"
    )
    print(f"  by chunk of {result['chunk']} ({batch['memory_measure']}):")
    for label, row in rows:
        print(
            f"  {label}  ms each "
            + ", ".join(f"{ms:.0f}" for ms in row["chunk_mean_ms"])
        )
        print(
            f"  {' ' * len(label)}  peak RSS MB "
            + ", ".join(f"{mb:.0f}" for mb in row["peak_rss_mb"])
            + f": {row['memory']}"
        )


def main() -> int:
    import tempfile

    repo = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(repo))  # before this folder: `certificates` is the app
    from benchmarks.harness import (
        bench_data_new,
        cleanup,
        django_start,
        result_print,
        size_argument,
    )

    count = size_argument(__doc__, CERT_COUNT, "certificates")

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        django_start(tmpdir, "Certificate benchmark")
        from django.db import connections
        from django.test.utils import override_settings

        data = bench_data_new()
        # The PDFs are deleted at the end anyway: never write them beside real media.
        with override_settings(MEDIA_ROOT=Path(tmpdir) / "media"):
            try:
                result = run_certificates(data, count)
            finally:
                cleanup(data)
                connections.close_all()
    return result_print("certificates", result, print_certificates)


if __name__ == "__main__":
    sys.exit(main())
