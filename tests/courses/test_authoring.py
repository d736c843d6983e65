"""Trainers author inside the catalogue and publish through review; bad input is refused."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.models import HomePage
from courses.models import CoursePage, LessonPage, ModulePage
from learners.roles import Role
from learners.services import role_grant
from tests.factories.courses import catalog_get, course_create, image_create
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(reader):
    """A trainer logged into the admin (see tests/courses/conftest.py)."""
    return reader


def _add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def _lesson_data(title="Le vote du budget", slug="vote-du-budget", body=None, **extra):
    body = body or [
        ("heading", {"text": "Le calendrier", "level": "h2"}),
        ("paragraph", rich_text("<p>Le conseil vote le budget avant le 31 mars.</p>")),
        (
            "callout",
            {
                "kind": "key_point",
                "title": "À retenir",
                "text": rich_text("<p>Vote en équilibre.</p>"),
            },
        ),
    ]
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "title_en": "",
            "body": streamfield(body),
            **extra,
        }
    )


def _module():
    return ModulePage.objects.child_of(
        course_create(modules=1, lessons_per_module=1)
    ).get()


def test_trainer_creates_a_lesson_and_submits_it_for_review(client, trainer):
    """The lesson is saved as a draft in the review workflow; it is not live."""
    module = _module()
    response = client.post(
        _add_url(LessonPage, module), {**_lesson_data(), "action-submit": "submit"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="vote-du-budget")
    assert not lesson.live
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.workflow.name == "Relecture du cours"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(f"{module.url}vote-du-budget/").status_code == 404


def test_trainer_cannot_publish_directly(client, trainer):
    module = _module()
    client.post(
        _add_url(LessonPage, module), {**_lesson_data(), "action-publish": "publish"}
    )
    lesson = LessonPage.objects.filter(slug="vote-du-budget").first()
    assert lesson is None or not lesson.live
    edit = client.get(
        reverse("wagtailadmin_pages:edit", args=(module.pk,))
    ).content.decode()
    assert 'name="action-publish"' not in edit
    assert 'name="action-submit"' in edit


def test_certificate_admin_approves_and_the_lesson_goes_live(client, trainer):
    module = _module()
    client.post(
        _add_url(LessonPage, module), {**_lesson_data(), "action-submit": "submit"}
    )
    lesson = LessonPage.objects.get(slug="vote-du-budget")
    task_state = WorkflowState.objects.get(object_id=str(lesson.pk)).current_task_state
    # The trainer cannot approve their own work.
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", task_state.pk)
    )
    client.post(url, {"comment": ""})
    lesson.refresh_from_db()
    assert not lesson.live
    reviewer = UserFactory()
    role_grant(user=reviewer, role=Role.CERTIFICATE_ADMIN)
    client.force_login(reviewer)
    response = client.post(url, {"comment": "Très clair"})
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    body = client.get(lesson.url).content.decode()
    assert "Le calendrier" in body and "Vote en équilibre." in body


def test_trainer_cannot_edit_the_home_page_or_work_outside_the_catalogue(
    client, trainer
):
    home = HomePage.objects.get()
    response = client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,)))
    assert response.status_code == 302  # Wagtail's "permission denied" redirect
    response = client.get(_add_url(CoursePage, home))
    assert response.status_code != 200
    assert client.get(_add_url(CoursePage, catalog_get())).status_code == 200


def test_trainer_cannot_reach_site_settings_users_or_workflows(client, trainer):
    for url in (
        "/admin/sites/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url


def test_course_slug_clash_is_refused_with_a_message(client, trainer):
    course_create(title="Budget", slug="budget")
    data = nested_form_data(
        {
            "title": "Budget bis",
            "slug": "budget",
            "summary": "Résumé",
            "level": "debutant",
            "language": "fr",
            "outcomes": inline_formset([]),
        }
    )
    response = client.post(
        _add_url(CoursePage, catalog_get()), {**data, "action-submit": "submit"}
    )
    assert response.status_code == 200
    assert "budget" in str(response.context["form"].errors.get("slug"))
    assert CoursePage.objects.filter(slug="budget").count() == 1


def test_lesson_with_an_image_without_alt_text_is_refused_and_nothing_saved(
    client, trainer
):
    module = _module()
    image = image_create()
    data = _lesson_data(body=[("image", {"image": image.pk, "alt": "", "caption": ""})])
    response = client.post(
        _add_url(LessonPage, module), {**data, "action-submit": "submit"}
    )
    assert response.status_code == 200
    assert (
        "La page n’a pas pu être créée" in response.content.decode()
        or response.context["form"].errors
    )
    assert not LessonPage.objects.filter(slug="vote-du-budget").exists()


def test_lesson_video_without_transcript_is_refused(client, trainer):
    module = _module()
    data = _lesson_data(
        body=[
            (
                "video",
                {
                    "title": "V",
                    "url": "https://video.example/1",
                    "file": "",
                    "transcript": rich_text(""),
                },
            )
        ]
    )
    response = client.post(
        _add_url(LessonPage, module), {**data, "action-submit": "submit"}
    )
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="vote-du-budget").exists()


def test_page_under_the_wrong_parent_is_refused(client, django_user_model):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    course = course_create(modules=1, lessons_per_module=1)
    response = client.get(_add_url(LessonPage, course))
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.child_of(course).exists()
    assert Page.objects.filter(depth=2).count() == 1


def test_oversized_image_upload_is_refused_with_the_limit(client, trainer, settings):
    """Images over WAGTAILIMAGES_MAX_UPLOAD_SIZE (5 MB in production) are refused."""
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024
    buffer = BytesIO()
    PILImage.effect_noise((400, 400), 100).convert("RGB").save(buffer, format="PNG")
    assert buffer.tell() > 20 * 1024
    upload = SimpleUploadedFile(
        "grande.png", buffer.getvalue(), content_type="image/png"
    )
    before = get_image_model().objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Grande", "file": upload, "collection": 1},
    )
    assert response.status_code == 200
    assert "volumineux" in response.content.decode()
    assert get_image_model().objects.count() == before
