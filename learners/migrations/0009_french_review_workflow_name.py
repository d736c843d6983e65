"""The review workflow gets a French name: Wagtail shows a workflow's name as stored
("Soumettre à « Relecture du cours »", and in its e-mails), and French is the
working language of Campus's editors. English admins read the same name, quoted, as
the proper name of the workflow (Wagtail cannot translate data)."""

from django.db import migrations

OLD, NEW = "Course review", "Relecture du cours"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=OLD).update(name=NEW)


def rename_back(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=NEW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [("learners", "0008_attempt_pending_index")]

    operations = [migrations.RunPython(rename, rename_back)]
