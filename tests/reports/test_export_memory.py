"""Exports of the learning listings keep memory flat whatever the number of rows
(``make bench`` measures 100,000 rows with benchmarks/report_exports.py)."""

import pytest

from benchmarks.report_exports import export_memory_bench

pytestmark = pytest.mark.django_db

ROWS = 3000


def test_exports_memory_does_not_grow_with_rows(monkeypatch):
    """CSV and XLSX of 3,000 rows peak at about the memory of 300 rows (rows kept in
    memory would take ten times more), and hold every row."""
    # Chunks smaller than the small case, so that both sizes hold full chunks.
    monkeypatch.setattr("reports.exports.EXPORT_CHUNK_SIZE", 100)

    result = export_memory_bench(ROWS)

    for kind in ("csv", "xlsx"):
        figures = result[kind]
        assert figures["small"]["rows"] == ROWS // 10
        assert figures["all"]["rows"] == ROWS
        assert figures["verdict"] == "flat", figures
