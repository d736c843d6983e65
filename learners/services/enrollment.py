"""Enrolment and progress: joining and leaving courses, completing steps and courses."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.selectors import course_for_page_get, next_step_get, required_step_ids_get
from learners.figures_marks import activity_changes_figures, course_figures_changed
from learners.models import Completion, Enrollment, User
from learners.selectors import completed_page_ids_get
from learners.signals import course_completed


class EnrollmentError(Exception):
    """A learner asked for something on a course they cannot do (message is translated)."""


@transaction.atomic
def enrollment_create(*, user: User, course: CoursePage) -> Enrollment:
    """Enrol the learner (idempotent: a double click or a retry makes one enrolment).

    A learner who had left the course is enrolled again with their progress intact.
    Raises EnrollmentError for a course that is not live.
    """
    if not course.live:
        raise EnrollmentError(_("This course is not open for enrolment."))
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(
                user=user, course=course
            )
    except IntegrityError:  # a concurrent request created it first
        enrollment, created = Enrollment.objects.get(user=user, course=course), False
    rejoined = not created and enrollment.left_at is not None
    if rejoined:
        Enrollment.objects.filter(pk=enrollment.pk).update(
            left_at=None, last_activity_at=timezone.now()
        )
        enrollment.refresh_from_db()
    if created or rejoined:
        course_figures_changed(course_ids=[course.pk])
    return enrollment


def enrollment_leave(*, user: User, course: CoursePage) -> None:
    """Leave the course; the enrolment and progress are kept for a later return."""
    Enrollment.objects.filter(user=user, course=course, left_at__isnull=True).update(
        left_at=timezone.now()
    )


@transaction.atomic
def step_complete(*, user: User, page: Page) -> LessonPage | None:
    """Record that the learner completed a lesson (idempotent) and return the next one.

    Updates the enrolment's last activity and, when this was the last required step,
    records the course completion date once. Raises EnrollmentError (with a message
    for the learner) when the page is not a live lesson of a course they follow.
    """
    page = page.specific
    if not isinstance(page, LessonPage) or not page.live:
        raise EnrollmentError(_("This lesson is not available."))
    course = course_for_page_get(page=page)
    enrollment = (
        Enrollment.objects.select_for_update()
        .filter(user=user, course=course, left_at__isnull=True)
        .first()
    )
    if course is None or enrollment is None:
        raise EnrollmentError(
            _("Enrol in the course before marking its lessons complete.")
        )
    try:
        with transaction.atomic():
            Completion.objects.get_or_create(
                user=user, page=page, defaults={"course": course}
            )
    except IntegrityError:  # the same click arrived twice at once
        pass
    now = timezone.now()
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
    if activity_changes_figures(enrollment.last_activity_at, now):
        course_figures_changed(course_ids=[course.pk])
    done_ids = completed_page_ids_get(user=user, course=course)
    course_completion_update(
        enrollment=enrollment, course=course, done_ids=done_ids, now=now
    )
    return next_step_get(course=course, done_ids=done_ids)


def course_completion_update(
    *, enrollment: Enrollment, course: CoursePage, done_ids: set[int], now=None
) -> bool:
    """The one rule of course completion: every live required step is complete.

    Records the completion date the first time the rule holds (never moves it) and
    then sends ``learners.signals.course_completed``; returns whether the course is
    complete.
    """
    if enrollment.completed_at is not None:
        return True
    required = required_step_ids_get(course=course)
    if not required or not required <= done_ids:
        return False
    recorded = Enrollment.objects.filter(
        pk=enrollment.pk, completed_at__isnull=True
    ).update(completed_at=now or timezone.now())
    if recorded:
        course_figures_changed(course_ids=[course.pk])
        # Apps built on learners (certificates) act on it, in this transaction.
        course_completed.send(sender=Enrollment, user=enrollment.user, course=course)
    return True
