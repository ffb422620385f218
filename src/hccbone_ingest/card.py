"""The dataset card (`processed/README.md`), generated from the schemas in tables.py."""

from __future__ import annotations

from . import __version__
from .tables import SCHEMA_VERSION, TABLES


def _type(t) -> str:
    return str(t).replace("large_", "")


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
        + (", ".join(f"{k} {v}" for k, v in docs_per_source.items()) or "none"),
        "",
        "Every table is a folder of Parquet files (`part-NNNNN.parquet`); all columns are inside the "
        "files (no Hive partitioning). `doc_id` joins the tables. Ids are stable: `doi:<lower-case "
        "DOI>` when the document has a DOI, else `<site>:<id>`, else `sha256:<16 hex of the raw file>`.",
        "",
        "## Loading",
        "",
        "```python",
        "import pandas as pd",
        "docs = pd.read_parquet(\"processed/documents\")",
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
        "```",
        "",
        "## Tables",
        "",
    ]
    for name, spec in TABLES.items():
        lines += [f"### `{name}` — {rows_per_table.get(name, 0)} rows", "", spec.description, "",
                  f"Sorted by: {', '.join(spec.sort_keys)}.", "",
                  "| column | type | nullable | meaning |", "|---|---|---|---|"]
        for f in spec.schema:
            doc = (f.metadata or {}).get(b"description", b"").decode().replace("|", "\\|")
            lines.append(f"| `{f.name}` | {_type(f.type)} | {'yes' if f.nullable else 'no'} | {doc} |")
        lines.append("")
    return "\n".join(lines)
