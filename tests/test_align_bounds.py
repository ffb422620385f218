"""The aligner's memory is bounded by design (issue 12, items 16-17): sizes above the bounds are
not aligned (unmatched, or a quality flag), never a grid of n x m cells. Figures: bench/hostile.py."""

from __future__ import annotations

import dataclasses
import itertools

from hccbone_ingest.align import aligner
from hccbone_ingest.align.aligner import AlignProblem, align_batch
from hccbone_ingest.align.encoder import get_encoder
from hccbone_ingest.align.scoring import DEFAULT_PARAMS

ZH = ["肝细胞癌在我国发病率高。", "骨是肝癌常见的转移部位之一。", "放疗可以有效缓解骨痛。"]
EN = ["The incidence of hepatocellular carcinoma is high in China.",
      "Bone is one of the common sites of metastasis from liver cancer.",
      "Radiotherapy can effectively relieve bone pain."]


class _CountingEncoder:
    def __init__(self) -> None:
        self.enc = get_encoder()
        self.pooled = 0

    def pool(self, texts):
        self.pooled += len(texts)
        return self.enc.pool(texts)

    def __getattr__(self, name):
        return getattr(self.enc, name)


def test_a_side_over_max_side_is_never_encoded_nor_aligned() -> None:
    prm = dataclasses.replace(DEFAULT_PARAMS, max_side=10)
    enc = _CountingEncoder()
    long_zh, long_en = ZH * 4, EN * 4  # 12 > 10 a side
    small, big = align_batch([AlignProblem(ZH, EN), AlignProblem(long_zh, long_en)], params=prm, encoder=enc)
    assert enc.pooled == len(ZH) + len(EN)  # the long problem never reached the encoder
    assert [b.kind for b in small] == ["1-1", "1-1", "1-1"]
    assert all(not b.zh or not b.en for b in big) and len(big) == 24


def test_a_piece_without_anchors_above_max_piece_cells_stays_unmatched(monkeypatch) -> None:
    prm = dataclasses.replace(DEFAULT_PARAMS, max_cells=4, max_piece_cells=8)
    exact_sizes = []
    real = aligner._align_exact

    def spy(p, enc, params):
        exact_sizes.append(len(p.zh) * len(p.en))
        return real(p, enc, params)

    monkeypatch.setattr(aligner, "_align_exact", spy)
    monkeypatch.setattr(aligner, "_piece_cuts", lambda p, enc, params: [(0, 0), (len(p.zh), len(p.en))])
    (beads,) = align_batch([AlignProblem(ZH, EN)], params=prm)
    assert exact_sizes == []  # 9 cells > 8: no grid built
    assert all(not b.zh or not b.en for b in beads) and len(beads) == 6


def test_piece_cuts_in_row_blocks_match_the_whole_matrix() -> None:
    """The cosine matrix is built in row blocks; the anchors are those of the whole matrix."""
    import numpy as np

    enc = get_encoder()
    zh = [f"{ZH[k % 3][:-1]}，共{k + 7}例。" for k in range(360)]  # 360 a side: two row blocks
    en = [f"{EN[k % 3][:-1]} in {k + 7} patients." for k in range(360)]
    p = AlignProblem(zh, en)
    pooled = enc.pool(zh + en)
    p._pz, p._pe = pooled.slice(0, len(zh)), pooled.slice(len(zh), len(zh) + len(en))
    S = enc.blocks(p._pz, 1) @ enc.blocks(p._pe, 1).T
    best_j, best_i = S.argmax(axis=1), S.argmax(axis=0)
    mutual = [(i, int(j)) for i, j in enumerate(best_j)
              if best_i[j] == i and S[i, j] >= DEFAULT_PARAMS.anchor_cos]
    chain = aligner._longest_chain(mutual)
    seams = [(i1, j1) for (i0, j0), (i1, j1) in itertools.pairwise(chain) if (i1, j1) == (i0 + 1, j0 + 1)]
    expected = [(0, 0)]
    for i, j in seams:  # the cut rule of _piece_cuts, on the whole matrix
        half = DEFAULT_PARAMS.piece_len // 2
        if i - expected[-1][0] >= half and j - expected[-1][1] >= half:
            expected.append((i, j))
    expected.append((len(zh), len(en)))
    assert aligner._piece_cuts(p, enc, DEFAULT_PARAMS) == expected
    assert len(expected) > 2 and np.isfinite(S).all()


def test_the_alignment_step_flags_a_section_too_long_to_align() -> None:
    from hccbone_ingest.enrich.alignment import AlignmentStep
    from hccbone_ingest.records import Document, ParsedDocument, Sentence

    n = DEFAULT_PARAMS.max_side + 1
    sents = [Sentence("zh", "abstract", i, "肝癌。", ["肝癌"], 0, 3) for i in range(n)]
    sents += [Sentence("en", "abstract", i, "Liver cancer.", ["Liver"], 0, 13) for i in range(n)]
    sents += [Sentence("zh", "title", 0, ZH[0], [], 0, 1), Sentence("en", "title", 0, EN[0], [], 0, 1)]
    doc = ParsedDocument(document=Document(doc_id="d", source="journal", doc_type="journal_article",
                                           source_path="x.txt", content_sha256="0"), sentences=sents)
    AlignmentStep().run([doc])
    assert doc.document.quality_flags == ["abstract_too_long_to_align"]
    assert {a.section for a in doc.alignments} == {"title"}


def test_the_sentence_step_flags_a_text_too_long_to_split(monkeypatch) -> None:
    from hccbone_ingest.enrich import sentences as step_mod
    from hccbone_ingest.records import Abstract, Document, ParsedDocument

    monkeypatch.setattr(step_mod, "MAX_SPLIT_CHARS", 100)
    long_en = "Bone pain was relieved. " * 10  # 240 characters
    doc = ParsedDocument(document=Document(doc_id="d", source="journal", doc_type="journal_article",
                                           source_path="x.txt", content_sha256="0", title_en="A short title"),
                         abstracts=[Abstract(lang="en", text=long_en)])
    step_mod.SentenceStep().run([doc])
    assert doc.document.quality_flags == ["abstract_too_long_to_split"]
    assert {(s.section, s.lang) for s in doc.sentences} == {("title", "en")}
