"""Certificate rules for the demo courses, and the certificates their learners earned.

Run by ``seed_demo`` after the demo people (and alone by ``seed_demo_certificates``).
Idempotent: rules are made once, and a learner who holds a certificate is not
issued another.
"""

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


def demo_certificates_seed() -> list[str]:
    """Give each demo course its rule and issue the certificates learners qualify for;
    return one line per certificate issued now. Does nothing without the demo design.
    """
    design = CertificateTemplate.objects.filter(name=DEMO_DESIGN).first()
    if design is None:
        return []
    lines = []
    for course in CoursePage.objects.filter(slug__in=DEMO_RULES):
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
            lines.append(
                f"demo certificate: {certificate.code} ({learner.email}, "
                f"{course.title})"
            )
    return lines
