"""What every benchmark script shares: the throw-away database and the bench objects.

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
import warnings
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
