"""Load the demo catalogue of `make run` (the data files of demo/content) into the page
tree.

``content/catalogue.json`` lists the topics and the courses in catalogue order; each
course folder holds ``course.json`` (the course, its modules and lessons, its final
assessment's settings and its question banks), one lesson body per lesson
(``<lesson-slug>.json``, StreamField raw data) and its questions as ``.gift`` files.
demo/README.md says why and how to add to them.

Every lesson body goes through the validation of the lesson editor (its stream block's
``to_python`` and ``clean``) and is published as a revision, as a trainer's edit is;
every ``.gift`` file goes through ``questions_import``, the importer behind the
admin's "Import questions". A file they refuse stops the load with its problems.

Idempotent: topics, trainers, images, courses, quizzes and question banks that
already exist (by slug, name or title) are left as they are. Pictures are drawn here
with Pillow; nothing is downloaded.
"""

import json
from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from cms.fonts import font_get
from courses.models import (
    CatalogPage,
    CourseOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
    QuestionBank,
    QuizDraw,
    QuizPage,
    Topic,
    Trainer,
)
from courses.services import issue_text, question_bank_entries_sync, questions_import

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FINAL_QUIZ_SLUG = "evaluation-finale"
#: The settings of a final assessment that course.json gives, as QuizPage fields.
QUIZ_SETTINGS = (
    "slug",
    "title",
    "title_en",
    "intro",
    "pass_mark",
    "max_attempts",
    "time_limit_minutes",
    "grading_method",
    "review_policy",
    "shuffle_questions",
    "shuffle_choices",
    "required",
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
    # Pillow's default font has no accents ("Pr☐voir"): draw with the shipped DejaVu.
    font = font_get(max(28, width // 18))
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


class DemoContentError(Exception):
    """A data file of demo/content that the editor's validation or the importer
    refuses; the message names the file and every problem."""


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def catalogue_get() -> dict:
    """``catalogue.json``: the topics, and the course slugs in catalogue order."""
    return _json(CONTENT_DIR / "catalogue.json")


def course_data_list() -> list[dict]:
    """Each course's ``course.json``, in catalogue order, with ``folder`` added."""
    courses = []
    for slug in catalogue_get()["courses"]:
        data = _json(CONTENT_DIR / slug / "course.json")
        courses.append({**data, "folder": CONTENT_DIR / slug})
    return courses


def lesson_body_get(path: Path):
    """The lesson body stored in ``path``, validated as the lesson editor validates it.

    An image block names the picture to draw (``{"title": …, "color": …}``) instead
    of an image id. Raises DemoContentError when the body's stream block refuses it
    or does not know one of its block types.
    """
    raw = _json(path)
    for block in raw:
        if block["type"] == "image" and isinstance(block["value"]["image"], dict):
            picture = block["value"]["image"]
            block["value"]["image"] = _picture(
                picture["title"], picture.get("color", "#0b4f8a")
            ).pk
    stream_block = LessonPage._meta.get_field("body").stream_block
    # to_python drops blocks of an unknown type without a word: a typo would lose text.
    unknown = {block["type"] for block in raw} - set(stream_block.child_blocks)
    if unknown:
        raise DemoContentError(f"{path}: unknown block types {sorted(unknown)}.")
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise DemoContentError(f"{path}: {error}") from error


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def demo_catalogue_load() -> list[str]:
    """Create the demo topics, trainers, courses and their final assessments; return
    the titles of new courses. Raises DemoContentError for a file that is refused."""
    topics = {}
    for data in catalogue_get()["topics"]:
        topic, _ = Topic.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "name_en": data["name_en"],
                "description": data["description"],
                "parent": topics.get(data["parent"]),
            },
        )
        topics[data["slug"]] = topic

    catalog = CatalogPage.objects.order_by("path").first()
    created = []
    for data in course_data_list():
        existing = CoursePage.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            _final_quiz_load(existing, data)
            continue
        trainer, _ = Trainer.objects.get_or_create(
            name=data["trainer"]["name"], defaults={"bio": data["trainer"]["bio"]}
        )
        fields = ("title", "title_en", "slug", "summary", "summary_en", "description")
        course = CoursePage(
            **{name: data[name] for name in fields},
            level=data["level"],
            language=data["language"],
            prerequisites=data["prerequisites"],
            cover_image=_picture(data["cover"]["title"], data["cover"]["color"]),
        )
        course.outcomes = [
            CourseOutcome(text=text, sort_order=n)
            for n, text in enumerate(data["outcomes"])
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
                    title=module_data["title"],
                    title_en=module_data["title_en"],
                    slug=module_data["slug"],
                ),
            )
            for lesson in module_data["lessons"]:
                body = lesson_body_get(data["folder"] / f"{lesson['slug']}.json")
                _publish(
                    module,
                    LessonPage(
                        title=lesson["title"],
                        title_en=lesson["title_en"],
                        slug=lesson["slug"],
                        body=body,
                    ),
                )
        _final_quiz_load(course, data)
        created.append(course.title)
    return created


def _final_quiz_load(course: CoursePage, data: dict) -> None:
    """The course's final assessment, last page of its last module (made once): its
    settings from course.json, its questions imported from its .gift file, its draws
    from the course's banks."""
    settings = data["final_quiz"]
    module = (
        ModulePage.objects.child_of(course)
        .filter(slug=data["modules"][-1]["slug"])
        .first()
    )
    if (
        module is None
        or QuizPage.objects.child_of(module).filter(slug=settings["slug"]).exists()
    ):
        return
    banks = {bank["name"]: _bank_load(data["folder"], bank) for bank in data["banks"]}
    quiz = QuizPage(**{name: settings[name] for name in QUIZ_SETTINGS}, live=False)
    quiz.draws = [
        QuizDraw(
            bank=banks[draw["bank"]], category=draw["category"], count=draw["count"]
        )
        for draw in settings["draws"]
    ]
    module.add_child(instance=quiz)
    path = data["folder"] / settings["questions"]
    _gift_import(path, quiz=quiz)
    page = quiz.get_latest_revision_as_object()
    page.questions = json.dumps(_essays_set(page.questions.raw_data, settings, path))
    page.save_revision().publish()


def _bank_load(folder: Path, data: dict) -> QuestionBank:
    """A question bank of the course (made once, by name), its questions imported from
    its .gift file (their categories are the file's ``$CATEGORY:`` lines)."""
    bank = QuestionBank.objects.filter(name=data["name"]).first()
    if bank is not None:
        return bank
    bank = QuestionBank.objects.create(
        name=data["name"], description=data["description"]
    )
    path = folder / data["questions"]
    _gift_import(path, bank_name=bank.name)
    bank.refresh_from_db()
    bank.questions = json.dumps(_essays_set(bank.questions.raw_data, data, path))
    bank.save()
    question_bank_entries_sync(bank=bank)
    return bank


def _gift_import(path: Path, **target) -> None:
    result = questions_import(
        text=path.read_text(encoding="utf-8"), fmt="gift", **target
    )
    if not result.ok:
        problems = "; ".join(issue_text(issue) for issue in result.issues)
        raise DemoContentError(f"{path}: {problems}")


def _essays_set(raw_blocks, data: dict, path: Path) -> list[dict]:
    """The imported blocks with the marks and grading notes of their essays.

    GIFT carries neither (the importer gives every question 1 mark, and an essay no
    notes for its grader): course.json gives them, one entry per essay in file order.
    """
    blocks = [dict(block) for block in raw_blocks]
    essays = [block for block in blocks if block["type"] == "essay"]
    if len(essays) != len(data.get("essays", [])):
        raise DemoContentError(
            f"{path}: {len(essays)} essays, but course.json describes "
            f"{len(data.get('essays', []))}."
        )
    for block, essay in zip(essays, data.get("essays", []), strict=True):
        block["value"] = {
            **block["value"],
            "marks": essay["marks"],
            "grader_info": essay["grader_info"],
        }
    return blocks
