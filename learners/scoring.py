"""How scores are shown: one rounding rule for every page, e-mail, PDF and report.

Pure functions, no database. Scores are stored with two decimals (``97.22``); people
see a whole percent, rounded half up (97.22 → 97, 97.5 → 98), the same on the quiz
result, the quiz page, e-mails, the certificate and the reports. Progress is another
rule (``learners.progress.percent``): it rounds down, so 99.9 % done never shows 100.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats


def score_percent(score) -> int | None:
    """The score as a whole percent, rounded half up (None stays None)."""
    if score is None or score == "":
        return None
    return int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score_percent_text(score, *, empty: str = "—") -> str:
    """``"97 %"`` in the active language's number format (``empty`` without score)."""
    value = score_percent(score)
    if value is None:
        return empty
    return f"{formats.number_format(value)} %"
