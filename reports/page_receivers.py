"""A quiz published or unpublished changes its course's score (the mean over its
live quizzes), so the course's stored figures are marked as changed (connected in
ReportsConfig.ready). Wagtail's page signals, not the admin's hooks: a quiz is also
published by a workflow's approval or on schedule, without the edit view."""

from wagtail.signals import page_published, page_unpublished

from courses.models import QuizPage
from courses.selectors import course_for_page_get
from learners.figures_marks import course_figures_changed


def _quiz_changed(sender, instance, **kwargs):
    course = course_for_page_get(page=instance)
    if course is not None:
        course_figures_changed(course_ids=[course.pk])


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_quiz_changed, sender=QuizPage, dispatch_uid="reports-quiz")
