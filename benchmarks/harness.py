"""What every benchmark script shares: the throw-away database, the bench objects,
clients, timed requests, the size argument, peak-RSS readings and the printing of
SQL, tables and the closing JSON line.

Every script of this folder imports this module and nothing here imports a script,
so the benchmarks form no import circle: ``run.py`` calls each section's
``run_…``/``print_…``, each section's own ``main()`` (to run it alone) starts Django
here. Run as a script, a benchmark has only ``benchmarks/`` on ``sys.path``: it puts
the repository first (where ``certificates`` is the app, not the benchmark) before
importing ``benchmarks.harness``.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def bench_data_new() -> dict:
    """An empty bench-data dict: what a benchmark creates, listed for `cleanup`."""
    return {"_users": [], "_pages": [], "_topics": []}


def cleanup(data: dict) -> None:
    # Users first: their enrolments protect the courses from deletion.
    for key in ("_users", "_pages", "_topics"):
        for obj in data.get(key, []):
            obj.delete()


def configure(tmpdir: str) -> str:
    """Environment for Django before it is imported; returns a printable DB label."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        os.environ["DATABASE_URL"] = url
        label = url.split("@")[-1]  # never print a password
    else:
        path = Path(tmpdir) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        label = "temporary SQLite file"
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return label


def django_start(tmpdir: str, title: str) -> str:
    """Configure and set up Django, migrate the database; returns its printable label."""
    db_label = configure(tmpdir)
    import django

    # WhiteNoise warns when `collectstatic` has not run; pages do not need it here.
    warnings.filterwarnings("ignore", message=r"No directory at: .*staticfiles")
    django.setup()
    from django.core.management import call_command

    print(f"{title}: {db_label}, migrating…", file=sys.stderr)
    call_command("migrate", verbosity=0, interactive=False)
    return db_label


def media_overrides(tmpdir: str) -> dict:
    """Settings for the throw-away SQLite file: demo pictures and renditions go to a
    folder of ``tmpdir`` and away with it; none with ``BENCH_DATABASE_URL``."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return {}
    return {"MEDIA_ROOT": Path(tmpdir) / "media"}


@dataclass(frozen=True)
class Case:
    name: str
    path: str | Callable[[dict], str]  # a URL path, or a function of bench_data()
    user: str | None = None  # a key of bench_data() to log in as; None: anonymous


def client_for(case: Case, data: dict):
    from django.test import Client

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    if case.user:
        client.force_login(data[case.user])
    return client


def timed_response(send: Callable, url: str, expected: int = 200) -> float:
    """Seconds ``send(url)`` took; stops the benchmark unless it answered ``expected``."""
    start = time.perf_counter()
    response = send(url)
    elapsed = time.perf_counter() - start
    if response.status_code != expected:
        raise SystemExit(f"{url} answered {response.status_code}, not {expected}")
    return elapsed


def timed_get(client, url: str) -> float:
    return timed_response(client.get, url)


def size_argument(doc: str, default: int, help: str) -> int:
    """The ``-n`` (the size) of a benchmark run alone; its doc's first paragraph
    describes it in ``--help``."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=default, help=help)
    return parser.parse_args().n


def peak_rss_reset() -> bool:
    """Reset the process's peak RSS (Linux); False when the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def proc_status_kb(field: str) -> int | None:
    """A figure of /proc/self/status in kB (``VmRSS``, ``VmHWM``); None off Linux."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def result_print(name: str, result: dict, print_figures: Callable[[dict], None]) -> int:
    """The figures for people, then one JSON line for scripts (``"benchmark": name``);
    returns 0, the exit status of a benchmark run alone."""
    import json

    print_figures(result)
    print(json.dumps({"benchmark": name, **result}, ensure_ascii=False))
    return 0


def print_sql(name: str, queries: list[str], show: bool) -> None:
    if show:
        print(f"-- {name}: {len(queries)} queries", file=sys.stderr)
        for sql in queries:
            print(f"   {sql}", file=sys.stderr)


def print_rows(header: tuple, rows: list[tuple], left: int = 1) -> None:
    """Columns padded to their widest cell; the first `left` ones left-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for n, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))
