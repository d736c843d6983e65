from courses.models.pages import (
    CatalogPage,
    CourseOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
)
from courses.models.snippets import Level, Topic, Trainer

__all__ = [
    "CatalogPage",
    "CourseOutcome",
    "CoursePage",
    "Level",
    "LessonPage",
    "ModulePage",
    "Topic",
    "Trainer",
]
