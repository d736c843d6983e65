"""Ship one certificate design in French, ready to use."""

from django.db import migrations

BODY = (
    "<p>a suivi avec succès la formation <b>{course}</b>, achevée le {date}.</p>"
    "<p>Durée de la formation : {hours} heures. "
    "Score global aux évaluations : {score}.</p>"
)


def create(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    CertificateSignatory = apps.get_model("certificates", "CertificateSignatory")
    if CertificateTemplate.objects.filter(name="Campus — modèle français").exists():
        return
    template = CertificateTemplate.objects.create(
        name="Campus — modèle français",
        title="Attestation de réussite",
        body=BODY,
        issuer_name="Campus des villes francophones",
        language="fr",
        orientation="landscape",
    )
    CertificateSignatory.objects.create(
        template=template,
        sort_order=0,
        name="La direction de la formation",
        role="Campus des villes francophones",
    )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_certificates")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
