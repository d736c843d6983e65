"""Exactly one valid certificate per learner and course, under racing requests."""

import pytest
from django.utils import timezone

from certificates.models import Certificate, CertificateRule, CertificateTemplate
from learners.models import Enrollment
from tests.learners.test_concurrency import _race


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_completion_events_make_one_certificate(settings, tmp_path):
    """50 threads handle "course completed" for one learner at once: one certificate."""
    from certificates.services import certificate_auto_issue
    from learners.services import enrollment_create
    from tests.factories.courses import course_create
    from tests.factories.learners import ProfileFactory

    settings.MEDIA_ROOT = str(tmp_path)
    design = CertificateTemplate.objects.get(name="Campus — modèle français")
    course = course_create(modules=1, lessons_per_module=1)
    # A new course has its default rule already: point it at this design.
    CertificateRule.objects.update_or_create(
        course=course, defaults={"template": design}
    )
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=course)
    Enrollment.objects.filter(user=learner).update(completed_at=timezone.now())

    results, errors = _race(
        lambda i: certificate_auto_issue(user=learner, course=course), count=50
    )
    assert errors == []
    assert Certificate.objects.filter(user=learner, course=course).count() == 1
    assert {c.pk for c in results} == {Certificate.objects.get().pk}
