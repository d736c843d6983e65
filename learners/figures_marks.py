"""Marks that a course's report figures changed, written by the services that change
them (one helper, called from each), and the rebuild queued once they commit.

``reports`` keeps materialised figures (reports/services/figures.py) and cannot be
imported from here (imports flow learners ← certificates ← reports), so a mark is a
row of ``learners.FiguresChange`` in the caller's transaction, and the rebuild task
is asked for by its Celery name. Nothing is lost when the broker or Redis is down:
the marks stay, and Celery beat's sweep (``report-figures-sweep``) consumes them.
"""

import datetime
import logging
from collections.abc import Iterable

from celery import current_app
from django.core.cache import cache
from django.db import transaction

from learners.models import Enrollment, FiguresChange, User

logger = logging.getLogger(__name__)

#: The task that rebuilds the figures of every marked course (reports/tasks.py).
REBUILD_TASK = "reports.tasks.report_figures_pending_rebuild_task"
#: A burst of changes within this many seconds makes one rebuild: the task waits
#: DEBOUNCE_SECONDS, and the key saying it is queued lasts a little less, so that a
#: change marked while the key is set is committed before the task reads the marks.
DEBOUNCE_SECONDS = 30
DEBOUNCE_KEY_SECONDS = 25
DEBOUNCE_KEY = "reports:figures:rebuild-queued"
#: A learner is "active" in the reports when their last activity in the course is
#: at most this many days old.
ACTIVE_DAYS = 30


def activity_changes_figures(last_activity_at, now) -> bool:
    """Whether new activity of a learner whose last one was ``last_activity_at``
    changes a figure: only when they were not counted as active already (a lesson
    read by an active learner moves nothing, and must cost no rebuild)."""
    return last_activity_at is None or last_activity_at < now - datetime.timedelta(
        ACTIVE_DAYS
    )


def course_figures_changed(
    *, course_ids: Iterable[int] = (), user: User | None = None
) -> None:
    """Mark the courses' figures as changed, in the current transaction; with
    ``user``, every course the learner is enrolled in too (their profile or account
    changed). Once the transaction commits, the rebuild is queued (debounced: one
    task for every change of the next ``DEBOUNCE_SECONDS``; at once in eager mode).
    A rolled-back change leaves no mark."""
    ids = {int(course_id) for course_id in course_ids if course_id is not None}
    if user is not None and user.pk is not None:
        ids.update(
            Enrollment.objects.filter(user=user).values_list("course_id", flat=True)
        )
    if not ids:
        return
    FiguresChange.objects.bulk_create(
        FiguresChange(course_id=course_id) for course_id in sorted(ids)
    )
    transaction.on_commit(figures_rebuild_queue)


def figures_rebuild_queue() -> None:
    """Ask for the rebuild of the marked courses; never raises (the sweep of Celery
    beat consumes the marks when the broker does not answer)."""
    try:
        if current_app.conf.task_always_eager:
            task = current_app.tasks.get(REBUILD_TASK)
            if task is not None:
                task.apply()
            return
        if cache.add(DEBOUNCE_KEY, 1, timeout=DEBOUNCE_KEY_SECONDS):
            current_app.send_task(REBUILD_TASK, countdown=DEBOUNCE_SECONDS)
    except Exception:
        logger.warning("Report figures: rebuild left for the sweep", exc_info=True)
