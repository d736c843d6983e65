"""Each batch's JSON report becomes items; an unfinished batch gets pending items for
the learners it still had to process (so the sweep finishes it)."""

from django.db import migrations


def _processed_at(batch):
    return batch.finished_at or batch.created_at


def reports_to_items(apps, schema_editor):
    Batch = apps.get_model("certificates", "CertificateBatch")
    Item = apps.get_model("certificates", "CertificateBatchItem")
    Certificate = apps.get_model("certificates", "Certificate")
    User = apps.get_model("learners", "User")
    Enrollment = apps.get_model("learners", "Enrollment")
    for batch in Batch.objects.all().iterator():
        seen = set()
        for entry in batch.report or []:
            user_id = entry.get("user_id")
            if user_id in seen:
                continue
            seen.add(user_id)
            certificate_id = entry.get("certificate_id")
            if (
                certificate_id
                and not Certificate.objects.filter(pk=certificate_id).exists()
            ):
                certificate_id = None
            Item.objects.create(
                batch=batch,
                user_id=user_id
                if user_id and User.objects.filter(pk=user_id).exists()
                else None,
                name=entry.get("name") or "",
                email=entry.get("email") or "",
                outcome="issued" if entry.get("outcome") == "issued" else "skipped",
                reason=entry.get("reason") or "",
                certificate_id=certificate_id,
                processed_at=_processed_at(batch),
            )
        if batch.state == "done":
            continue
        if batch.user_ids is not None:
            left = User.objects.filter(pk__in=batch.user_ids)
        else:
            holders = Certificate.objects.filter(
                course_id=batch.course_id, state="valid"
            ).values("user_id")
            left = User.objects.filter(
                pk__in=Enrollment.objects.filter(
                    course_id=batch.course_id, completed_at__isnull=False
                ).values("user_id")
            ).exclude(pk__in=holders)
        for user in left.exclude(pk__in=[pk for pk in seen if pk]):
            Item.objects.create(
                batch=batch,
                user=user,
                name=f"{user.first_name} {user.last_name}".strip(),
                email=user.email,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_batch_items_and_pdf_checksum"),
        ("learners", "0008_attempt_pending_index"),
    ]

    operations = [migrations.RunPython(reports_to_items, migrations.RunPython.noop)]
