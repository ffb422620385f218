"""`hccbone refs parse FILE`: GB/T 7714 reference strings in, one JSON object per line out.

One reference per input line (`-` reads stdin; UTF-8, GB18030 and BOMs are decoded). Every
input line, blank ones included, gives exactly one output line, so outputs pair with inputs
by line number. A line that holds no reference gives all fields empty and
`"flags": ["unparseable"]`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..decode import decode_bytes
from ..errors import IngestError, ParseError
from ..records import ParsedRef
from ..refs.gbt7714 import parse_reference

NAME = "refs"
HELP = "Reference strings: `refs parse FILE` turns GB/T 7714 references into JSON lines."

# The output contract (the field names), in this order.
FIELDS = (
    "type_code", "carrier", "authors", "et_al", "title", "container", "edition", "place",
    "publisher", "year", "volume", "issue", "pages_first", "pages_last", "article_no",
    "access_date", "url", "doi", "doi_key", "doi_valid", "lang", "flags",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="refs_action", metavar="ACTION", required=True)
    p = sub.add_parser("parse", help="parse one reference per line into one JSON object per line",
                       description=__doc__.split("\n\n")[1].replace("\n", " "))
    p.add_argument("file", help="input file, one reference string per line; `-` for stdin")


def ref_to_json(ref: ParsedRef) -> dict:
    return {f: getattr(ref, f) for f in FIELDS}


def parse_line(line: str) -> dict:
    try:
        return ref_to_json(parse_reference(line))
    except ParseError:
        return ref_to_json(ParsedRef(flags=["unparseable"]))


def _read(path: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    if not data:
        return ""
    return decode_bytes(data).text


def run(args: argparse.Namespace) -> int:
    if args.refs_action != "parse":  # argparse enforces the choice; keep run() total
        print(f"refs: unknown action {args.refs_action!r}", file=sys.stderr)
        return 2
    try:
        text = _read(args.file)
    except OSError as e:
        print(f"refs parse: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    except IngestError as e:
        print(f"refs parse: {args.file}: {e.message}", file=sys.stderr)
        return 2
    # Split on line feeds only: U+2028 or a form feed inside a reference is not a new line.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        for line in lines:
            sys.stdout.write(json.dumps(parse_line(line.rstrip("\r")), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
