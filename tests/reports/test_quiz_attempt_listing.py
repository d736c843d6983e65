"""The attempts of one quiz, in the one listing of attempts (the reports' listing,
filtered on the quiz): what a trainer sees, filters, pages and query counts."""

import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import ModulePage
from learners.models import QuizAttempt
from learners.quiz_admin_views import quiz_attempts_url
from learners.services import (
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from tests.factories import quiz_admin
from tests.factories.learners import ProfileFactory
from tests.factories.quizzes import essay, quiz_create, single, truefalse

pytestmark = pytest.mark.django_db


course, quiz = quiz_admin.course, quiz_admin.quiz
trainer, people = quiz_admin.trainer, quiz_admin.people
_at = quiz_admin.at


def _take(
    quiz, course, user, *, essay_text="Le budget associe les habitants.", now=None
):
    """A submitted attempt; without ``essay_text`` it is graded at once."""
    enrollment_create(user=user, course=course)
    attempt = quiz_attempt_start(user=user, quiz=quiz, now=now, rng=random.Random(7))
    data = QueryDict(mutable=True)
    for item in attempt.questions:
        question, name = item["question"], f"q{item['position']}"
        if question["qtype"] == "single":
            shown = [question["choices"][i]["text"] for i in item["choice_order"]]
            data.setlist(name, ["", str(shown.index("Dakar"))])
        elif question["qtype"] == "truefalse":
            data.setlist(name, ["", "true"])
        elif question["qtype"] == "essay":
            data[name] = essay_text
    data["confirm_unanswered"] = "1"
    return quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=data, now=now)


def _listed(response) -> set[str]:
    return {row.learner_first_name for row in response.context["object_list"]}


def _notices(response) -> list[str]:
    return list(response.context["view"].filter_notices)


def test_trainer_sees_every_attempt_with_learner_and_city(
    client, trainer, quiz, course, people
):
    """Each attempt shows the learner, their city, the state and a link to it."""
    awa_attempt = _take(quiz, course, people["awa"])
    _take(quiz, course, people["youssef"], essay_text="")
    response = client.get(quiz_attempts_url(quiz))
    assert response.status_code == 200
    body = response.content.decode()
    assert "awa.diop@dakar.example" in body and "y.benali@tunis.example" in body
    assert "Dakar" in body and "Tunis" in body
    assert "En attente de correction" in body  # Awa's essay waits for a grade
    assert reverse("quiz_admin:attempt", args=[awa_attempt.pk]) in body


def test_the_listing_of_a_quiz_holds_only_its_attempts(
    client, trainer, quiz, course, people
):
    """Attempts at another quiz of the course are not listed under this one."""
    other = quiz_create(
        ModulePage.objects.child_of(course).get(),
        title="Autre quiz",
        questions=[single(), truefalse(), essay(marks="2")],
    )
    _take(quiz, course, people["awa"])
    _take(other, course, people["youssef"])
    assert _listed(client.get(quiz_attempts_url(quiz))) == {"Awa"}
    assert _listed(client.get(quiz_attempts_url(other))) == {"Youssef"}


def test_attempts_filter_by_learner_city_state_and_dates(
    client, trainer, quiz, course, people
):
    """Each filter narrows the listing; a name, a word of it or the e-mail finds."""
    _take(quiz, course, people["awa"], now=_at(2))
    _take(quiz, course, people["youssef"], essay_text="", now=_at(20))
    url = reverse("report_quiz_attempts:index")

    def listed(**params):
        return _listed(client.get(url, {"quiz": quiz.pk, **params}))

    assert listed() == {"Awa", "Youssef"}
    assert listed(q="ben ali") == {"Youssef"}
    assert listed(q="awa.diop@") == {"Awa"}
    assert listed(q="personne") == set()
    assert listed(municipality=people["tunis"].pk) == {"Youssef"}
    assert listed(state="pending") == {"Awa"}
    assert listed(state="graded") == {"Youssef"}
    assert listed(submitted_at_from="2026-03-10") == {"Youssef"}
    assert listed(submitted_at_to="2026-03-02") == {"Awa"}
    assert listed(submitted_at_from="2026-03-01", submitted_at_to="2026-03-19") == {
        "Awa"
    }


def test_bad_filter_values_are_reported_and_ignored(
    client, trainer, quiz, course, people
):
    """Unknown quiz or city, impossible date, unknown state, reversed dates, a page
    that is not a number: a notice for each filter, the listing still shown."""
    _take(quiz, course, people["awa"], now=_at(2))
    _take(quiz, course, people["youssef"], essay_text="", now=_at(20))
    url = reverse("report_quiz_attempts:index")
    for params in (
        {"quiz": "999999"},
        {"quiz": course.pk},  # a page that is not a quiz
        {"municipality": "abc"},
        {"municipality": "999999"},
        {"submitted_at_from": "2026-02-31"},
        {"submitted_at_to": "demain"},
        {"state": "bogus"},
    ):
        response = client.get(url, params)
        assert response.status_code == 200, params
        assert len(_notices(response)) == 1, params
        assert _listed(response) == {"Awa", "Youssef"}, params
    response = client.get(
        url,
        {
            "quiz": quiz.pk,
            "submitted_at_from": "2026-03-19",
            "submitted_at_to": "2026-03-01",
            "p": "zzz",
        },
    )
    assert response.status_code == 200
    assert len(_notices(response)) == 1
    assert _listed(response) == {"Awa", "Youssef"}  # the quiz filter still applies


def test_attempts_are_paginated_by_fifty(client, trainer, quiz, course):
    """Fifty attempts a page, the rest on the next."""
    for _n in range(52):
        _take(quiz, course, ProfileFactory().user, essay_text="")
    url = quiz_attempts_url(quiz)
    assert len(client.get(url).context["object_list"]) == 50
    assert len(client.get(url + "&p=2").context["object_list"]) == 2


def test_attempts_listing_cost_does_not_grow_with_attempts(
    client, trainer, quiz, course
):
    """The same number of queries for 2 attempts as for 20."""
    url = quiz_attempts_url(quiz)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    for _n in range(2):
        _take(quiz, course, ProfileFactory().user)
    queries()  # the first admin page of a session fills caches
    with_two = queries()
    for _n in range(18):
        _take(quiz, course, ProfileFactory().user)
    assert queries() == with_two


def test_an_attempt_submitted_after_its_time_limit_is_marked_late(
    client, trainer, quiz, course, people
):
    """Trainers see which attempts came in after the time limit (graded on the
    answers saved before it), on screen and in the export."""
    late = _take(quiz, course, people["awa"])
    _take(quiz, course, people["youssef"])
    QuizAttempt.objects.filter(pk=late.pk).update(late=True)
    response = client.get(quiz_attempts_url(quiz))
    rows = {row.learner_first_name: row.late for row in response.context["object_list"]}
    assert rows == {"Awa": True, "Youssef": False}
    body = response.content.decode()
    assert "Durée limite" in body and body.count("en retard") == 1
    export = client.get(quiz_attempts_url(quiz) + "&export=csv")
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    awa_line = next(line for line in lines if "awa.diop@dakar.example" in line)
    assert "en retard" in awa_line
