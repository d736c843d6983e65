"""The fonts Campus ships (DejaVu: Latin with accents, Œ, Ç, Ł, Vietnamese ễ…).

They sit in the lowest app so that every app draws text with them: certificates'
PDFs and badges, and the demo content's images. Never a system or remote font, so
that text renders the same on every machine.
"""

from pathlib import Path

from PIL import ImageFont

FONTS_DIR = Path(__file__).resolve().parent / "static" / "cms" / "fonts"
SANS_BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"


def font_get(size: int, *, path: Path = SANS_BOLD) -> ImageFont.FreeTypeFont:
    """A shipped font at ``size`` pixels, for Pillow drawings."""
    return ImageFont.truetype(str(path), size)
