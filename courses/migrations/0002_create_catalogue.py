"""Create the course catalogue under the home page, where trainers will work."""

from django.db import migrations


def create_catalogue(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    CatalogPage = apps.get_model("courses.CatalogPage")

    home = HomePage.objects.order_by("path").first()
    if home is None or CatalogPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="catalogpage"
    )
    last_child = (
        Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        .order_by("-path")
        .first()
    )
    position = int(last_child.path[-4:], 36) + 1 if last_child else 1
    suffix = ""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for _ in range(4):
        position, rest = divmod(position, 36)
        suffix = digits[rest] + suffix
    CatalogPage.objects.create(
        title="Catalogue des cours",
        draft_title="Catalogue des cours",
        slug="cours",
        content_type=content_type,
        path=home.path + suffix,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}cours/",
        locale_id=home.locale_id,
        intro="<p>Des cours courts et pratiques pour les agents et les élus des villes francophones.</p>",
        live=True,
        has_unpublished_changes=False,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def remove_catalogue(apps, schema_editor):
    apps.get_model("courses.CatalogPage").objects.filter(slug="cours").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("cms", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_catalogue, remove_catalogue)]
