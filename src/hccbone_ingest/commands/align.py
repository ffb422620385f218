"""`hccbone align ZH_FILE EN_FILE [--scores]`: align two files of sentences, one a line.

Prints one bead per line in the vecalign/bertalign format, `[zh line ids]:[en line ids]`,
0-based (`[]:[5]` for an English line with no Chinese counterpart), so the output can be
scored with the standard tools against gold `.align` files. `--scores` adds the bead's
confidence after a tab. Blank lines are never matched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "align"
HELP = "Align a Chinese and an English file (one sentence a line); print vecalign-style beads."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("zh_file", type=Path, help="Chinese sentences, one per line (UTF-8)")
    parser.add_argument("en_file", type=Path, help="English sentences, one per line (UTF-8)")
    parser.add_argument("--scores", action="store_true", help="append each bead's score (0-1) after a tab")


def _read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 file (a BOM is dropped); raises ValueError with a readable message."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ValueError(f"cannot read {path}: {e.strerror}") from e
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as e:
        raise ValueError(f"{path} is not UTF-8 text ({e.reason} at byte {e.start})") from e


def run(args: argparse.Namespace) -> int:
    try:
        zh = _read_lines(args.zh_file)
        en = _read_lines(args.en_file)
    except ValueError as e:
        print(f"hccbone align: {e}", file=sys.stderr)
        return 2
    from ..align.aligner import align, format_bead  # the encoder loads only when needed

    for bead in align(zh, en):
        print(format_bead(bead, with_score=args.scores))
    return 0
