"""The batch counters and JSON report, replaced by the items (0005 copied them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("certificates", "0005_batch_reports_to_items")]

    operations = [
        migrations.RemoveField(
            model_name="certificatebatch",
            name="finished_at",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="issued",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="processed",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="report",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="skipped",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="state",
        ),
        migrations.RemoveField(
            model_name="certificatebatch",
            name="total",
        ),
    ]
