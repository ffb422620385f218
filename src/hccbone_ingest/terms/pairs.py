"""One document's definitions in both languages, and its bilingual pairs.

A Chinese long form and an English long form are paired when both define the same Latin
short form:
- `bracket`: the Chinese bracket itself prints the English long form (`磁共振成像(magnetic
  resonance imaging, MRI)`): confidence 0.95;
- `aligned_pair`: the two definitions sit in one aligned sentence pair: 0.85 + 0.1 x the
  alignment's score;
- `document`: each side of the document defines the short form once, not in one aligned
  pair: 0.7.
A short form with two long forms on one side pairs only by `bracket` or `aligned_pair`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .chinese import find_zh
from .english import find_en
from .model import Definition

CONF_BRACKET = 0.95
CONF_DOCUMENT = 0.7


def short_key(short: str) -> str:
    """Short forms compared: NFKC, a plural `s` after a capital dropped (TKIs = TKI)."""
    s = unicodedata.normalize("NFKC", short).strip()
    if len(s) > 2 and s.endswith("s") and s[-2].isupper():
        s = s[:-1]
    return s


@dataclass(frozen=True, slots=True)
class Found:
    sent_no: int
    d: Definition


@dataclass(slots=True)
class Pair:
    short: str
    zh_long: str
    en_long: str
    basis: str  # bracket | aligned_pair | document
    confidence: float
    zh_sent_no: int
    en_sent_no: int | None
    pair_nos: list[int] = field(default_factory=list)


@dataclass(slots=True)
class DocumentTerms:
    zh: list[Found]
    en: list[Found]
    pairs: list[Pair]


def extract(zh_sents: Sequence[tuple[int, str]], en_sents: Sequence[tuple[int, str]],
            alignments: Sequence[tuple[int, list[int], list[int], float]] = (),
            en_baseline: bool = False, en_guidance: bool = True) -> DocumentTerms:
    """Definitions and pairs of one document section.

    `zh_sents` / `en_sents`: (sent_no, text); `alignments`: (pair_no, zh_sent_nos, en_sent_nos,
    score). English first: its long forms bound the Chinese spans of the same short forms.
    `en_baseline`: English by Schwartz & Hearst as published; `en_guidance=False`: Chinese spans
    without the English long forms (both for the benchmark).
    """
    en = [Found(n, d) for n, text in en_sents for d in find_en(text, baseline=en_baseline)]
    # short form -> English long form: from the sentences aligned with each Chinese sentence
    # first, else from anywhere in the document
    doc_long: dict[str, str] = {}
    by_sent: dict[int, dict[str, str]] = {}
    for f in en:
        doc_long.setdefault(f.d.short, f.d.long)
        by_sent.setdefault(f.sent_no, {}).setdefault(f.d.short, f.d.long)
    aligned: dict[int, list[int]] = {}
    for _pair_no, zns, ens, _score in alignments:
        for z in zns:
            aligned.setdefault(z, []).extend(ens)
    zh: list[Found] = []
    for n, text in zh_sents:
        hints: dict[str, str] = {}
        if en_guidance:
            for e in aligned.get(n, []):
                for sf, long in by_sent.get(e, {}).items():
                    hints.setdefault(sf, long)
            for sf, long in doc_long.items():
                hints.setdefault(sf, long)
        zh += [Found(n, d) for d in find_zh(text, hints)]
    return DocumentTerms(zh, en, pair_up(zh, en, alignments))


def pair_up(zh: Sequence[Found], en: Sequence[Found],
            alignments: Sequence[tuple[int, list[int], list[int], float]] = ()) -> list[Pair]:
    bead_of: dict[tuple[int, int], tuple[int, float]] = {}
    for pair_no, zns, ens, score in alignments:
        for z in zns:
            for e in ens:
                bead_of.setdefault((z, e), (pair_no, score))
    en_by: dict[str, list[Found]] = {}
    for f in en:
        en_by.setdefault(short_key(f.d.short), []).append(f)
    zh_by: dict[str, list[Found]] = {}
    for f in zh:
        if f.d.short_script == "latin":
            zh_by.setdefault(short_key(f.d.short), []).append(f)
    out: dict[tuple[str, str, str], Pair] = {}

    def add(p: Pair) -> None:
        key = (short_key(p.short), p.zh_long, p.en_long.casefold())
        old = out.get(key)
        if old is None or p.confidence > old.confidence:
            out[key] = p

    for key, zfs in zh_by.items():
        efs = en_by.get(key, [])
        for z in zfs:
            paired = False
            for e in efs:
                bead = bead_of.get((z.sent_no, e.sent_no))
                if bead is not None:
                    add(Pair(z.d.short, z.d.long, e.d.long, "aligned_pair", round(0.85 + 0.1 * bead[1], 4),
                             z.sent_no, e.sent_no, [bead[0]]))
                    paired = True
            unique = len({f.d.long for f in zfs}) == 1 and len({f.d.long.casefold() for f in efs}) == 1
            if not paired and unique:
                add(Pair(z.d.short, z.d.long, efs[0].d.long, "document", CONF_DOCUMENT, z.sent_no,
                         efs[0].sent_no))
                paired = True
            if not paired and z.d.long_en:
                add(Pair(z.d.short, z.d.long, z.d.long_en, "bracket", CONF_BRACKET, z.sent_no, None))
    return sorted(out.values(), key=lambda p: (p.zh_sent_no, p.short, p.zh_long, p.en_long))
