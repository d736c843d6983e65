"""Designs print the training's duration in words ({duration}: "1 heure", "30
minutes") instead of "{hours} heures" ("1 heures", "0,5 heures"). Certificates
already issued keep their frozen text."""

import wagtail.fields
from django.db import migrations

REPLACEMENTS = (("{hours} heures", "{duration}"), ("{hours} hours", "{duration}"))


def forwards(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    for template in CertificateTemplate.objects.all():
        body = template.body
        for old, new in REPLACEMENTS:
            body = body.replace(old, new)
        if body != template.body:
            CertificateTemplate.objects.filter(pk=template.pk).update(body=body)


def backwards(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    for template in CertificateTemplate.objects.filter(body__contains="{duration}"):
        body = template.body.replace(
            "{duration}",
            "{hours} hours" if template.language == "en" else "{hours} heures",
        )
        CertificateTemplate.objects.filter(pk=template.pk).update(body=body)


class Migration(migrations.Migration):
    dependencies = [("certificates", "0007_certificate_outlives_its_holder")]

    operations = [
        migrations.AlterField(
            model_name="certificatetemplate",
            name="body",
            field=wagtail.fields.RichTextField(
                help_text="Placeholders: {learner}, {course}, {date}, {score}, "
                "{duration} (in words: “30 minutes”, “1 hour”), {hours} (a number); "
                "they are replaced by the learner's data when the certificate is "
                "issued.",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
