"""Uploaded media in production, one machine: the app serves Wagtail's images with
long-lived cache headers, and nothing else stored under MEDIA_ROOT.

The test settings run with DEBUG off, as production does, so the URLs are those of
production; the last test checks that production settings mount the same view.
"""

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from certificates.models import Certificate
from tests.config.test_deploy import _production_env
from tests.factories.courses import image_create

pytestmark = pytest.mark.django_db

IMMUTABLE = "public, max-age=31536000, immutable"


def _body(response):
    return b"".join(response.streaming_content)


def test_a_rendition_is_served_with_an_immutable_cache_header(client):
    image = image_create(size=(640, 360))
    rendition = image.get_rendition("fill-320x180")
    assert rendition.url.startswith(settings.MEDIA_URL + "images/")

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == IMMUTABLE
    with rendition.file.open("rb") as handle:
        assert _body(response) == handle.read()


def test_an_original_image_is_served_and_kept_a_day(client):
    image = image_create(size=(64, 64))

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


def test_a_changed_image_answers_304_to_a_conditional_request(client):
    rendition = image_create(size=(64, 64)).get_rendition("width-32")
    last_modified = client.get(rendition.url)["Last-Modified"]

    response = client.get(rendition.url, headers={"if-modified-since": last_modified})

    assert response.status_code == 304


def test_a_missing_image_answers_404(client):
    response = client.get(f"{settings.MEDIA_URL}images/{uuid.uuid4().hex}.png")

    assert response.status_code == 404


def test_a_certificate_pdf_is_never_served_as_media(client):
    storage = Certificate._meta.get_field("pdf").storage
    assert storage is storages["certificates"]
    name = storage.save(
        f"certificates/{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.7 secret")
    )
    assert Path(storage.path(name)).is_file()

    response = client.get(settings.MEDIA_URL + name)

    assert response.status_code == 404
    assert b"secret" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "images/../{pdf}",
        "original_images/../{pdf}",
        "images/%2e%2e/{pdf}",
        "images/..%2f{pdf}",
        "images//../{pdf}",
        "images/./../{pdf}",
        "images\\..\\{pdf}",
        "/{pdf}",
        "{pdf}",
        "images/",
        "images",
    ],
)
def test_a_path_that_climbs_out_of_the_image_folders_answers_404(client, path):
    pdf = default_storage.save(
        f"certificates/{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.7 secret")
    )

    response = client.get(settings.MEDIA_URL + path.format(pdf=pdf))

    assert response.status_code == 404
    assert b"secret" not in response.content


def test_only_reading_is_allowed(client):
    rendition = image_create(size=(64, 64)).get_rendition("width-32")

    assert client.post(rendition.url).status_code == 405


def test_a_private_document_stays_behind_wagtails_serve_view(client):
    """A document of a collection restricted to a group: the serve view asks for a
    login, and its file is not reachable as media either."""
    collection = Collection.get_first_root_node().add_child(name="Privé")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Formateurs"))
    document = get_document_model().objects.create(
        title="Budget interne",
        collection=collection,
        file=ContentFile(b"confidential", name=f"{uuid.uuid4().hex}.txt"),
    )

    served = client.get(document.url)
    as_media = client.get(settings.MEDIA_URL + document.file.name)

    assert served.status_code == 302
    assert "/login/" in served["Location"]
    assert as_media.status_code == 404


def test_production_settings_serve_images_from_disk_unless_a_bucket_is_set():
    script = (
        "import json; from django.conf import settings; from django.urls import resolve;"
        " from django.urls.exceptions import Resolver404\n"
        "try: name = resolve('/media/images/a.png').url_name\n"
        "except Resolver404: name = None\n"
        "print(json.dumps([name, settings.STORAGES['default']['BACKEND']]))"
    )

    def run(**extra):
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=settings.BASE_DIR,
            env=_production_env(**extra),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    assert run() == ["public_media", "django.core.files.storage.FileSystemStorage"]
    assert run(AWS_STORAGE_BUCKET_NAME="campus-media") == [
        None,
        "cms.storages.PublicMediaStorage",
    ]
