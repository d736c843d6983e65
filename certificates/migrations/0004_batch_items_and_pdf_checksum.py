"""Batches count their learners as rows (one item per learner, with its outcome)
and certificates keep the checksum of their stored PDF."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="pdf_sha256",
            field=models.CharField(
                blank=True,
                help_text="Of the stored PDF, taken when it was rendered.",
                max_length=64,
                verbose_name="PDF checksum (SHA-256)",
            ),
        ),
        migrations.AddField(
            model_name="certificatebatch",
            name="enqueued_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When a run of this batch was last queued (start or resume).",
                null=True,
                verbose_name="last queued at",
            ),
        ),
        migrations.CreateModel(
            name="CertificateBatchItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "name",
                    models.CharField(blank=True, max_length=300, verbose_name="name"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="e-mail address"
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("pending", "Pending"),
                            ("issued", "Issued"),
                            ("skipped", "Skipped"),
                            ("blocked", "Blocked by a revocation"),
                        ],
                        default="pending",
                        max_length=8,
                        verbose_name="outcome",
                    ),
                ),
                ("reason", models.TextField(blank=True, verbose_name="reason")),
                (
                    "processed_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="processed at"
                    ),
                ),
                (
                    "batch",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="certificates.certificatebatch",
                        verbose_name="batch",
                    ),
                ),
                (
                    "certificate",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="certificates.certificate",
                        verbose_name="certificate",
                    ),
                ),
                (
                    "revoked_certificate",
                    models.ForeignKey(
                        blank=True,
                        help_text="The revoked certificate that blocked this learner.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="certificates.certificate",
                        verbose_name="revoked certificate",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="learner",
                    ),
                ),
            ],
            options={
                "verbose_name": "batch item",
                "verbose_name_plural": "batch items",
                "indexes": [
                    models.Index(fields=["batch", "outcome"], name="batch_item_outcome")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("batch", "user"), name="batch_item_one_per_learner"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("outcome", "pending"), ("processed_at__isnull", True)
                            ),
                            models.Q(
                                models.Q(("outcome", "pending"), _negated=True),
                                ("processed_at__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="batch_item_processed_when_not_pending",
                    ),
                ],
            },
        ),
    ]
