"""The dataset card (`processed/README.md`), generated from the code so that it cannot drift:
column types as a Parquet reader reads them back, the values of enumerated columns from the
constants the pipeline uses, row counts with their right plural."""

from __future__ import annotations

import functools
import io

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .tables import SCHEMA_VERSION, TABLES


@functools.cache
def read_back_types(table: str) -> dict[str, str]:
    """Each column's type as a reader sees it after a Parquet round trip (`list<element: …>`,
    not the `list<item: …>` pyarrow builds)."""
    buf = io.BytesIO()
    pq.write_table(TABLES[table].schema.empty_table(), buf)
    schema = pq.read_schema(pa.BufferReader(buf.getvalue()))
    return {f.name: str(f.type) for f in schema}


def column_values() -> dict[tuple[str, str], list[str]]:
    """The values of enumerated columns, from the code that writes them."""
    from . import pipeline  # noqa: F401 - loads every module that defines an error class
    from .enrich.alignment import SECTIONS
    from .errors import quarantine_stages

    return {("alignments", "section"): list(SECTIONS), ("errors", "stage"): quarantine_stages()}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_card(version: str, rows_per_table: dict[str, int], docs_per_source: dict[str, int]) -> str:
    lines = [
        "---",
        "language: [zh, en]",
        "pretty_name: hccbone_ingest — HCC bone metastasis, bilingual biomedical documents",
        "configs:",
    ]
    for name in TABLES:
        lines += [f"- config_name: {name}", f"  data_files: \"{name}/*.parquet\""]
    lines += [
        "---",
        "",
        "# hccbone_ingest dataset",
        "",
        "Chinese medical journal article pages (bilingual titles, authors, abstracts, GB/T 7714 "
        "references) and AI-summary pages (claims with citation markers) about hepatocellular-"
        "carcinoma bone metastasis, normalized into Parquet tables by `hccbone ingest`.",
        "",
        f"- schema version: **{SCHEMA_VERSION}** (also in every file's footer metadata under "
        "`hccbone.schema_version`)",
        f"- snapshot: `{version}` (a hash of the inputs and the pipeline version; the same raw files "
        "always give this snapshot, byte for byte)",
        f"- produced by: hccbone_ingest {__version__}",
        "- documents per source: "
        + (", ".join(f"{k} {_count(v, 'document')}" for k, v in docs_per_source.items()) or "none"),
        "",
        "Every table is a folder of Parquet files (`part-NNNNN.parquet`); all columns are inside the "
        "files (no Hive partitioning). `doc_id` joins the tables. Ids are stable: `doi:<lower-case "
        "DOI>` when the document has a DOI, else `<site>:<id>`, else `sha256:<16 hex of the raw file>`.",
        "",
        "## Loading",
        "",
        "With the package installed (`hccbone_ingest`), read tables as DataFrames with nullable, "
        "Arrow-backed dtypes, every table from the same snapshot (the `current` pointer, resolved once; "
        "`root` may also be an fsspec URL):",
        "",
        "```python",
        "import hccbone_ingest as hb",
        "docs = hb.read_table(\"documents\", root=\"processed\")  # year: int32[pyarrow], <NA> when missing",
        "pairs = hb.read_parallel(min_score=0.8, kinds=\"1-1\", root=\"processed\", doc_columns=[\"year\"])",
        "# doc_id, section, pair_no, zh_text, en_text, score, kind (+ year): as `hccbone export` picks them",
        "```",
        "",
        "Without it, any Parquet reader works; plain pandas needs `dtype_backend` to keep integer columns "
        "with nulls (`year`) from becoming float64:",
        "",
        "```python",
        "import pandas as pd",
        "docs = pd.read_parquet(\"processed/documents\", dtype_backend=\"pyarrow\")",
        "",
        "import pyarrow.dataset as ds",
        "pairs = ds.dataset(\"processed/alignments\").to_table()",
        "",
        "import duckdb",
        "duckdb.sql(\"SELECT zh_text, en_text, score FROM 'processed/alignments/*.parquet' "
        "WHERE score >= 0.8\")",
        "duckdb.sql(\"SELECT short, long_zh, long_en, doc_count FROM 'processed/glossary/*.parquet' "
        "WHERE long_zh IS NOT NULL AND long_en IS NOT NULL ORDER BY doc_count DESC\")",
        "",
        "from datasets import load_dataset",
        "refs = load_dataset(\"parquet\", data_files=\"processed/references/*.parquet\", split=\"train\")",
        "",
        "# any table, an empty one included (load_dataset raises `Instruction \"train\" corresponds to",
        "# no data!` on a table of 0 rows, through data_files and through the configs above alike):",
        "from datasets import Dataset",
        "kw = Dataset(ds.dataset(\"processed/keywords\").to_table())",
        "```",
        "",
        "## Tables",
        "",
    ]
    values = column_values()
    for name, spec in TABLES.items():
        types = read_back_types(name)
        lines += [f"### `{name}` — {_count(rows_per_table.get(name, 0), 'row')}", "", spec.description, "",
                  f"Sorted by: {', '.join(spec.sort_keys)}.", "",
                  "| column | type | nullable | meaning |", "|---|---|---|---|"]
        for f in spec.schema:
            doc = (f.metadata or {}).get(b"description", b"").decode()
            if (name, f.name) in values:
                doc += " Values: " + ", ".join(f"`{v}`" for v in values[(name, f.name)]) + "."
            doc = doc.replace("|", "\\|")
            lines.append(f"| `{f.name}` | {types[f.name]} | {'yes' if f.nullable else 'no'} | {doc} |")
        lines.append("")
    return "\n".join(lines)
