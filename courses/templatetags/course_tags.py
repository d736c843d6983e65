from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """'45 minutes', '1 h 20 min': how long something takes to read, for humans."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
            "count": minutes
        }
    hours, rest = divmod(minutes, 60)
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": rest}
