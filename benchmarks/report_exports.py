"""Memory of the learning listings' exports (issue 7): CSV and XLSX of N rows.

``export_memory_bench(n)`` enrols ``n`` learners (users, profiles and enrolments
written straight with the ORM, in batches) in one course, a tenth of them in a small
city, then downloads the enrolment listing's export through the real admin view
(``reports.viewsets``, logged in as a superuser) in each format: the small city only
(n / 10 rows, filtered by municipality) and every row (n rows). For each download it
reports the Python heap's peak during the request and the reading of the whole
response (tracemalloc, after one warm-up download), the rows and bytes received and
the seconds taken under tracemalloc; the n-row download is then repeated without
tracemalloc for its real time ("untraced_seconds").

"flat" when the n-row peak stays within FLAT_FACTOR (1.5×) of the n/10-row peak plus
FLAT_SLACK_MB (2 MB): memory that grew with the rows would be about 10× the small
peak. The peak includes one chunk of rows read from the database
(``reports.exports.EXPORT_CHUNK_SIZE``, 2,000): compare sizes whose small case fills
a chunk (n ≥ 20,000, or a smaller chunk size as the test suite sets).

Everything it creates is deleted at the end. ``make bench`` runs it with 100,000 rows
(REPORT_BENCH_ROWS changes it); tests/reports/test_export_memory.py with fewer.

Also runnable alone, on a throw-away SQLite file as benchmarks/run.py sets it up:
    .venv/bin/python benchmarks/report_exports.py [-n 100000]
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tracemalloc
import uuid
from pathlib import Path

REPORT_ROWS = int(os.environ.get("REPORT_BENCH_ROWS", "100000"))
BATCH = 2000
FLAT_FACTOR = 1.5
FLAT_SLACK_MB = 2.0
KINDS = ("csv", "xlsx")
NAMES = [  # accents and a formula-like name, as learners type them
    ("Nguyễn Thị", "Łucja Œuvray"),
    ("François", "Çelik"),
    ("Awa", "Diop"),
    ("Mamadou", "=N'Diaye"),
    ("Élodie", "Bâ-Kéïta"),
]


def _learners_create(n: int, tag: str, small, large, course) -> None:
    """``n`` enrolled learners, the first tenth in ``small``, in batches of BATCH."""
    from learners.models import Enrollment, Profile, User

    for start in range(0, n, BATCH):
        users = []
        for index in range(start, min(start + BATCH, n)):
            first, last = NAMES[index % len(NAMES)]
            users.append(
                User(
                    email=f"bench-report-{tag}-{index:06d}@ville.example",
                    first_name=first,
                    last_name=last,
                    password="!",  # unusable, without drawing a random one each
                )
            )
        users = User.objects.bulk_create(users)
        Profile.objects.bulk_create(
            Profile(
                user=user,
                municipality=small if start + i < n // 10 else large,
                gender=("female", "male", "")[i % 3],
            )
            for i, user in enumerate(users)
        )
        Enrollment.objects.bulk_create(
            Enrollment(user=user, course=course) for user in users
        )


def _download(client, url: str, params: dict, kind: str, traced=True) -> dict:
    """One export through the view, read chunk by chunk as a client would (into a
    temporary file, counted once the measure is over)."""
    import tempfile

    peak = 0
    with tempfile.TemporaryFile() as received:
        gc.collect()
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        response = client.get(url, params)
        if response.status_code != 200 or not response.streaming:
            tracemalloc.stop()
            raise RuntimeError(f"the export answered {response.status_code}")
        for chunk in response.streaming_content:  # closes the response at the end
            received.write(chunk)
        seconds = time.perf_counter() - started
        if traced:
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        size = received.tell()
        received.seek(0)
        rows = _rows_in(received, kind)
    return {
        "rows": rows,
        "bytes": size,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak / 1024 / 1024, 2),
    }


def _rows_in(received, kind: str) -> int:
    """Data rows of a downloaded file (the heading row left out)."""
    if kind == "csv":
        return sum(1 for _line in received) - 1
    from openpyxl import load_workbook

    workbook = load_workbook(received, read_only=True)
    rows = sum(1 for _row in workbook.worksheets[0].iter_rows()) - 1
    workbook.close()
    return rows


def export_memory_bench(n: int = REPORT_ROWS, kinds=KINDS) -> dict:
    """Peak Python memory of the enrolment export in CSV and XLSX, for n / 10 and n
    rows (see the module docstring). Needs Django set up and a migrated database;
    the listings are registered by reports/wagtail_hooks.py."""
    from django.test import Client
    from django.urls import reverse

    from courses.models import CoursePage
    from learners.models import Municipality, User
    from tests.factories.courses import course_create

    tag = uuid.uuid4().hex[:8]
    small = Municipality.objects.create(name=f"Petiteville {tag}", country="SN")
    large = Municipality.objects.create(name=f"Grandeville {tag}", country="TN")
    course = course_create(
        title=f"Exports {tag}", slug=f"exports-{tag}", modules=1, lessons_per_module=1
    )
    admin = User.objects.create_superuser(f"bench-report-admin-{tag}@ville.example")
    started = time.perf_counter()
    try:
        _learners_create(n, tag, small, large, course)
        setup_seconds = time.perf_counter() - started
        client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
        client.force_login(admin)
        url = reverse("report_enrollments:index")
        cases = {"small": {"municipality": small.pk}, "all": {"course": course.pk}}
        for kind in kinds:  # warm-up: imports, templates, translations
            _download(client, url, {**cases["small"], "export": kind}, kind)
        figures = {}
        for kind in kinds:
            figures[kind] = {
                name: _download(client, url, {**params, "export": kind}, kind)
                for name, params in cases.items()
            }
            plain = _download(
                client, url, {**cases["all"], "export": kind}, kind, False
            )
            figures[kind]["all"]["untraced_seconds"] = plain["seconds"]
            limit = figures[kind]["small"]["peak_mb"] * FLAT_FACTOR + FLAT_SLACK_MB
            flat = figures[kind]["all"]["peak_mb"] <= limit
            figures[kind]["verdict"] = "flat" if flat else "GROWS"
    finally:
        User.objects.filter(email__startswith=f"bench-report-{tag}-").delete()
        admin.delete()
        CoursePage.objects.filter(pk=course.pk).first().delete()
        Municipality.objects.filter(pk__in=[small.pk, large.pk]).delete()
    return {
        "rows": n,
        "small_rows": n // 10,
        "setup_seconds": round(setup_seconds, 1),
        **figures,
    }


def print_report_exports(result: dict) -> None:
    print(
        f"\nExports of the enrolment listing: peak Python memory (tracemalloc) for "
        f"{result['small_rows']:,} and {result['rows']:,} rows (learners set up in "
        f"{result['setup_seconds']:.1f} s):"
    )
    for kind in KINDS:
        if kind not in result:
            continue
        small, every = result[kind]["small"], result[kind]["all"]
        print(
            f"  {kind.upper():4}  {small['peak_mb']:6.2f} MB → {every['peak_mb']:6.2f} MB"
            f"  ({every['bytes'] / 1e6:.1f} MB file, {every['rows']:,} rows,"
            f" {every['untraced_seconds']:.1f} s, {every['seconds']:.1f} s traced):"
            f" {result[kind]['verdict']}"
        )


def main() -> int:
    import tempfile

    repo = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(repo))
    from benchmarks.harness import django_start, result_print, size_argument

    rows = size_argument(__doc__, REPORT_ROWS, "rows")

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        django_start(tmpdir, "Export benchmark")
        from django.db import connections

        try:
            result = export_memory_bench(rows)
        finally:
            connections.close_all()
    return result_print("report-exports", result, print_report_exports)


if __name__ == "__main__":
    sys.exit(main())
