from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hccbone_ingest.align.aligner import AlignProblem, Bead, align, align_batch, format_bead
from hccbone_ingest.align.anchors import anchor_keys, end_mark, ends_with_quote
from hccbone_ingest.align.encoder import get_encoder
from hccbone_ingest.align.evaluate import parse_align, score
from hccbone_ingest.errors import ParseError
from hccbone_ingest.text.sentences import split_en, split_zh
from tests.seed_abstract import seed_abstracts

FIX = Path(__file__).parent / "fixtures" / "align"


@pytest.fixture(scope="session")
def encoder():
    return get_encoder()


@pytest.fixture(scope="session")
def seed_sentences():
    zh, en = seed_abstracts()
    return [s.text for s in split_zh(zh)], [s.text for s in split_en(en)]


def test_seed_beads(encoder, seed_sentences):
    # Read off the two abstracts: zh 0 = incidence + early diagnosis/prognosis + no consensus
    # (en 0-2); zh 2 = local treatments + systemic therapy still main (en 4-5).
    zh, en = seed_sentences
    beads = align(zh, en, encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [
        ((0,), (0, 1, 2)), ((1,), (3,)), ((2,), (4, 5)), ((3,), (6,)), ((4,), (7,))]
    assert [b.kind for b in beads] == ["1-3", "1-1", "1-2", "1-1", "1-1"]
    assert all(0.5 < b.score <= 1.0 for b in beads)


def test_unmatched_sentences(encoder):
    zh = ["肝癌骨转移的预后较差。", "放疗可以缓解骨痛。", "双膦酸盐和地舒单抗可减少骨相关事件。",
          "系统治疗仍是主要的治疗措施。"]
    en = ["The prognosis of bone metastasis from HCC is poor.", "Radiotherapy can relieve bone pain.",
          "(Funded by Pfizer; ClinicalTrials.gov number, NCT00457002.)",
          "Bisphosphonates and denosumab reduce skeletal-related events.",
          "Systemic therapy remains the main treatment."]
    beads = align(zh, en, encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [
        ((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]
    assert beads[2].kind == "0-1"
    # and the other way round: a Chinese sentence with no English counterpart
    zh2 = ["肝癌骨转移的预后较差。", "本研究由国家自然科学基金资助。", "放疗可以缓解骨痛。",
           "系统治疗仍是主要的治疗措施。"]
    beads = align(zh2, en[:2] + en[4:], encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    assert beads[1].kind == "1-0"


def test_blank_and_empty_inputs(encoder):
    beads = align(["", "肝癌骨转移的预后较差。"], ["The prognosis is poor.", "  "], encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [((0,), ()), ((1,), (0,)), ((), (1,))]
    assert [(b.zh, b.en) for b in align([], ["a", "b"], encoder=encoder)] == [((), (0,)), ((), (1,))]
    assert [(b.zh, b.en) for b in align(["一。"], [], encoder=encoder)] == [((0,), ())]


def test_labels_keep_beads_inside_a_part(encoder):
    zh = ["探讨疗效。", "回顾分析120例患者。"]
    en = ["To assess efficacy.", "We reviewed 120 cases."]
    beads = align(zh, en, zh_labels=["objective", "methods"], en_labels=["objective", "methods"],
                  encoder=encoder)
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_batch_equals_single_and_is_deterministic(encoder, seed_sentences):
    zh, en = seed_sentences
    other = (["目的:探讨疗效。", "结论:有效。"], ["Objective: to assess efficacy.", "Conclusion: it works."])
    single = align(zh, en, encoder=encoder)
    batch = align_batch([AlignProblem(*other), AlignProblem(zh, en), AlignProblem(*other)], encoder=encoder)
    assert batch[1] == single
    assert batch[0] == batch[2]
    assert align(zh, en, encoder=encoder) == single


def test_paramed_slice_against_gold(encoder):
    zh = (FIX / "paramed_doc10_head.zh").read_text(encoding="utf-8").splitlines()
    en = (FIX / "paramed_doc10_head.en").read_text(encoding="utf-8").splitlines()
    gold = parse_align((FIX / "paramed_doc10_head.align").read_text())
    beads = align(zh, en, encoder=encoder)
    pred = [(b.zh, b.en) for b in beads]
    assert [i for p in pred for i in p[0]] == list(range(len(zh)))
    assert [j for p in pred for j in p[1]] == list(range(len(en)))
    assert ((3, 4), (3,)) in pred and ((18,), (16, 17)) in pred  # the 2-1 and the 1-2 of the gold
    assert score([(pred, gold)]).strict_f1 >= 0.9


def test_block_embedding_close_to_encoding_joined_text(encoder):
    en = ["The incidence of HCC is high in China.", "The early diagnostic rate is low.",
          "Clinical prognosis is poor."]
    p = encoder.pool(en)
    block = encoder.blocks(p, 3)[0]
    joined = encoder.encode([" ".join(en)])[0]
    assert float(block @ joined) > 0.9
    singles = encoder.blocks(p, 1)
    assert np.allclose(singles, encoder.encode(en), atol=1e-5)


def test_anchor_keys():
    assert anchor_keys("有效率为85.3%(P<0.05),HCC患者1,402例。", "zh") == [
        "n:0.05", "n:1402", "n:85.3%", "t:hcc"]
    # English keeps terms that look like terms, not ordinary words; number words become digits
    assert anchor_keys("Three HCC patients had a 1,402 mg dose and mTOR loss.", "en") == [
        "n:#3", "n:1402", "t:hcc", "t:mtor"]


def test_chinese_numerals_meet_english_number_words():
    assert anchor_keys("那男孩约莫十四五岁年纪", "zh") == ["n:14", "n:15"]
    assert anchor_keys("翻了十七八个滚,也有三百余口人", "zh") == ["n:17", "n:18", "n:300"]
    assert anchor_keys("a boy of fourteen or fifteen", "en") == ["n:14", "n:15"]
    # a numeral inside an ordinary word is not a count
    assert anchor_keys("我们统一了意见", "zh") == []


def test_direct_speech_and_end_marks():
    assert "p:quote" in anchor_keys("韦小宝笑道：“呸，你不会摔交！”", "zh")
    assert "p:quote" in anchor_keys("'You're hopeless!' cried Trinket.", "en")
    # an apostrophe is not a quotation mark
    assert "p:quote" not in anchor_keys("Trinket's friend didn't come.", "en")
    assert ends_with_quote("韦小宝道：“好，你上来！”") and ends_with_quote("'On guard!'")
    assert not ends_with_quote("He left the room.")
    ends = ("难道是皇宫？", "'The book?'", "好，你上来！”", "不过…… 不过……”", "He left.")
    assert [end_mark(t) for t in ends] == [1, 1, 2, 3, 0]


def test_format_and_parse_round_trip():
    beads = [Bead((0, 1), (2,), 0.91234), Bead((), (3,), 1.0)]
    text = "\n".join(format_bead(b) for b in beads)
    assert text == "[0, 1]:[2]\n[]:[3]"
    assert parse_align(text) == [((0, 1), (2,)), ((), (3,))]
    assert format_bead(beads[0], with_score=True) == "[0, 1]:[2]\t0.9123"
    with pytest.raises(ParseError):
        parse_align("0-1 2")


def test_score_strict_and_lax():
    gold = [((0,), (0, 1)), ((1,), (2,)), ((2,), ())]
    pred = [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), ())]
    s = score([(pred, gold)])
    # strict: 1 of 2 predicted non-empty beads, 1 of 2 gold ones; lax: both overlap
    assert (s.strict_p, s.strict_r) == (0.5, 0.5)
    assert (s.lax_p, s.lax_r) == (1.0, 1.0)
