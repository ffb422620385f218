"""Reading published tables back: `<out>/<table>/` is a folder of Parquet files (often a symlink
into `_snapshots/current/`), local or behind any fsspec URL."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.dataset as ds

from ..errors import ExportError
from ..store import OutputDir
from ..tables import TABLES


def read_published(out: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """One published table, restricted to `columns` (all when None), in file order.

    Raises `ExportError` when the table is missing or lacks a requested column, so a user who
    points at the wrong folder reads what to do instead of a pyarrow traceback.
    """
    if name not in TABLES:
        raise ExportError(f"unknown table {name!r}")
    spec = TABLES[name]
    wanted = columns if columns is not None else spec.schema.names
    unknown = [c for c in wanted if c not in spec.schema.names]
    if unknown:
        raise ExportError(f"table {name} has no column(s) {unknown}")
    od = OutputDir(out)
    path = od.path(name)
    if not od.exists(path):
        raise ExportError(f"no published {name!r} table at {path}: run `hccbone ingest --out {out}` first")
    try:
        # Declare the schema ourselves: an empty folder or files from an older minor version
        # (missing a later column) still read, with nulls where a column is absent.
        dataset = ds.dataset(path, format="parquet", filesystem=od.fs, schema=spec.schema)
        return dataset.to_table(columns=list(wanted))
    except (OSError, pa.ArrowInvalid) as e:
        raise ExportError(f"cannot read the {name!r} table at {path}: {e}") from e
