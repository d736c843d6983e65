"""One display rule for scores (half up) and one for progress (down)."""

from decimal import Decimal

import pytest
from django.utils import translation

from courses.durations import duration_text, duration_words
from learners.progress import percent
from learners.scoring import score_percent, score_percent_text


@pytest.mark.parametrize(
    ("score", "shown"),
    [
        (Decimal("97.22"), 97),
        (Decimal("97.50"), 98),
        (Decimal("97.49"), 97),
        (Decimal("0.50"), 1),
        (Decimal("100.00"), 100),
        (87.5, 88),
        ("66.67", 67),
        (None, None),
    ],
)
def test_scores_are_shown_as_whole_percents_rounded_half_up(score, shown):
    """97.22 reads 97, 97.5 reads 98: half up, the same everywhere."""
    assert score_percent(score) == shown


def test_score_text_has_the_percent_sign_or_a_dash():
    """A score reads "97 %"; no score reads "—"."""
    assert score_percent_text(Decimal("97.22")) == "97 %"
    assert score_percent_text(None) == "—"


@pytest.mark.parametrize(
    ("done", "total", "shown"), [(5, 9, 55), (2, 3, 66), (8, 9, 88), (9, 9, 100)]
)
def test_progress_rounds_down(done, total, shown):
    """5 of 9 steps shows 55 % (rounded down: 100 % only when everything is done)."""
    assert percent(done, total) == shown


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (1, "1 minute"),
        (30, "30 minutes"),
        (60, "1 heure"),
        (90, "1 heure 30 minutes"),
        (120, "2 heures"),
        (361, "6 heures 1 minute"),
    ],
)
def test_durations_in_words_use_plural_forms_in_french(minutes, words):
    """Durations are written "1 heure", "2 heures", "30 minutes" in French."""
    with translation.override("fr"):
        assert duration_words(minutes) == words


def test_durations_in_words_in_english():
    """In English: "1 hour 30 minutes", "2 hours"."""
    with translation.override("en"):
        assert duration_words(90) == "1 hour 30 minutes"
        assert duration_words(120) == "2 hours"
        assert duration_text(80) == "1 h 20 min"
