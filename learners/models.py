"""Who learns on Campus: the user account, their profile and the cities they work for."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.fields import protected_link_field


def learner_field(related_name: str) -> models.ForeignKey:
    """The learner a record belongs to; it goes with their account."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=_("learner"),
    )


class UserManager(BaseUserManager):
    """Creates users identified by their e-mail address (stored lower-case)."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account of Campus; people log in with their e-mail address, not a username."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


class Municipality(models.Model):
    """A city or local authority whose staff learn on Campus (name + ISO 3166 country)."""

    name = models.CharField(_("name"), max_length=150)
    country = CountryField(_("country"))

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "country", name="municipality_unique_name_country"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.country.name})"


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class Profile(models.Model):
    """What a learner tells us about their work; gender serves equality statistics only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="profile",
        verbose_name=_("user"),
    )
    municipality = protected_link_field(
        Municipality,
        _("municipality"),
        related_name="profiles",
        null=True,
        blank=True,
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    department = models.CharField(_("department"), max_length=150, blank=True)
    gender = models.CharField(
        _("gender"), max_length=16, choices=Gender.choices, blank=True
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gender__in=["", *Gender.values]),
                name="profile_gender_valid",
            )
        ]

    def __str__(self):
        return str(self.user)

    @property
    def is_complete(self) -> bool:
        return bool(self.municipality_id and self.job_title)


class CityCoordinator(models.Model):
    """Links a member of the City coordinators group to the one municipality they follow."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinated_city",
        verbose_name=_("user"),
    )
    municipality = protected_link_field(
        Municipality, _("municipality"), related_name="coordinators"
    )

    class Meta:
        verbose_name = _("city coordinator")
        verbose_name_plural = _("city coordinators")

    def __str__(self):
        return f"{self.user} → {self.municipality}"


class Enrollment(models.Model):
    """A learner's registration in a course; kept (never deleted) when they leave it.

    Points at the course page by id with PROTECT: editing, moving, renaming or
    unpublishing the course leaves it untouched, and the course cannot be deleted
    while it exists.
    """

    user = learner_field("enrollments")
    course = protected_link_field("courses.CoursePage", _("course"))
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="enrollment_unique_user_course"
            )
        ]
        indexes = [
            models.Index(
                fields=["user", "-last_activity_at"], name="enrollment_user_activity"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.course_id}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class Completion(models.Model):
    """One learner has completed one step (a lesson, later a quiz) of a course. Written once."""

    user = learner_field("completions")
    page = protected_link_field("wagtailcore.Page", _("lesson or quiz"))
    course = protected_link_field("courses.CoursePage", _("course"))
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], name="completion_unique_user_page"
            )
        ]
        indexes = [
            models.Index(fields=["user", "course"], name="completion_user_course")
        ]

    def __str__(self):
        return f"{self.user} — {self.page_id}"


class QuizAttempt(models.Model):
    """One go at a quiz: what the learner was asked, what they answered, their score.

    ``questions`` is the snapshot taken when the attempt started (each question as
    asked, with its stable id, marks and the order its answers were shown in), so
    editing or deleting a question later changes no past attempt. ``responses`` and
    ``results`` are keyed by the question's position in the attempt (1, 2, …).
    """

    class State(models.TextChoices):
        OPEN = "open", _("In progress")
        PENDING = "pending", _("Awaiting grading")
        GRADED = "graded", _("Graded")

    user = learner_field("quiz_attempts")
    quiz = protected_link_field("courses.QuizPage", _("quiz"))
    course = protected_link_field("courses.CoursePage", _("course"))
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.OPEN
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    graded_at = models.DateTimeField(_("graded at"), null=True, blank=True)
    late = models.BooleanField(
        _("submitted after the time limit"),
        default=False,
        help_text=_("Graded with the answers saved before the limit."),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    questions = models.JSONField(_("questions as asked"), default=list)
    responses = models.JSONField(_("responses"), default=dict, blank=True)
    results = models.JSONField(_("results"), default=dict, blank=True)
    points = models.DecimalField(
        _("points"), max_digits=9, decimal_places=3, null=True, blank=True
    )
    max_points = models.DecimalField(
        _("maximum points"), max_digits=9, decimal_places=3, null=True, blank=True
    )
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_unique_number"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=models.Q(state="open"),
                name="attempt_one_open_per_quiz",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True)
                | models.Q(score__gte=0, score__lte=100),
                name="attempt_score_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "state"], name="attempt_quiz_state"),
            models.Index(fields=["user", "quiz"], name="attempt_user_quiz"),
            models.Index(
                fields=["submitted_at"],
                condition=models.Q(state="pending"),
                name="attempt_pending_grading",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.quiz_id} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN


class FiguresChange(models.Model):
    """A mark saying that a course's report figures changed (insert-only).

    The services that change a figure (enrolments, progress, attempts, certificates,
    profiles) add one in their own transaction, so a change is never forgotten even
    when Redis or the workers are down; ``reports`` rebuilds the course's stored
    figures and deletes the marks it consumed. The course is a plain id: a mark
    must never lock nor outlive-protect the course page.
    """

    course_id = models.PositiveIntegerField(_("course id"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("figures change")
        verbose_name_plural = _("figures changes")

    def __str__(self):
        return f"{self.course_id} @ {self.created_at:%Y-%m-%d %H:%M}"
