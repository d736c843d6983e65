"""Reading time of lesson text: a pure calculation, no database."""

import math
import re
from collections.abc import Iterable

from django.utils.html import strip_tags

# Adults reading French on a screen, a second language for some of our learners.
WORDS_PER_MINUTE = 180
_WORD = re.compile(r"\w+(?:[’'-]\w+)*", re.UNICODE)


def words_count(text: str) -> int:
    """Number of words in a piece of text or HTML."""
    return len(_WORD.findall(strip_tags(text or "")))


def reading_minutes(words: int) -> int:
    """Whole minutes to read that many words; at least one minute for any text."""
    if words <= 0:
        return 0
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


_NOT_TEXT_KEYS = {"type", "id", "url", "kind", "level", "image", "file", "document"}


def stream_text(data) -> str:
    """All the words a learner reads in StreamField JSON (`get_prep_value()` output)."""
    parts: list[str] = []

    def walk(node, key=None):
        if key in _NOT_TEXT_KEYS:
            return
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, dict):
            for child_key, child in node.items():
                walk(child, child_key)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    walk(data)
    return " ".join(parts)


def course_minutes(*, override: int | None, steps_minutes: Iterable[int]) -> int:
    """The one duration rule of a course, for its card, its page and its certificate.

    The trainer's estimate when one is set (and not 0), else the sum of the estimated
    minutes of the steps a learner follows: the live lessons *and* quizzes of the
    live modules. `selectors.course_minutes_expression` is its SQL twin.
    """
    if override:
        return override
    return sum(steps_minutes)
