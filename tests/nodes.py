"""Web nodes started with `make serve`, and what a test needs around them.

A node is `make serve` (production settings, collectstatic, migrate, gunicorn) in a
process group of its own, with its output in a log file; `stop()` ends the group
whatever happened. The database is a scratch one on the PostgreSQL server of
DATABASE_URL, created and dropped by the test; the cache is a Redis database of the
server of REDIS_URL, under a key prefix of the test's own, whose keys are deleted at
the end. Pages are read and forms posted as a browser does (cookies, CSRF token,
every field of the form sent back), through ``requests``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import lxml.html

REPO = Path(__file__).resolve().parent.parent
# A node starting writes to its log as it goes (collectstatic's summary, each
# migration, gunicorn's start): it is waited for as long as it makes progress, and
# given up when its log has not moved for STALL_TIMEOUT seconds (a busy machine
# compresses the static files for minutes before collectstatic says a word), or
# after START_TIMEOUT seconds in all.
STALL_TIMEOUT = 600
START_TIMEOUT = 1800
# The caller's settings that would otherwise reach the nodes.
NOT_INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CACHE_KEY_PREFIX",
    "DB_CONN_MAX_AGE",
    "DB_DISABLE_SERVER_SIDE_CURSORS",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "PORT",
    "WEB_CONCURRENCY",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def url_with_path(url: str, path: str) -> str:
    """``url`` (postgres://…, redis://…) naming another database: ``path``."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{path}"))


@contextmanager
def scratch_database(server_url: str, name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server of ``server_url``; its URL.

    Dropped at the end, the nodes' connections with it (FORCE)."""
    import psycopg

    maintenance = url_with_path(server_url, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_with_path(server_url, name)
    finally:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cache_keys_delete(redis_url: str, prefix: str) -> None:
    """Delete every key Django's cache wrote under ``prefix`` (nobody else's)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


class WebNode:
    """`make serve PORT=…` with ``env``: ``wait()`` until it answers, ``stop()``."""

    def __init__(self, name: str, port: int, env: dict, log: Path):
        self.name = name
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        venv = Path(sys.executable).parent.parent
        environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        environment.update(env)
        with log.open("wb") as output:
            # -o: the venv is the one running this test; never reinstall it.
            self.process = subprocess.Popen(
                [
                    "make",
                    "--no-print-directory",
                    "-o",
                    f"{venv}/.installed",
                    "serve",
                    f"PORT={port}",
                    f"VENV={venv}",
                ],
                cwd=REPO,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    def wait(self, host: str) -> None:
        """Until /health/ (asked for ``host``) says 200, database and cache
        answering; or fail with the end of the log if the node stops, stalls or
        never answers."""
        import requests

        started = moved = time.monotonic()
        size = -1
        while True:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"node {self.name} stopped (exit {self.process.returncode}):\n"
                    f"{self.log_tail()}"
                )
            try:
                answer = requests.get(
                    f"{self.url}/health/", headers={"Host": host}, timeout=5
                )
                if answer.status_code == 200:
                    return
            except requests.RequestException:
                pass
            now = time.monotonic()
            if self.log.stat().st_size != size:
                size, moved = self.log.stat().st_size, now
            if now - moved > STALL_TIMEOUT or now - started > START_TIMEOUT:
                raise AssertionError(
                    f"node {self.name} did not answer on {self.url} after "
                    f"{now - started:.0f} s (its log still for {now - moved:.0f} s):"
                    f"\n{self.log_tail()}"
                )
            time.sleep(0.3)

    def stop(self) -> None:
        """SIGTERM to the node's process group (make, gunicorn and its workers)."""
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


def manage(env: dict, *args: str) -> str:
    """`manage.py …` under the nodes' environment (their settings); its output."""
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def nodes_seed() -> None:
    """Print (JSON) the people and the course the two-node test works with.

    Run inside a node's settings (`manage.py shell -c`): a site admin, a learner
    enrolled in a one-lesson course, another learner whose password gets guessed.
    """
    from courses.models import LessonPage
    from learners.services.enrollment import enrollment_create
    from tests.factories.courses import course_create
    from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory, UserFactory

    course = course_create(title="Budget participatif", modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    admin = UserFactory(email="admin@campus.example", is_superuser=True, is_staff=True)
    ProfileFactory(user=admin)
    learner = ProfileFactory(
        user__email="awa.diop@dakar.example", user__first_name="Awa"
    ).user
    enrollment_create(user=learner, course=course)
    guessed = ProfileFactory(user__email="moussa.sarr@thies.example").user
    print(
        json.dumps(
            {
                "password": DEFAULT_PASSWORD,
                "admin": admin.email,
                "learner": learner.email,
                "guessed": guessed.email,
                "course": {"id": course.pk, "url": course.get_url()},
                "lesson": {"id": lesson.pk, "url": lesson.get_url()},
            }
        )
    )


def form_data(html: str, xpath: str) -> list[tuple[str, str]]:
    """What a browser would send for the one form ``xpath`` finds in ``html``, as it
    stands: every named field and its value (checked boxes, selected options, an
    empty string for an empty input), no button, no file, nothing inside a
    <template> (the empty form of an inline panel)."""
    (form,) = lxml.html.fromstring(html).xpath(xpath)
    data = []
    for field in form.inputs:
        if (
            not field.name
            or "disabled" in field.attrib
            or field.xpath("ancestor::template")
        ):
            continue
        if field.tag == "select":
            values = field.value if field.multiple else [field.value]
            data += [(field.name, value) for value in values if value is not None]
        elif field.tag == "textarea":
            # The newline right after <textarea> is markup (HTML drops it).
            value = field.value or ""
            data.append((field.name, value[1:] if value[:1] == "\n" else value))
        elif field.type not in {"submit", "image", "reset", "file", "button"}:
            if not field.checkable or field.checked:
                data.append((field.name, field.value or ""))
    return data


def stream_form_states(html: str) -> dict[str, object]:
    """The value of each StreamField of a Wagtail edit form, as the page gave it to
    the editor's JavaScript (which alone writes the StreamField's inputs)."""
    states = {}
    for element in lxml.html.fromstring(html).xpath('//*[@data-controller="w-block"]'):
        value, _errors = json.loads(element.get("data-w-block-arguments-value"))
        states[element.get("id")] = value
    return states


def stream_form_data(block, state, prefix: str) -> dict[str, object]:
    """The inputs Wagtail's editor posts for ``state`` of ``block`` (what its
    JavaScript would write): counts, types, order and ids of StreamBlock and
    ListBlock children, one input per StructBlock child, the value itself below."""
    from wagtail import blocks

    data: dict[str, object] = {}
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data.update(
                {f"{item}-deleted": "", f"{item}-order": str(index)},
            )
            data[f"{item}-id"] = child.get("id") or ""
            if isinstance(block, blocks.StreamBlock):
                data[f"{item}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            data.update(stream_form_data(child_block, child["value"], f"{item}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(
                stream_form_data(child_block, state.get(name), f"{prefix}-{name}")
            )
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    else:
        data[prefix] = "" if state is None else state
    return data
