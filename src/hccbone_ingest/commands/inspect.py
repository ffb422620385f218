"""`hccbone inspect FILE`: everything the pipeline extracts from one raw file, as JSON.

The maintainer's tool for a new document or layout: which adapter claimed the file (and
how confident every adapter was), then the rows of every table, after enrichment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..errors import IngestError
from ..pipeline import DEFAULT_MAX_BYTES, parse_raw, process_files, read_raw
from ..sources.registry import score_adapters
from ..tables import bundle_rows

NAME = "inspect"
HELP = "print as JSON what the pipeline extracts from one raw file, and which adapter claimed it"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a raw file (text copy or saved HTML)")
    p.add_argument("--raw-root", default=None,
                   help="the raw root the file lives under (its first folder is a source hint); "
                        "default: the file's grandparent if it is under a folder named raw/")
    p.add_argument("--no-enrich", action="store_true",
                   help="adapter output only: skip sentences, alignment and reference parsing (fast)")
    p.add_argument("--tables", default=None, help="comma-separated tables to show (default: all)")


def _rel_path(path: Path, raw_root: str | None) -> str:
    path = path.resolve()
    if raw_root:
        return path.relative_to(Path(raw_root).resolve()).as_posix()
    for parent in path.parents:
        if parent.name == "raw":
            return path.relative_to(parent).as_posix()
    return f"{path.parent.name}/{path.name}"


def _default(o: object) -> str:
    if isinstance(o, dt.date):
        return o.isoformat()
    raise TypeError(f"not JSON serializable: {type(o).__name__}")


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"hccbone inspect: no such file: {path}", file=sys.stderr)
        return 2
    rel = _rel_path(path, args.raw_root)
    report: dict = {"file": str(path), "source_path": rel}
    try:
        raw = read_raw(path, rel, DEFAULT_MAX_BYTES)
        report["content_sha256"] = raw.sha256
        report["encoding"] = raw.decoded.encoding
        report["adapter_scores"] = {a.id(): round(s, 3) for s, a in score_adapters(raw)}
        if args.no_enrich:
            doc = parse_raw(raw)
            report["adapter"] = doc.document.adapter
            rows = bundle_rows(doc)
        else:
            outcome = process_files([(path, rel)])[0]
            if outcome.error is not None:
                e = outcome.error
                report["error"] = {"stage": e.stage, "type": e.error_type, "message": e.message}
                print(json.dumps(report, ensure_ascii=False, indent=2, default=_default))
                return 1
            report["adapter"] = outcome.doc.document.adapter
            rows = bundle_rows(outcome.doc)
    except IngestError as e:
        report["error"] = {"stage": e.stage, "type": type(e).__name__, "message": e.message}
        print(json.dumps(report, ensure_ascii=False, indent=2, default=_default))
        return 1
    if args.tables:
        wanted = {t.strip() for t in args.tables.split(",")}
        rows = {k: v for k, v in rows.items() if k in wanted}
    report["tables"] = rows
    print(json.dumps(report, ensure_ascii=False, indent=2, default=_default))
    return 0
