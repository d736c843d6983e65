"""Trainers and certificate admins manage question banks; trainers grade quiz attempts."""

from django.db import migrations

GRANTS = {
    "Trainers": [
        ("courses", "questionbank", ("add", "change", "delete", "view")),
        ("learners", "quizattempt", ("view", "change")),
    ],
    "Certificate admins": [
        ("courses", "questionbank", ("add", "change", "delete", "view")),
        ("learners", "quizattempt", ("view", "change")),
    ],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for group_name, grants in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for app_label, model, actions in grants:
            content_type, _ = ContentType.objects.get_or_create(
                app_label=app_label, model=model
            )
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0006_quiz_attempts"),
        ("courses", "0004_quizzes"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
