"""Load the demo catalogue of `make run` (courses/demo_catalogue.py) into the page tree.

Idempotent: topics, trainers, images and courses that already exist (by slug, name
or title) are left as they are. Pictures are drawn here with Pillow; nothing is
downloaded.
"""

import json
import uuid
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from courses import demo_catalogue
from courses.models import (
    CatalogPage,
    CourseOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
    Topic,
    Trainer,
)


def _picture(title: str, color: str, size=(1200, 675)):
    """A Wagtail image: a coloured panel with the title drawn on it (made once per title)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", size, color)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    for i in range(0, width, 60):  # a light diagonal pattern, so it is not a flat block
        draw.line([(i, height), (i + height // 2, 0)], fill=_shade(color, 18), width=14)
    font = ImageFont.load_default(size=max(28, width // 18))
    lines = _wrap(draw, title, font, width - 160)
    line_height = font.size + 14
    top = (height - line_height * len(lines)) // 2
    for n, line in enumerate(lines):
        draw.text((80, top + n * line_height), line, font=font, fill="white")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower())[:40]
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{slug}.png")
    )


def _shade(color: str, amount: int) -> tuple[int, int, int]:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(min(255, c + amount) for c in (r, g, b))


def _wrap(draw, text, font, max_width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _block(kind, value):
    """One demo block as StreamField raw data."""
    if kind == "heading":
        value = {"text": value, "level": "h2"}
    elif kind == "faq":
        value = {"title": "", "items": value}
    elif kind == "table":
        value = {
            "data": [value["header"], *value["rows"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": value.get("caption", ""),
        }
    elif kind == "image":
        image = _picture(value["title"], value.get("color", "#0b4f8a"))
        value = {
            "image": image.pk,
            "alt": value["alt"],
            "caption": value.get("caption", ""),
        }
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def demo_catalogue_load() -> list[str]:
    """Create the demo topics, trainers and courses; return the titles of new courses."""
    topics = {}
    for data in demo_catalogue.TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name_fr"],
                "name_en": data.get("name_en", ""),
                "description": data.get("description_fr", ""),
                "parent": topics.get(data.get("parent")),
            },
        )
        topics[data["slug"]] = topic

    catalog = CatalogPage.objects.order_by("path").first()
    created = []
    for data in demo_catalogue.COURSES:
        if CoursePage.objects.filter(slug=data["slug"]).exists():
            continue
        trainer, _ = Trainer.objects.get_or_create(
            name=data["trainer"]["name"],
            defaults={"bio": data["trainer"].get("bio_fr", "")},
        )
        course = CoursePage(
            title=data["title_fr"],
            title_en=data.get("title_en", ""),
            slug=data["slug"],
            summary=data["summary_fr"],
            summary_en=data.get("summary_en", ""),
            description=f"<p>{data['description_fr']}</p>",
            level=data["level"],
            language=data.get("language", "fr"),
            prerequisites=data.get("prerequisites_fr", ""),
            cover_image=_picture(data["cover"]["title"], data["cover"]["color"]),
        )
        course.outcomes = [
            CourseOutcome(text=text, sort_order=n)
            for n, text in enumerate(data["outcomes_fr"])
        ]
        # Courses carry their finer topics; the axis above them is implied.
        fine = [topics[slug] for slug in data["topics"] if topics[slug].parent_id]
        course.topics = fine or [topics[slug] for slug in data["topics"]]
        course.trainers = [trainer]
        _publish(catalog, course)
        for module_data in data["modules"]:
            module = _publish(
                course,
                ModulePage(
                    title=module_data["title_fr"],
                    title_en=module_data.get("title_en", ""),
                    slug=module_data["slug"],
                ),
            )
            for lesson_data in module_data["lessons"]:
                _publish(
                    module,
                    LessonPage(
                        title=lesson_data["title_fr"],
                        title_en=lesson_data.get("title_en", ""),
                        slug=lesson_data["slug"],
                        body=json.dumps(
                            [_block(kind, value) for kind, value in lesson_data["body"]]
                        ),
                    ),
                )
        created.append(course.title)
    return created
