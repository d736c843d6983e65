"""Taking a quiz: start, answer, submit, grading on the server, review, completion."""

import json
import random
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonPage, ModulePage
from learners.models import Completion, Enrollment, QuizAttempt
from learners.services import (
    QuizError,
    SubmissionError,
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_essay_grade,
    step_complete,
)
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory
from tests.factories.quizzes import (
    bank_create,
    description,
    essay,
    matching,
    multiple,
    numerical,
    quiz_create,
    shortanswer,
    single,
    truefalse,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_create(title="Budget communal", modules=1, lessons_per_module=1)


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).get()


@pytest.fixture
def learner(client, course):
    user = ProfileFactory().user
    enrollment_create(user=user, course=course)
    client.force_login(user)
    return user


def _all_types():
    return [
        description("Lisez le cas de la commune de Kaolack."),
        single(),
        multiple(),
        truefalse(),
        shortanswer(),
        numerical(),
        matching(),
    ]


def _form(attempt, answers: dict, **extra) -> QueryDict:
    """POST data of the attempt form, answers given by displayed option *text*."""
    data = QueryDict(mutable=True)
    for item in attempt.questions:
        question = item["question"]
        name = f"q{item['position']}"
        qtype = question["qtype"]
        wanted = answers.get(item["position"])
        if qtype == "description":
            continue
        if qtype in ("single", "multiple"):
            data.appendlist(name, "")
            texts = [question["choices"][i]["text"] for i in item["choice_order"]]
            for text in (
                wanted if isinstance(wanted, list) else [wanted] if wanted else []
            ):
                data.appendlist(name, str(texts.index(text)))
        elif qtype == "truefalse":
            data.appendlist(name, "")
            if wanted is not None:
                data.appendlist(name, "true" if wanted else "false")
        elif qtype == "matching":
            answers_offered = list(
                dict.fromkeys(p["answer"] for p in question["pairs"])
            )
            shown = [answers_offered[i] for i in item["answer_order"]]
            prompts = [p for p in question["pairs"] if p["prompt"]]
            for index, pair in enumerate(prompts):
                choice = (wanted or {}).get(pair["prompt"])
                data[f"{name}-{index}"] = str(shown.index(choice)) if choice else ""
        else:
            data[name] = wanted or ""
    for key, value in extra.items():
        data[key] = value
    return data


RIGHT = {
    2: "Dakar",
    3: ["Taxe foncière", "Patente"],
    4: True,
    5: "  SUBSIDIARITE ",
    6: "12",
    7: {
        "Maire": "Exécutif",
        "Conseil municipal": "Délibérant",
        "Préfet": "Contrôle de légalité",
    },
}


def test_quiz_start_needs_an_enrolment(module):
    """A learner who is not enrolled cannot start a quiz of the course."""
    quiz = quiz_create(module)
    outsider = ProfileFactory().user
    with pytest.raises(QuizError) as error:
        quiz_attempt_start(user=outsider, quiz=quiz)
    assert error.value.status == 403
    assert not QuizAttempt.objects.exists()


def test_quiz_start_records_what_is_asked_and_resumes_the_open_attempt(module, learner):
    """The snapshot holds each question with its stable id, and a second start resumes."""
    quiz = quiz_create(module, questions=_all_types(), shuffle_choices=True)
    attempt = quiz_attempt_start(user=learner, quiz=quiz, rng=random.Random(3))
    ids = [block.id for block in quiz.questions]
    assert [item["id"] for item in attempt.questions] == ids
    single_item = attempt.questions[1]
    assert sorted(single_item["choice_order"]) == [0, 1, 2]
    assert quiz_attempt_start(user=learner, quiz=quiz).pk == attempt.pk
    assert QuizAttempt.objects.count() == 1


def test_quiz_attempt_page_holds_no_answer_weight_or_feedback(client, module, learner):
    """Before submission the HTML shows questions and options only."""
    questions = _all_types()
    questions[1]["value"]["general_feedback"] = (
        "<p>Rappel : la capitale administrative.</p>"
    )
    quiz = quiz_create(module, questions=questions + [essay()])
    client.post(reverse("learners:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    html = client.get(
        reverse("learners:quiz_attempt", args=[attempt.pk])
    ).content.decode()
    assert "Quelle est la capitale du Sénégal" in html and "Thiès" in html
    for secret in (
        "Exact.",
        "Non : un transfert",
        "Vrai : c'est le conseil",
        "Rappel : la capitale",
        "subsidiarité",
        "proxi*",
        "Oui, douze",
        "Cite au moins une étape",
        "weight",
        "-100",
    ):
        assert secret not in html, secret
    # Option values are display positions, not the authored indexes.
    values = re.findall(r'name="q2" value="(\d)"', html)
    assert sorted(values) == ["0", "1", "2"]


def test_quiz_submit_grades_on_the_server_and_completes_the_course(
    module, learner, course
):
    """All right answers score 100 %, pass, and complete the quiz and the course."""
    quiz = quiz_create(module, questions=_all_types(), pass_mark=80)
    lesson = LessonPage.objects.descendant_of(course).get()
    step_complete(user=learner, page=lesson)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is None  # the quiz is still required
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    attempt = quiz_attempt_submit(
        user=learner, attempt_id=attempt.pk, data=_form(attempt, RIGHT)
    )
    assert attempt.state == "graded"
    assert attempt.score == Decimal("100.00") and attempt.passed is True
    assert attempt.max_points == 6
    assert Completion.objects.filter(user=learner, page=quiz).exists()
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_quiz_partial_and_negative_credit(module, learner):
    """Weights give partial credit; a negative weight is subtracted, floored at 0."""
    quiz = quiz_create(module, questions=[multiple(), shortanswer()], pass_mark=50)
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    attempt = quiz_attempt_submit(
        user=learner,
        attempt_id=attempt.pk,
        data=_form(
            attempt, {1: ["Taxe foncière", "Dotation de l'État"], 2: "proximité"}
        ),
    )
    assert attempt.results["1"]["fraction"] == "0.0000000"
    assert attempt.results["2"]["fraction"] == "0.5000000"
    assert attempt.score == Decimal("25.00") and attempt.passed is False
    assert not Completion.objects.exists()


def _post(client, attempt, data):
    return client.post(reverse("learners:quiz_attempt", args=[attempt.pk]), data)


@pytest.mark.parametrize(
    "tamper",
    ["unknown_question", "foreign_choice", "not_a_number", "missing_field"],
)
def test_quiz_tampered_submission_is_refused_and_changes_nothing(
    client, module, learner, tamper
):
    """A form that does not fit the attempt gets a 400 with a message; nothing is saved."""
    quiz = quiz_create(module, questions=[single(), numerical(), truefalse()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    data = _form(attempt, {1: "Dakar", 2: "12", 3: True}).dict()
    data["q1"] = data.get("q1") or "0"
    if tamper == "unknown_question":
        data["q99"] = "1"
    elif tamper == "foreign_choice":
        data["q1"] = "7"  # only 3 options here; 7 belongs to no option of this question
    elif tamper == "not_a_number":
        data["q2"] = "douze"
    else:
        del data["q3"]
    response = _post(client, attempt, data)
    assert response.status_code == 400
    assert "Vos réponses n’ont pas été envoyées" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.state == "open" and attempt.responses == {} and attempt.score is None


def test_quiz_other_learner_attempt_is_not_found(client, module, learner):
    """An attempt that is not the learner's is a 404, for reading and for posting."""
    quiz = quiz_create(module)
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    other = ProfileFactory().user
    client.force_login(other)
    url = reverse("learners:quiz_attempt", args=[attempt.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"q1": "0"}).status_code == 404


def test_quiz_closed_attempt_cannot_change(client, module, learner):
    """Submitting a graded attempt again is a 409 and its score stays."""
    quiz = quiz_create(module, questions=[single()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=attempt.pk, data=_form(attempt, {1: "Thiès"})
    )
    response = _post(client, attempt, _form(attempt, {1: "Dakar"}))
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_quiz_attempts_beyond_the_maximum_are_refused(client, module, learner):
    """With 2 attempts allowed, a third start is refused with a message."""
    quiz = quiz_create(module, questions=[single()], max_attempts=2)
    for _ in range(2):
        attempt = quiz_attempt_start(user=learner, quiz=quiz)
        quiz_attempt_submit(
            user=learner, attempt_id=attempt.pk, data=_form(attempt, {1: "Thiès"})
        )
    response = client.post(reverse("learners:quiz_start", args=[quiz.pk]), follow=True)
    assert "Vous avez utilisé vos 2 tentatives" in response.content.decode()
    assert QuizAttempt.objects.count() == 2


def test_quiz_unanswered_questions_need_a_confirmation(module, learner):
    """Blank answers are refused unless the learner ticks the confirmation."""
    quiz = quiz_create(module, questions=[single(), truefalse()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    with pytest.raises(SubmissionError) as error:
        quiz_attempt_submit(
            user=learner, attempt_id=attempt.pk, data=_form(attempt, {1: "Dakar"})
        )
    assert (
        "1 questions" in error.value.errors["form"]
        or "1 question" in error.value.errors["form"]
    )
    attempt = quiz_attempt_submit(
        user=learner,
        attempt_id=attempt.pk,
        data=_form(attempt, {1: "Dakar"}, confirm_unanswered="1"),
    )
    assert attempt.results["2"]["state"] == "unanswered"
    assert attempt.score == Decimal("50.00")


def test_quiz_late_submission_counts_only_answers_saved_in_time(module, learner):
    """After the time limit, the POSTed answers are ignored; the saved ones are graded."""
    quiz = quiz_create(module, questions=[single(), truefalse()], time_limit_minutes=10)
    start = timezone.now()
    attempt = quiz_attempt_start(user=learner, quiz=quiz, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    quiz_attempt_submit(
        user=learner,
        attempt_id=attempt.pk,
        data=_form(attempt, {1: "Dakar"}),
        finish=False,
        now=start + timedelta(minutes=5),
    )
    attempt = quiz_attempt_submit(
        user=learner,
        attempt_id=attempt.pk,
        data=_form(attempt, {1: "Dakar", 2: True}),
        now=start + timedelta(minutes=11),
    )
    assert attempt.late is True and attempt.state == "graded"
    assert attempt.results["1"]["fraction"] == "1.0000000"
    assert attempt.results["2"]["state"] == "unanswered"


def test_quiz_bank_draw_changes_between_attempts(module, learner):
    """Each attempt draws afresh, and a retake avoids questions already asked."""
    bank = bank_create(
        "Finances", [single(f"Question {n} ?", category="budget") for n in range(6)]
    )
    quiz = quiz_create(module, questions=[truefalse()], draws=[(bank, "budget", 3)])
    first = quiz_attempt_start(user=learner, quiz=quiz)
    assert len(first.questions) == 4
    quiz_attempt_submit(
        user=learner, attempt_id=first.pk, data=_form(first, {}, confirm_unanswered="1")
    )
    second = quiz_attempt_start(user=learner, quiz=quiz)
    drawn_first = {i["id"] for i in first.questions if i["bank"]}
    drawn_second = {i["id"] for i in second.questions if i["bank"]}
    assert len(drawn_second) == 3 and not drawn_first & drawn_second


def test_quiz_essay_stays_pending_until_a_trainer_grades_it(
    module, learner, course, django_capture_on_commit_callbacks
):
    """An essay makes the attempt pending; the trainer's grade decides and e-mails."""
    quiz = quiz_create(module, questions=[single(), essay()], pass_mark=75)
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    attempt = quiz_attempt_submit(
        user=learner,
        attempt_id=attempt.pk,
        data=_form(attempt, {1: "Dakar", 2: "Nous réunissons les quartiers."}),
    )
    assert attempt.state == "pending" and attempt.passed is None
    assert not Completion.objects.filter(page=quiz).exists()
    trainer = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        attempt = quiz_essay_grade(
            grader=trainer,
            attempt_id=attempt.pk,
            position=2,
            points=Decimal("0.5"),
            comment="Bien, mais citez le vote.",
        )
    assert attempt.state == "graded" and attempt.score == Decimal("75.00")
    assert attempt.passed is True
    assert Completion.objects.filter(page=quiz, user=learner).exists()
    assert len(mail.outbox) == 1 and learner.email in mail.outbox[0].to
    with pytest.raises(QuizError):
        quiz_essay_grade(grader=trainer, attempt_id=attempt.pk, position=2, points=5)


def test_quiz_editing_questions_later_changes_no_past_attempt(client, module, learner):
    """The attempt keeps the question as asked, even after the quiz is edited."""
    quiz = quiz_create(module, questions=[single()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=attempt.pk, data=_form(attempt, {1: "Dakar"})
    )
    quiz.questions = json.dumps([truefalse("Tout autre chose.")])
    quiz.save()
    page = client.get(
        reverse("learners:quiz_attempt", args=[attempt.pk])
    ).content.decode()
    assert "capitale du Sénégal" in page and "Tout autre chose" not in page
    attempt.refresh_from_db()
    assert attempt.score == 100


@pytest.mark.parametrize(
    ("policy", "shown"), [("each", True), ("never", False), ("passed", False)]
)
def test_quiz_review_follows_the_policy(client, module, learner, policy, shown):
    """Right answers and feedback appear on the result page only when the policy allows."""
    quiz = quiz_create(
        module,
        questions=[single(general_feedback="<p>Revoyez la leçon 1.</p>")],
        review_policy=policy,
    )
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=attempt.pk, data=_form(attempt, {1: "Thiès"})
    )
    html = client.get(
        reverse("learners:quiz_attempt", args=[attempt.pk])
    ).content.decode()
    assert "0 %" in html
    assert ("Revoyez la leçon 1" in html) is shown
    assert ("Bonne réponse" in html) is shown


def test_quiz_page_shows_attempts_and_start_button(client, module, learner):
    """The quiz page lists the rules and offers to start, then to retake."""
    quiz = quiz_create(module, questions=[single()], max_attempts=3, pass_mark=70)
    html = client.get(quiz.url).content.decode()
    assert "70 %" in html and "Commencer le quiz" in html
    client.post(reverse("learners:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    _post(client, attempt, _form(attempt, {1: "Dakar"}, action="finish"))
    html = client.get(quiz.url).content.decode()
    assert (
        "Vous avez réussi ce quiz" in html
        and "Commencer une nouvelle tentative" in html
    )


def test_quiz_page_needs_an_enrolment(client, module):
    """A quiz page, like a lesson, sends visitors who are not enrolled away."""
    quiz = quiz_create(module)
    assert client.get(quiz.url).status_code == 302


def _count_queries(fn):
    with CaptureQueriesContext(connection) as context:
        fn()
    return len(context.captured_queries)


def test_quiz_start_and_submit_queries_do_not_grow_with_questions(course):
    """Starting and submitting cost the same queries for 5 and for 50 questions."""
    module = ModulePage.objects.child_of(course).get()
    counts = {}
    for size in (5, 50):
        kinds = [single, multiple, truefalse, shortanswer, numerical, matching]
        quiz = quiz_create(module, questions=[kinds[n % 6]() for n in range(size)])
        user = ProfileFactory().user
        enrollment_create(user=user, course=course)
        holder = {}
        start = _count_queries(
            lambda q=quiz, u=user, h=holder: h.update(
                a=quiz_attempt_start(user=u, quiz=q)
            )
        )
        attempt = holder["a"]
        data = _form(attempt, {}, confirm_unanswered="1")
        submit = _count_queries(
            lambda a=attempt, u=user, d=data: quiz_attempt_submit(
                user=u, attempt_id=a.pk, data=d
            )
        )
        counts[size] = (start, submit)
    assert counts[5] == counts[50]


def test_my_data_export_lists_attempts_without_right_answers(client, module, learner):
    """The JSON export holds what the learner answered, never the right answers."""
    quiz = quiz_create(module, questions=[single(), truefalse()])
    done = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=done.pk, data=_form(done, {1: "Thiès", 2: True})
    )
    quiz_attempt_start(user=learner, quiz=quiz)  # open: nothing graded yet
    export = client.get(reverse("learners:my_data_export")).json()
    attempts = export["quiz_attempts"]
    assert [a["state"] for a in attempts] == ["graded", "open"]
    assert attempts[0]["answers"][0]["answer"] == ["Thiès"]
    assert attempts[0]["answers"][0]["points"] == "0.000"
    assert attempts[1]["answers"][0]["points"] is None
    text = json.dumps(export, ensure_ascii=False)
    assert "Exact." not in text and "Vrai : c'est le conseil" not in text
    assert '"fraction"' not in text and '"weight"' not in text


def test_deleting_a_quiz_with_attempts_is_refused_in_the_admin(client, module, learner):
    """The admin names the learner instead of failing on the protected attempts."""
    from learners.models import User

    quiz = quiz_create(module, questions=[single()])
    quiz_attempt_start(user=learner, quiz=quiz)
    Completion.objects.all().delete()
    Enrollment.objects.all().delete()
    admin = User.objects.create_superuser("admin@campus.example", "x")
    client.force_login(admin)
    response = client.post(
        reverse("wagtailadmin_pages:delete", args=(quiz.pk,)), follow=True
    )
    assert str(learner) in response.content.decode()
    assert QuizAttempt.objects.filter(quiz=quiz).exists()
