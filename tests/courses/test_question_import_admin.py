"""The admin screens that import question files into quizzes and banks, and export them.

Driven with the Django test client, as a site admin and as a trainer (whose edits of a
quiz go through review). Admin pages are shown in English here (the user's admin
language), except where a test checks the French messages.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from courses.models import ModulePage, QuestionBank, QuizPage
from courses.question_formats import parse_gift
from tests.factories.courses import course_create
from tests.factories.learners import UserFactory
from tests.factories.quizzes import bank_create, quiz_create, single, truefalse

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MOODLE_GIFT = (FIXTURES / "gift" / "moodle" / "questions.gift.txt").read_bytes()

BAD_GIFT = (
    "Le budget est voté par le conseil.{T}\n\n"
    "Qui vote le budget ?{=Le conseil ~Le maire\n\n"
    "Associez.{=Maire -> Exécutif}\n"
).encode()


def in_english(user):
    """Show the admin to ``user`` in English (Wagtail's per-user admin language)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def site_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="admin@ville.example", password="un-mot-de-passe-solide-2026"
    )
    client.force_login(in_english(user))
    return user


@pytest.fixture
def trainer(reader):
    """A trainer logged into the admin (see tests/courses/conftest.py)."""
    return in_english(reader)


@pytest.fixture
def quiz():
    module = ModulePage.objects.child_of(
        course_create(modules=1, lessons_per_module=1)
    ).get()
    return quiz_create(module, slug="quiz-budget")


def upload(content: bytes, name: str = "questions.gift.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def quiz_import_url(quiz) -> str:
    return reverse("courses_questions:import_quiz", args=[quiz.pk])


def bank_import_url(bank) -> str:
    return reverse("courses_questions:import_bank", args=[bank.pk])


def bank_edit_url(bank) -> str:
    return reverse(QuestionBank.snippet_viewset.get_url_name("edit"), args=[bank.pk])


def latest(quiz) -> QuizPage:
    return QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()


def test_import_form_renders_for_a_quiz_and_a_bank(client, site_admin, quiz):
    """The form asks for a file and a format, and names where questions will go."""
    bank = bank_create("Finances", [single()])
    for url, name in (
        (quiz_import_url(quiz), "Quiz"),
        (bank_import_url(bank), "Finances"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'type="file"' in html and 'name="file"' in html
        assert 'value="gift"' in html and 'value="aiken"' in html
        assert 'enctype="multipart/form-data"' in html
        assert name in html


def test_admin_uploads_moodle_gift_into_a_bank(client, site_admin):
    """9 questions added after the bank's own; back on the bank with a success message."""
    bank = bank_create("Finances", [single()])
    response = client.post(
        bank_import_url(bank), {"file": upload(MOODLE_GIFT), "fmt": "gift"}
    )
    assert response.status_code == 302
    assert response.url == bank_edit_url(bank)
    bank.refresh_from_db()
    assert len(bank.questions) == 10
    page = client.get(response.url).content.decode()
    assert "9 questions imported." in page


def test_upload_with_errors_lists_every_line_and_imports_nothing(client, site_admin):
    bank = bank_create("Finances", [single()])
    response = client.post(
        bank_import_url(bank), {"file": upload(BAD_GIFT), "fmt": "gift"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "line 3: Unclosed brace" in html
    assert "line 5: " in html
    bank.refresh_from_db()
    assert len(bank.questions) == 1


def test_errors_are_in_french_for_a_french_speaking_user(client, trainer):
    """The admin's default language is French: the parser's messages are too."""
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = ""
    profile.save()
    bank = bank_create("Finances", [single()])
    response = client.post(
        bank_import_url(bank), {"file": upload(BAD_GIFT), "fmt": "gift"}
    )
    assert "Accolade non fermée" in response.content.decode()


def test_trainer_import_into_a_quiz_saves_a_draft_and_leaves_the_live_quiz(
    client, trainer, quiz
):
    """Live quiz unchanged; a new revision by the trainer holds 2 + 9 questions."""
    response = client.post(
        quiz_import_url(quiz), {"file": upload(MOODLE_GIFT), "fmt": "gift"}
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    live = QuizPage.objects.get(pk=quiz.pk)
    assert len(live.questions) == 2
    assert live.has_unpublished_changes
    revision = live.latest_revision
    assert revision.user == trainer
    assert len(latest(quiz).questions) == 11
    assert [b.block_type for b in latest(quiz).questions][:2] == [
        "single_choice",
        "true_false",
    ]
    messages = client.get(response.url).content.decode()
    assert "9 questions imported." in messages
    assert "new draft" in messages


def test_trainer_upload_with_errors_creates_no_revision(client, trainer, quiz):
    revisions = Revision.objects.count()
    response = client.post(
        quiz_import_url(quiz), {"file": upload(BAD_GIFT), "fmt": "gift"}
    )
    assert response.status_code == 200
    assert "line 3: " in response.content.decode()
    assert Revision.objects.count() == revisions
    assert len(latest(quiz).questions) == 2


def test_trainer_imports_into_a_bank_and_a_new_bank(client, trainer):
    """Trainers may change and add question banks (learners/0007)."""
    bank = bank_create("Finances", [single()])
    client.post(bank_import_url(bank), {"file": upload(MOODLE_GIFT), "fmt": "gift"})
    bank.refresh_from_db()
    assert len(bank.questions) == 10

    response = client.post(
        reverse("courses_questions:import_new_bank"),
        {"bank_name": "Budget", "file": upload(MOODLE_GIFT), "fmt": "gift"},
    )
    new_bank = QuestionBank.objects.get(name="Budget")
    assert response.url == bank_edit_url(new_bank)
    assert len(new_bank.questions) == 9


def test_new_bank_name_must_be_free(client, site_admin):
    bank_create("Finances", [single()])
    response = client.post(
        reverse("courses_questions:import_new_bank"),
        {"bank_name": "Finances", "file": upload(MOODLE_GIFT), "fmt": "gift"},
    )
    assert response.status_code == 200
    assert "exists already" in response.content.decode()
    assert len(QuestionBank.objects.get(name="Finances").questions) == 1


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("questions.docx", MOODLE_GIFT, "not allowed"),
        ("questions.txt", "Thiès ?{T}".encode("latin-1"), "not UTF-8"),
        ("questions.gift", b"x" * (2 * 1024 * 1024 + 1), "the limit is 2.0"),
    ],
    ids=["extension", "encoding", "size"],
)
def test_unsuitable_files_are_refused(client, site_admin, name, content, words):
    bank = bank_create("Finances", [single()])
    response = client.post(
        bank_import_url(bank), {"file": upload(content, name), "fmt": "gift"}
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    bank.refresh_from_db()
    assert len(bank.questions) == 1


def test_users_without_permission_are_refused_and_nothing_changes(client, quiz):
    """Admin access alone is not enough; a learner does not reach the admin at all."""
    bank = bank_create("Finances", [single()])
    readers = Group.objects.create(name="Lecteurs")
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    staff = in_english(UserFactory())
    staff.groups.add(readers)
    learner = UserFactory()
    urls = [
        quiz_import_url(quiz),
        bank_import_url(bank),
        reverse("courses_questions:import_new_bank"),
        reverse("courses_questions:export_quiz", args=[quiz.pk]),
        reverse("courses_questions:export_bank", args=[bank.pk]),
    ]
    for user, redirect_to in ((staff, reverse("wagtailadmin_home")), (learner, None)):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if redirect_to:
                assert response.url == redirect_to
            response = client.post(
                url,
                {"bank_name": "X", "file": upload(MOODLE_GIFT), "fmt": "gift"},
            )
            assert response.status_code in (302, 403), url
    assert len(latest(quiz).questions) == 2
    assert Revision.objects.count() == 0
    bank.refresh_from_db()
    assert len(bank.questions) == 1
    assert not QuestionBank.objects.filter(name="X").exists()


def test_export_downloads_utf8_gift_that_imports_back(client, site_admin, quiz):
    """The bank's GIFT file: an attachment in UTF-8, accents intact, same questions."""
    bank = bank_create("Budget communal", [single(), truefalse()])
    response = client.get(reverse("courses_questions:export_bank", args=[bank.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="budget-communal.gift.txt"'
    )
    text = response.content.decode("utf-8")
    assert "Quelle est la capitale du Sénégal ?" in text
    result = parse_gift(text)
    assert [q.qtype for q in result.questions] == ["single", "truefalse"]

    response = client.get(reverse("courses_questions:export_quiz", args=[quiz.pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="quiz-budget.gift.txt"'
    )
    assert "Sénégal" in response.content.decode("utf-8")


def test_quiz_edit_page_and_bank_listing_link_to_import_and_export(
    client, site_admin, quiz
):
    bank = bank_create("Finances", [single()])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    html = edit.content.decode()
    assert quiz_import_url(quiz) in html
    assert reverse("courses_questions:export_quiz", args=[quiz.pk]) in html

    listing = client.get(reverse(QuestionBank.snippet_viewset.get_url_name("list")))
    html = listing.content.decode()
    assert bank_import_url(bank) in html
    assert reverse("courses_questions:export_bank", args=[bank.pk]) in html

    form = client.get(bank_import_url(bank)).content.decode()
    assert reverse("courses_questions:import_new_bank") in form


def test_export_warnings_travel_as_comments_in_the_file(client, site_admin):
    """A question GIFT cannot hold faithfully is named at the top of the download."""
    bank = bank_create("Finances", [single(category="Budget"), truefalse()])
    response = client.get(reverse("courses_questions:export_bank", args=[bank.pk]))
    text = response.content.decode("utf-8")
    assert text.startswith("// Warning: ")
    assert "Le budget est voté par le conseil." in text.splitlines()[0]
    result = parse_gift(text)
    assert result.ok
    assert [q.qtype for q in result.questions] == ["single", "truefalse"]
