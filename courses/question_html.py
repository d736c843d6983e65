"""Safe HTML for question texts that come from files or from short text fields.

A GIFT file may carry any HTML, including scripts; an answer typed in a short field
may hold ``<`` or ``&``. Both go through nh3 (the Rust ``ammonia`` sanitiser) with a
small allow-list, so what reaches a learner's page is inert markup or escaped text.
"""

import html
import re

import nh3

INLINE_TAGS = {"b", "strong", "i", "em", "u", "sub", "sup", "br", "code", "span", "a"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "pre", "img"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
_BLOCK_START = re.compile(r"^\s*<(p|ul|ol|blockquote|pre|h\d|div|table)[\s>]", re.I)


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


def rich_text_from_format(text: str, text_format: str) -> str:
    """A question text of a quiz file as safe HTML for a rich text block."""
    if not text:
        return ""
    cleaned = sanitize_html(_to_html(text, text_format))
    if not _BLOCK_START.match(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned
