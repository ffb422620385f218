"""Alignment beads as exporters see them: read, cleaned to one line per side, filtered.

Both the Moses and the TMX writers (and the HTML report) take their pairs from `select_beads`,
so a filter means the same thing in every format.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import ExportError
from ..text.normalize import clean
from .published import read_published

# Anything that would break "one segment per line" (Moses) or a single-line <seg>.
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]")
# Characters XML 1.0 forbids outright; other C0/C1 controls have no business in a sentence either.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_KIND = re.compile(r"^\d+-\d+$")


def clean_segment(text: str | None) -> str:
    """One line of text: breaks and tabs become spaces, control characters go, spaces collapse."""
    if not text:
        return ""
    text = _CONTROLS.sub("", _BREAKS.sub(" ", text))
    return clean(text) or ""


@dataclass(frozen=True, slots=True)
class Bead:
    """One aligned pair; texts already cleaned by `clean_segment`."""

    doc_id: str
    section: str
    pair_no: int
    zh_sent_nos: tuple[int, ...]
    en_sent_nos: tuple[int, ...]
    zh: str
    en: str
    score: float
    kind: str

    @property
    def unmatched(self) -> bool:
        """One side is empty (a 0-n or n-0 bead): no translation pair at all."""
        return not self.zh or not self.en

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.doc_id, self.section, self.pair_no)


def _is_unmatched_kind(kind: str) -> bool:
    return kind.startswith("0-") or kind.endswith("-0")


def parse_kinds(text: str | None) -> frozenset[str] | None:
    """`"1-1, 1-2"` -> {"1-1", "1-2"}; None or blank -> None (every kind)."""
    if text is None or not text.strip():
        return None
    kinds = frozenset(k.strip() for k in text.split(",") if k.strip())
    bad = sorted(k for k in kinds if not _KIND.match(k))
    if bad:
        raise ExportError(f"bead kinds look like 1-1 or 1-2, not {', '.join(bad)}")
    return kinds


@dataclass(frozen=True)
class BeadFilter:
    """Which beads to export.

    Scores are kept when `min_score <= score < max_score` (a half-open range, so
    `--max-score 0.5` and `--min-score 0.5` split a corpus into two disjoint parts).
    Beads with an empty side (0-n, n-0) are dropped unless `include_unmatched` is set or
    `kinds` names such a kind explicitly.
    """

    min_score: float | None = None
    max_score: float | None = None
    kinds: frozenset[str] | None = None
    include_unmatched: bool = False

    def __post_init__(self) -> None:
        for name in ("min_score", "max_score"):
            v = getattr(self, name)
            if v is not None and not math.isfinite(v):
                raise ExportError(f"{name} must be a finite number, not {v}")
        if self.min_score is not None and self.max_score is not None and self.min_score >= self.max_score:
            raise ExportError(f"min_score ({self.min_score}) must be below max_score ({self.max_score})")
        if self.kinds is not None:
            bad = sorted(k for k in self.kinds if not _KIND.match(k))
            if bad:
                raise ExportError(f"bead kinds look like 1-1 or 1-2, not {', '.join(bad)}")

    @property
    def unmatched_allowed(self) -> bool:
        return self.include_unmatched or any(_is_unmatched_kind(k) for k in self.kinds or ())

    def reject_reason(self, bead: Bead) -> str | None:
        """Why the bead is left out (a key of `Selection.dropped`), or None to keep it."""
        if bead.unmatched and not self.unmatched_allowed:
            return "unmatched"
        if self.kinds is not None and bead.kind not in self.kinds:
            return "kind"
        if self.min_score is not None and bead.score < self.min_score:
            return "below_min_score"
        if self.max_score is not None and bead.score >= self.max_score:
            return "at_or_above_max_score"
        return None

    def describe(self) -> str:
        """A stable one-line summary, recorded in export headers."""
        kinds = ",".join(sorted(self.kinds)) if self.kinds is not None else "all"
        return (f"min_score={self.min_score} max_score={self.max_score} kinds={kinds} "
                f"include_unmatched={str(self.unmatched_allowed).lower()}")


@dataclass
class Selection:
    beads: list[Bead]
    total: int
    dropped: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        why = ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(self.dropped.items()))
        return f"{len(self.beads)} of {self.total} pairs" + (f" (left out: {why})" if why else "")


_COLUMNS = ["doc_id", "section", "pair_no", "zh_sent_nos", "en_sent_nos", "zh_text", "en_text",
            "score", "kind"]


def beads_from_rows(rows: Iterable[dict]) -> list[Bead]:
    """Alignment-table rows -> beads in (doc_id, section, pair_no) order, whatever the file order."""
    beads = [
        Bead(doc_id=r["doc_id"], section=r["section"], pair_no=r["pair_no"],
             zh_sent_nos=tuple(r["zh_sent_nos"] or ()), en_sent_nos=tuple(r["en_sent_nos"] or ()),
             zh=clean_segment(r["zh_text"]), en=clean_segment(r["en_text"]),
             score=float(r["score"]), kind=r["kind"])
        for r in rows
    ]
    beads.sort(key=lambda b: b.key)
    return beads


def read_beads(out: str, version: str | None = None) -> list[Bead]:
    """Every bead of the published `alignments` table under `out` (snapshot `version`, default
    the current one)."""
    return beads_from_rows(read_published(out, "alignments", _COLUMNS, version).to_pylist())


def select_beads(beads: Iterable[Bead], flt: BeadFilter) -> Selection:
    kept: list[Bead] = []
    dropped: dict[str, int] = {}
    total = 0
    for b in beads:
        total += 1
        reason = flt.reject_reason(b)
        if reason is None:
            kept.append(b)
        else:
            dropped[reason] = dropped.get(reason, 0) + 1
    return Selection(kept, total, dropped)
