"""Certificates for learner templates (the dashboard), without learners importing us."""

from django import template

from certificates.selectors import learner_certificate_list

register = template.Library()


@register.simple_tag(takes_context=True)
def learner_certificates(context):
    """The visitor's certificates, newest first (one query)."""
    return learner_certificate_list(user=context["request"].user)
