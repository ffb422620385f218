"""Invariants of `align` on awkward input: every sentence covered once, in order; scores in [0, 1].

Speed and memory on long documents are measured in bench/, not here; the long-document test
only checks that the piecewise path (aligner._piece_cuts) keeps the invariants and the pairs.
"""

from __future__ import annotations

import dataclasses

import pytest

from hccbone_ingest.align.aligner import AlignProblem, _anchor_vocab, _longest_chain, _piece_cuts, align
from hccbone_ingest.align.anchors import anchor_keys
from hccbone_ingest.align.encoder import get_encoder
from hccbone_ingest.align.scoring import DEFAULT_PARAMS
from hccbone_ingest.text.sentences import split_en, split_zh


@pytest.fixture(scope="session")
def encoder():
    return get_encoder()


def _check_cover(beads, nz: int, ne: int) -> None:
    """Every sentence appears exactly once, both sides in increasing order; scores in [0, 1]."""
    zs = [i for b in beads for i in b.zh]
    es = [j for b in beads for j in b.en]
    assert zs == list(range(nz))
    assert es == list(range(ne))
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    assert all(b.zh or b.en for b in beads)


ZH = ["肝细胞癌在我国发病率高。", "骨是肝癌常见的转移部位之一。", "放疗可以有效缓解骨痛。",
      "双膦酸盐和地舒单抗可减少骨相关事件。", "系统治疗仍是主要的治疗措施。", "本文对其进展进行综述。"]
EN = ["The incidence of hepatocellular carcinoma is high in China.",
      "Bone is one of the common sites of metastasis from liver cancer.",
      "Radiotherapy can effectively relieve bone pain.",
      "Bisphosphonates and denosumab reduce skeletal-related events.",
      "Systemic therapy remains the main treatment.", "This article reviews the progress."]


@pytest.mark.parametrize(("zh", "en"), [
    ([], []),
    (["", "  "], []),
    ([], ["", "\t"]),
    (ZH[:1], EN),  # one sentence against many
    (ZH, EN[:1]),
    (["。"], ["."]),  # punctuation only
    (["好。"] * 5, ["Good."] * 3),  # identical sentences repeated
    (["Hepatocellular carcinoma is common.", "Bone metastasis is frequent."], EN[:2]),  # "zh" in Latin
    (ZH[:2], ["肝细胞癌在我国发病率高。", "骨是肝癌常见的转移部位之一。"]),  # "en" in Chinese
])
def test_cover_on_degenerate_input(encoder, zh, en):
    _check_cover(align(zh, en, encoder=encoder), len(zh), len(en))


def test_identical_pairs_repeated_align_one_to_one(encoder):
    zh = ["肝癌骨转移的预后较差。", "放疗可以缓解骨痛。"] * 4
    en = ["The prognosis of bone metastasis from HCC is poor.", "Radiotherapy can relieve bone pain."] * 4
    beads = align(zh, en, encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [((i,), (i,)) for i in range(8)]


def test_very_long_sentences(encoder):
    zh = ["，".join(ZH[k].rstrip("。") for k in range(6)) * 20 + "。", ZH[5]]
    en = [" ".join(EN) * 20, EN[5]]
    beads = align(zh, en, encoder=encoder)
    _check_cover(beads, 2, 2)
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_full_width_digits_anchor_like_ascii(encoder):
    # NFKC folds ０-９ and ％: `８５．３％` must give the same anchor as `85.3%`.
    assert "n:85.3%" in anchor_keys("总有效率为８５．３％。", "zh")
    assert "n:12" in anchor_keys("中位生存期为１２个月。", "zh")
    zh = ["中位生存期为１２个月。", "总有效率为８５．３％。"]
    en = ["The median survival was 12 months.", "The overall response rate was 85.3%."]
    assert [(b.zh, b.en) for b in align(zh, en, encoder=encoder)] == [((0,), (0,)), ((1,), (1,))]


def test_long_document_is_cut_into_pieces_and_keeps_pairs(encoder):
    # 60 distinct 1-1 pairs; with a tiny cell budget the document is aligned in pieces.
    zh = [f"第{i}组患者共有{i * 7 + 3}例，其中{i + 1}例出现骨转移。" for i in range(60)]
    en = [f"Group {i} had {i * 7 + 3} patients, of whom {i + 1} had bone metastasis." for i in range(60)]
    small = dataclasses.replace(DEFAULT_PARAMS, max_cells=400, piece_len=20)
    p = AlignProblem(zh, en)
    p._pz, p._pe = encoder.pool(zh), encoder.pool(en)
    cuts = _piece_cuts(p, encoder, small)
    assert len(cuts) > 3 and cuts[0] == (0, 0) and cuts[-1] == (60, 60)
    beads = align(zh, en, encoder=encoder, params=small)
    _check_cover(beads, 60, 60)
    assert [(b.zh, b.en) for b in beads] == [((i,), (i,)) for i in range(60)]


def test_longest_chain():
    assert _longest_chain([]) == []
    assert _longest_chain([(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)]) == [(0, 0), (2, 1), (3, 2), (4, 3)]
    assert _longest_chain([(0, 3), (1, 2), (2, 1)]) in ([(0, 3)], [(1, 2)], [(2, 1)])


def test_anchor_vocab_counts_english_only_numbers_but_not_terms():
    zkeys = [anchor_keys("风险比为0.62。", "zh")]
    ekeys = [anchor_keys("The HR was 0.62; received 15 March 2021, one of two.", "en")]
    vocab = _anchor_vocab(zkeys, ekeys)
    assert "n:0.62" in vocab and "n:2021" in vocab and "n:15" in vocab
    assert "t:hr" not in vocab and "n:#1" not in vocab and "n:#2" not in vocab


# A composed structured abstract: the Chinese has fewer, longer sentences than the English
# (methods 1-3, results 1-2), as real Chinese abstracts do. Beads read off the two texts.
ABSTRACT_ZH = (
    "目的：探讨放疗联合地舒单抗治疗肝癌骨转移的疗效。"
    "方法：回顾性分析2015年1月至2020年12月收治的86例肝癌骨转移患者，其中42例接受放疗联合地舒单抗"
    "（联合组），44例仅接受放疗（放疗组），比较两组疼痛缓解率和骨相关事件发生率。"
    "结果：联合组疼痛缓解率为85.7%，高于放疗组的63.6%（χ²=5.62，P＜0.05），骨相关事件发生率分别为"
    "9.5%和27.3%（P＜0.05）。"
    "结论：放疗联合地舒单抗可提高疼痛缓解率并减少骨相关事件。")
ABSTRACT_EN = (
    "Objective: To investigate the efficacy of radiotherapy combined with denosumab for bone metastasis "
    "from hepatocellular carcinoma. Methods: We retrospectively analyzed 86 patients with bone metastasis "
    "from hepatocellular carcinoma treated between January 2015 and December 2020. Of these, 42 received "
    "radiotherapy plus denosumab (combination group) and 44 received radiotherapy alone (radiotherapy "
    "group). Pain relief and skeletal-related events were compared between the groups. Results: The pain "
    "relief rate was 85.7% in the combination group and 63.6% in the radiotherapy group (χ²=5.62, "
    "P<0.05). Skeletal-related events occurred in 9.5% and 27.3% of patients, respectively (P<0.05). "
    "Conclusions: Radiotherapy combined with denosumab improves pain relief and reduces skeletal-related "
    "events.")


def test_structured_abstract_with_longer_chinese_sentences(encoder):
    zs, es = split_zh(ABSTRACT_ZH), split_en(ABSTRACT_EN)
    assert [s.label for s in zs] == ["objective", "methods", "results", "conclusions"]
    assert [s.label for s in es] == ["objective", "methods", "methods", "methods", "results", "results",
                                     "conclusions"]
    # With the labels (what the pipeline passes). Without them the methods sentence "Pain relief and
    # skeletal-related events were compared" goes to the results bead (docs/alignment.md, known limits).
    beads = align([s.text for s in zs], [s.text for s in es], encoder=encoder,
                  zh_labels=[s.label for s in zs], en_labels=[s.label for s in es])
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4, 5)), ((3,), (6,))]
