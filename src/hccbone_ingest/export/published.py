"""Reading published tables for the exports: through `hccbone_ingest.reader`, so the exports, the
report and a researcher's `read_table` read the same snapshot the same way (local or fsspec)."""

from __future__ import annotations

import pyarrow as pa

from ..reader import read_arrow


def read_published(out: str, name: str, columns: list[str] | None = None,
                   version: str | None = None) -> pa.Table:
    """One published table of snapshot `version` (default: the current one), restricted to
    `columns` (all when None), in file order.

    Raises `ReadError` (an `ExportError`) when the table is missing or lacks a requested column,
    so a user who points at the wrong folder reads what to do instead of a pyarrow traceback.
    """
    return read_arrow(name, out, columns, version)
