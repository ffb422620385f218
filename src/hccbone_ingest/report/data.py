"""What the review page shows, gathered from the published tables (no HTML here)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from ..errors import ExportError
from ..export.beads import Bead, read_beads
from ..export.published import read_published
from ..reader import resolve_version
from ..store.publish import LOW_CONFIDENCE

DEFAULT_THRESHOLD = LOW_CONFIDENCE  # the same cut the ingest summary counts as low-confidence

_DOC_COLUMNS = ["doc_id", "doc_type", "title_zh", "title_en", "journal_zh", "journal_en", "doi", "year"]


@dataclass(frozen=True)
class DocInfo:
    doc_id: str
    doc_type: str | None = None
    title_zh: str | None = None
    title_en: str | None = None
    journal_zh: str | None = None
    journal_en: str | None = None
    doi: str | None = None
    year: int | None = None


@dataclass
class DocPairs:
    info: DocInfo
    beads: list[Bead]
    low: int  # beads with score < threshold

    def sections(self) -> list[tuple[str, list[Bead]]]:
        return [(s, list(g)) for s, g in groupby(self.beads, key=lambda b: b.section)]


@dataclass
class ReportData:
    threshold: float
    snapshot: str | None
    docs: list[DocPairs]  # documents with at least one bead, by doc_id
    without_pairs: list[DocInfo]  # documents the alignment step produced nothing for
    kinds: Counter = field(default_factory=Counter)

    @property
    def pairs(self) -> int:
        return sum(len(d.beads) for d in self.docs)

    @property
    def low(self) -> int:
        return sum(d.low for d in self.docs)

    @property
    def unmatched(self) -> int:
        return sum(1 for d in self.docs for b in d.beads if b.unmatched)

    def scores(self) -> list[float]:
        return [b.score for d in self.docs for b in d.beads]


def is_low(bead: Bead, threshold: float) -> bool:
    return bead.score < threshold


def build_report_data(beads: list[Bead], docs: list[DocInfo], threshold: float = DEFAULT_THRESHOLD,
                      snapshot: str | None = None) -> ReportData:
    """Group beads (sorted by key, as `read_beads` returns them) under their documents."""
    if not math.isfinite(threshold):
        raise ExportError(f"threshold must be a finite number, not {threshold}")
    info = {d.doc_id: d for d in docs}
    grouped: list[DocPairs] = []
    for doc_id, group in groupby(beads, key=lambda b: b.doc_id):
        items = list(group)
        low = sum(1 for b in items if is_low(b, threshold))
        # A bead whose document row is missing still shows, under its bare doc_id.
        grouped.append(DocPairs(info.get(doc_id, DocInfo(doc_id)), items, low))
    aligned = {d.info.doc_id for d in grouped}
    without = sorted((d for d in docs if d.doc_id not in aligned), key=lambda d: d.doc_id)
    kinds = Counter(b.kind for b in beads)
    return ReportData(threshold, snapshot, grouped, without, kinds)


def load_report_data(out: str, threshold: float = DEFAULT_THRESHOLD) -> ReportData:
    """Everything the page needs from the output directory `out`."""
    version = resolve_version(out)  # once: both tables from the same run
    beads = read_beads(out, version)
    docs = [DocInfo(**row) for row in read_published(out, "documents", _DOC_COLUMNS, version).to_pylist()]
    return build_report_data(beads, docs, threshold, version)
