"""Pages, JSON and CSV exports travel gzip-compressed to a browser that asks for it;
PDFs and spreadsheets (compressed already) go out as they are."""

import csv
import gzip
import io
import json
import re

import openpyxl
import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateRule, CertificateTemplate
from tests.certificates.conftest import complete
from tests.factories.courses import catalog_get, course_create
from tests.factories.learners import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def _body(response) -> bytes:
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(content)
    return content


@pytest.fixture
def course():
    return course_create(title="Finances locales", modules=1, lessons_per_module=2)


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.mark.parametrize("page", ["home", "catalogue"])
def test_public_page_is_sent_gzipped_to_a_browser_that_accepts_it(client, course, page):
    """The home page and the catalogue arrive compressed, much smaller, and unpack to
    the page a browser without gzip gets (but for the CSRF token, masked anew)."""
    url = "/" if page == "home" else catalog_get().url
    plain = client.get(url)
    compressed = client.get(url, **GZIP)

    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "accept-encoding" in _vary(compressed)
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert len(compressed.content) < len(plain.content) / 2
    unpacked = gzip.decompress(compressed.content)
    assert CSRF_TOKEN.sub(b"", unpacked) == CSRF_TOKEN.sub(b"", plain.content)
    assert "Finances locales" in plain.content.decode()


def test_page_is_plain_for_a_client_that_does_not_accept_gzip(client, course):
    """Without Accept-Encoding the page is sent as it is, and says it could vary (so
    a shared cache keeps the two versions apart)."""
    response = client.get(catalog_get().url)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert "accept-encoding" in _vary(response)
    assert "Finances locales" in response.content.decode()


def test_a_learners_page_is_compressed_with_its_csrf_token_masked_anew(client):
    """A logged-in learner's page (with its forms) is compressed too, and the CSRF
    token in it differs on every response (BREACH cannot guess it byte by byte)."""
    client.force_login(ProfileFactory().user)

    first, second = client.get("/", **GZIP), client.get("/", **GZIP)

    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    tokens = [CSRF_TOKEN.findall(_body(response)) for response in (first, second)]
    assert tokens[0] and tokens[1]
    assert set(tokens[0]).isdisjoint(tokens[1])


def test_health_still_answers_its_json_to_a_client_asking_for_gzip(
    client, superuser, settings
):
    """/health/ answers 200 and JSON a load balancer reads, with or without gzip."""
    settings.CELERY_BROKER_URL = ""
    for user in (None, superuser):
        if user:
            client.force_login(user)
        for headers in ({}, GZIP):
            response = client.get("/health/", **headers)
            assert response.status_code == 200
            assert json.loads(_body(response))["checks"]["database"]["status"] == "ok"


def test_open_badges_json_is_gzipped_and_its_image_is_not(client, course):
    """The course's BadgeClass (JSON-LD, read by badge backpacks) arrives compressed
    and unpacks to the same document; its PNG image is sent as it is."""
    url = reverse("certificates:badge_class", args=[course.pk])
    plain = client.get(url)
    compressed = client.get(url, **GZIP)

    assert compressed.status_code == 200
    assert compressed["Content-Type"].startswith("application/ld+json")
    assert compressed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(compressed.content)) == json.loads(plain.content)

    image = client.get(
        reverse("certificates:badge_class_image", args=[course.pk]), **GZIP
    )
    assert image.status_code == 200
    assert not image.has_header("Content-Encoding")
    assert image.content.startswith(b"\x89PNG")


def test_csv_export_streams_gzipped_and_unpacks_to_the_same_file(
    client, course, superuser
):
    """The course report's CSV (a streamed response) downloads compressed, as the
    same attachment with the same rows as without gzip."""
    client.force_login(superuser)
    url = reverse("reports_admin:course_report", args=[course.pk])

    plain = client.get(url, {"export": "csv"})
    compressed = client.get(url, {"export": "csv"}, **GZIP)

    assert compressed.status_code == 200
    assert compressed.streaming
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["Content-Disposition"] == plain["Content-Disposition"]
    text = _body(compressed).decode("utf-8-sig")
    assert text == _body(plain).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) > 1


def test_xlsx_export_is_sent_as_it_is_and_opens(client, course, superuser):
    """The XLSX (a zip already) is not compressed again and opens in a spreadsheet."""
    client.force_login(superuser)
    url = reverse("reports_admin:course_report", args=[course.pk])

    response = client.get(url, {"export": "xlsx"}, **GZIP)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    content = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet.max_row > 1


def test_certificate_pdf_is_sent_as_it_is(
    client, course, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The certificate PDF downloads unchanged, with its length, to a browser asking
    for gzip."""
    settings.MEDIA_ROOT = str(tmp_path)
    CertificateRule.objects.update_or_create(
        course=course,
        defaults={
            "template": CertificateTemplate.objects.get(name="Campus — modèle français")
        },
    )
    learner = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    certificate = Certificate.objects.get(user=learner, course=course)
    client.force_login(learner)

    response = client.get(reverse("certificates:pdf", args=[certificate.pk]), **GZIP)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"%PDF")
    assert int(response["Content-Length"]) == len(response.content)
