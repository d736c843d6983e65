"""Build course trees for tests: real pages in the real Wagtail tree, published."""

import json
import uuid
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage, Topic

WORDS = "La commune vote son budget et rend compte aux habitants de chaque dépense. "


def image_create(title="Photo", size=(1600, 900), color="#336699"):
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{uuid.uuid4().hex}.png")
    )


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def lesson_body(words=300, extra=()):
    text = (WORDS * (words // 13 + 1)).split()[:words]
    return json.dumps(
        [
            block("heading", {"text": "Une section", "level": "h2"}),
            block("paragraph", f"<p>{' '.join(text)}</p>"),
            *extra,
        ]
    )


def catalog_get() -> CatalogPage:
    return CatalogPage.objects.get()


def publish(parent, page):
    """Add a live page (no revision: tests that need the editing history make their own)."""
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def course_create(
    *,
    title="Finances locales",
    slug=None,
    modules=2,
    lessons_per_module=2,
    level="debutant",
    language="fr",
    topics=(),
    catalog=None,
    summary=None,
    **fields,
):
    """A published course with `modules` modules of `lessons_per_module` lessons each."""
    catalog = catalog or catalog_get()
    course = CoursePage(
        title=title,
        slug=slug or uuid.uuid4().hex[:12],
        summary=summary or f"Résumé de {title}",
        level=level,
        language=language,
        **fields,
    )
    course.topics = list(topics)
    publish(catalog, course)
    for m in range(modules):
        module = publish(
            course, ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
        )
        for n in range(lessons_per_module):
            publish(
                module,
                LessonPage(
                    title=f"Leçon {m + 1}.{n + 1}",
                    slug=f"lecon-{m + 1}-{n + 1}",
                    body=lesson_body(),
                ),
            )
    return course


def lesson_create(module, *, title="Leçon", slug=None, body=None, live=True):
    lesson = LessonPage(
        title=title, slug=slug or uuid.uuid4().hex[:12], body=body or lesson_body()
    )
    if live:
        return publish(module, lesson)
    lesson.live = False
    module.add_child(instance=lesson)
    lesson.save_revision()
    return lesson


def topic_create(name="Finances locales", slug="finances-locales", parent=None):
    return Topic.objects.create(name=name, slug=slug, parent=parent)
