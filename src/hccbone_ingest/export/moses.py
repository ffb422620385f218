"""Moses-style plain text: `<prefix>.zh` and `<prefix>.en`, line n of one the translation of line n
of the other, plus optional sidecars `<prefix>.scores` and `<prefix>.ids` on the same lines.

The files are what `clean-corpus-n.perl`, fairseq/OpenNMT preprocessing, sacrebleu and most
aligners read. UTF-8, LF, one segment per line, a final newline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .beads import Bead, clean_segment
from .files import write_atomic

DEFAULT_STEM = "hccbone.zh-en"


@dataclass(frozen=True)
class MosesFiles:
    zh: Path
    en: Path
    scores: Path | None
    ids: Path | None
    lines: int

    def paths(self) -> list[Path]:
        return [p for p in (self.zh, self.en, self.scores, self.ids) if p is not None]


def format_score(score: float) -> str:
    """The shortest text that reads back as the same float: exact, and stable across runs."""
    return repr(float(score))


def moses_lines(beads: Sequence[Bead]) -> dict[str, list[str]]:
    """The lines of every file, keyed by extension (`zh`, `en`, `scores`, `ids`)."""
    return {
        "zh": [b.zh for b in beads],
        "en": [b.en for b in beads],
        "scores": [format_score(b.score) for b in beads],
        # section is part of the key: pair_no restarts in every aligned section of a document
        "ids": [f"{clean_segment(b.doc_id)}\t{b.section}\t{b.pair_no}" for b in beads],
    }


def _join(lines: list[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def write_moses(beads: Sequence[Bead], prefix: Path, *, scores: bool = True, ids: bool = True,
                zh_ext: str = "zh", en_ext: str = "en") -> MosesFiles:
    lines = moses_lines(beads)
    zh, en = Path(f"{prefix}.{zh_ext}"), Path(f"{prefix}.{en_ext}")
    score_path = Path(f"{prefix}.scores") if scores else None
    ids_path = Path(f"{prefix}.ids") if ids else None
    for path, key in ((zh, "zh"), (en, "en"), (score_path, "scores"), (ids_path, "ids")):
        if path is not None:
            write_atomic(path, _join(lines[key]))
    return MosesFiles(zh, en, score_path, ids_path, len(beads))
