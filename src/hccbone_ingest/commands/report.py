"""`hccbone report`: a static HTML page to review the aligned abstract pairs in a browser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ExportError

NAME = "report"
HELP = "write a static HTML page with the aligned zh-en abstract pairs, low-confidence pairs highlighted"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..report.data import DEFAULT_THRESHOLD

    p.add_argument("--out", default="processed", help="the published output directory (default: processed)")
    p.add_argument("--dest", default=None, help="the HTML file to write (default: OUT/report.html)")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help=f"pairs scoring below this are highlighted (default: {DEFAULT_THRESHOLD})")


def run(args: argparse.Namespace) -> int:
    from ..export.files import resolve_dest
    from ..report import write_report

    dest = resolve_dest(args.dest, "report.html") if args.dest else Path(args.out) / "report.html"
    try:
        data = write_report(args.out, dest, args.threshold)
    except ExportError as e:
        print(f"hccbone report: {e.message}", file=sys.stderr)
        return 2
    n, pairs = len(data.docs), data.pairs
    print(f"wrote {dest}: {n} document{'s' * (n != 1)} with {pairs} pair{'s' * (pairs != 1)}, "
          f"{data.low} below {args.threshold:g}")
    return 0
