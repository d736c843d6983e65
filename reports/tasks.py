"""Background rebuilds of the stored report figures (thin: the work is in
reports/services/figures.py)."""

from celery import shared_task


@shared_task(acks_late=True, ignore_result=True)
def report_figures_pending_rebuild_task() -> int:
    """Rebuild the figures of the courses marked as changed (queued after a change
    commits, debounced, and by Celery beat's sweep; idempotent)."""
    from reports.services.figures import report_figures_pending_rebuild

    return report_figures_pending_rebuild()


@shared_task(acks_late=True, ignore_result=True)
def report_figures_rebuild_all_task() -> int:
    """Recompute every stored figure (Celery beat, daily: "active" decays with time)."""
    from reports.services.figures import report_figures_rebuild_all

    return report_figures_rebuild_all()
