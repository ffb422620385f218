"""Enrichment step "terms": abbreviation definitions of the abstract and title, both languages,
and their bilingual pairs (see `hccbone_ingest.terms`).

Needs "sentences" and "alignment" first. Each definition becomes one `Term`; a definition
whose short form the other language defines too carries that long form (`paired_long`), how
the pairing was found (`pair_basis`), the alignment pairs that show it and a confidence.
"""

from __future__ import annotations

from ..records import ParsedDocument, Term
from ..terms.pairs import Found, Pair, extract
from .base import Step

SECTIONS = ("abstract", "title")


def _term(f: Found, section: str, pair: Pair | None) -> Term:
    d = f.d
    t = Term(lang=d.lang, section=section, sent_no=f.sent_no, short=d.short, long=d.long, order=d.order,
             short_script=d.short_script, long_start=d.long_start, long_end=d.long_end,
             short_start=d.short_start, short_end=d.short_end, bracket_en=d.long_en)
    if pair is not None:
        t.paired_long = pair.en_long if d.lang == "zh" else pair.zh_long
        t.pair_basis, t.pair_nos, t.pair_confidence = pair.basis, list(pair.pair_nos), pair.confidence
    return t


def document_terms(doc: ParsedDocument) -> list[Term]:
    out: list[Term] = []
    for section in SECTIONS:
        sents = [s for s in doc.sentences if s.section == section]
        zh = [(s.sent_no, s.text) for s in sorted(sents, key=lambda s: s.sent_no) if s.lang == "zh"]
        en = [(s.sent_no, s.text) for s in sorted(sents, key=lambda s: s.sent_no) if s.lang == "en"]
        if not zh and not en:
            continue
        beads = [(a.pair_no, a.zh_sent_nos, a.en_sent_nos, a.score) for a in doc.alignments
                 if a.section == section]
        got = extract(zh, en, beads)
        # the best pair of each definition, by confidence
        best_zh: dict[tuple[int, str, str], Pair] = {}
        best_en: dict[tuple[int | None, str], Pair] = {}
        for p in sorted(got.pairs, key=lambda p: -p.confidence):
            best_zh.setdefault((p.zh_sent_no, p.short, p.zh_long), p)
            if p.en_sent_no is not None:
                best_en.setdefault((p.en_sent_no, p.en_long), p)
        out += [_term(f, section, best_zh.get((f.sent_no, f.d.short, f.d.long))) for f in got.zh]
        out += [_term(f, section, best_en.get((f.sent_no, f.d.long))) for f in got.en]
    return out


class TermsStep(Step):
    name = "terms"
    version = 1

    def run(self, docs: list[ParsedDocument]) -> None:
        for doc in docs:
            doc.terms = document_terms(doc)
