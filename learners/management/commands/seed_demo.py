"""Create the demo people of `make run` (never for production: refuses when DEBUG is off).

Idempotent: a second run finds every account and changes nothing.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courses.demo import demo_catalogue_load
from courses.models import CoursePage, LessonPage
from learners.models import Enrollment, Profile, User
from learners.roles import Role
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    municipality_get_or_create,
    role_grant,
    step_complete,
)

DEMO_PASSWORD = "campus-demo-2026"

# Stable English names in the printed lines, whatever the active language.
ROLE_NAMES = {
    "superuser": "site admin",
    Role.CERTIFICATE_ADMIN: "certificate admin",
    Role.TRAINER: "trainer",
    Role.CITY_COORDINATOR: "city coordinator",
    None: "learner",
}

# email, first name, last name, role, city, country, job title, department, gender
DEMO_PEOPLE = [
    (
        "admin@campus.example",
        "Claire",
        "Martin",
        "superuser",
        "Montréal",
        "CA",
        "Administratrice de la plateforme",
        "Numérique",
        "female",
    ),
    (
        "certificats@campus.example",
        "Jean-Baptiste",
        "Mbarga",
        Role.CERTIFICATE_ADMIN,
        "Yaoundé",
        "CM",
        "Responsable des certifications",
        "Formation",
        "male",
    ),
    (
        "formatrice@campus.example",
        "Fatou",
        "Ndiaye",
        Role.TRAINER,
        "Dakar",
        "SN",
        "Formatrice en gouvernance locale",
        "Formation",
        "female",
    ),
    (
        "coordination.dakar@campus.example",
        "Moussa",
        "Sarr",
        Role.CITY_COORDINATOR,
        "Dakar",
        "SN",
        "Coordinateur formation",
        "Ressources humaines",
        "male",
    ),
    (
        "awa.diop@dakar.example",
        "Awa",
        "Diop",
        None,
        "Dakar",
        "SN",
        "Agente d'état civil",
        "État civil",
        "female",
    ),
    (
        "youssef.benali@tunis.example",
        "Youssef",
        "Ben Ali",
        None,
        "Tunis",
        "TN",
        "Contrôleur de gestion",
        "Finances",
        "male",
    ),
    (
        "ngono.marie@yaounde.example",
        "Marie",
        "Ngono",
        None,
        "Yaoundé",
        "CM",
        "Chargée des marchés publics",
        "Commande publique",
        "female",
    ),
    (
        "l.tremblay@montreal.example",
        "Louis",
        "Tremblay",
        None,
        "Montréal",
        "CA",
        "Conseiller en participation citoyenne",
        "Démocratie locale",
        "undisclosed",
    ),
    (
        "sokha.chan@phnompenh.example",
        "Sokha",
        "Chan",
        None,
        "Phnom Penh",
        "KH",
        "Responsable du budget",
        "Finances",
        "female",
    ),
]


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
        created = demo_catalogue_load()
        for title in created:
            self.stdout.write(f"demo course: {title}")
        with transaction.atomic():
            for person in DEMO_PEOPLE:
                role = self._person_create(*person)
                self.stdout.write(
                    f"demo account: {person[0]} / {DEMO_PASSWORD} ({role})"
                )
            self._progress_create()

    def _person_create(
        self, email, first_name, last_name, role, city, country, job, department, gender
    ) -> str:
        user = User.objects.filter(email=email).first()
        if user is None:
            if role == "superuser":
                user = User.objects.create_superuser(email, DEMO_PASSWORD)
            else:
                user = User.objects.create_user(email, DEMO_PASSWORD)
            user.first_name, user.last_name = first_name, last_name
            user.save(update_fields=["first_name", "last_name"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"primary": True, "verified": True}
        )
        municipality = municipality_get_or_create(name=city, country=country)
        Profile.objects.get_or_create(
            user=user,
            defaults={
                "municipality": municipality,
                "job_title": job,
                "department": department,
                "gender": gender,
                "preferred_language": "fr",
            },
        )
        if role == Role.CITY_COORDINATOR:
            city_coordinator_assign(user=user, municipality=municipality)
        elif role in (Role.TRAINER, Role.CERTIFICATE_ADMIN):
            role_grant(user=user, role=role)
        return ROLE_NAMES[role]

    def _progress_create(self):
        """Some progress so that every screen has something to show (once only)."""
        courses = {c.slug: c for c in CoursePage.objects.live()}
        plan = [
            # learner, course slug, lessons to complete (None = all)
            ("awa.diop@dakar.example", "decentralisation-gouvernance-locale", 3),
            ("awa.diop@dakar.example", "iso-37001-anticorruption-collectivites", 1),
            (
                "youssef.benali@tunis.example",
                "finances-locales-budget-fiscalite-transparence",
                None,
            ),
            (
                "ngono.marie@yaounde.example",
                "iso-37001-anticorruption-collectivites",
                2,
            ),
            (
                "coordination.dakar@campus.example",
                "gouvernance-locale-services-essentiels",
                1,
            ),
        ]
        for email, slug, count in plan:
            course = courses.get(slug)
            user = User.objects.get(email=email)
            if (
                course is None
                or Enrollment.objects.filter(user=user, course=course).exists()
            ):
                continue
            enrollment_create(user=user, course=course)
            lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
            for lesson in lessons if count is None else lessons[:count]:
                step_complete(user=user, page=lesson)
