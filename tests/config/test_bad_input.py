"""Bad input anywhere on the site: a clear, translated message, nothing written,
never a 500 (null characters, over-long e-mail addresses, broken images, tampered
quiz forms)."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from courses.models import ModulePage
from learners.models import QuizAttempt, User
from learners.services import enrollment_create, quiz_attempt_start
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory
from tests.factories.quizzes import essay, quiz_create, shortanswer

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return ModulePage.objects.child_of(
        course_create(title="Budget communal", modules=1, lessons_per_module=1)
    ).get()


@pytest.fixture
def learner(client, module):
    user = ProfileFactory().user
    enrollment_create(user=user, course=module.get_parent().specific)
    client.force_login(user)
    return user


def _attempt_url(attempt) -> str:
    return reverse("learners:quiz_attempt", args=[attempt.pk])


def test_unknown_quiz_form_action_is_refused_and_changes_nothing(
    client, module, learner
):
    """action=delete answers 400 with a message; the attempt stays open, unanswered."""
    quiz = quiz_create(module, questions=[shortanswer()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    response = client.post(
        _attempt_url(attempt), {"action": "delete", "q1": "subsidiarité"}
    )
    assert response.status_code == 400
    assert "aucun changement" in response.content.decode().lower()
    attempt = QuizAttempt.objects.get(pk=attempt.pk)
    assert attempt.state == "open" and not attempt.responses


@pytest.mark.parametrize("question", [shortanswer, essay])
def test_null_character_in_a_quiz_answer_is_refused(client, module, learner, question):
    """A short answer or essay holding \\x00 answers 400 with a message, nothing saved."""
    quiz = quiz_create(module, questions=[question()])
    attempt = quiz_attempt_start(user=learner, quiz=quiz)
    for action in ("save", "finish"):
        response = client.post(
            _attempt_url(attempt), {"action": action, "q1": "a\x00b"}
        )
        assert response.status_code == 400
        assert "caractère nul" in response.content.decode()
    attempt = QuizAttempt.objects.get(pk=attempt.pk)
    assert attempt.state == "open" and not attempt.responses


@pytest.mark.parametrize("query", ["q=a%00b", "topic=a%00b", "a%00b=1"])
def test_null_character_in_catalogue_query_is_refused(client, query):
    """/cours/?q=a%00b and ?topic=a%00b answer 400 with a message, not 500."""
    response = client.get(f"/cours/?{query}")
    assert response.status_code == 400
    assert "caractère nul" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["q=a%00b", "topic=a%00b"])
def test_null_character_in_catalogue_query_is_refused_on_postgres(client, query):
    """The same on PostgreSQL, which cannot compare a text holding \\x00."""
    from django.db import connection

    assert connection.vendor == "postgresql"
    response = client.get(f"/cours/?{query}")
    assert response.status_code == 400


def test_signup_refuses_an_email_address_over_254_characters(client):
    """A 255-character address is refused with a message; no account, no mail."""
    email = "a" * 243 + "@ville.example"
    assert len(email) == 257
    response = client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "un-mot-de-passe-solide-2026",
            "password2": "un-mot-de-passe-solide-2026",
        },
    )
    assert response.status_code == 200
    assert "254 caractères au plus" in response.content.decode()
    assert not User.objects.exists()
    assert not mail.outbox


def test_malformed_gif_upload_gets_a_message(client, django_user_model):
    """GIF89a followed by junk, posted to the image library, is refused with a message."""
    admin = django_user_model.objects.create_superuser(
        email="admin@ville.example", password="un-mot-de-passe-solide-2026"
    )
    client.force_login(admin)
    upload = SimpleUploadedFile(
        "carte.gif", b"GIF89a" + b"\x8f\x00junk" * 40, content_type="image/gif"
    )
    response = client.post(
        reverse("wagtailimages:add"), {"title": "Carte", "file": upload}
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert "image" in response.content.decode().lower()
