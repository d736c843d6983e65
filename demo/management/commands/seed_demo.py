"""Load the demo of `make run`: its catalogue (demo/content), people, their progress and
certificates (never for production: refuses when DEBUG is off).

Idempotent: a second run finds every course and account and changes nothing.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.http import QueryDict

from cms.site_address import site_address_sync
from courses.models import CoursePage, LessonPage, QuizPage
from courses.question_formats import question_from_data
from demo.catalogue import FINAL_QUIZ_SLUG, demo_catalogue_load
from demo.certificates import demo_certificates_seed
from learners.grading import matching_answers
from learners.models import Enrollment, Profile, QuizAttempt, User
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

# learner, course slug, attempts at the course's final assessment, in order: "pass"
# answers every question but one right, "fail" one in three. An attempt that answers
# an essay stays pending until a trainer grades it, whatever its other answers: the
# ISO 37001 assessment draws no essay, the decentralisation one ends with one.
DEMO_ATTEMPTS = [
    (
        "awa.diop@dakar.example",
        "iso-37001-anticorruption-collectivites",
        ["fail", "pass"],
    ),
    ("awa.diop@dakar.example", "decentralisation-gouvernance-locale", ["pass"]),
    # Youssef's finished course asks its final assessment too.
    (
        "youssef.benali@tunis.example",
        "finances-locales-budget-fiscalite-transparence",
        ["pass"],
    ),
]

DEMO_ESSAY_ANSWER = (
    "Dans ma commune, la gestion des centres d'état civil secondaires a été confiée "
    "à la mairie il y a quelques années. Le personnel a été transféré, mais pas les "
    "crédits pour les registres, le matériel informatique et l'entretien des "
    "locaux : la commune paie tout sur ses ressources propres. Le principe de "
    "concomitance n'a donc été respecté qu'en partie.\n\n"
    "Je proposerais d'abord de chiffrer le coût réel du service sur trois ans "
    "(agents, registres, équipement) et de le comparer à la dotation reçue. Nous "
    "pourrions ensuite rapprocher ces chiffres de ceux d'autres communes de la "
    "région, avec l'association nationale des élus locaux, pour porter une demande "
    "commune auprès du ministère chargé des collectivités, avec un calendrier de "
    "rencontres et un compte rendu écrit de chacune."
)


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
        with transaction.atomic():
            for person in DEMO_PEOPLE:
                role = self._person_create(*person)
                self.stdout.write(
                    f"demo account: {person[0]} / {DEMO_PASSWORD} ({role})"
                )
            self._progress_create()
        for line in demo_certificates_seed():
            self.stdout.write(line)

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
        self._attempts_create(courses)

    def _attempts_create(self, courses):
        """Quiz attempts of the demo learners (once only: none if they have some)."""
        for email, slug, outcomes in DEMO_ATTEMPTS:
            course = courses.get(slug)
            quiz = (
                QuizPage.objects.live()
                .descendant_of(course)
                .filter(slug=FINAL_QUIZ_SLUG)
                .first()
                if course
                else None
            )
            user = User.objects.get(email=email)
            if (
                quiz is None
                or QuizAttempt.objects.filter(user=user, quiz=quiz).exists()
            ):
                continue
            enrollment_create(user=user, course=course)
            for outcome in outcomes:
                attempt = quiz_attempt_start(user=user, quiz=quiz)
                quiz_attempt_submit(
                    user=user,
                    attempt_id=attempt.pk,
                    data=_attempt_form(attempt, right=outcome == "pass"),
                )


def _attempt_form(attempt: QuizAttempt, *, right: bool) -> QueryDict:
    """The attempt form as a learner would post it: with ``right``, every question but
    the second answered right; otherwise one question in three."""
    data = QueryDict(mutable=True)
    gradable = [i for i in attempt.questions if i["question"]["qtype"] != "description"]
    for n, item in enumerate(gradable):
        is_right = n != 1 if right else n % 3 == 0
        for name, value in _answer_fields(item, right=is_right):
            data.appendlist(name, value)
    return data


def _answer_fields(item: dict, *, right: bool) -> list[tuple[str, str]]:
    """The form fields answering one question of an attempt, right or wrong.

    Choices and matching answers are sent as the positions they are shown at (the
    attempt shuffled them), the way the attempt form sends them.
    """
    question = question_from_data(item["question"])
    name = f"q{item['position']}"
    if question.qtype in ("single", "multiple"):
        fractions = [choice.fraction for choice in question.choices]
        if question.qtype == "multiple":
            chosen = [i for i, f in enumerate(fractions) if (f > 0) == right]
        elif right:
            chosen = [fractions.index(max(fractions))]
        else:
            chosen = [fractions.index(min(fractions))]
        # Radio buttons and checkboxes always send an empty value first.
        return [(name, "")] + [
            (name, str(item["choice_order"].index(i))) for i in chosen
        ]
    if question.qtype == "truefalse":
        return [(name, ""), (name, "true" if question.answer == right else "false")]
    if question.qtype == "matching":
        offered = matching_answers(question)
        shown = [offered[i] for i in item["answer_order"]]
        prompts = [pair for pair in question.pairs if pair.prompt]
        return [
            (
                f"{name}-{index}",
                str(shown.index(pair.answer if right else prompts[index - 1].answer)),
            )
            for index, pair in enumerate(prompts)
        ]
    if question.qtype == "shortanswer":
        best = max(question.choices, key=lambda choice: choice.fraction)
        return [(name, best.text if right else "je ne sais pas")]
    if question.qtype == "numerical":
        best = max(question.numerical, key=lambda answer: answer.fraction)
        # A tempting wrong number the trainer foresaw, when there is one.
        foreseen = [
            a.value
            for a in question.numerical
            if a.fraction == 0 and a.value is not None
        ]
        value = best.value if right else (foreseen or [best.value + 100])[0]
        return [(name, format(value.normalize(), "f"))]
    if question.qtype == "essay":
        return [(name, DEMO_ESSAY_ANSWER)]
    return []
