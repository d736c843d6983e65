"""Reads of learner data."""

from dataclasses import dataclass, field

from django.db.models import F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from courses.models import LessonPage, QuizPage
from learners.models import (
    CityCoordinator,
    Completion,
    Enrollment,
    Municipality,
    Profile,
    QuizAttempt,
    User,
)
from learners.progress import percent
from learners.roles import Role
from learners.signals import user_data_collect


def profile_get(*, user: User) -> Profile:
    """The user's profile; an unsaved empty one when they have not filled it in yet."""
    try:
        return Profile.objects.select_related("municipality").get(user=user)
    except Profile.DoesNotExist:
        return Profile(user=user)


def preferred_language_get(*, user: User) -> str:
    """The language the user chose in their profile, or "" when they have none."""
    return (
        Profile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
        or ""
    )


def profile_is_complete(*, user: User) -> bool:
    return profile_get(user=user).is_complete


def user_roles_list(*, user: User) -> list[Role]:
    """The roles the user holds, in the order of `Role`; learners hold none."""
    if not user.is_authenticated:
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [role for role in Role if role.value in names]


def coordinated_municipality_get(*, user: User):
    """The municipality a city coordinator follows, or None."""
    link = (
        CityCoordinator.objects.select_related("municipality")
        .filter(user=user, user__groups__name=Role.CITY_COORDINATOR.value)
        .first()
    )
    return link.municipality if link else None


# --- Enrolment and progress ------------------------------------------------------


@dataclass
class ModuleProgress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)


@dataclass
class CourseProgress:
    """What one learner has done in one course, ready for templates."""

    enrollment: Enrollment | None
    done_ids: set[int] = field(default_factory=set)
    modules: dict[int, ModuleProgress] = field(default_factory=dict)
    done: int = 0
    total: int = 0
    next_lesson: object = None

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None and self.enrollment.is_active

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)

    @property
    def completed_at(self):
        return self.enrollment.completed_at if self.enrollment else None


def completed_page_ids_get(*, user: User, course) -> set[int]:
    """Ids of the lessons (and later quizzes) the learner completed in the course."""
    return set(
        Completion.objects.filter(user=user, course=course).values_list(
            "page_id", flat=True
        )
    )


def enrollment_get(*, user: User, course) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def course_progress_get(*, user: User, course, outline) -> CourseProgress:
    """Progress per module and for the course, in two queries whatever the course size.

    `outline` is the course outline the page already loaded (courses.selectors).
    Percentages count the required lessons; `next_lesson` is the first unfinished one.
    """
    enrollment = enrollment_get(user=user, course=course)
    if enrollment is None:
        return CourseProgress(enrollment=None)
    done_ids = completed_page_ids_get(user=user, course=course)
    progress = CourseProgress(enrollment=enrollment, done_ids=done_ids)
    for item in outline.modules:
        required = [step for step in item.steps if step.required]
        module = ModuleProgress(
            done=sum(1 for step in required if step.pk in done_ids),
            total=len(required),
        )
        progress.modules[item.module.pk] = module
        progress.done += module.done
        progress.total += module.total
        if progress.next_lesson is None:
            progress.next_lesson = next(
                (step for step in item.steps if step.pk not in done_ids), None
            )
    return progress


def _required_total_subquery(model, course_path_ref: str):
    return Subquery(
        model.objects.live()
        .filter(required=True, path__startswith=OuterRef(course_path_ref))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def _required_done_subquery():
    return Subquery(
        Completion.objects.filter(
            user=OuterRef("user_id"),
            course=OuterRef("course_id"),
            page__live=True,
        )
        .filter(Q(page__lessonpage__required=True) | Q(page__quizpage__required=True))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def enrollment_list_with_progress(queryset):
    """Enrolments annotated with `required_total` and `required_done`, in one query."""
    return queryset.select_related("course").annotate(
        required_total=Coalesce(_required_total_subquery(LessonPage, "course__path"), 0)
        + Coalesce(_required_total_subquery(QuizPage, "course__path"), 0),
        required_done=Coalesce(_required_done_subquery(), 0),
    )


def dashboard_enrollment_list(*, user: User) -> list[Enrollment]:
    """The learner's active enrolments, most recent activity first, with progress."""
    enrollments = enrollment_list_with_progress(
        Enrollment.objects.filter(user=user, left_at__isnull=True)
    ).order_by("-last_activity_at")
    result = list(enrollments)
    for enrollment in result:
        enrollment.percent = percent(
            enrollment.required_done, enrollment.required_total
        )
    return result


@dataclass
class StaffMember:
    user: User
    profile: Profile
    enrollments: list[Enrollment]


def city_staff_list(
    *, municipality: Municipality, course_id: int | None = None
) -> list[StaffMember]:
    """The learners of one municipality with their enrolments and progress (two queries)."""
    profiles = list(
        Profile.objects.filter(municipality=municipality)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    enrollments = Enrollment.objects.filter(user__profile__municipality=municipality)
    if course_id:
        enrollments = enrollments.filter(course_id=course_id)
    by_user: dict[int, list[Enrollment]] = {}
    for enrollment in enrollment_list_with_progress(enrollments).order_by(
        "course__title"
    ):
        enrollment.percent = percent(
            enrollment.required_done, enrollment.required_total
        )
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    members = [StaffMember(p.user, p, by_user.get(p.user_id, [])) for p in profiles]
    if course_id:
        members = [member for member in members if member.enrollments]
    return members


def city_course_choices(*, municipality: Municipality) -> list[tuple[int, str]]:
    """Courses that at least one member of the municipality's staff is enrolled in."""
    rows = (
        Enrollment.objects.filter(user__profile__municipality=municipality)
        .values_list("course_id", "course__title")
        .distinct()
        .order_by("course__title")
    )
    return list(rows)


def user_data_export(*, user: User) -> dict:
    """Everything Campus holds about the user, as JSON-ready data."""
    from allauth.account.models import EmailAddress

    profile = Profile.objects.filter(user=user).select_related("municipality").first()
    export = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ],
            "roles": [role.value for role in user_roles_list(user=user)],
        },
        "profile": None
        if profile is None
        else {
            "municipality": profile.municipality.name if profile.municipality else None,
            "country": profile.municipality.country.code
            if profile.municipality
            else None,
            "job_title": profile.job_title,
            "department": profile.department,
            "gender": profile.gender,
            "preferred_language": profile.preferred_language,
        },
        "enrollments": [
            {
                "course_id": e.course_id,
                "course": e.course.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "left_at": e.left_at.isoformat() if e.left_at else None,
                "last_activity_at": e.last_activity_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in Enrollment.objects.filter(user=user).select_related("course")
        ],
        "completions": [
            {
                "page_id": c.page_id,
                "page": c.page.title,
                "course_id": c.course_id,
                "completed_at": c.completed_at.isoformat(),
            }
            for c in Completion.objects.filter(user=user).select_related("page")
        ],
        "quiz_attempts": [
            {
                "quiz_id": a.quiz_id,
                "quiz": a.quiz.title,
                "course_id": a.course_id,
                "number": a.number,
                "state": a.state,
                "started_at": a.started_at.isoformat(),
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "late": a.late,
                "score": str(a.score) if a.score is not None else None,
                "passed": a.passed,
                "answers": attempt_answers_export(attempt=a),
            }
            for a in QuizAttempt.objects.filter(user=user)
            .select_related("quiz")
            .order_by("started_at")
        ],
    }
    # Apps built on learners (certificates, badges) add what they hold.
    for _receiver, sections in user_data_collect.send(sender=User, user=user):
        export.update(sections or {})
    return export


def attempt_answers_export(*, attempt: QuizAttempt) -> list[dict]:
    """What the learner was asked and answered, with their points once graded.

    Never the right answers, weights or feedback: an open attempt must not leak them,
    and a quiz may keep them hidden after submission too.
    """
    from courses.question_types import question_from_data, question_type
    from learners.selectors.quizzes import your_answer_list

    answers = []
    for item in attempt.questions:
        question = question_from_data(item["question"])
        if not question_type(question.qtype).graded:
            continue
        position = str(item["position"])
        result = attempt.results.get(position, {})
        answers.append(
            {
                "question_id": item["id"],
                "question": question.text,
                "answer": your_answer_list(question, attempt.responses.get(position)),
                "points": None if attempt.is_open else result.get("points"),
                "marks": item["marks"],
            }
        )
    return answers


def learners_of_pages_list(*, pages, limit: int = 10) -> tuple[list[str], int]:
    """Learners with an enrolment or progress under any of the pages (subtrees included).

    Returns up to `limit` display names and the total number of such learners.
    """
    from django.db.models import Q
    from wagtail.models import Page

    subtree = Q()
    for page in pages:
        subtree |= Q(path__startswith=page.path)
    page_ids = Page.objects.filter(subtree).values("pk")
    users = User.objects.filter(
        Q(enrollments__course_id__in=page_ids)
        | Q(completions__page_id__in=page_ids)
        | Q(quiz_attempts__quiz_id__in=page_ids)
    ).distinct()
    count = users.count()
    names = [
        str(user) for user in users.order_by("last_name", "first_name", "email")[:limit]
    ]
    return names, count
