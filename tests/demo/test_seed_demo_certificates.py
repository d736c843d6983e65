"""The demo has certificate rules for every course and one certificate (Youssef)."""

import pytest
from django.core.management import call_command

from certificates.models import Certificate, CertificateRule
from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_every_course_a_rule_and_youssef_his_certificate(
    settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("seed_demo", force=True, verbosity=0, stdout=open("/dev/null", "w"))
    assert CertificateRule.objects.count() == CoursePage.objects.count() == 4
    certificate = Certificate.objects.get()
    assert certificate.user.email == "youssef.benali@tunis.example"
    assert certificate.is_valid
    call_command("seed_demo", force=True, verbosity=0, stdout=open("/dev/null", "w"))
    assert Certificate.objects.count() == 1
