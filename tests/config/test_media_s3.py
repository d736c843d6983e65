"""Uploaded media on S3-compatible object storage, for several web nodes.

Against moto's standalone S3 server, started on a free port; the storages are the
ones production settings build from the environment (read in a subprocess), so the
settings themselves are under test: an image is readable back by its URL with its
cache header, a certificate PDF only through a signed URL.
"""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from certificates.models import certificate_pdf_storage
from tests.config.test_deploy import _production_env
from tests.factories.courses import image_create
from tests.s3_server import CREDENTIALS, REGION, s3_server

pytest.importorskip(
    "moto.server", reason="moto[server] is not installed: pip install -e '.[dev]'"
)
pytest.importorskip("boto3")

pytestmark = pytest.mark.django_db

BUCKET = "campus-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    with s3_server(BUCKET) as endpoint:
        yield endpoint


@pytest.fixture(scope="module")
def production_storages(s3_endpoint):
    """STORAGES as production settings build them for this bucket and endpoint."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import json; from django.conf import settings;"
            " print(json.dumps(settings.STORAGES))",
        ],
        cwd=settings.BASE_DIR,
        env=_production_env(
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=s3_endpoint,
            AWS_S3_REGION_NAME=REGION,
            **CREDENTIALS,
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def on_s3(production_storages, settings, monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = production_storages


def _get(url):
    """Status, headers and body of an anonymous GET (a browser, another node)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_an_uploaded_image_is_readable_back_by_its_url(on_s3, s3_endpoint):
    image = image_create(size=(640, 360))
    rendition = image.get_rendition("fill-320x180")

    status, headers, body = _get(rendition.url)
    original_status, original_headers, _ = _get(image.file.url)

    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/images/")
    assert "Signature" not in rendition.url
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with rendition.file.open("rb") as handle:
        assert body == handle.read()
    assert original_status == 200
    assert original_headers["Cache-Control"] == "public, max-age=86400"


def test_a_certificate_pdf_is_not_public(on_s3, s3_endpoint):
    storage = certificate_pdf_storage()
    name = storage.save("certificates/ABCD-1234.pdf", ContentFile(b"%PDF-1.7 secret"))
    signed_url = storage.url(name)
    plain_url = f"{s3_endpoint}/{BUCKET}/{name}"

    signed_status, _, signed_body = _get(signed_url)
    plain_status, _, plain_body = _get(plain_url)

    assert plain_status == 403
    assert b"secret" not in plain_body
    assert "X-Amz-Signature=" in signed_url
    assert (signed_status, signed_body) == (200, b"%PDF-1.7 secret")


def test_a_document_is_private_in_the_bucket_and_streamed_by_wagtail(
    on_s3, s3_endpoint, client
):
    document = get_document_model().objects.create(
        title="Budget primitif", file=ContentFile(b"public budget", name="budget.txt")
    )

    plain_status, _, _ = _get(f"{s3_endpoint}/{BUCKET}/{document.file.name}")
    served = client.get(document.url)

    assert plain_status == 403
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"public budget"
