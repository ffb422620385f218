"""Reading the published tables back as pandas DataFrames, from one snapshot.

`read_table("documents", root="processed")` resolves the published snapshot once (the pointer
`_snapshots/current`, or `current.txt` behind an fsspec URL) and reads the table with its
declared schema, so a reader never mixes two runs, an empty table still has every column and
type, and nullable columns keep their type (`year` is an integer column with missing values,
not float64). `read_parallel` gives the aligned sentence pairs exactly as the Moses/TMX
exports select them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import pyarrow as pa
import pyarrow.dataset as ds

from .errors import ReadError
from .store import OutputDir
from .tables import TABLES

if TYPE_CHECKING:
    import pandas as pd

DtypeBackend = Literal["pyarrow", "numpy_nullable"]
DEFAULT_ROOT = "processed"

# The columns `read_parallel` returns from `alignments`, in this order.
PARALLEL_COLUMNS = ("doc_id", "section", "pair_no", "zh_text", "en_text", "score", "kind")


def resolve_version(root: str, version: str | None = None, table: str | None = None) -> str:
    """The snapshot to read: `version` when given, else the one published now."""
    if version is not None:
        return version
    found = OutputDir(root).current_version()
    if found is None:
        what = f"{table!r} table" if table else "snapshot"
        raise ReadError(f"no published {what} at {root}: run `hccbone ingest --out {root}` first")
    return found


def read_arrow(name: str, root: str = DEFAULT_ROOT, columns: Sequence[str] | None = None,
               version: str | None = None) -> pa.Table:
    """One table of one snapshot as a pyarrow Table with the declared schema, in file order.

    Raises `ReadError` for an unknown table or column, no published snapshot, a table the
    snapshot lacks, or unreadable files.
    """
    if name not in TABLES:
        raise ReadError(f"unknown table {name!r}; the tables are: {', '.join(sorted(TABLES))}")
    schema = TABLES[name].schema
    wanted = list(columns) if columns is not None else schema.names
    unknown = [c for c in wanted if c not in schema.names]
    if unknown:
        raise ReadError(f"table {name} has no column(s) {unknown}")
    od = OutputDir(root)
    path = od.table_dir(name, resolve_version(root, version, name))
    if not od.exists(path):
        raise ReadError(f"no published {name!r} table at {path}: run `hccbone ingest --out {root}` first")
    try:
        # The declared schema, not the files' own: an empty folder or files from an older minor
        # version (missing a later column) still read, with nulls where a column is absent.
        dataset = ds.dataset(path, format="parquet", filesystem=od.fs, schema=schema)
        return dataset.to_table(columns=wanted)
    except (OSError, pa.ArrowInvalid) as e:
        raise ReadError(f"cannot read the {name!r} table at {path}: {e}") from e


def to_dataframe(table: pa.Table, dtype_backend: DtypeBackend = "pyarrow") -> pd.DataFrame:
    """Arrow -> pandas without losing types: every column Arrow-backed (`pyarrow`, lists and dates
    included), or pandas' nullable extension types (`numpy_nullable`: Int32, Float64, boolean,
    string; dates as datetime64 with NaT; lists stay object)."""
    import pandas as pd

    if dtype_backend == "pyarrow":
        return table.to_pandas(types_mapper=pd.ArrowDtype)
    if dtype_backend == "numpy_nullable":
        nullable = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
                    pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype()}
        return table.to_pandas(types_mapper=nullable.get, date_as_object=False)
    raise ValueError(f"dtype_backend is 'pyarrow' or 'numpy_nullable', not {dtype_backend!r}")


def read_table(name: str, root: str = DEFAULT_ROOT, *, columns: Sequence[str] | None = None,
               version: str | None = None, dtype_backend: DtypeBackend = "pyarrow") -> pd.DataFrame:
    """One published table as a DataFrame with nullable (by default Arrow-backed) dtypes.

    `root` is the output folder or an fsspec URL; `version` pins a snapshot (default: the one
    published now, resolved once). Rows come in the table's sort order.
    """
    return to_dataframe(read_arrow(name, root, columns, version), dtype_backend)


def read_parallel(min_score: float | None = None, *, root: str = DEFAULT_ROOT, max_score: float | None = None,
                  kinds: str | Iterable[str] | None = None, include_unmatched: bool = False,
                  doc_columns: Sequence[str] = (), version: str | None = None,
                  dtype_backend: DtypeBackend = "pyarrow") -> pd.DataFrame:
    """The aligned zh-en sentence pairs, one row per pair, as the Moses/TMX exports select them.

    Columns: doc_id, section, pair_no, zh_text, en_text, score, kind, then any `doc_columns`
    of the `documents` table (e.g. `("year", "journal_zh")`), joined on doc_id from the same
    snapshot. Texts are cleaned to one line each. Filters as `hccbone export`: keep
    `min_score <= score < max_score`; `kinds` such as `"1-1,1-2"` or `["1-1"]`; pairs with an
    empty side (0-1, 1-0) only with `include_unmatched` or when `kinds` names them.
    Rows are ordered by (doc_id, section, pair_no).
    """
    from .export.beads import BeadFilter, parse_kinds, read_beads, select_beads

    if isinstance(kinds, str):
        kind_set = parse_kinds(kinds)
    else:
        kind_set = frozenset(kinds) if kinds is not None else None
    flt = BeadFilter(min_score=min_score, max_score=max_score, kinds=kind_set,
                     include_unmatched=include_unmatched)
    doc_columns = list(doc_columns)
    if "doc_id" in doc_columns:
        raise ReadError("doc_columns: doc_id is always there; name other documents columns")
    version = resolve_version(root, version, "alignments")
    beads = select_beads(read_beads(root, version=version), flt).beads
    fields = [TABLES["alignments"].schema.field(c) for c in PARALLEL_COLUMNS]
    pairs = pa.table([
        pa.array([b.doc_id for b in beads], pa.string()),
        pa.array([b.section for b in beads], pa.string()),
        pa.array([b.pair_no for b in beads], pa.int32()),
        pa.array([b.zh for b in beads], pa.string()),
        pa.array([b.en for b in beads], pa.string()),
        pa.array([b.score for b in beads], pa.float64()),
        pa.array([b.kind for b in beads], pa.string()),
    ], schema=pa.schema(fields))
    if doc_columns:
        docs = read_arrow("documents", root, ["doc_id", *doc_columns], version)
        # A left join keeps the pairs' order and a pair whose document row is missing (nulls).
        pairs = pairs.join(docs, "doc_id", join_type="left outer").sort_by(
            [("doc_id", "ascending"), ("section", "ascending"), ("pair_no", "ascending")])
    return to_dataframe(pairs, dtype_backend)
