"""Trainers work inside the catalogue only, and publish through the "Course review" workflow.

Moves the trainers' page permissions from the home page to the catalogue (add and
edit, never publish), lets certificate admins edit and publish there, and attaches a
workflow whose single task is approved by a certificate admin (or a superuser).
"""

from django.db import migrations

TRAINERS = "Trainers"
CERTIFICATE_ADMINS = "Certificate admins"


def _permission(apps, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return permission


def setup(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    CatalogPage = apps.get_model("courses.CatalogPage")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    catalogue = CatalogPage.objects.order_by("path").first()
    trainers = Group.objects.get(name=TRAINERS)
    reviewers = Group.objects.get(name=CERTIFICATE_ADMINS)
    if catalogue is None:
        return
    GroupPagePermission.objects.filter(group=trainers).exclude(
        page_id=catalogue.pk
    ).delete()
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=trainers, page_id=catalogue.pk, permission=_permission(apps, codename)
        )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=reviewers,
            page_id=catalogue.pk,
            permission=_permission(apps, codename),
        )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Relecture par un gestionnaire des certificats",
        defaults={"content_type": task_type, "active": True},
    )
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(
        name="Course review", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page_id=catalogue.pk, defaults={"workflow": workflow}
    )


def teardown(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name="Course review").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0003_roles"),
        ("courses", "0002_create_catalogue"),
    ]

    operations = [migrations.RunPython(setup, teardown)]
