"""A certificate as HTML, and the HTML as an A4 PDF (WeasyPrint): pure rendering.

Everything the page needs comes from the certificate's frozen data; images are read
from storage and inlined, fonts come from cms/static/cms/fonts (shipped in the
repository, so accents, Œ, Ł or ễ look the same on every machine), and nothing is
fetched over the network.
"""

import base64
import html
import re

import segno
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms.fonts import FONTS_DIR as CAMPUS_FONTS_DIR
from cms.site_address import absolute_url

FONTS_DIR = CAMPUS_FONTS_DIR  # shipped by cms, shared with the demo images
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")

#: Placeholders a template's body may use, replaced by the certificate's frozen data.
PLACEHOLDERS = ("learner", "course", "date", "score", "hours", "duration")


def body_placeholders_check(body: str) -> list[str]:
    """The placeholders of a design's body that are not known (empty when all are)."""
    return sorted(
        {name for name in _PLACEHOLDER.findall(body or "") if name not in PLACEHOLDERS}
    )


def body_fill(body: str, values: dict) -> str:
    """The body with its placeholders replaced by the (escaped) values."""

    def replace(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return html.escape(str(values[name]))

    return _PLACEHOLDER.sub(replace, body or "")


def verification_url(code: str) -> str:
    """The absolute URL of a certificate's public verification page."""
    return absolute_url(reverse("certificates:verify", args=[code]))


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an inline SVG (a data URI)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#17324d")


def _image_data_uri(image_id) -> str:
    """A Wagtail image (by id) as a data URI; "" when it is gone."""
    if not image_id:
        return ""
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return ""
    try:
        rendition = image.get_rendition("max-1200x1200|format-png")
        with rendition.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return ""
    return "data:image/png;base64," + base64.b64encode(content).decode()


def certificate_html(*, data: dict, code: str, state: str = "valid") -> str:
    """The certificate page, from frozen data (see certificates.services)."""
    url = verification_url(code)
    context = {
        "data": data,
        "code": code,
        "state": state,
        "verification_url": url,
        "qr": qr_data_uri(url),
        "logo": _image_data_uri(data.get("logo_id")),
        "background": _image_data_uri(data.get("background_id")),
        "signatories": [
            {**s, "image": _image_data_uri(s.get("signature_id"))}
            for s in data.get("signatories", [])
        ],
        "fonts": FONTS_DIR.as_uri(),
    }
    with translation.override(data.get("language") or settings.LANGUAGE_CODE):
        return render_to_string("certificates/certificate.html", context)


_font_config = None


def pdf_from_html(document: str) -> bytes:
    """``document`` printed to PDF by WeasyPrint (A4; fonts from FONTS_DIR).

    One font configuration per process: WeasyPrint keeps ~250 kB outside Python for
    each new one, so a batch of 1,000 certificates would otherwise grow steadily.
    """
    global _font_config
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    if _font_config is None:
        _font_config = FontConfiguration()
    return HTML(string=document, base_url=str(FONTS_DIR)).write_pdf(
        font_config=_font_config
    )


SAMPLE_VALUES = {
    "learner": "Nguyễn Thị Łucja Œuvray",
    "course": "Finances locales : budget, recettes et redevabilité",
    "date": "28 novembre 2026",
    "score": "87 %",
    "hours": "6",
    "duration": "6 heures",
}


def template_data(template, values: dict, *, revision_id=None) -> dict:
    """What a certificate of this design freezes, with these placeholder values."""
    return {
        "title": template.title,
        "body_html": body_fill(template.body, values),
        "issuer": template.issuer_name,
        "language": template.language,
        "orientation": template.orientation,
        "logo_id": template.logo_id,
        "background_id": template.background_id,
        "signatories": [
            {"name": s.name, "role": s.role, "signature_id": s.signature_id}
            for s in template.signatories.all()
        ],
        "template_revision_id": revision_id,
        **{f"value_{key}": value for key, value in values.items()},
    }


def template_preview_response(*, template, request, mode: str) -> HttpResponse:
    """The admin preview of a design, filled with sample data (page or PDF)."""
    data = {
        **template_data(template, SAMPLE_VALUES),
        "learner_name": SAMPLE_VALUES["learner"],
        "course_title": SAMPLE_VALUES["course"],
    }
    document = certificate_html(data=data, code="K7QM-2XRD-94TB")
    if mode == "pdf":
        return HttpResponse(pdf_from_html(document), content_type="application/pdf")
    return HttpResponse(document)


__all__ = [
    "body_fill",
    "body_placeholders_check",
    "certificate_html",
    "pdf_from_html",
    "qr_data_uri",
    "template_data",
    "template_preview_response",
    "verification_url",
]
