"""Load the demo catalogue of `make run` (courses/demo_catalogue.py) into the page tree.

Idempotent: topics, trainers, images, courses, quizzes and question banks that
already exist (by slug, name or title) are left as they are. Pictures are drawn here
with Pillow; nothing is downloaded.

The catalogue's module quizzes become one final assessment per course, the last page
of its last module, holding every question of the course. The ISO 37001 course's
questions go into a question bank instead (one category per module) and its final
assessment draws two of each category, so that a retake asks other questions.
"""

import html
import json
import uuid
from io import BytesIO

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
    ReviewPolicy,
    Topic,
    Trainer,
)
from courses.question_blocks import BLOCK_BY_QTYPE
from demo import catalogue_data as demo_catalogue

FINAL_QUIZ_SLUG = "evaluation-finale"
BANK_COURSE_SLUG = "iso-37001-anticorruption-collectivites"
BANK_NAME = "ISO 37001 — banque de questions"
# Essays stay out of the random draws: an attempt that asks one waits for a trainer.
BANK_ESSAY_CATEGORY = "Questions ouvertes (correction par un formateur)"
DRAWN_PER_MODULE = 2


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
    """Create the demo topics, trainers, courses and their final assessments; return
    the titles of new courses."""
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
        existing = CoursePage.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            _final_quiz_load(existing, data)
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
        _final_quiz_load(course, data)
        created.append(course.title)
    return created


def _final_quiz_load(course: CoursePage, data: dict) -> None:
    """The course's final assessment, last page of its last module (made once)."""
    modules = data["modules"]
    module = (
        ModulePage.objects.child_of(course).filter(slug=modules[-1]["slug"]).first()
    )
    if (
        module is None
        or QuizPage.objects.child_of(module).filter(slug=FINAL_QUIZ_SLUG).exists()
    ):
        return
    questions = [q for m in modules for q in m["quiz"]["questions"]]
    # "ISO 37001 : un système…" gives "Évaluation finale : ISO 37001".
    short_fr = data["title_fr"].split(" : ")[0]
    short_en = data.get("title_en", data["title_fr"]).split(": ")[0]
    course_title = html.escape(data["title_fr"], quote=False)
    quiz = QuizPage(
        title=f"Évaluation finale : {short_fr}",
        title_en=f"Final assessment: {short_en}",
        slug=FINAL_QUIZ_SLUG,
        intro=(
            f"<p>Cette évaluation clôt le cours « {course_title} » : "
            "elle porte sur l'ensemble des modules. Il faut la réussir pour terminer "
            "le cours.</p>"
        ),
        pass_mark=max(m["quiz"].get("pass_mark", 60) for m in modules),
        max_attempts=3,
        review_policy=ReviewPolicy.AFTER_EACH,
        shuffle_choices=True,
        required=True,
    )
    if data["slug"] == BANK_COURSE_SLUG:
        bank = _bank_load(data)
        instructions = (
            f"Cette évaluation tire au hasard {DRAWN_PER_MODULE} questions de chacun "
            f"des {len(modules)} modules du cours, dans la banque de questions "
            "ISO 37001. Si vous la repassez, vous aurez en priorité des questions "
            "que vous n'avez pas encore vues."
        )
        quiz.questions = json.dumps([_description_block(instructions)])
        quiz.draws = [
            QuizDraw(bank=bank, category=m["title_fr"], count=DRAWN_PER_MODULE)
            for m in modules
        ]
    else:
        instructions = (
            f"Cette évaluation reprend les notions des {len(modules)} modules du "
            "cours. Lisez chaque question jusqu'au bout : certaines attendent "
            "plusieurs réponses, d'autres un mot ou un nombre. Après chaque "
            "tentative, vous verrez la bonne réponse et un commentaire pour chaque "
            "question."
        )
        if any(q["type"] == "essay" for q in questions):
            instructions += (
                " La question ouverte est corrigée par un formateur : votre note "
                "n'est définitive qu'après sa correction."
            )
        quiz.questions = json.dumps(
            [_description_block(instructions), *(_question_block(q) for q in questions)]
        )
    _publish(module, quiz)


def _bank_load(data: dict) -> QuestionBank:
    """The course's question bank, one category per module (made once, by name)."""
    bank = QuestionBank.objects.filter(name=BANK_NAME).first()
    if bank is not None:
        return bank
    blocks = [
        _question_block(
            question,
            category=BANK_ESSAY_CATEGORY
            if question["type"] == "essay"
            else module["title_fr"],
        )
        for module in data["modules"]
        for question in module["quiz"]["questions"]
    ]
    return QuestionBank.objects.create(
        name=BANK_NAME,
        description=(
            "Les questions du cours ISO 37001, une catégorie par module. Les "
            "questions ouvertes sont à part : elles demandent une correction par "
            "un formateur."
        ),
        questions=json.dumps(blocks),
    )


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>" if text else ""


def _description_block(text: str) -> dict:
    value = {"title": "Avant de commencer", "text": _paragraph(text), "category": ""}
    return {"type": "description", "value": value, "id": str(uuid.uuid4())}


def _question_block(data: dict, *, category: str = "") -> dict:
    """A question of demo_catalogue as a raw question block (with a new stable id)."""
    kind = data["type"]
    value = {
        "title": "",
        "text": _paragraph(data["text"]),
        "marks": "2" if kind == "essay" else "1",
        "general_feedback": _paragraph(data.get("general_feedback", "")),
        "category": category,
    }
    if kind in ("single", "multiple"):
        value["choices"] = [
            {
                "text": html.escape(choice["text"], quote=False),
                "weight": str(
                    choice.get("weight", 100 if choice.get("correct") else 0)
                ),
                "feedback": html.escape(choice.get("feedback", ""), quote=False),
            }
            for choice in data["choices"]
        ]
    elif kind == "truefalse":
        value["answer"] = "true" if data["answer"] else "false"
        value["feedback_true"] = html.escape(data.get("feedback_true", ""), quote=False)
        value["feedback_false"] = html.escape(
            data.get("feedback_false", ""), quote=False
        )
    elif kind == "shortanswer":
        value["answers"] = [
            {
                "text": answer["text"],  # compared with what learners type, not HTML
                "weight": str(answer["weight"]),
                "feedback": html.escape(answer.get("feedback", ""), quote=False),
            }
            for answer in data["answers"]
        ]
    elif kind == "numerical":
        value["answers"] = [
            {
                "value": str(answer["value"]),
                "tolerance": str(answer.get("tolerance", 0)),
                "minimum": None,
                "maximum": None,
                "weight": str(answer["weight"]),
                "feedback": html.escape(answer.get("feedback", ""), quote=False),
            }
            for answer in data["answers"]
        ]
    elif kind == "matching":
        value["pairs"] = [
            {"prompt": html.escape(pair["left"], quote=False), "answer": pair["right"]}
            for pair in data["pairs"]
        ]
        value["distractors"] = list(data.get("distractors", []))
    elif kind == "essay":
        value["grader_info"] = data.get("grader_info") or data.get(
            "general_feedback", ""
        )
    return {"type": BLOCK_BY_QTYPE[kind], "value": value, "id": str(uuid.uuid4())}
