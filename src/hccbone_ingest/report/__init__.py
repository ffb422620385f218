"""The static HTML review page of the parallel corpus (`hccbone report`).

- `data`: documents and their beads from the published tables, low-confidence counts.
- `histogram`: the score histogram as inline SVG.
- `page`: the self-contained HTML page.
"""

from __future__ import annotations

from pathlib import Path

from ..export.files import write_atomic
from .data import DEFAULT_THRESHOLD, ReportData, build_report_data, load_report_data
from .page import render_report


def write_report(out: str, dest: Path, threshold: float = DEFAULT_THRESHOLD) -> ReportData:
    """Read `out`, write the page to `dest`, return what it shows (for the caller's summary)."""
    data = load_report_data(out, threshold)
    write_atomic(dest, render_report(data).encode("utf-8"))
    return data


__all__ = ["DEFAULT_THRESHOLD", "ReportData", "build_report_data", "load_report_data", "render_report",
           "write_report"]
