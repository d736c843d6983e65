"""The certificate PDF as a reader sees it: text, page size, fonts and QR code.

Read with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbar (zbarimg), as
CI installs them; without them those tests are skipped with the reason.
"""

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from fontTools.ttLib import TTFont

from certificates.models import Certificate
from certificates.rendering import FONTS_DIR, verification_url
from certificates.services import certificate_pdf_get, certificate_revoke
from tests.certificates.conftest import complete
from tests.factories.learners import ProfileFactory

POPPLER_TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm")
CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path


@pytest.fixture
def poppler():
    missing = [tool for tool in POPPLER_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs poppler-utils ({', '.join(missing)} not found)")


@pytest.fixture
def zbar():
    if shutil.which("zbarimg") is None:
        pytest.skip("needs zbar-tools (zbarimg not found)")


def _issued(user, course, capture) -> Certificate:
    """The certificate the course's automatic rule issues on completion (PDF stored)."""
    with capture(execute=True):
        complete(user, course)
    certificate = Certificate.objects.get(user=user, course=course)
    assert certificate.pdf, "the PDF was not rendered after the issue"
    return certificate


def _tool(*command: str) -> str:
    return subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=60
    ).stdout


def _pdf_file(content: bytes, folder) -> str:
    path = folder / "certificate.pdf"
    path.write_bytes(content)
    return str(path)


def _text(content: bytes, folder) -> str:
    """The PDF's text on one line, in drawing order (-raw: the rotated "revoked" mark
    would otherwise come out one letter per line, in no useful order)."""
    text = _tool("pdftotext", "-raw", "-enc", "UTF-8", _pdf_file(content, folder), "-")
    return " ".join(text.split())


def _embedded_fonts(path: Path) -> list[bytes]:
    """The TrueType programs embedded in the PDF (WeasyPrint deflates every stream)."""
    raw = path.read_bytes()
    fonts = []
    for start in re.finditer(rb"stream\r?\n", raw):
        end = raw.find(b"endstream", start.end())
        try:
            content = zlib.decompress(raw[start.end() : end])
        except zlib.error:
            continue
        if content[:4] == b"\x00\x01\x00\x00":  # a TrueType font's signature
            fonts.append(content)
    return fonts


def _postscript_name(font: bytes) -> str:
    return TTFont(io.BytesIO(font))["name"].getDebugName(6)


def _stored(certificate: Certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("Nguyễn Thị", "Łucja Œuvray"), ("François", "Çelik")],
)
def test_pdf_text_has_the_exact_name_course_and_code(
    poppler,
    media,
    course,
    django_capture_on_commit_callbacks,
    first_name,
    last_name,
):
    """pdftotext finds the learner's name with its accents, the course and the code."""
    user = ProfileFactory(user__first_name=first_name, user__last_name=last_name).user
    certificate = _issued(user, course, django_capture_on_commit_callbacks)

    text = _text(_stored(certificate), media)

    assert CODE.match(certificate.code)
    assert f"{first_name} {last_name}" in text
    assert course.title in text
    assert certificate.code in text


@pytest.mark.django_db
def test_pdf_is_one_a4_landscape_page_with_the_shipped_fonts_embedded(
    poppler, media, course, learner, django_capture_on_commit_callbacks
):
    """One A4 landscape page (842 × 595 pt); every font is an embedded DejaVu."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    path = _pdf_file(_stored(certificate), media)

    info = _tool("pdfinfo", path)
    assert re.search(r"^Pages:\s+1$", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size, info
    assert (round(float(size[1])), round(float(size[2]))) == (842, 595)

    # WeasyPrint names a font after its @font-face family; a family that failed to
    # load would fall back to a system font under that font's own name.
    rows = _tool("pdffonts", path).splitlines()[2:]  # after the header and its rule
    assert rows
    for row in rows:
        name, *_, emb, _sub, _uni, _object, _id = row.split()
        assert name.split("+")[-1].startswith(("Campus-Serif", "Campus-Sans")), row
        assert emb == "yes", row
    shipped = {_postscript_name(font.read_bytes()) for font in FONTS_DIR.glob("*.ttf")}
    embedded = [_postscript_name(font) for font in _embedded_fonts(Path(path))]
    assert len(embedded) == len(rows)
    assert set(embedded) <= shipped
    assert all(name.startswith("DejaVu") for name in embedded)


@pytest.mark.django_db
def test_pdf_qr_code_decodes_to_the_verification_url(
    poppler, zbar, media, course, learner, django_capture_on_commit_callbacks
):
    """The QR code printed on the PDF is the absolute URL of the verification page."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    path = _pdf_file(_stored(certificate), media)

    _tool("pdftoppm", "-r", "150", "-png", "-singlefile", path, str(media / "page"))
    decoded = _tool("zbarimg", "--quiet", "--raw", str(media / "page.png"))

    expected = verification_url(certificate.code)
    assert expected.startswith(settings.CAMPUS_BASE_URL.rstrip("/") + "/")
    assert decoded.splitlines() == [expected]


@pytest.mark.django_db
def test_revoked_pdf_is_removed_then_rendered_again_with_the_revoked_mark(
    poppler, media, course, learner, django_capture_on_commit_callbacks
):
    """Revoking drops the stored PDF; the next download is marked revoked."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    storage = certificate.pdf.storage
    stored_name = certificate.pdf.name
    with translation.override(certificate.data["language"]):
        mark = gettext("REVOKED")
    assert mark not in _text(_stored(certificate), media)
    admin = ProfileFactory().user

    with django_capture_on_commit_callbacks(execute=True):
        revoked = certificate_revoke(
            certificate=certificate, revoked_by=admin, reason="Fraude à l'examen"
        )

    assert not storage.exists(stored_name)
    assert not Certificate.objects.get(pk=certificate.pk).pdf
    content = certificate_pdf_get(certificate=revoked)
    text = _text(content, media)
    assert mark in text
    assert "Nguyễn Thị Łucja Œuvray" in text
    assert storage.exists(Certificate.objects.get(pk=certificate.pk).pdf.name)


@pytest.mark.django_db
def test_download_renders_again_when_the_stored_file_is_gone(
    client, media, course, learner, django_capture_on_commit_callbacks
):
    """The owner still downloads a PDF after the stored file was deleted."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(learner)

    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert certificate.code in response["Content-Disposition"]
    assert certificate.pdf.storage.exists(certificate.pdf.name)


@pytest.mark.django_db
def test_download_is_refused_to_another_learner(
    client, media, course, learner, django_capture_on_commit_callbacks
):
    """Another logged-in learner gets a 404, not the PDF."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    client.force_login(ProfileFactory().user)

    response = client.get(reverse("certificates:pdf", args=[certificate.pk]))

    assert response.status_code == 404


@pytest.mark.django_db
def test_download_sends_an_anonymous_visitor_to_the_login_page(
    client, media, course, learner, django_capture_on_commit_callbacks
):
    """An anonymous visitor is redirected to log in, then back to the PDF."""
    certificate = _issued(learner, course, django_capture_on_commit_callbacks)
    url = reverse("certificates:pdf", args=[certificate.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    assert "next=" in response["Location"]
