"""Learner data for course templates (courses never import learners)."""

from dataclasses import dataclass

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from courses.question_html import sanitize_fragment, sanitize_html
from learners.progress import percent
from learners.request_memo import course_enrollment_get
from learners.scoring import score_percent as _score_percent
from learners.selectors import (
    completed_page_ids_get,
    coordinated_municipality_get,
    course_progress_get,
    dashboard_enrollment_list,
    quiz_status_get,
)

register = template.Library()


@register.filter
def score_percent(score):
    """A score as people see it: a whole percent, rounded half up (learners.scoring)."""
    return _score_percent(score)


@register.simple_tag(takes_context=True)
def course_progress(context, course, outline):
    """The visitor's progress in the course (an empty one for visitors not enrolled)."""
    return course_progress_get(
        user=context["request"].user, course=course, outline=outline
    )


@dataclass
class LessonStatus:
    enrolled: bool
    done: bool
    course_done: int
    course_total: int

    @property
    def course_percent(self) -> int:
        return percent(self.course_done, self.course_total)


@register.simple_tag(takes_context=True)
def lesson_status(context, lesson, navigation):
    """Whether the learner completed this lesson, and their progress in the course."""
    request = context["request"]
    enrollment = course_enrollment_get(request=request, page=lesson)
    if enrollment is None or not enrollment.is_active:
        return LessonStatus(enrolled=False, done=False, course_done=0, course_total=0)
    done_ids = completed_page_ids_get(user=request.user, course=navigation.course.pk)
    required = navigation.required_ids
    return LessonStatus(
        enrolled=True,
        done=lesson.pk in done_ids,
        course_done=len(required & done_ids),
        course_total=len(required),
    )


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (None when absent)."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def quiz_status(context, quiz):
    """The visitor's attempts at the quiz, and whether they may start one."""
    request = context["request"]
    enrollment = course_enrollment_get(request=request, page=quiz)
    return quiz_status_get(
        user=request.user,
        quiz=quiz,
        enrolled=enrollment is not None and enrollment.is_active,
    )


@register.filter
def question_fragment(text):
    """A short question text (an answer, a feedback) as safe inline HTML."""
    return mark_safe(sanitize_fragment(text))  # noqa: S308 - sanitised by nh3


@register.filter
def question_html(text):
    """A question's text (stored rich text) as safe HTML, internal links expanded."""
    return mark_safe(sanitize_html(expand_db_html(text or "")))  # noqa: S308 - sanitised by nh3


@register.simple_tag(takes_context=True)
def current_enrollment(context):
    """The course the visitor is working on (the unfinished enrolment of "Mon
    parcours" with the latest activity), or None: the home page's "Continuer"."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    in_progress = (
        e for e in dashboard_enrollment_list(user=user) if not e.completed_at
    )
    return next(in_progress, None)


@register.simple_tag(takes_context=True)
def coordinated_city(context):
    """The municipality the visitor coordinates, or None (the header's "Ma ville")."""
    user = context["request"].user
    if not user.is_authenticated:
        return None
    return coordinated_municipality_get(user=user)
