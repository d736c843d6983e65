"""Learner records read once per request, whoever asks (the access rule in the
`before_serve_page` hook, then the page's template tags)."""

from learners.models import Enrollment


def course_enrollment_get(*, request, page) -> Enrollment | None:
    """The visitor's enrolment (active or left) in the course that holds `page` (or
    is `page`), or None; one query per request and page, however many callers."""
    user = request.user
    if not user.is_authenticated:
        return None
    memo = request.__dict__.setdefault("_campus_course_enrollments", {})
    if page.path not in memo:
        steplen = page.steplen
        paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
        memo[page.path] = (
            Enrollment.objects.filter(user=user, course__path__in=paths)
            .order_by("-course__depth")
            .first()
        )
    return memo[page.path]
