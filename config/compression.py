"""Compressed HTML, JSON and CSV: Django's GZipMiddleware, for text responses only.

Django's middleware compresses whatever it is given, streamed files included. A PDF
(deflated inside), an XLSX (a zip) or an image would cost CPU to come out no
smaller, and lose its Content-Length: those go out as they are.

BREACH: Django (4.2+) pads each compressed response with up to 100 random bytes (Heal
The Breach) and masks the CSRF token afresh on every page.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = frozenset(
    {"application/javascript", "application/json", "application/xml", "image/svg+xml"}
)


def content_type_is_compressible(content_type: str) -> bool:
    """Whether a response of this Content-Type is text that gzip makes smaller."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    return (
        media_type.startswith("text/")
        or media_type in COMPRESSIBLE_TYPES
        or media_type.endswith(("+json", "+xml"))
    )


class CampusGZipMiddleware(GZipMiddleware):
    """GZipMiddleware (random padding, Vary: Accept-Encoding) for text responses."""

    def process_response(self, request, response):
        if not content_type_is_compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
