"""Certificate rules for the demo courses, and the certificates their learners earned.

Called by ``seed_demo`` (learners) at its end; idempotent, and refused when DEBUG is
off unless ``--force``, like ``seed_demo``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates.models import CertificateRule, CertificateTemplate
from certificates.selectors import qualifying_learner_list
from certificates.services import CertificateError, certificate_issue
from courses.models import CoursePage

DEMO_DESIGN = "Campus — modèle français"
#: Course slug → minimum overall quiz score (None: no minimum). All automatic.
DEMO_RULES = {
    "decentralisation-gouvernance-locale": None,
    "iso-37001-anticorruption-collectivites": 70,
    "finances-locales-budget-fiscalite-transparence": None,
    "gouvernance-locale-services-essentiels": None,
}


class Command(BaseCommand):
    help = "Certificate rules and certificates of the demo (refused when DEBUG is off)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refused when DEBUG is off (use --force on a demo site)."
            )
        design = CertificateTemplate.objects.filter(name=DEMO_DESIGN).first()
        if design is None:
            return
        courses = CoursePage.objects.filter(slug__in=DEMO_RULES)
        for course in courses:
            rule, created = CertificateRule.objects.get_or_create(
                course=course,
                defaults={"template": design, "min_score": DEMO_RULES[course.slug]},
            )
            if not created and rule.min_score is None and DEMO_RULES[course.slug]:
                # The course's default rule (made when it was created): demo minimum.
                rule.min_score = DEMO_RULES[course.slug]
                rule.save(update_fields=["min_score"])
            for learner in qualifying_learner_list(course=course):
                try:
                    certificate = certificate_issue(user=learner, course=course)
                except CertificateError:
                    continue
                self.stdout.write(
                    f"demo certificate: {certificate.code} ({learner.email}, "
                    f"{course.title})"
                )
