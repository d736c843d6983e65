"""How durations are written for people: pure functions, no database.

The site writes them short ("45 minutes", "1 h 20 min"); certificates write them in
words with plural forms ("30 minutes", "1 heure", "1 heure 30 minutes", "6 heures").
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _minutes_text(minutes: int) -> str:
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
        "count": minutes
    }


def duration_text(minutes) -> str:
    """'45 minutes', '1 h', '1 h 20 min': how long something takes, for the site."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return _minutes_text(minutes)
    hours, rest = divmod(minutes, 60)
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": rest}


def duration_words(minutes) -> str:
    """'30 minutes', '1 heure', '2 heures 30 minutes': a duration in words (printed
    on certificates). Under an hour it counts minutes; from an hour on, hours and the
    remaining minutes, each with its plural form."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return _minutes_text(minutes)
    hours, rest = divmod(minutes, 60)
    text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if rest:
        text = _("%(hours)s %(minutes)s") % {
            "hours": text,
            "minutes": _minutes_text(rest),
        }
    return text
