from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One side effect that must happen once its cause has committed (an e-mail, a
    PDF to render, later an xAPI statement).

    Written in the same transaction as its cause, so it exists exactly when the cause
    does; delivered by a Celery worker right after the commit, or by the periodic
    sweep when the broker was unreachable; retried with back-off, then set aside.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (set aside)")

    kind = models.CharField(_("kind"), max_length=100)
    payload = models.JSONField(_("payload"), default=dict, encoder=DjangoJSONEncoder)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    dedup_key = models.CharField(
        _("deduplication key"),
        max_length=200,
        blank=True,
        help_text=_("A second message with the same key is not recorded."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            models.UniqueConstraint(
                fields=["dedup_key"],
                condition=~Q(dedup_key=""),
                name="outbox_message_unique_dedup_key",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "sent", "failed"]),
                name="outbox_message_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="sent") | Q(sent_at__isnull=False),
                name="outbox_message_sent_has_sent_at",
            ),
        ]
        indexes = [
            # The sweep's query: pending messages that are due, oldest first.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="outbox_message_due_idx",
            ),
            # Pruning sent messages.
            models.Index(
                fields=["sent_at"],
                condition=Q(state="sent"),
                name="outbox_message_sent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.state})"
