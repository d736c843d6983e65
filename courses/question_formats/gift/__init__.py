"""GIFT, Moodle's plain-text quiz format: read (``parse``) and write (``export``)."""

from .export import export_gift, gift_export_issues
from .parse import parse_gift

__all__ = ["export_gift", "gift_export_issues", "parse_gift"]
