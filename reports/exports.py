"""Spreadsheet exports of the admin listings: CSV and XLSX with flat memory.

``SpreadsheetStreamMixin`` replaces the file writing of Wagtail's
``SpreadsheetExportMixin`` (which keeps the whole XLSX in memory and lets the
listing's context load every row): rows are read from the database in chunks
(``QuerySet.iterator``), CSV is streamed line by line, XLSX is written by openpyxl's
write-only mode into a temporary file that is sent from disk. Cells are neutralised:
text a spreadsheet would run as a formula starts with a quote in CSV and is stored as
text in XLSX.

Every CSV of Campus (these listings, the course report, the coordinator's page) is
written by ``csv_response``, in the dialect of the interface's language: French
spreadsheet programs (Excel with French regional settings) take ``;`` between
fields and ``,`` in decimal numbers, English ones ``,`` and ``.``
(``CSV_DIALECTS``). The file starts with a byte order mark so that accents are read
as UTF-8.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise, cached_property
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: Rows read from the database at a time by exports.
EXPORT_CHUNK_SIZE = 2000
#: CSV lines sent to the client at a time.
CSV_LINES_PER_CHUNK = 500

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CsvDialect:
    """What a spreadsheet program of one language expects in a CSV file."""

    delimiter: str
    decimal_separator: str


#: By the language of the interface (its first two letters); others get "en"'s.
CSV_DIALECTS = {
    "fr": CsvDialect(delimiter=";", decimal_separator=","),
    "en": CsvDialect(delimiter=",", decimal_separator="."),
}


def csv_dialect_get(language: str | None = None) -> CsvDialect:
    """The CSV dialect for ``language`` (default: the active language)."""
    language = (language or translation.get_language() or "en")[:2]
    return CSV_DIALECTS.get(language, CSV_DIALECTS["en"])


def csv_cell(value, dialect: CsvDialect = CSV_DIALECTS["en"]) -> str:
    """The text of a CSV cell; text that a spreadsheet would run as a formula (names
    and e-mail addresses are typed by learners) starts with a quote; decimal numbers
    use the dialect's decimal separator."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool | int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", dialect.decimal_separator)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_lines(headings, rows, *, language: str) -> Iterator[bytes]:
    """The lines of a CSV file in ``language``'s dialect, a few hundred at a time:
    the byte order mark and the headings, then one line per row of values."""
    with translation.override(language):
        dialect = csv_dialect_get(language)
        writer = csv.writer(_Line(), delimiter=dialect.delimiter)
        # The byte order mark makes spreadsheet programs read the accents right.
        yield ("\ufeff" + writer.writerow([str(h) for h in headings])).encode()
        lines = []
        for values in rows:
            lines.append(writer.writerow([csv_cell(v, dialect) for v in values]))
            if len(lines) >= CSV_LINES_PER_CHUNK:
                yield "".join(lines).encode()
                lines = []
        if lines:
            yield "".join(lines).encode()


def csv_response(headings, rows, *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV download of ``rows`` (an iterable of lists of values, read as
    the response is sent, in the request's language)."""
    chunks = csv_lines(headings, rows, language=translation.get_language())
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(headings, rows, *, filename: str, sheet_title: str = ""):
    """An XLSX download of ``rows``, written to a temporary file (flat memory)."""
    output = tempfile.TemporaryFile()  # removed when the response closes it
    try:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=(sheet_title or filename)[:31])
        sheet.append([str(h) for h in headings])
        for values in rows:
            sheet.append([xlsx_cell(sheet, value) for value in values])
        workbook.save(output)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )


def xlsx_cell(sheet, value):
    """An XLSX cell: text is always stored as text (never as a formula), without the
    control characters the format forbids; numbers and dates keep their type."""
    if not isinstance(value, str | Promise):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # openpyxl would write it as a formula
    return cell


class _Line:
    """A file for csv.writer that hands each written line back."""

    def write(self, line: str) -> str:
        return line


class SpreadsheetStreamMixin:
    """For a Wagtail IndexView: exports with the columns of ``report_fields`` (each
    with a ``label`` and a ``value(row)``), of every row of ``get_queryset()``."""

    report_fields = ()

    def get(self, request, *args, **kwargs):
        # Straight to the file: the listing's context would load every row at once.
        if self.is_export:
            return self.as_spreadsheet(self.get_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    @cached_property
    def list_export(self):
        return [field.name for field in self.report_fields]

    def get_filename(self):
        return f"{slugify(self.get_page_title())}-{timezone.localdate().isoformat()}"

    def export_headings_row(self) -> list[str]:
        return [str(field.label) for field in self.report_fields]

    def export_rows(self, queryset):
        """The exported values of each row, read from the database in chunks."""
        for row in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
            yield [field.value(row) for field in self.report_fields]

    def write_csv_response(self, queryset):
        return csv_response(
            self.export_headings_row(),
            self.export_rows(queryset),
            filename=self.get_filename(),
        )

    def write_xlsx_response(self, queryset):
        return xlsx_response(
            self.export_headings_row(),
            self.export_rows(queryset),
            filename=self.get_filename(),
        )
