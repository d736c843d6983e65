from celery import shared_task


@shared_task(acks_late=True, ignore_result=True)
def outbox_deliver_task(message_id: int) -> None:
    """Deliver one outbox message (queued right after its cause commits)."""
    from outbox.services import outbox_message_deliver

    outbox_message_deliver(message_id=message_id)


@shared_task(acks_late=True, ignore_result=True)
def outbox_sweep_task() -> int:
    """Deliver what the broker never carried, and the retries (Celery beat)."""
    from outbox.services import outbox_sweep

    return outbox_sweep()
