"""`hccbone terms`: print the bilingual glossary of a published output (tsv or json lines)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ExportError

NAME = "terms"
HELP = "print the corpus glossary (short form, zh long form, en long form, documents, confidence)"

COLUMNS = ("short", "long_zh", "long_en", "doc_count", "confidence", "basis", "variants")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="processed", help="the published output directory (default: processed)")
    p.add_argument("--min-docs", type=int, default=1,
                   help="keep rows defined in at least this many documents")
    p.add_argument("--format", choices=["tsv", "json"], default="tsv",
                   help="tsv (a header line, then one row per line) or json (one object per line)")
    p.add_argument("--bilingual", action="store_true", help="only rows with both a zh and an en long form")


def glossary_rows(out: str, min_docs: int = 1, bilingual: bool = False) -> list[dict]:
    """The published glossary rows, filtered, in the table's order."""
    from ..export.published import read_published

    rows = read_published(out, "glossary").to_pylist()
    return [r for r in rows if r["doc_count"] >= min_docs
            and (not bilingual or (r["long_zh"] is not None and r["long_en"] is not None))]


def _cell(v: object) -> str:
    if v is None:
        return ""
    return str(v).replace("\t", " ").replace("\n", " ")


def run(args: argparse.Namespace) -> int:
    try:
        rows = glossary_rows(args.out, args.min_docs, args.bilingual)
    except ExportError as e:
        print(f"hccbone terms: {e.message}", file=sys.stderr)
        return 2
    w = sys.stdout.write
    if args.format == "tsv":
        w("\t".join(COLUMNS) + "\n")
        for r in rows:
            w("\t".join(_cell(r[c]) for c in COLUMNS) + "\n")
    else:
        for r in rows:
            r = dict(r)
            r["evidence"] = json.loads(r["evidence"]) if r["evidence"] else []
            w(json.dumps(r, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0
