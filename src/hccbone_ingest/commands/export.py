"""`hccbone export`: the parallel corpus as Moses plain text or TMX 1.4b, optionally filtered; the
glossary as TBX (TBX-Basic) or TSV."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..errors import ExportError

NAME = "export"
HELP = ("export the aligned zh-en pairs as Moses plain text or TMX 1.4b, filtered by score and kind; "
        "or the glossary as TBX or TSV")


def _date(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not an ISO date or datetime: {text!r}") from e


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="processed", help="the published output directory (default: processed)")
    p.add_argument("--format", choices=["moses", "tmx", "tbx", "tsv"], required=True,
                   help="moses / tmx: the aligned pairs; tbx / tsv: the glossary")
    p.add_argument("--dest", required=True,
                   help="moses: file prefix (writes PREFIX.zh, PREFIX.en, ...) or a folder; "
                        "tmx: the .tmx file or a folder")
    p.add_argument("--min-score", type=float, default=None, help="keep pairs with score >= this")
    p.add_argument("--max-score", type=float, default=None,
                   help="keep pairs with score < this (e.g. to review the low-confidence ones)")
    p.add_argument("--kinds", default=None, help="comma-separated bead kinds to keep, e.g. 1-1,1-2")
    p.add_argument("--include-unmatched", action="store_true",
                   help="also export beads with an empty side (0-n, n-0); left out by default")
    p.add_argument("--no-sidecars", action="store_true",
                   help="moses: write only the .zh and .en files, not .scores and .ids")
    p.add_argument("--zh-lang", default="zh", help="tmx: language code of the Chinese side (e.g. zh-CN)")
    p.add_argument("--en-lang", default="en", help="tmx: language code of the English side (e.g. en-US)")
    p.add_argument("--min-docs", type=int, default=1,
                   help="tbx/tsv: glossary rows from at least this many documents")
    p.add_argument("--creation-date", type=_date, default=None,
                   help="tmx: creationdate to record (ISO); none by default, so exports are reproducible")


def _run_glossary(args: argparse.Namespace) -> int:
    from ..export import glossary
    from ..export.files import resolve_dest
    from .terms import glossary_rows

    try:
        rows = glossary_rows(args.out, args.min_docs)
        if args.format == "tbx":
            path = glossary.write_tbx(rows, resolve_dest(args.dest, glossary.DEFAULT_TBX))
        else:
            path = glossary.write_tsv(rows, resolve_dest(args.dest, glossary.DEFAULT_TSV))
    except ExportError as e:
        print(f"hccbone export: {e.message}", file=sys.stderr)
        return 2
    print(f"exported {len(rows)} glossary rows to {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.format in ("tbx", "tsv"):
        return _run_glossary(args)
    from ..export import BeadFilter, moses, parse_kinds, read_beads, select_beads, tmx, write_moses, write_tmx
    from ..export.files import resolve_dest
    from ..store import OutputDir
    from ..tables import SCHEMA_VERSION

    try:
        flt = BeadFilter(min_score=args.min_score, max_score=args.max_score, kinds=parse_kinds(args.kinds),
                         include_unmatched=args.include_unmatched)
        selection = select_beads(read_beads(args.out), flt)
        if args.format == "moses":
            prefix = resolve_dest(args.dest, moses.DEFAULT_STEM)
            files = write_moses(selection.beads, prefix, scores=not args.no_sidecars,
                                ids=not args.no_sidecars)
            written = [str(p) for p in files.paths()]
        else:
            path = resolve_dest(args.dest, tmx.DEFAULT_NAME)
            props = {"x-filter": flt.describe(), "x-schema-version": SCHEMA_VERSION}
            version = OutputDir(args.out).current_version()
            if version:
                props["x-snapshot"] = version
            write_tmx(selection.beads, Path(path), zh_lang=args.zh_lang, en_lang=args.en_lang,
                      creation_date=args.creation_date, header_props=props)
            written = [str(path)]
    except ExportError as e:
        print(f"hccbone export: {e.message}", file=sys.stderr)
        return 2
    print(f"exported {selection.summary()} to {', '.join(written)}")
    if not selection.beads:
        print("hccbone export: warning: no pair passed the filter; the files are empty", file=sys.stderr)
    return 0
