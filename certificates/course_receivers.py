"""A new course gets its certificate rule (connected in CertificatesConfig.ready).

Courses never import certificates, so the certificates app listens for the course
page's creation (Wagtail's add_child, a copy, an import or the demo) and calls its
service; the rule is then the admin's to change.
"""

from django.db.models.signals import post_save

from courses.models import CoursePage


def _course_saved(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    from certificates.services import certificate_rule_default_create

    certificate_rule_default_create(course=instance)


def connect() -> None:
    post_save.connect(
        _course_saved, sender=CoursePage, dispatch_uid="certificates-default-rule"
    )
