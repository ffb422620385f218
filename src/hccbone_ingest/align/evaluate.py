"""Reading vecalign/bertalign `.align` files and scoring them (Sennrich & Volk 2011).

Precision runs over every predicted bead that is non-empty on both sides, recall over every gold
bead that is non-empty on both sides; a strict hit is an exact bead match, a lax hit a bead that
overlaps some bead of the other list on both sides. Counts are summed over documents before
dividing (micro average), as vecalign's and bertalign's `score.py` do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import ParseError

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]")


def _ids(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in s.replace(" ", "").split(",") if x)


def parse_align(text: str) -> list[BeadIds]:
    """Beads of an `.align` file: `[0, 1]:[2]` a line (anything after the bead is ignored)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise ParseError(f"line {n} is not a bead like `[0, 1]:[2]`: {line[:60]!r}")
        out.append((_ids(m.group(1)), _ids(m.group(2))))
    return out


@dataclass(frozen=True, slots=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float


def _hits(test: Sequence[BeadIds], gold: Sequence[BeadIds]) -> tuple[int, int, int]:
    """(strict hits, lax hits, number of test beads)."""
    gold_set = set(gold)
    strict = lax = 0
    for src, tgt in test:
        if (src, tgt) in gold_set:
            strict += 1
            lax += 1
            continue
        s, t = set(src), set(tgt)
        if any(s.intersection(gs) and t.intersection(gt) for gs, gt in gold):
            lax += 1
    return strict, lax, len(test)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: Iterable[tuple[Sequence[BeadIds], Sequence[BeadIds]]]) -> Scores:
    """Micro-averaged strict and lax P/R/F1 over (predicted, gold) bead lists."""
    ps = pl = pn = rs = rl = rn = 0
    for test, gold in pairs:
        test = [b for b in test if b[0] and b[1]]
        gold = [b for b in gold if b[0] and b[1]]
        a, b, c = _hits(test, gold)
        ps, pl, pn = ps + a, pl + b, pn + c
        a, b, c = _hits(gold, test)
        rs, rl, rn = rs + a, rl + b, rn + c
    sp, sr = (ps / pn if pn else 0.0), (rs / rn if rn else 0.0)
    lp, lr = (pl / pn if pn else 0.0), (rl / rn if rn else 0.0)
    return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr))
