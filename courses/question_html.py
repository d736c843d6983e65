"""Safe HTML for question texts that come from files or from short text fields.

A GIFT file may carry any HTML, including scripts; an answer typed in a short field
may hold ``<`` or ``&``. Both go through nh3 (the Rust ``ammonia`` sanitiser) with a
small allow-list, so what reaches a learner's page is inert markup or escaped text.

A question text then goes through Wagtail's own rich-text converter (database HTML →
Draftail's content state → database HTML), so that it holds only what the editor of
the question's rich-text field can open: the editor answers 500 on anything else
(``Unmatched tags`` on a ``<br>`` or an ``<img>`` inside a paragraph).
"""

import html
import re
from functools import lru_cache

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INLINE_TAGS = {"b", "strong", "i", "em", "u", "sub", "sup", "br", "code", "span", "a"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "pre", "img"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
_BLOCK_START = re.compile(r"^\s*<(p|ul|ol|blockquote|pre|h\d|div|table)[\s>]", re.I)
_IMAGE = re.compile(r"<img[\s>/]", re.I)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)


def sanitize_fragment(text: str) -> str:
    """``text`` as inline HTML with nothing but harmless tags (plain text is escaped)."""
    return nh3.clean(text or "", tags=INLINE_TAGS, attributes=ATTRIBUTES)


def sanitize_html(text: str) -> str:
    """``text`` as HTML that may hold paragraphs, lists and images, nothing harmful."""
    return nh3.clean(text or "", tags=BLOCK_TAGS, attributes=ATTRIBUTES)


def _to_html(text: str, text_format: str) -> str:
    if text_format in ("plain", "markdown"):
        return html.escape(text).replace("\n", "<br>")
    if text_format == "moodle":  # Moodle's auto-format: HTML allowed, newlines kept
        return text.replace("\r\n", "\n").replace("\n", "<br>")
    return text


def fragment_from_format(text: str, text_format: str) -> str:
    """A short text (an answer, a feedback) of a quiz file as safe inline HTML."""
    return sanitize_fragment(_to_html(text or "", text_format))


@lru_cache(maxsize=8)
def _converter(features: tuple[str, ...]):
    # Imported here: Wagtail's converters need the app registry to be ready.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    return ContentstateConverter(list(features))


def rich_text_from_format(text: str, text_format: str, features) -> str:
    """A question text of a quiz file as safe HTML for a rich text block whose editor
    has ``features``: what the editor cannot hold (underline, tables, headings…) is
    reduced to its text, so the block opens in the editor as it was saved.

    Raises ValidationError for an image: a file's ``<img>`` points outside the image
    library, which the editor cannot show; the trainer adds it there after importing.
    """
    if not text:
        return ""
    cleaned = sanitize_html(_to_html(text, text_format))
    if _IMAGE.search(cleaned):
        raise ValidationError(
            _(
                "The text holds an image (<img>), which cannot be imported from a "
                "file: remove it from the file, import, then add the image to the "
                "question in the editor, from the image library."
            )
        )
    if not _BLOCK_START.match(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    # The converter reads XHTML: a bare <br> would stay open until the paragraph ends.
    cleaned = _LINE_BREAK.sub("<br/>", cleaned)
    converter = _converter(tuple(features))
    return converter.to_database_format(converter.from_database_format(cleaned))
