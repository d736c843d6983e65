"""Trainers and certificate admins may open the learning listings (enrolments and
progress, quiz attempts, issued certificates): the "view" permission of each model.

What they see is still limited by the report scope (reports/scope.py). City
coordinators get no permission here: they follow their city on the public site.
"""

from django.db import migrations

VIEW = {
    "learners": ("enrollment", "quizattempt"),
    "certificates": ("certificate",),
}
GROUPS = ("Trainers", "Certificate admins")
#: The only grant no earlier migration makes (learners 0007 and certificates 0003
#: already grant the other two for their own screens), hence the only one taken back.
ONLY_HERE = ("learners", "enrollment")


def _permission(apps, app_label, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"view_{model}",
        defaults={"name": f"Can view {model}"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permissions = [
        _permission(apps, app_label, model)
        for app_label, models in VIEW.items()
        for model in models
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _permission(apps, *ONLY_HERE)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0008_attempt_pending_index"),
        ("certificates", "0003_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
