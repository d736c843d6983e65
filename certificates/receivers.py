"""Certificates react to learner events (connected in CertificatesConfig.ready)."""

from learners.signals import course_completed


def _course_completed(sender, user, course, **kwargs):
    from certificates.services import certificate_auto_issue

    certificate_auto_issue(user=user, course=course)


def connect() -> None:
    course_completed.connect(_course_completed, dispatch_uid="certificates-auto-issue")
