"""Trainers' quiz screens in the admin: essays to grade, an attempt, statistics (the
attempts of a quiz: tests/reports/test_quiz_attempt_listing.py)."""

import random

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.http import QueryDict
from django.urls import reverse

from learners.models import QuizAttempt
from learners.quiz_admin_views import quiz_attempts_url
from learners.roles import Role
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    role_grant,
)
from tests.factories import quiz_admin
from tests.factories.learners import UserFactory
from tests.factories.quizzes import essay, quiz_create

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


course, quiz = quiz_admin.course, quiz_admin.quiz
trainer, people = quiz_admin.trainer, quiz_admin.people
_at = quiz_admin.at


def _take(
    quiz,
    course,
    user,
    *,
    choice="Dakar",
    true=True,
    text="Le budget participatif associe les habitants.",
    now=None,
    submit=True,
):
    """An attempt answered with ``choice``, ``true`` and the essay ``text`` ("" for
    none: the attempt is then graded at once)."""
    enrollment_create(user=user, course=course)
    attempt = quiz_attempt_start(user=user, quiz=quiz, now=now, rng=random.Random(7))
    if not submit:
        return attempt
    data = QueryDict(mutable=True)
    for item in attempt.questions:
        question, name = item["question"], f"q{item['position']}"
        if question["qtype"] == "single":
            shown = [question["choices"][i]["text"] for i in item["choice_order"]]
            data.setlist(name, ["", str(shown.index(choice))])
        elif question["qtype"] == "truefalse":
            data.setlist(name, ["", "true" if true else "false"])
        elif question["qtype"] == "essay":
            data[name] = text
    data["confirm_unanswered"] = "1"
    return quiz_attempt_submit(user=user, attempt_id=attempt.pk, data=data, now=now)


def _essay_position(attempt) -> int:
    return next(
        item["position"]
        for item in attempt.questions
        if item["question"]["qtype"] == "essay"
    )


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_former_attempts_address_leads_to_the_listing_of_the_quiz(
    client, trainer, quiz
):
    """Old links to a quiz's attempts open the one listing of attempts, filtered."""
    response = client.get(reverse("quiz_admin:attempts", args=[quiz.pk]))
    assert response.status_code == 302
    assert response["Location"] == quiz_attempts_url(quiz)


def test_a_page_that_is_not_a_quiz_is_not_found(client, trainer, course):
    response = client.get(reverse("quiz_admin:attempts", args=[course.pk]))
    assert response.status_code == 404


# --------------------------------------------------------------------------- access


def _quiz_urls(quiz, attempt) -> list[str]:
    return [
        quiz_attempts_url(quiz),
        reverse("quiz_admin:essays", args=[quiz.pk]),
        reverse("quiz_admin:statistics", args=[quiz.pk]),
        reverse("quiz_admin:essay_queue"),
        reverse("quiz_admin:attempt", args=[attempt.pk]),
    ]


def test_learners_and_coordinators_are_refused(
    client, quiz, course, people, django_capture_on_commit_callbacks
):
    """403 for a script; a browser is sent to the admin login page, with no data."""
    attempt = _take(quiz, course, people["awa"])
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=people["dakar"])
    for user in (people["youssef"], coordinator):
        client.force_login(user)
        for url in _quiz_urls(quiz, attempt):
            assert client.get(url, **XHR).status_code == 403, url
            response = client.get(url)
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("quiz_admin:attempt", args=[attempt.pk]),
                {"position": _essay_position(attempt), "points": "2"},
                **XHR,
            )
        assert response.status_code == 403
    attempt.refresh_from_db()
    assert attempt.state == QuizAttempt.State.PENDING
    assert mail.outbox == []


def test_admin_users_without_a_staff_role_are_refused(client, quiz, course, people):
    """Reaching the admin is not enough: the trainer or certificate admin role is."""
    attempt = _take(quiz, course, people["awa"])
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in _quiz_urls(quiz, attempt):
        assert client.get(url, **XHR).status_code == 403, url
        assert client.get(url).status_code == 302
    assert (
        reverse("quiz_admin:essay_queue") not in client.get("/admin/").content.decode()
    )


def test_certificate_admins_and_superusers_may_read(client, quiz, course, people):
    attempt = _take(quiz, course, people["awa"])
    certificate_admin = UserFactory()
    role_grant(user=certificate_admin, role=Role.CERTIFICATE_ADMIN)
    for user in (certificate_admin, UserFactory(is_superuser=True, is_staff=True)):
        client.force_login(user)
        for url in _quiz_urls(quiz, attempt):
            assert client.get(url).status_code == 200, url


def test_trainers_find_the_screens_from_the_menu_and_the_quiz_page(
    client, trainer, quiz, course, people
):
    _take(quiz, course, people["awa"])
    assert reverse("quiz_admin:essay_queue") in client.get("/admin/").content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert reverse("quiz_admin:statistics", args=[quiz.pk]) in edit.content.decode()
    explorer = client.get(reverse("wagtailadmin_explore", args=[quiz.get_parent().pk]))
    assert quiz_attempts_url(quiz) in explorer.content.decode()


# --------------------------------------------------------------------------- essays


def test_essay_queue_lists_pending_essays_oldest_first(
    client, trainer, quiz, course, people
):
    """With the question, the answer and the information for graders; the quiz's
    queue holds its essays only, the main queue every quiz's."""
    _take(quiz, course, people["youssef"], text="Réponse de Youssef", now=_at(5))
    _take(quiz, course, people["awa"], text="Réponse d'Awa", now=_at(3))
    other = quiz_create(
        quiz.get_parent(), title="Autre quiz", questions=[essay("Une autre question")]
    )
    _take(other, course, people["awa"], text="Hors de ce quiz", now=_at(4))
    assert (
        "Hors de ce quiz"
        not in client.get(reverse("quiz_admin:essays", args=[quiz.pk])).content.decode()
    )
    everything = client.get(reverse("quiz_admin:essay_queue"))
    assert [essay.attempt.quiz_id for essay, _form in everything.context["queue"]] == [
        quiz.pk,
        other.pk,
        quiz.pk,
    ]
    assert "Hors de ce quiz" in everything.content.decode()
    response = client.get(reverse("quiz_admin:essays", args=[quiz.pk]))
    body = response.content.decode()
    assert [
        essay.attempt.user.first_name for essay, _form in response.context["queue"]
    ] == ["Awa", "Youssef"]
    assert body.index("Réponse d&#x27;Awa") < body.index("Réponse de Youssef")
    assert "Cite au moins une étape." in body
    assert "Décrivez le budget participatif de votre ville." in body


def test_grading_an_essay_notifies_the_learner_and_grades_the_attempt(
    client, trainer, quiz, course, people, django_capture_on_commit_callbacks
):
    """Points with a French decimal comma; the attempt gets its final score."""
    attempt = _take(quiz, course, people["awa"])
    position = _essay_position(attempt)
    url = reverse("quiz_admin:attempt", args=[attempt.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "position": position,
                "points": "1,5",
                "comment": "Bien, citez un exemple.",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == url
    attempt.refresh_from_db()
    assert attempt.state == QuizAttempt.State.GRADED
    assert attempt.results[str(position)]["points"] == "1.500"
    assert attempt.results[str(position)]["comment"] == "Bien, citez un exemple."
    assert attempt.results[str(position)]["graded_by"] == trainer.pk
    assert str(attempt.score) == "87.50"  # (1 + 1 + 1.5) / 4
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [people["awa"].email]
    page = client.get(url).content.decode()
    assert "Bien, citez un exemple." in page
    assert "Moussa Ndiaye" in page
    assert (
        reverse("quiz_admin:attempt", args=[attempt.pk])
        not in client.get(reverse("quiz_admin:essay_queue")).content.decode()
    )


def test_grading_from_the_queue_returns_to_the_queue(
    client, trainer, quiz, course, people
):
    """Back to the queue after a grade; never to another site."""
    queue = reverse("quiz_admin:essays", args=[quiz.pk])
    for user, target, expected in (
        (people["awa"], queue, queue),
        (people["youssef"], "https://evil.example/", None),
    ):
        attempt = _take(quiz, course, user)
        url = reverse("quiz_admin:attempt", args=[attempt.pk])
        response = client.post(
            url, {"position": _essay_position(attempt), "points": "2", "next": target}
        )
        assert response.status_code == 302
        assert response["Location"] == (expected or url)


def test_an_essay_graded_meanwhile_is_not_graded_again(
    client, trainer, quiz, course, people, django_capture_on_commit_callbacks
):
    """A second grader (or a second click) keeps the first grade and sends no e-mail."""
    attempt = _take(quiz, course, people["awa"])
    url = reverse("quiz_admin:attempt", args=[attempt.pk])
    data = {"position": _essay_position(attempt), "comment": "Premier avis"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "points": "2"})
        response = client.post(url, {**data, "points": "0", "comment": "Second"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    result = attempt.results[str(_essay_position(attempt))]
    assert (result["points"], result["comment"]) == ("2.000", "Premier avis")
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("points", ["3", "-1", "beaucoup", ""])
def test_points_out_of_range_change_nothing(
    client, trainer, quiz, course, people, points, django_capture_on_commit_callbacks
):
    """The form comes back with the error and what was typed; no grade, no e-mail."""
    attempt = _take(quiz, course, people["awa"])
    before = QuizAttempt.objects.get(pk=attempt.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("quiz_admin:attempt", args=[attempt.pk]),
            {
                "position": _essay_position(attempt),
                "points": points,
                "comment": "Gardé",
            },
        )
    assert response.status_code == 400
    assert len(_messages(response)) == 1
    assert "Gardé" in response.content.decode()
    if points in ("3", "-1"):
        assert "Donnez entre 0 et 2 points." in response.content.decode()
    after = QuizAttempt.objects.get(pk=attempt.pk)
    assert (after.state, after.results, after.score) == (
        before.state,
        before.results,
        before.score,
    )
    assert mail.outbox == []


def test_grading_an_open_attempt_is_refused(
    client, trainer, quiz, course, people, django_capture_on_commit_callbacks
):
    attempt = _take(quiz, course, people["awa"], submit=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("quiz_admin:attempt", args=[attempt.pk]),
            {"position": _essay_position(attempt), "points": "1"},
        )
    assert response.status_code == 409
    assert "Cette tentative n’est pas encore envoyée." in _messages(response)[0]
    attempt.refresh_from_db()
    assert attempt.state == QuizAttempt.State.OPEN
    assert attempt.results == {}
    assert mail.outbox == []


def test_grading_a_question_that_is_not_an_essay_is_refused(
    client, trainer, quiz, course, people
):
    attempt = _take(quiz, course, people["awa"])
    other = next(p for p in (1, 2, 3) if p != _essay_position(attempt))
    response = client.post(
        reverse("quiz_admin:attempt", args=[attempt.pk]),
        {"position": other, "points": "1"},
    )
    assert response.status_code == 400
    assert QuizAttempt.objects.get(pk=attempt.pk).state == QuizAttempt.State.PENDING


def test_attempt_detail_shows_answers_points_and_right_answers(
    client, trainer, quiz, course, people
):
    attempt = _take(quiz, course, people["awa"], choice="Thiès", text="Mon essai")
    body = client.get(reverse("quiz_admin:attempt", args=[attempt.pk])).content.decode()
    assert "Thiès" in body and "Dakar" in body  # the answer and the right one
    assert "Mon essai" in body
    assert 'name="points"' in body  # the essay can be graded here
    assert client.get(reverse("quiz_admin:attempt", args=[999999])).status_code == 404


# --------------------------------------------------------------------------- statistics


def test_statistics_page_shows_facility_discrimination_and_answers(
    client, trainer, quiz, course, people
):
    """Awa right on both, Youssef wrong on both, no essays: the choice question has
    facility 50 % and discrimination 1 (its score follows the rest of the test)."""
    _take(quiz, course, people["awa"], text="")
    _take(quiz, course, people["youssef"], choice="Thiès", true=False, text="")
    response = client.get(reverse("quiz_admin:statistics", args=[quiz.pk]))
    assert response.status_code == 200
    figures = {q.qtype: q for q in response.context["statistics"].questions}
    assert figures["single"].facility == pytest.approx(50.0)
    assert figures["single"].discrimination == pytest.approx(1.0)
    assert (figures["essay"].attempts, figures["essay"].answered) == (2, 0)
    body = response.content.decode()
    assert "50,0 %" in body
    assert "1,00" in body
    assert [(a.text, a.count) for a in figures["single"].answers] == [
        ("Dakar", 1),
        ("Thiès", 1),
        ("Saint-Louis", 0),
    ]
    assert "Dakar" in body and "Saint-Louis" in body
    assert "<caption>" in body and 'scope="row"' in body
