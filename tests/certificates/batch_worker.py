"""A real Celery worker for the crash test of certificate batches.

Started by tests/certificates/test_batch_crash.py as a subprocess (then killed with
SIGKILL); the only difference with ``celery -A config worker`` is that each learner
of a batch takes BATCH_ITEM_DELAY seconds more, so that the test can kill it
mid-batch. Tasks go through the broker (eager mode off, whatever the settings).
"""

import os
import sys
import time

import django

django.setup()

from certificates import batches  # noqa: E402
from config.celery import app  # noqa: E402

_item_process = batches._item_process


def _slow_item_process(**kwargs):
    time.sleep(float(os.environ.get("BATCH_ITEM_DELAY", "0.2")))
    return _item_process(**kwargs)


batches._item_process = _slow_item_process
app.conf.task_always_eager = False

if __name__ == "__main__":
    app.worker_main(["worker", *sys.argv[1:]])
