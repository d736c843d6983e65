"""Load the demo of `make run`: its catalogue (demo/content), people, their progress and
certificates (never for production: refuses when DEBUG is off).

Idempotent: a second run finds every course and account and changes nothing.
"""

import json

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.http import QueryDict

from cms.site_address import site_address_sync
from courses.models import CoursePage, LessonPage, QuizPage
from courses.question_types import question_from_data, question_type
from demo.catalogue import CONTENT_DIR, FINAL_QUIZ_SLUG, demo_catalogue_load
from demo.certificates import demo_certificates_seed
from learners.models import Profile, QuizAttempt, User
from learners.roles import Role
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    municipality_get_or_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    role_grant,
    step_complete,
)

#: The demo people, their progress and attempts (demo/README.md).
PEOPLE_FILE = CONTENT_DIR / "people.json"

# The role each person's line names (stable English, whatever the active language).
ROLE_BY_NAME = {
    "site admin": "superuser",
    "certificate admin": Role.CERTIFICATE_ADMIN,
    "trainer": Role.TRAINER,
    "city coordinator": Role.CITY_COORDINATOR,
    "learner": None,
}


def demo_people_get() -> dict:
    """``people.json``: the password, the people, the lessons they have read, the
    attempts they made at final assessments and the essay answer they give.

    An attempt's outcome "pass" answers every question but one right, "fail" one in
    three. An attempt that answers an essay stays pending until a trainer grades it,
    whatever its other answers: the ISO 37001 assessment draws no essay, the
    decentralisation one ends with one. ``lessons`` null means every lesson.
    """
    return json.loads(PEOPLE_FILE.read_text(encoding="utf-8"))


class Command(BaseCommand):
    help = "Create the demo accounts of `make run` (refused when DEBUG is off)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production site).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password: it refuses to "
                "run when DEBUG is off. Use --force if this really is a demo site."
            )
        site_address_sync()
        created = demo_catalogue_load()
        for title in created:
            self.stdout.write(f"demo course: {title}")
        demo = demo_people_get()
        with transaction.atomic():
            for person in demo["people"]:
                self._person_create(person, password=demo["password"])
                self.stdout.write(
                    f"demo account: {person['email']} / {demo['password']} "
                    f"({person['role']})"
                )
            self._progress_create(demo)
        for line in demo_certificates_seed():
            self.stdout.write(line)

    def _person_create(self, person: dict, *, password: str) -> None:
        email, role = person["email"], ROLE_BY_NAME[person["role"]]
        user = User.objects.filter(email=email).first()
        if user is None:
            if role == "superuser":
                user = User.objects.create_superuser(email, password)
            else:
                user = User.objects.create_user(email, password)
            user.first_name, user.last_name = person["first_name"], person["last_name"]
            user.save(update_fields=["first_name", "last_name"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"primary": True, "verified": True}
        )
        municipality = municipality_get_or_create(
            name=person["city"], country=person["country"]
        )
        Profile.objects.get_or_create(
            user=user,
            defaults={
                "municipality": municipality,
                "job_title": person["job_title"],
                "department": person["department"],
                "gender": person["gender"],
                "preferred_language": "fr",
            },
        )
        if role == Role.CITY_COORDINATOR:
            city_coordinator_assign(user=user, municipality=municipality)
        elif role in (Role.TRAINER, Role.CERTIFICATE_ADMIN):
            role_grant(user=user, role=role)

    def _progress_create(self, demo: dict):
        """Some progress so that every screen has something to show (once only)."""
        courses = {c.slug: c for c in CoursePage.objects.live()}
        for plan in demo["progress"]:
            course = courses.get(plan["course"])
            user = User.objects.get(email=plan["email"])
            if course is None or user.enrollments.filter(course=course).exists():
                continue
            enrollment_create(user=user, course=course)
            lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
            count = plan["lessons"]
            for lesson in lessons if count is None else lessons[:count]:
                step_complete(user=user, page=lesson)
        self._attempts_create(courses, demo)

    def _attempts_create(self, courses, demo: dict):
        """Quiz attempts of the demo learners (once only: none if they have some)."""
        for plan in demo["attempts"]:
            course = courses.get(plan["course"])
            quiz = (
                QuizPage.objects.live()
                .descendant_of(course)
                .filter(slug=FINAL_QUIZ_SLUG)
                .first()
                if course
                else None
            )
            user = User.objects.get(email=plan["email"])
            if quiz is None or user.quiz_attempts.filter(quiz=quiz).exists():
                continue
            enrollment_create(user=user, course=course)
            for outcome in plan["outcomes"]:
                attempt = quiz_attempt_start(user=user, quiz=quiz)
                form = _attempt_form(
                    attempt, right=outcome == "pass", essay=demo["essay_answer"]
                )
                quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=form)


def _attempt_form(attempt: QuizAttempt, *, right: bool, essay: str) -> QueryDict:
    """The attempt form as a learner would post it: with ``right``, every question but
    the second answered right; otherwise one question in three."""
    data = QueryDict(mutable=True)
    gradable = [i for i in attempt.questions if i["question"]["qtype"] != "description"]
    for n, item in enumerate(gradable):
        is_right = n != 1 if right else n % 3 == 0
        for name, value in _answer_fields(item, right=is_right, essay=essay):
            data.appendlist(name, value)
    return data


def _answer_fields(item: dict, *, right: bool, essay: str) -> list[tuple[str, str]]:
    """The form fields answering one question of an attempt, right or wrong.

    Choices and matching answers are sent as the positions they are shown at (the
    attempt shuffled them), the way the attempt form sends them.
    """
    question = question_from_data(item["question"])
    kind = question_type(question.qtype)
    if not kind.graded:
        return []
    if kind.graded_by_hand:
        return kind.post_data(item, question, essay)
    return kind.post_data(item, question, kind.sample_response(question, right=right))
