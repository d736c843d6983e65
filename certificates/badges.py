"""Open Badges 2.0 for certificates: the JSON-LD documents and the badge images.

Verification is "hosted": a verifier (a backpack, 1EdTech's validator) fetches the
assertion at its own ``id`` and follows its links to the BadgeClass, the issuer
profile and the badge image. So every URL here is absolute, built from
``settings.CAMPUS_BASE_URL`` (``cms.site_address.absolute_url``), and must resolve on that address; the validator
also requires the assertion to live on the issuer's origin.

- one issuer profile for the site (name and e-mail from the settings
  ``OPEN_BADGES_ISSUER_NAME`` / ``OPEN_BADGES_ISSUER_EMAIL`` when set);
- one BadgeClass per course (name and description from the course page);
- one Assertion per certificate, recipient as ``sha256$`` of the e-mail and the
  certificate's own salt; a revoked or superseded certificate's assertion carries
  ``"revoked": true`` and the reason (served with 410 Gone, see badge_views);
- one badge image per course, a medal drawn with Pillow from the course's
  initials (no network, stored once in the default storage), and the same image
  "baked" for a certificate: an iTXt chunk ``openbadges`` holding the assertion URL.
"""

import hashlib
import io
import json
import re
from datetime import UTC, date, datetime
from email.utils import parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from certificates.rendering import verification_url
from cms.fonts import font_get
from cms.site_address import absolute_url

OB_CONTEXT = "https://w3id.org/openbadges/v2"
DEFAULT_ISSUER_NAME = "Campus des villes francophones"
#: The keyword of the PNG chunk that holds a baked badge (Open Badges baking 1.0).
BAKED_KEYWORD = "openbadges"
BADGE_SIZE = 400
#: Part of each stored image's name: change it when the drawing changes, so that
#: every course's badge is drawn again instead of served from the old file.
BADGE_STYLE = "medal-1"

# (ring, face) colours, one per course by id: the site's blues, greens and reds.
_PALETTE = [
    ("#c9a227", "#17324d"),
    ("#c9a227", "#1f6f5c"),
    ("#b8c4cf", "#7a2e3a"),
    ("#c9a227", "#3b4d8f"),
    ("#b8c4cf", "#2f5f7a"),
    ("#c9a227", "#5a3d7a"),
]
# Words that make poor initials, in both languages of the catalogue.
_SMALL_WORDS = {
    "a", "à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le",
    "les", "pour", "sur", "un", "une", "and", "for", "in", "of", "on", "the", "to",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def _absolute(path: str) -> str:
    return absolute_url(path)


def issuer_url() -> str:
    return _absolute(reverse("certificates:badge_issuer"))


def badge_class_url(course_id: int) -> str:
    return _absolute(reverse("certificates:badge_class", args=[course_id]))


def badge_image_url(course_id: int) -> str:
    return _absolute(reverse("certificates:badge_class_image", args=[course_id]))


def assertion_url(certificate_id) -> str:
    return _absolute(reverse("certificates:badge_assertion", args=[certificate_id]))


def issuer_name_get() -> str:
    """The issuer's name: the setting, else the first certificate design's issuer."""
    configured = getattr(settings, "OPEN_BADGES_ISSUER_NAME", "")
    if configured:
        return configured
    from certificates.models import CertificateTemplate

    first = (
        CertificateTemplate.objects.exclude(issuer_name="")
        .order_by("pk")
        .values_list("issuer_name", flat=True)
        .first()
    )
    return first or DEFAULT_ISSUER_NAME


def issuer_email_get() -> str:
    """The issuer's contact address (required by verifiers): the setting, else the
    address that sends Campus's e-mails."""
    configured = getattr(settings, "OPEN_BADGES_ISSUER_EMAIL", "")
    return configured or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def issuer_json() -> dict:
    """The issuer Profile: who awards every Campus badge."""
    return {
        "@context": OB_CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": issuer_name_get(),
        "url": _absolute("/"),
        "email": issuer_email_get(),
    }


def _course_path(course) -> str | None:
    """The course page's path on the site, None when it is not routable (unpublished)."""
    if not course.live:
        return None
    parts = course.get_url_parts()
    return parts[2] if parts else None


def badge_class_json(course, *, min_score=None) -> dict:
    """The BadgeClass of a course: what earning its certificate means.

    ``min_score`` is the minimum overall quiz score of the course's certificate rule,
    if any (it is part of the criteria).
    """
    with translation.override(course.language or settings.LANGUAGE_CODE):
        narrative = _("Complete every lesson of the course “%(course)s”.") % {
            "course": course.title
        }
        if min_score is not None:
            narrative += " " + _(
                "The overall quiz score must be at least %(score)s %%."
            ) % {"score": min_score}
    criteria = {"narrative": narrative}
    path = _course_path(course)
    if path:
        criteria["id"] = _absolute(path)
    return {
        "@context": OB_CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(course.pk),
        "name": course.title,
        "description": course.summary or course.title,
        "image": badge_image_url(course.pk),
        "criteria": criteria,
        "issuer": issuer_url(),
    }


def recipient_identity(email: str, salt: str) -> str:
    """``sha256$`` + the hex SHA-256 of the (lower-case) e-mail followed by the salt.

    Lower case: a backpack hashes the address its user types, and e-mail addresses
    are matched without regard to case in practice.
    """
    return (
        "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    )


def certificate_recipient_identity(certificate) -> str:
    """The hashed recipient of a certificate's assertion, from its frozen data.

    The address frozen at issue, so that badges in a backpack keep matching; once the
    holder has deleted their account only the hash is kept (``recipient_identity``).
    """
    frozen = certificate.data.get("recipient_identity")
    if frozen:
        return frozen
    email = certificate.data.get("recipient_email") or certificate.user.email
    return recipient_identity(email, certificate.badge_salt)


def _iso(moment: datetime) -> str:
    """ISO 8601 in UTC with its offset, as verifiers require a time zone."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def revocation_reason(certificate) -> str | None:
    """Why the certificate's badge no longer counts (None while it is valid)."""
    from certificates.models import Certificate

    if certificate.state == Certificate.State.VALID:
        return None
    if certificate.state == Certificate.State.WITHDRAWN:
        return _("Withdrawn by its holder.")
    if certificate.state == Certificate.State.SUPERSEDED:
        replacement = certificate.superseded_by
        if replacement is not None:
            return _("Replaced by certificate %(code)s.") % {"code": replacement.code}
        return _("Replaced by another certificate.")
    return certificate.revocation_reason or _("Revoked by the issuer.")


def assertion_json(certificate) -> dict:
    """The Assertion of a certificate: this badge, awarded to this e-mail, on this date.

    Texts are in the certificate's language. A revoked or superseded certificate's
    assertion says ``"revoked": true`` with the reason.
    """
    language = certificate.data.get("language") or settings.LANGUAGE_CODE
    completed_on = certificate.data.get("completed_on")
    completed = (
        date.fromisoformat(completed_on)
        if completed_on
        else certificate.issued_at.date()
    )
    with translation.override(language):
        narrative = _(
            "Certificate %(code)s: the course was completed on %(date)s. Its public "
            "verification page shows whether it is still valid."
        ) % {"code": certificate.code, "date": formats.date_format(completed, "j F Y")}
        reason = revocation_reason(certificate)
    document = {
        "@context": OB_CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate.pk),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": certificate.badge_salt,
            "identity": certificate_recipient_identity(certificate),
        },
        "badge": badge_class_url(certificate.course_id),
        "verification": {"type": "hosted"},
        "issuedOn": _iso(certificate.issued_at),
        "evidence": [
            {"id": verification_url(certificate.code), "narrative": narrative}
        ],
    }
    if reason is not None:
        document["revoked"] = True
        document["revocationReason"] = reason
    return document


def course_initials(title: str) -> str:
    """Up to three initials of the title's main words (before any subtitle after ":")."""
    main = re.split(r"\s[:–—-]\s|:", title, maxsplit=1)[0]
    words = [w for w in _WORD.findall(main) if w.lower() not in _SMALL_WORDS]
    if not words:
        words = _WORD.findall(title) or ["Campus"]
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(w[0] for w in words[:3]).upper()


def _font(size: int) -> ImageFont.FreeTypeFont:
    return font_get(size)


def _fitted_font(draw, text: str, width: int, start: int) -> ImageFont.FreeTypeFont:
    size = start
    while size > 12:
        font = _font(size)
        left, _top, right, _bottom = draw.textbbox((0, 0), text, font=font)
        if right - left <= width:
            return font
        size -= 4
    return _font(size)


def badge_png_draw(*, initials: str, palette_index: int = 0) -> bytes:
    """A round medal with ribbons and the initials, as a 400×400 PNG (transparent)."""
    ring, face = _PALETTE[palette_index % len(_PALETTE)]
    size = BADGE_SIZE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # Two ribbon tails behind the medal.
    draw.polygon([(120, 250), (180, 270), (150, 395), (120, 365), (85, 385)], fill=face)
    draw.polygon(
        [(280, 250), (220, 270), (250, 395), (280, 365), (315, 385)], fill=face
    )
    draw.ellipse((40, 10, 360, 330), fill=ring)
    draw.ellipse((58, 28, 342, 312), fill=face)
    draw.ellipse((70, 40, 330, 300), outline=ring, width=3)
    centre_x, centre_y = size // 2, 170
    font = _fitted_font(draw, initials, 200, 120)
    draw.text((centre_x, centre_y - 10), initials, font=font, fill="white", anchor="mm")
    draw.text((centre_x, 262), "CAMPUS", font=_font(22), fill=ring, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def badge_image_get(course) -> bytes:
    """The course's badge image, drawn once and then read from the default storage."""
    initials = course_initials(course.title)
    palette_index = course.pk % len(_PALETTE)
    key = hashlib.sha256(
        f"{BADGE_STYLE}:{initials}:{palette_index}".encode()
    ).hexdigest()
    name = f"badges/classes/{course.pk}-{key[:16]}.png"
    if default_storage.exists(name):
        try:
            with default_storage.open(name, "rb") as handle:
                return handle.read()
        except OSError:
            pass
    content = badge_png_draw(initials=initials, palette_index=palette_index)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return content


def bake_png(png_bytes: bytes, assertion: str | dict) -> bytes:
    """The PNG with the assertion baked in: an uncompressed iTXt chunk "openbadges".

    ``assertion`` is the hosted assertion's URL (what hosted verification bakes) or
    the assertion itself (a dict, baked as JSON). Text chunks already in the image,
    an earlier baking included, are not copied.
    """
    text = assertion if isinstance(assertion, str) else json.dumps(assertion)
    info = PngInfo()
    info.add_itxt(BAKED_KEYWORD, text)
    buffer = io.BytesIO()
    with Image.open(io.BytesIO(png_bytes)) as image:
        image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def unbake_png(png_bytes: bytes) -> str | None:
    """What a baked PNG holds (the assertion URL or JSON), None when it is not baked."""
    with Image.open(io.BytesIO(png_bytes)) as image:
        image.load()
        return image.text.get(BAKED_KEYWORD)


__all__ = [
    "assertion_json",
    "assertion_url",
    "badge_class_json",
    "badge_class_url",
    "badge_image_get",
    "badge_image_url",
    "badge_png_draw",
    "bake_png",
    "course_initials",
    "issuer_json",
    "issuer_url",
    "recipient_identity",
    "revocation_reason",
    "unbake_png",
]
