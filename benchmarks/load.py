"""Throughput under the production server: requests/s and p50/p99 latency of a static
file, the home page, the catalogue, a course page and a lesson, under gunicorn.

Run from the repository root:  .venv/bin/python benchmarks/load.py  (alone: it builds
the bench objects of benchmarks/pages.py first), or as a section of `make bench`.

It collects the static files into a temporary STATIC_ROOT and starts gunicorn
(`config.wsgi`, `config.settings.production` as `make serve` does, LOAD_WORKERS
workers, plain HTTP) on a free port against the bench database, with the bench's
SECRET_KEY so that a session made here logs the learner in on every worker (sessions
are stored in the database). `BENCH_REDIS_URL`, when set, becomes the server's
REDIS_URL (with a cache key prefix of its own, whose keys are deleted at the end). A bounded client of LOAD_CONCURRENCY
threads (http.client, a new connection per request, as gunicorn's sync workers close
them) then sends LOAD_REQUESTS requests to each target in turn, LOAD_ROUNDS rounds
interleaved, after a warm-up. Requests/s is the requests over the seconds of their
rounds; p50 and p99 are over every request; the ratio is against the static file.
gunicorn's process group is stopped at the end, whatever happens. Nothing asserts on
times; the figures are for reading and comparing runs on one machine.
"""

from __future__ import annotations

import gzip
import http.client
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


def load_targets(data: dict) -> list[tuple[str, str, bool]]:
    """(label, path, as the enrolled learner) of every target, the static file first."""
    return [
        ("static file", STATIC_PATH, False),
        ("home, anonymous", "/", False),
        ("catalogue, anonymous", "/cours/", False),
        ("course, anonymous", data["demo_course"].get_url(), False),
        ("lesson, enrolled learner", data["demo_lesson_url"], True),
    ]


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


def server_env(tmpdir: str) -> dict:
    """The environment of `make serve`, on the bench database, over plain HTTP."""
    from django.conf import settings

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=os.environ["DATABASE_URL"],
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


def get(port: int, path: str, cookie: str | None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "GET", path, headers={**HEADERS, **({"Cookie": cookie} if cookie else {})}
        )
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def server_wait(proc: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            if get(port, STATIC_PATH, None)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(
        f"gunicorn did not answer {STATIC_PATH}:\n{log.read_text()[-3000:]}"
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
    port: int, path: str, cookie: str | None, requests: int
) -> tuple[float, list]:
    """``requests`` GETs by LOAD_CONCURRENCY threads: (wall seconds, latencies)."""
    latencies: list[float] = []
    errors: list[str] = []
    remaining = iter(range(requests))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                if next(remaining, None) is None or errors:
                    return
            start = time.perf_counter()
            try:
                status, _ = get(port, path, cookie)
            except (OSError, http.client.HTTPException) as exc:
                status = repr(exc)  # stops the run below, as a wrong status does
            elapsed = time.perf_counter() - start
            with lock:
                if status != 200:
                    errors.append(f"{path} answered {status}, not 200")
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
    return wall, latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_load(
    data: dict, rounds: int = LOAD_ROUNDS, requests: int = LOAD_REQUESTS
) -> dict:
    """Start gunicorn on the bench database, measure every target, stop it."""
    targets = load_targets(data)
    cookie = learner_cookie(data["learner"])
    from django.urls import reverse

    logout = reverse("account_logout").encode()  # in the header for a logged-in user
    with tempfile.TemporaryDirectory(prefix="campus-load-") as tmpdir:
        env = server_env(tmpdir)
        print("Load: collecting static files for gunicorn…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=REPO,
            env=env,
            check=True,
        )
        port = free_port()
        log = Path(tmpdir) / "gunicorn.log"
        with log.open("wb") as log_file:
            proc = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "config.wsgi",
                    f"--bind=127.0.0.1:{port}",
                    f"--workers={LOAD_WORKERS}",
                ],
                cwd=REPO,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )
        try:
            server_wait(proc, port, log)
            status, body = get(port, targets[-1][1], cookie)
            if body[:2] == b"\x1f\x8b":  # gzip's magic number: a compressed answer
                body = gzip.decompress(body)
            if status != 200 or logout not in body:
                raise SystemExit(
                    f"the lesson did not answer the logged-in learner ({status})"
                )
            print(f"Load: {rounds} rounds × {len(targets)} targets…", file=sys.stderr)
            walls = {label: 0.0 for label, _, _ in targets}
            latencies: dict[str, list[float]] = {label: [] for label, _, _ in targets}
            for _label, path, logged in targets:
                burst(port, path, cookie if logged else None, LOAD_WARMUP)
            for _ in range(rounds):
                for label, path, logged in targets:
                    wall, times = burst(
                        port, path, cookie if logged else None, requests
                    )
                    walls[label] += wall
                    latencies[label] += times
        finally:
            server_stop(proc)
            cache_clear(env)
    static_rps = len(latencies[targets[0][0]]) / walls[targets[0][0]]
    figures = []
    for label, path, logged in targets:
        rps = len(latencies[label]) / walls[label]
        figures.append(
            {
                "case": label,
                "path": path,
                "learner": logged,
                "requests": len(latencies[label]),
                "requests_per_s": round(rps, 1),
                "p50_ms": round(statistics.median(latencies[label]) * 1000, 2),
                "p99_ms": round(percentile(latencies[label], 0.99) * 1000, 2),
                "ratio_to_static": round(rps / static_rps, 4),
            }
        )
    return {
        "server": "gunicorn config.wsgi (production settings)",
        "workers": LOAD_WORKERS,
        "concurrency": LOAD_CONCURRENCY,
        "rounds": rounds,
        "requests_per_round": requests,
        "redis": bool(os.environ.get("BENCH_REDIS_URL")),
        "targets": figures,
    }


def print_load(load: dict) -> None:
    print(
        f"\nLoad under gunicorn ({load['workers']} workers, {load['concurrency']}"
        f" concurrent clients, {load['rounds']} interleaved rounds of"
        f" {load['requests_per_round']} requests; Redis cache: "
        f"{'yes' if load['redis'] else 'no'}):"
    )
    print_rows(
        ("case", "req/s", "p50 ms", "p99 ms", "vs static"),
        [
            (
                t["case"],
                f"{t['requests_per_s']:.1f}",
                f"{t['p50_ms']:.1f}",
                f"{t['p99_ms']:.1f}",
                f"{t['ratio_to_static'] * 100:.1f} %",
            )
            for t in load["targets"]
        ],
    )


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
