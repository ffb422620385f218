"""Enrichment step "alignment": zh-en sentence beads of each document's abstract and title.

Needs the "sentences" step first. All documents of the batch are aligned with one encoder
pass (`align_batch`). Documents without sentences on both sides get no alignments.
"""

from __future__ import annotations

from ..align.aligner import AlignProblem, align_batch
from ..align.scoring import DEFAULT_PARAMS
from ..records import Alignment, ParsedDocument, Sentence
from .base import Step

SECTIONS = ("abstract", "title")


def _sents(doc: ParsedDocument, lang: str, section: str) -> list[Sentence]:
    return sorted((s for s in doc.sentences if s.lang == lang and s.section == section),
                  key=lambda s: s.sent_no)


class AlignmentStep(Step):
    name = "alignment"
    version = 3  # 2: English-only numbers count as anchors; long documents in pieces. 3: size bounds

    def run(self, docs: list[ParsedDocument]) -> None:
        problems: list[AlignProblem] = []
        owners: list[tuple[int, str, list[Sentence], list[Sentence]]] = []
        for k, doc in enumerate(docs):
            for section in SECTIONS:
                zh, en = _sents(doc, "zh", section), _sents(doc, "en", section)
                if max(len(zh), len(en)) > DEFAULT_PARAMS.max_side:
                    # Not an abstract or a title: aligning it would need unbounded memory.
                    flag = f"{section}_too_long_to_align"
                    if flag not in doc.document.quality_flags:
                        doc.document.quality_flags.append(flag)
                    continue
                if zh and en:
                    problems.append(AlignProblem([s.text for s in zh], [s.text for s in en],
                                                 [s.label for s in zh], [s.label for s in en]))
                    owners.append((k, section, zh, en))
        results = align_batch(problems) if problems else []
        out: list[list[Alignment]] = [[] for _ in docs]
        for (k, section, zh, en), beads in zip(owners, results, strict=True):
            for n, b in enumerate(beads):
                zs = [zh[i] for i in b.zh]
                es = [en[j] for j in b.en]
                out[k].append(Alignment(
                    pair_no=n, zh_sent_nos=[s.sent_no for s in zs], en_sent_nos=[s.sent_no for s in es],
                    zh_text="".join(s.text for s in zs), en_text=" ".join(s.text for s in es),
                    score=b.score, kind=b.kind, section=section))
        for doc, al in zip(docs, out, strict=True):
            doc.alignments = al
