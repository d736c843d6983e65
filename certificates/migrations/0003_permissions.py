"""Certificate admins issue, re-issue and revoke certificates, edit designs and course
rules and start batches; trainers only look (Wagtail's admin checks these model
permissions on every screen)."""

from django.db import migrations

ADMIN_ACTIONS = ("add", "change", "view")

GRANTS = {
    "Certificate admins": [
        ("certificatetemplate", ADMIN_ACTIONS),
        ("certificaterule", (*ADMIN_ACTIONS, "delete")),
        ("certificate", ADMIN_ACTIONS),
        ("certificatebatch", ADMIN_ACTIONS),
    ],
    "Trainers": [
        ("certificatetemplate", ("view",)),
        ("certificaterule", ("view",)),
        ("certificate", ("view",)),
        ("certificatebatch", ("view",)),
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
        for model, actions in grants:
            content_type, _ = ContentType.objects.get_or_create(
                app_label="certificates", model=model
            )
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, grants in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in grants:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="certificates",
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_default_design"),
        ("learners", "0008_attempt_pending_index"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
