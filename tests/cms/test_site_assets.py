"""Demo images draw accented titles with the shipped font; the site has a favicon."""

import pytest
from django.contrib.staticfiles import finders
from PIL import ImageFont

from cms.fonts import FONTS_DIR, font_get
from demo import catalogue as demo


def _glyph(font, text):
    mask = font.getmask(text)
    return mask.size, bytes(mask)


def test_demo_images_draw_accents_with_the_shipped_font():
    """The shipped DejaVu font has "é", "ç", "œ"… (no "missing" box glyph)."""
    font = font_get(60)
    assert font.path == str(FONTS_DIR / "DejaVuSans-Bold.ttf")
    box = _glyph(font, "\U000e0001")  # an unassigned code point: the "missing" box
    for letter in "éèàçôœÉ":
        assert _glyph(font, letter) != box, letter
    # Pillow's built-in font, used before, draws "é" as that very box.
    default = ImageFont.load_default(size=60)
    assert _glyph(default, "é") == _glyph(default, "\U000e0001")


@pytest.mark.django_db
def test_demo_picture_uses_the_shipped_font(monkeypatch):
    """Making a demo image asks for the shipped font, not Pillow's default."""
    asked = []
    real = demo.font_get
    monkeypatch.setattr(demo, "font_get", lambda size: asked.append(size) or real(size))
    image = demo._picture("Prévoir les dépenses", "#0b4f8a")
    assert asked and image.width == 1200


@pytest.mark.django_db
def test_favicon_is_linked_and_answers(client):
    """Every page links an SVG icon that exists, and /favicon.ico answers 200."""
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    assert finders.find("favicon.svg")
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO
