"""Certificates for learner templates (the dashboard), without learners importing us."""

from django import template

from certificates.selectors import (
    learner_certificate_list,
    learner_course_certificate_get,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def learner_certificates(context):
    """The visitor's certificates, newest first (one query)."""
    return learner_certificate_list(user=context["request"].user)


@register.simple_tag(takes_context=True)
def learner_course_certificate(context, course):
    """The visitor's valid certificate for the course, or None (a quiz result)."""
    return learner_course_certificate_get(user=context["request"].user, course=course)
