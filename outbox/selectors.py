from django.db.models import Count

from outbox.models import OutboxMessage


def outbox_due_ids_get(*, now, limit: int) -> list[int]:
    """Ids of the pending messages whose next attempt is due, oldest first."""
    return list(
        OutboxMessage.objects.filter(
            state=OutboxMessage.State.PENDING, next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_counts_get() -> dict[str, int]:
    """How many messages are pending, sent and set aside."""
    counts = dict.fromkeys(OutboxMessage.State.values, 0)
    for row in OutboxMessage.objects.values("state").annotate(n=Count("pk")):
        counts[row["state"]] = row["n"]
    return counts
