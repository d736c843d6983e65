"""Topic names become unique (case aside): the demo data had an axis and a finer topic
both called "Services essentiels", listed twice in the trainer's topic choices.

Existing databases are fixed first: the finer topic gets its new demo name, and any
other clash gets a numbered name that an editor can change.
"""

import django.db.models.functions.text
from django.db import migrations, models

RENAMED = {"services-essentiels": "Gestion des services urbains"}
RENAMED_EN = {"services-essentiels": "Managing urban services"}


def topic_names_deduplicate(apps, schema_editor):
    Topic = apps.get_model("courses", "Topic")
    for slug, name in RENAMED.items():
        topic = Topic.objects.filter(slug=slug, parent__isnull=False).first()
        if topic and Topic.objects.filter(name__iexact=topic.name).count() > 1:
            topic.name, topic.name_en = name, RENAMED_EN[slug]
            topic.save(update_fields=["name", "name_en"])
    seen = set()
    for topic in Topic.objects.order_by(
        models.F("parent_id").asc(nulls_first=True), "pk"
    ):  # axes keep their names
        key, n = topic.name.lower(), 1
        while key in seen:
            n += 1
            key = f"{topic.name} ({n})".lower()
        if n > 1:
            topic.name = f"{topic.name} ({n})"
            topic.save(update_fields=["name"])
        seen.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_questions_start_with_two_answers"),
    ]

    operations = [
        migrations.RunPython(topic_names_deduplicate, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                name="courses_topic_name_unique",
                violation_error_message="A topic with this name already exists.",
            ),
        ),
    ]
