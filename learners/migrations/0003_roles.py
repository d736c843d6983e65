"""Create the role groups and give them their Wagtail admin permissions.

Trainers edit pages under the home page and manage images and documents; certificate
admins reach the admin (their certificate permissions come with the certificate
models); city coordinators work on the public site.
"""

from django.db import migrations

TRAINERS = "Trainers"
CERTIFICATE_ADMINS = "Certificate admins"
CITY_COORDINATORS = "City coordinators"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    access_admin = _permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    certificate_admins, _ = Group.objects.get_or_create(name=CERTIFICATE_ADMINS)
    Group.objects.get_or_create(name=CITY_COORDINATORS)
    trainers.permissions.add(access_admin)
    certificate_admins.permissions.add(access_admin)

    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is not None:
        for codename in ("add_page", "change_page"):
            permission = _permission(apps, "wagtailcore", "page", codename, codename)
            GroupPagePermission.objects.get_or_create(
                group=trainers, page=home, permission=permission
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model in (
            ("wagtailimages", "image"),
            ("wagtaildocs", "document"),
        ):
            for action in ("add", "change", "choose"):
                permission = _permission(
                    apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=trainers, collection=root_collection, permission=permission
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(
        name__in=[TRAINERS, CERTIFICATE_ADMINS, CITY_COORDINATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_profile_municipality_coordinator"),
        ("cms", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
