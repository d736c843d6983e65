"""A throw-away redis-server for fault tests, and a switch pointing Celery at a broker.

Fault tests start their own Redis on a free port (never the machine's shared one),
stop it with SIGSTOP to play a hung broker, and shut it down at the end.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager

from kombu import pools

from config.celery import app


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server process of our own: ``url(db)``, ``stop()`` (hang), ``resume()``."""

    def __init__(self, tmp_path):
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_answering()

    def _wait_until_answering(self, seconds=10):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), 0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def url(self, db=0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def stop(self):
        """Freeze the server: it keeps its port (connections are accepted by the
        kernel) but never answers, like a hung broker."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def shutdown(self):
        self.resume()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def redis_available() -> bool:
    return shutil.which("redis-server") is not None


def drop_broker_connections():
    """Forget pooled broker connections so that a new broker_url takes effect."""
    from outbox import services

    pools.reset()  # kombu keeps producer pools per connection URL, process-wide
    app._pool = None
    app.amqp._producer_pool = None
    # A publish that failed in an earlier test pauses publishing in this process.
    services._publish_paused_until = 0.0


@contextmanager
def celery_broker(url, settings=None):
    """Point the Celery app (and, given pytest's ``settings``, Django's setting) at a
    broker and switch eager mode off for the block."""
    # Celery reads CELERY_BROKER_URL from the environment before its own settings.
    saved = (
        app.conf.task_always_eager,
        app.conf.broker_url,
        os.environ.get("CELERY_BROKER_URL"),
    )
    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["CELERY_BROKER_URL"] = url
    if settings is not None:
        settings.CELERY_BROKER_URL = url
    drop_broker_connections()
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url, env_url = saved
        if env_url is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = env_url
        drop_broker_connections()
