"""The demo's data files pass the editor's validation and the real GIFT importer, and
load the catalogue a visitor of `make run` sees."""

import json

import pytest

from courses.models import (
    CoursePage,
    LessonPage,
    ModulePage,
    QuestionBank,
    QuizPage,
)
from courses.services import questions_import
from demo.catalogue import (
    CONTENT_DIR,
    DemoContentError,
    course_data_list,
    demo_catalogue_load,
    lesson_body_get,
)

pytestmark = pytest.mark.django_db

LESSON_FILES = sorted(
    path for path in CONTENT_DIR.glob("*/*.json") if path.name != "course.json"
)
GIFT_FILES = sorted(CONTENT_DIR.glob("*/*.gift"))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def test_demo_content_has_one_file_per_lesson_and_nothing_else():
    """Every lesson of a course.json has its body file, and every body file a lesson."""
    listed = {
        data["folder"] / f"{lesson['slug']}.json"
        for data in course_data_list()
        for module in data["modules"]
        for lesson in module["lessons"]
    }
    assert listed == set(LESSON_FILES)
    assert len(listed) == 32


def test_demo_lesson_files_pass_the_lesson_editor_validation():
    """Every lesson body file is accepted by the lesson body's blocks, as an edit is."""
    for path in LESSON_FILES:
        body = lesson_body_get(path)
        assert len(body) > 0, path


@pytest.mark.parametrize(
    "body",
    [
        [{"type": "paragraf", "value": "<p>Une coquille.</p>"}],
        [{"type": "heading", "value": {"text": "", "level": "h2"}}],
    ],
    ids=["unknown-type", "empty-heading"],
)
def test_demo_lesson_file_the_editor_would_refuse_stops_the_load(body, tmp_path):
    """A lesson file with a mistyped block or a missing value is refused, naming the
    file, instead of loading a lesson with text missing."""
    path = tmp_path / "lecon.json"
    path.write_text(json.dumps(body))
    with pytest.raises(DemoContentError, match="lecon.json"):
        lesson_body_get(path)


@pytest.mark.parametrize("path", GIFT_FILES, ids=lambda path: path.parent.name)
def test_demo_gift_file_imports_with_no_error(path):
    """Each .gift file of the demo imports whole through the admin's importer."""
    result = questions_import(
        text=path.read_text(encoding="utf-8"),
        fmt="gift",
        bank_name=f"{path.parent.name}/{path.name}",
    )
    assert result.issues == []
    assert result.count > 0


def test_demo_catalogue_keeps_its_pages_questions_and_texts():
    """The loaded catalogue has the same courses, lessons, quizzes and questions as
    the Python catalogue it came from."""
    created = demo_catalogue_load()
    assert len(created) == CoursePage.objects.count() == 4
    assert ModulePage.objects.count() == 13
    assert LessonPage.objects.live().count() == 32
    counts = {
        quiz.get_parent().get_parent().slug: [b.block_type for b in quiz.questions]
        for quiz in QuizPage.objects.live()
    }
    assert {slug: len(types) for slug, types in counts.items()} == {
        "decentralisation-gouvernance-locale": 13,
        "iso-37001-anticorruption-collectivites": 1,
        "finances-locales-budget-fiscalite-transparence": 13,
        "gouvernance-locale-services-essentiels": 13,
    }
    used = {t for types in counts.values() for t in types}
    bank = QuestionBank.objects.get()
    used |= {block.block_type for block in bank.questions}
    assert len(bank.questions) == 16
    assert {
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
        "numerical",
        "matching",
        "essay",
        "description",
    } <= used
    lesson = LessonPage.objects.get(slug="decentraliser-deconcentrer-deleguer")
    assert "décentralisation" in str(lesson.body).lower()
    iso = CoursePage.objects.get(slug="iso-37001-anticorruption-collectivites")
    quiz = QuizPage.objects.descendant_of(iso).get()
    assert quiz.pass_mark == 70 and quiz.max_attempts == 3
    assert quiz.draws.count() == 4
    assert demo_catalogue_load() == []
    assert LessonPage.objects.count() == 32


def test_demo_essays_keep_their_marks_and_grader_notes():
    """Essays are worth two marks and tell the grader what to look for (GIFT cannot
    say either: course.json does)."""
    demo_catalogue_load()
    essays = [
        block.value
        for quiz in QuizPage.objects.all()
        for block in quiz.questions
        if block.block_type == "essay"
    ] + [
        block.value
        for block in QuestionBank.objects.get().questions
        if block.block_type == "essay"
    ]
    assert len(essays) == 3
    assert all(str(essay["marks"]) == "2" and essay["grader_info"] for essay in essays)
