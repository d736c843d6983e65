"""Throughput under the production server: requests/s and p50/p99 latency of a static
file, the home page, the catalogue, a course page and a lesson, under gunicorn, against
the same server at the commit before issue 14's work (the baseline).

Run from the repository root:  .venv/bin/python benchmarks/load.py  (alone: it builds
the bench objects of benchmarks/pages.py first), or as a section of `make bench`.

It collects the static files into a temporary STATIC_ROOT and starts gunicorn
(`config.wsgi`, `config.settings.production` as `make serve` does, LOAD_WORKERS
workers, plain HTTP) on a free port against the bench database, with the bench's
SECRET_KEY so that a session made here logs the learner in on every worker (sessions
are stored in the database). `BENCH_REDIS_URL`, when set, becomes the server's
REDIS_URL (with a cache key prefix of its own, whose keys are deleted at the end).

The baseline (unless `--no-baseline`): a checkout of BASELINE_COMMIT (`git worktree add
--detach` into a temporary folder, removed at the end) served the same way, by the same
venv, on a port of its own. When that commit's models fit the bench database (its
migrations are all applied there and every column it does not know may be left
empty), both servers share the database and the learner's session; otherwise the
baseline gets a database of its own, migrated by its migrations and filled by its copy
of the same builder (`bench_data()`, unchanged since), dropped at the end.

A bounded client of LOAD_CONCURRENCY threads (http.client, a new connection per
request, as gunicorn's sync workers close them, no cookie but the learner's session
for the lesson) then sends LOAD_REQUESTS requests to each target in turn, LOAD_ROUNDS
rounds, each target on both servers one after the other (which goes first alternates
by round), after a warm-up. Each anonymous page is also requested conditionally
(`If-None-Match` with the ETag of the previous answer): the statuses seen (304 once
pages are cached, 200 while they are not) are counted. Requests/s is the requests over
the seconds of their rounds; p50 and p99 are over every request; the ratio is against
the static file, and the current server's requests/s against the baseline's, next to
its budget (LOAD_BUDGETS). gunicorn's process groups are stopped at the end, whatever
happens. Nothing asserts on times; the figures are for reading and comparing runs on
one machine.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: benchmarks/ alone is on the path
    sys.path.insert(0, str(REPO))

from benchmarks.harness import print_rows, result_print  # noqa: E402

LOAD_WORKERS = 2
LOAD_CONCURRENCY = 4
LOAD_ROUNDS = 5
LOAD_REQUESTS = int(os.environ.get("LOAD_BENCH_REQUESTS") or 100)  # per round
LOAD_WARMUP = 10  # per target, untimed
START_TIMEOUT = 60  # seconds for gunicorn to answer
STATIC_PATH = "/static/css/campus.css"
# Like a browser on the French site (compressed answers welcome).
HEADERS = {"Host": "localhost", "Accept-Language": "fr", "Accept-Encoding": "gzip"}
# Today's figures: the commit before issue 14's work, served by the same harness.
BASELINE_COMMIT = "28e386c029b9da4a3233384999fb8d000298224b"
# Budgets of issue 14: at least this many times the baseline's requests/s.
LOAD_BUDGETS = {"lesson": 2.0, "anonymous": 10.0}
ANONYMOUS_PAGES = ("home", "catalogue", "course")
CONDITIONAL_STATUSES = {200, 304}


@dataclass(frozen=True)
class Target:
    """One thing to request: a path, as the enrolled learner or session-less, plainly
    or conditionally (If-None-Match with the ETag of the previous answer)."""

    case: str
    path: str
    learner: bool = False
    conditional: bool = False
    budget: float | None = None  # times the baseline's requests/s
    kind: str = ""  # "static", "anonymous", "lesson"


def load_targets(data: dict) -> list[Target]:
    """Every target, the static file first; each anonymous page twice (the second
    time conditionally)."""
    pages = {
        "home": "/",
        "catalogue": "/cours/",
        "course": data["demo_course"].get_url(),
    }
    targets = [Target("static file", STATIC_PATH, kind="static")]
    for name in ANONYMOUS_PAGES:
        targets.append(
            Target(
                f"{name}, anonymous",
                pages[name],
                budget=LOAD_BUDGETS["anonymous"],
                kind="anonymous",
            )
        )
        targets.append(
            Target(
                f"{name}, anonymous, If-None-Match",
                pages[name],
                conditional=True,
                kind="anonymous",
            )
        )
    targets.append(
        Target(
            "lesson, enrolled learner",
            data["demo_lesson_url"],
            learner=True,
            budget=LOAD_BUDGETS["lesson"],
            kind="lesson",
        )
    )
    return targets


def learner_cookie(user) -> str:
    """A ``Cookie`` header with a database session of ``user``, as a login makes it."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(tmpdir: str, database_url: str | None = None) -> dict:
    """The environment of `make serve`, on the bench database, over plain HTTP."""
    from django.conf import settings

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=database_url or os.environ["DATABASE_URL"],
        SECRET_KEY=settings.SECRET_KEY,  # the sessions made here are signed with it
        ALLOWED_HOSTS="localhost,127.0.0.1",
        HTTPS="false",
        STATIC_ROOT=str(Path(tmpdir) / "static"),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),  # the bench's (temporary on SQLite)
        LOG_LEVEL="WARNING",
    )
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
        env["CACHE_KEY_PREFIX"] = f"campus-load-{uuid.uuid4().hex[:8]}"
    return env


def get(
    port: int, path: str, cookie: str | None, etag: str | None = None
) -> tuple[int, bytes, str | None]:
    """(status, body, ETag) of a GET; ``etag`` is sent as If-None-Match."""
    headers = dict(HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    if etag:
        headers["If-None-Match"] = etag
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read(), response.getheader("ETag")
    finally:
        conn.close()


@dataclass
class Server:
    """A gunicorn serving ``cwd``'s code (this checkout or the baseline's)."""

    label: str
    cwd: Path
    env: dict
    cookie: str
    port: int = 0
    proc: subprocess.Popen | None = None
    log: Path | None = None

    def start(self, tmpdir: Path) -> None:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=self.cwd,
            env=self.env,
            check=True,
        )
        self.port = free_port()
        self.log = tmpdir / "gunicorn.log"
        with self.log.open("wb") as log_file:
            self.proc = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "config.wsgi",
                    f"--bind=127.0.0.1:{self.port}",
                    f"--workers={LOAD_WORKERS}",
                ],
                cwd=self.cwd,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )
        self.wait()

    def wait(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if get(self.port, STATIC_PATH, None)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(
            f"{self.label}: gunicorn did not answer {STATIC_PATH}:\n"
            f"{self.log.read_text()[-3000:]}"
        )

    def stop(self) -> None:
        if self.proc is not None:
            server_stop(self.proc)

    def check_learner(self, path: str, logout: bytes) -> None:
        status, body, _ = get(self.port, path, self.cookie)
        if body[:2] == b"\x1f\x8b":  # gzip's magic number: a compressed answer
            body = gzip.decompress(body)
        if status != 200 or logout not in body:
            raise SystemExit(
                f"{self.label}: the lesson did not answer the logged-in learner"
                f" ({status})"
            )


def server_stop(proc: subprocess.Popen) -> None:
    """SIGTERM to gunicorn's process group (master and workers), SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def cache_clear(env: dict) -> None:
    """Delete what the server cached in ``BENCH_REDIS_URL`` (its key prefix only)."""
    if "REDIS_URL" not in env:
        return
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    for key in client.scan_iter(f"{env['CACHE_KEY_PREFIX']}:*"):
        client.delete(key)


def burst(
    server: Server, target: Target, requests: int
) -> tuple[float, list, dict[int, int]]:
    """``requests`` GETs by LOAD_CONCURRENCY threads: (wall seconds, latencies,
    statuses seen)."""
    latencies: list[float] = []
    errors: list[str] = []
    statuses: dict[int, int] = {}
    remaining = iter(range(requests))
    lock = threading.Lock()
    cookie = server.cookie if target.learner else None
    expected = CONDITIONAL_STATUSES if target.conditional else {200}
    etag: list[str | None] = [None]  # the ETag of the previous answer
    if target.conditional:
        etag[0] = get(server.port, target.path, None)[2]

    def worker():
        while True:
            with lock:
                if next(remaining, None) is None or errors:
                    return
                sent_etag = etag[0]
            start = time.perf_counter()
            try:
                status, _, answer_etag = get(
                    server.port, target.path, cookie, sent_etag
                )
            except (OSError, http.client.HTTPException) as exc:
                status, answer_etag = repr(exc), None  # stops the run below
            elapsed = time.perf_counter() - start
            with lock:
                if status not in expected:
                    errors.append(
                        f"{server.label}: {target.path} answered {status},"
                        f" not {' or '.join(map(str, sorted(expected)))}"
                    )
                    return
                statuses[status] = statuses.get(status, 0) + 1
                if target.conditional and answer_etag:
                    etag[0] = answer_etag
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(LOAD_CONCURRENCY)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if errors:
        raise SystemExit(errors[0])
    return wall, latencies, statuses


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# Run by the baseline's Python in its checkout: does its code fit the bench database?
SCHEMA_CHECK = """
import django, sys
django.setup()
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
executor = MigrationExecutor(connection)
plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
if plan:
    sys.exit("unapplied migrations of the baseline: " + ", ".join(str(m) for m, _ in plan[:5]))
with connection.cursor() as cursor:
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        table = model._meta.db_table
        columns = {c.name: c for c in connection.introspection.get_table_description(cursor, table)}
        known = {f.column for f in model._meta.local_concrete_fields}
        if known - set(columns):
            sys.exit(f"{table}: columns missing: {sorted(known - set(columns))}")
        for name in set(columns) - known:
            column = columns[name]
            if not column.null_ok and getattr(column, "default", None) is None:
                sys.exit(f"{table}.{name}: a NOT NULL column the baseline cannot fill")
print("ok")
"""

# Run by the baseline's Python in its checkout, on a database of its own: its copy of
# bench_data(), then what the load needs, as JSON.
BASELINE_DATA = """
import json, os, sys, tempfile
sys.path.insert(0, os.getcwd())
os.environ["BENCH_DATABASE_URL"] = os.environ["DATABASE_URL"]
from benchmarks.harness import django_start
django_start(tempfile.mkdtemp(), "Baseline bench data")
from django.conf import settings
from django.test import Client
from benchmarks.pages import bench_data
data = bench_data()
client = Client()
client.force_login(data["learner"])
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    "lesson": data["demo_lesson_url"],
    "course": data["demo_course"].get_url(),
}))
"""


def baseline_checkout(tmpdir: Path) -> Path:
    """A detached worktree of BASELINE_COMMIT in ``tmpdir``."""
    path = tmpdir / "baseline"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(path), BASELINE_COMMIT],
        cwd=REPO,
        check=True,
    )
    return path


def baseline_remove(path: Path) -> None:
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(path)], cwd=REPO, check=False
    )
    subprocess.run(["git", "worktree", "prune"], cwd=REPO, check=False)


def schema_check(checkout: Path, env: dict) -> str:
    """ "ok" when the baseline's models fit the bench database, else why not."""
    result = subprocess.run(
        [sys.executable, "-c", SCHEMA_CHECK],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0 and result.stdout.strip().endswith("ok"):
        return "ok"
    return (result.stderr.strip().splitlines() or ["schema check failed"])[-1]


def database_url_new(url: str, suffix: str) -> str:
    """The URL of a database named after ``url``'s, with ``suffix``."""
    parts = url.rsplit("/", 1)
    return f"{parts[0]}/{parts[1]}{suffix}"


def database_admin(url: str, sql: str) -> None:
    """Run ``sql`` (CREATE/DROP DATABASE) on ``url``'s server, in its ``postgres``."""
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(sql)


def baseline_server(
    checkout: Path, tmpdir: Path, data: dict, cookie: str, cleanups: list
) -> tuple[Server, dict, str]:
    """The baseline's server, on the bench database if its schema allows, else on a
    database of its own: (server, its paths, how its database was chosen)."""
    env = server_env(str(tmpdir / "baseline-static"))
    paths = {"lesson": data["demo_lesson_url"], "course": data["demo_course"].get_url()}
    verdict = schema_check(checkout, env)
    if verdict == "ok":
        return Server("baseline", checkout, env, cookie), paths, "shared"
    print(f"Load: baseline on a database of its own ({verdict})", file=sys.stderr)
    url = env["DATABASE_URL"]
    if url.startswith("sqlite"):
        url = f"sqlite:///{tmpdir / 'baseline.sqlite3'}"
    else:
        url = database_url_new(url, "_baseline")
        name = url.rsplit("/", 1)[1]
        database_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        database_admin(url, f'CREATE DATABASE "{name}"')
        cleanups.append(
            lambda: database_admin(
                url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
            )
        )
    env = server_env(str(tmpdir / "baseline-static"), url)
    built = subprocess.run(
        [sys.executable, "-c", BASELINE_DATA],
        cwd=checkout,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        raise SystemExit(f"baseline bench data failed:\n{built.stderr[-3000:]}")
    baseline = json.loads(built.stdout.strip().splitlines()[-1])
    paths = {"lesson": baseline["lesson"], "course": baseline["course"]}
    return (
        Server("baseline", checkout, env, baseline["cookie"]),
        paths,
        f"own database ({verdict})",
    )


def for_server(target: Target, paths: dict, data: dict) -> Target:
    """``target`` with the baseline's path of the same page (its own database's ids)."""
    if target.kind == "lesson":
        return Target(**{**target.__dict__, "path": paths["lesson"]})
    if target.path == data["demo_course"].get_url():
        return Target(**{**target.__dict__, "path": paths["course"]})
    return target


def figures_of(
    targets: list[Target], walls: dict, latencies: dict, statuses: dict
) -> list[dict]:
    static_rps = len(latencies[targets[0].case]) / walls[targets[0].case]
    rows = []
    for target in targets:
        rps = len(latencies[target.case]) / walls[target.case]
        rows.append(
            {
                "case": target.case,
                "path": target.path,
                "learner": target.learner,
                "conditional": target.conditional,
                "requests": len(latencies[target.case]),
                "requests_per_s": round(rps, 1),
                "p50_ms": round(statistics.median(latencies[target.case]) * 1000, 2),
                "p99_ms": round(percentile(latencies[target.case], 0.99) * 1000, 2),
                "ratio_to_static": round(rps / static_rps, 4),
                "statuses": {
                    str(k): v for k, v in sorted(statuses[target.case].items())
                },
            }
        )
    return rows


def run_load(
    data: dict,
    rounds: int = LOAD_ROUNDS,
    requests: int = LOAD_REQUESTS,
    baseline: bool = True,
) -> dict:
    """Start gunicorn (and the baseline's) on the bench database, measure every
    target on each, interleaved, stop them."""
    targets = load_targets(data)
    cookie = learner_cookie(data["learner"])
    from django.urls import reverse

    logout = reverse("account_logout").encode()  # in the header for a logged-in user
    cleanups: list = []
    servers: list[tuple[Server, list[Target]]] = []
    database = "none"
    with tempfile.TemporaryDirectory(prefix="campus-load-") as tmp:
        tmpdir = Path(tmp)
        try:
            current = Server(
                "current", REPO, server_env(str(tmpdir / "static")), cookie
            )
            servers.append((current, targets))
            if baseline:
                print(f"Load: checking out {BASELINE_COMMIT[:7]}…", file=sys.stderr)
                checkout = baseline_checkout(tmpdir)
                cleanups.append(lambda: baseline_remove(checkout))
                server, paths, database = baseline_server(
                    checkout, tmpdir, data, cookie, cleanups
                )
                servers.append((server, [for_server(t, paths, data) for t in targets]))
            print("Load: collecting static files, starting gunicorn…", file=sys.stderr)
            for n, (server, server_targets) in enumerate(servers):
                folder = tmpdir / f"server-{n}"
                folder.mkdir()
                server.start(folder)
                server.check_learner(server_targets[-1].path, logout)
            print(
                f"Load: {rounds} rounds × {len(targets)} targets"
                f" × {len(servers)} servers…",
                file=sys.stderr,
            )
            walls = [{t.case: 0.0 for t in targets} for _ in servers]
            latencies = [{t.case: [] for t in targets} for _ in servers]
            statuses = [{t.case: {} for t in targets} for _ in servers]
            for server, server_targets in servers:
                for target in server_targets:
                    burst(server, target, LOAD_WARMUP)
            for round_number in range(rounds):
                order = list(enumerate(servers))
                if round_number % 2:
                    order.reverse()
                for i in range(len(targets)):
                    for n, (server, server_targets) in order:
                        target = server_targets[i]
                        wall, times, seen = burst(server, target, requests)
                        walls[n][target.case] += wall
                        latencies[n][target.case] += times
                        for status, count in seen.items():
                            statuses[n][target.case][status] = (
                                statuses[n][target.case].get(status, 0) + count
                            )
        finally:
            for server, _ in servers:
                server.stop()
                cache_clear(server.env)
            for cleanup in reversed(cleanups):
                cleanup()
    result = {
        "server": "gunicorn config.wsgi (production settings)",
        "workers": LOAD_WORKERS,
        "concurrency": LOAD_CONCURRENCY,
        "rounds": rounds,
        "requests_per_round": requests,
        "redis": bool(os.environ.get("BENCH_REDIS_URL")),
        "targets": figures_of(targets, walls[0], latencies[0], statuses[0]),
        "baseline": None,
    }
    if baseline:
        base = figures_of(servers[1][1], walls[1], latencies[1], statuses[1])
        comparison = []
        for target, now, then in zip(targets, result["targets"], base, strict=True):
            ratio = now["requests_per_s"] / then["requests_per_s"]
            row = {
                "case": target.case,
                "requests_per_s": now["requests_per_s"],
                "baseline_requests_per_s": then["requests_per_s"],
                "ratio": round(ratio, 2),
                "budget": target.budget,
                "pass": None if target.budget is None else ratio >= target.budget,
            }
            if target.conditional:
                row["budget"] = "304"
                row["pass"] = set(now["statuses"]) == {"304"}
            comparison.append(row)
        result["baseline"] = {
            "commit": BASELINE_COMMIT,
            "database": database,
            "targets": base,
            "comparison": comparison,
        }
    return result


def _statuses(row: dict) -> str:
    return " ".join(f"{k}×{v}" for k, v in row["statuses"].items())


def print_load(load: dict) -> None:
    print(
        f"\nLoad under gunicorn ({load['workers']} workers, {load['concurrency']}"
        f" concurrent clients, {load['rounds']} interleaved rounds of"
        f" {load['requests_per_round']} requests; Redis cache: "
        f"{'yes' if load['redis'] else 'no'}):"
    )
    tables = [("this checkout", load["targets"])]
    if load.get("baseline"):
        base = load["baseline"]
        tables.append(
            (
                f"baseline {base['commit'][:7]} ({base['database']} database)",
                base["targets"],
            )
        )
    for title, rows in tables:
        print(f"{title}:")
        print_rows(
            ("case", "req/s", "p50 ms", "p99 ms", "vs static", "statuses"),
            [
                (
                    t["case"],
                    f"{t['requests_per_s']:.1f}",
                    f"{t['p50_ms']:.1f}",
                    f"{t['p99_ms']:.1f}",
                    f"{t['ratio_to_static'] * 100:.1f} %",
                    _statuses(t),
                )
                for t in rows
            ],
        )
    if load.get("baseline"):
        print("this checkout against the baseline (requests/s):")
        print_rows(
            ("case", "now", "baseline", "ratio", "budget", ""),
            [
                (
                    row["case"],
                    f"{row['requests_per_s']:.1f}",
                    f"{row['baseline_requests_per_s']:.1f}",
                    f"{row['ratio']:.2f}×",
                    budget_label(row["budget"]),
                    verdict(row["pass"]),
                )
                for row in load["baseline"]["comparison"]
            ],
        )


def budget_label(budget) -> str:
    if budget is None:
        return ""
    if budget == "304":
        return "a 304"
    return f">= {budget:g}×"


def verdict(passed: bool | None) -> str:
    return "" if passed is None else ("PASS" if passed else "MISS")


def main() -> int:
    from benchmarks.harness import cleanup, django_start, media_overrides

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        django_start(tmpdir, "Campus load benchmark")
        from django.db import connections
        from django.test.utils import override_settings

        from benchmarks.pages import bench_data

        with override_settings(**media_overrides(tmpdir)):
            print("Loading the demo catalogue and building courses…", file=sys.stderr)
            data = bench_data()
            try:
                return result_print("campus-load", run_load(data), print_load)
            finally:
                cleanup(data)
                connections.close_all()


if __name__ == "__main__":
    sys.exit(main())
