from courses.models.pages import (
    CatalogPage,
    CourseOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
)
from courses.models.quizzes import (
    GradingMethod,
    QuestionBank,
    QuestionBankEntry,
    QuizDraw,
    QuizPage,
    ReviewPolicy,
)
from courses.models.snippets import Level, Topic, Trainer

__all__ = [
    "CatalogPage",
    "CourseOutcome",
    "CoursePage",
    "GradingMethod",
    "Level",
    "LessonPage",
    "ModulePage",
    "QuestionBank",
    "QuestionBankEntry",
    "QuizDraw",
    "QuizPage",
    "ReviewPolicy",
    "Topic",
    "Trainer",
]
