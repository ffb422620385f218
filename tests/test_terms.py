"""Abbreviation definitions (English, Chinese), bilingual pairs, the terms step and the glossary."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hccbone_ingest.enrich import default_steps
from hccbone_ingest.enrich.alignment import AlignmentStep
from hccbone_ingest.enrich.sentences import SentenceStep
from hccbone_ingest.enrich.terms import TermsStep
from hccbone_ingest.records import Abstract, Document, ParsedDocument
from hccbone_ingest.tables import bundle_rows
from hccbone_ingest.terms.chinese import find_zh
from hccbone_ingest.terms.english import find_en
from hccbone_ingest.terms.glossary import build_glossary
from hccbone_ingest.terms.pairs import extract
from tests.seed_abstract import seed_abstracts


def en(text: str, baseline: bool = False) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_en(text, baseline=baseline)]


def zh(text: str, en_long: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_zh(text, en_long)]


# -- English ---------------------------------------------------------------------------------

def test_english_long_short_with_hyphen_digits_and_greek():
    s = ("Transforming growth factor-β1 (TGF-β1) induces epithelial-mesenchymal transition (EMT) and "
         "matrix metalloproteinase-9 (MMP-9) in hepatocellular carcinoma (HCC).")
    assert en(s) == [("TGF-β1", "Transforming growth factor-β1"),
                     ("EMT", "epithelial-mesenchymal transition"),
                     ("MMP-9", "matrix metalloproteinase-9"), ("HCC", "hepatocellular carcinoma")]


def test_english_offsets_point_at_the_printed_forms():
    s = "The incidence of hepatocellular carcinoma (HCC) is high."
    (d,) = find_en(s)
    assert s[d.long_start:d.long_end] == "hepatocellular carcinoma"
    assert s[d.short_start:d.short_end] == "HCC" and d.order == "long_short"


def test_english_short_long_order():
    s = "The preoperative ICG-R15 (indocyanine green retention rate at 15 minutes) was <10%."
    (d,) = find_en(s)
    assert (d.short, d.long, d.order) == ("ICG-R15", "indocyanine green retention rate at 15 minutes",
                                          "short_long")


@pytest.mark.parametrize("s", [
    "The rate was higher in group A (P<0.05).",
    "The rate was higher in group A (P < 0.05).",
    "Sixty patients were enrolled (n = 60).",
    "Survival was longer (HR=0.62, 95%CI: 0.41-0.93).",
    "Survival was longer (95% CI, 0.84-0.97).",
    "The median follow-up was 18 months (range, 3-40 months).",
    "It was first described in Japan (2019).",
    "Both groups improved (both P<0.01).",
])
def test_english_statistics_are_not_definitions(s):
    assert en(s) == []


def test_english_fixes_over_the_published_algorithm():
    # Greek letter spelled out in the long form
    s = "Tumor necrosis factor-alpha (TNF-α) rose."
    assert en(s, baseline=True) == [] and en(s) == [("TNF-α", "Tumor necrosis factor-alpha")]
    # Greek letter in the long form, Latin letter in the short form
    s = "receptor activator of nuclear factor-κB ligand (RANKL) rose."
    assert en(s, baseline=True) == []
    assert en(s) == [("RANKL", "receptor activator of nuclear factor-κB ligand")]
    # function words do not count toward the window and the length limit
    s = "The area under the receiver operating characteristic curve (AUC) was 0.91."
    assert en(s, baseline=True) == []
    assert en(s) == [("AUC", "area under the receiver operating characteristic curve")]
    # plural short form
    assert en("Non-steroidal anti-inflammatory drugs (NSAIDs) help.") == [
        ("NSAIDs", "Non-steroidal anti-inflammatory drugs")]


def test_english_nested_brackets():
    s = "Patients receive tyrosine kinase inhibitors (TKIs; e.g. sorafenib (SOR)) first."
    assert en(s) == [("TKIs", "tyrosine kinase inhibitors"), ("SOR", "sorafenib")]


# -- Chinese ---------------------------------------------------------------------------------

def test_chinese_latin_short_form_both_bracket_widths():
    assert zh("可能与外泌体、上皮-间质转化(EMT)和骨微环境有关。") == [("EMT", "上皮-间质转化")]
    assert zh("可能与外泌体、上皮-间质转化（EMT）和骨微环境有关。") == [("EMT", "上皮-间质转化")]
    assert zh("患者常接受转化生长因子-β1（TGF-β1）检测。") == [("TGF-β1", "转化生长因子-β1")]


def test_chinese_long_form_starts_after_method_words():
    assert zh("目的 探讨经动脉化疗栓塞术（TACE）联合放疗治疗肝细胞癌(HCC)骨转移的疗效。",
              {"HCC": "hepatocellular carcinoma", "TACE": "transarterial chemoembolization"}) == [
        ("TACE", "经动脉化疗栓塞术"), ("HCC", "肝细胞癌")]
    assert zh("并上调基质金属蛋白酶-9（MMP-9）的表达。") == [("MMP-9", "基质金属蛋白酶-9")]
    assert zh("比较两组的无进展生存期(PFS)。") == [("PFS", "无进展生存期")]


def test_chinese_english_long_form_lets_a_conjunction_in():
    s = "白细胞介素-6（IL-6）/信号转导与转录激活因子3(STAT3)通路可能参与其中。"
    assert zh(s, {"STAT3": "signal transducer and activator of transcription 3"})[1] == (
        "STAT3", "信号转导与转录激活因子3")
    # without an English long form that has `and`, `与` ends the long form
    assert zh("比较甲胎蛋白与异常凝血酶原(PIVKA-Ⅱ)的价值。") == [("PIVKA-Ⅱ", "异常凝血酶原")]


def test_chinese_short_form_in_chinese():
    assert zh("肝细胞癌(肝癌)在我国发病率高。") == [("肝癌", "肝细胞癌")]
    assert zh("背景 慢性乙型肝炎（慢乙肝）患者。") == [("慢乙肝", "慢性乙型肝炎")]
    assert zh("世界卫生组织（以下简称世卫组织）数据显示。") == [("世卫组织", "世界卫生组织")]


def test_chinese_reverse_order():
    assert zh("两组均行DWI(扩散加权成像)检查。") == [("DWI", "扩散加权成像")]
    assert zh("结论 EMT（上皮-间质转化）参与转移。") == [("EMT", "上皮-间质转化")]
    d = find_zh("两组均行DWI(扩散加权成像)检查。")[0]
    assert d.order == "short_long"


def test_chinese_bracket_with_the_english_long_form():
    (d,) = find_zh("目的 评估磁共振成像（magnetic resonance imaging，MRI）的诊断价值。")
    assert (d.short, d.long, d.long_en) == ("MRI", "磁共振成像", "magnetic resonance imaging")


def test_chinese_nested_brackets():
    assert zh("肝癌患者常接受酪氨酸激酶抑制剂（TKIs；如索拉非尼(SOR)）治疗。") == [
        ("TKIs", "酪氨酸激酶抑制剂"), ("SOR", "索拉非尼")]


@pytest.mark.parametrize("s", [
    "联合组高于对照组(P<0.05)。",
    "共纳入患者(n=35)。",
    "风险降低(HR=0.62，95%CI：0.41～0.93)。",
    "发病率居第2位（2019年）。",
    "阳性率较高（48/52）。",
    "纳入患者（男/女：812/393）。",
    "治疗有效（即“靶免联合”）。",
    "均可作为首选（证据等级：Ⅱ级）。",
    "对于符合米兰标准（Milan criteria）的患者。",
    "共发现病灶214处(平均每例4.1处)。",
])
def test_chinese_non_definitions(s):
    assert zh(s) == []


# -- pairs -----------------------------------------------------------------------------------

def test_pairs_from_one_aligned_pair_carry_the_pair_number_and_score():
    got = extract([(0, "背景句。"), (1, "可能与上皮-间质转化(EMT)有关。")],
                  [(0, "Background."), (1, "It involves epithelial-mesenchymal transition (EMT).")],
                  [(0, [0], [0], 0.9), (1, [1], [1], 0.8)])
    (p,) = got.pairs
    assert (p.short, p.zh_long, p.en_long, p.basis, p.pair_nos) == (
        "EMT", "上皮-间质转化", "epithelial-mesenchymal transition", "aligned_pair", [1])
    assert p.confidence == pytest.approx(0.93)


def test_pairs_across_the_document_when_not_aligned():
    got = extract([(0, "可能与上皮-间质转化(EMT)有关。")],
                  [(3, "It involves epithelial-mesenchymal transition (EMT).")], [(0, [0], [0], 0.9)])
    (p,) = got.pairs
    assert (p.basis, p.confidence, p.pair_nos) == ("document", 0.7, [])


def test_two_long_forms_on_one_side_do_not_pair_by_document():
    got = extract([(0, "完全缓解(CR)率高。"), (1, "血清肌酐(CR)升高。")],
                  [(5, "complete response (CR) rose.")], [])
    assert got.pairs == []


def test_bracket_pair_without_an_english_definition():
    got = extract([(0, "磁共振成像（magnetic resonance imaging，MRI）有价值。")], [(0, "MRI is useful.")], [])
    (p,) = got.pairs
    assert (p.short, p.zh_long, p.en_long, p.basis, p.confidence) == (
        "MRI", "磁共振成像", "magnetic resonance imaging", "bracket", 0.95)


def test_a_chinese_short_form_does_not_pair():
    got = extract([(0, "肝细胞癌(肝癌)在我国发病率高。")],
                  [(0, "The incidence of hepatocellular carcinoma (HCC) is high.")], [(0, [0], [0], 1.0)])
    assert got.pairs == [] and len(got.zh) == 1 and len(got.en) == 1


# -- the step on the seed, and the glossary ------------------------------------------------------

def _seed_doc(doc_id: str = "doi:10.3877/cma.j.issn.2095-3232.2025.04.004") -> ParsedDocument:
    zh_text, en_text = seed_abstracts()
    d = Document(doc_id=doc_id, source="journal", doc_type="journal_article", source_path="journal/x.txt",
                 content_sha256="0" * 64)
    return ParsedDocument(document=d, abstracts=[Abstract("zh", zh_text), Abstract("en", en_text)])


@pytest.fixture(scope="module")
def seed_doc() -> ParsedDocument:
    doc = _seed_doc()
    for step in (SentenceStep(), AlignmentStep(), TermsStep()):
        step.run([doc])
    return doc


def test_terms_step_runs_after_alignment():
    names = [s.name for s in default_steps()]
    assert names.index("alignment") < names.index("terms")


def test_seed_definitions(seed_doc):
    got = {(t.lang, t.short, t.long) for t in seed_doc.terms}
    assert got == {("zh", "肝癌", "肝细胞癌"), ("zh", "EMT", "上皮-间质转化"),
                   ("en", "HCC", "hepatocellular carcinoma"),
                   ("en", "EMT", "epithelial-mesenchymal transition")}
    sents = {(s.lang, s.section, s.sent_no): s.text for s in seed_doc.sentences}
    for t in seed_doc.terms:
        text = sents[(t.lang, t.section, t.sent_no)]
        assert text[t.long_start:t.long_end] == t.long and text[t.short_start:t.short_end] == t.short
    emt_zh = next(t for t in seed_doc.terms if t.lang == "zh" and t.short == "EMT")
    assert emt_zh.paired_long == "epithelial-mesenchymal transition" and emt_zh.pair_basis == "aligned_pair"
    bead = next(a for a in seed_doc.alignments if a.pair_no == emt_zh.pair_nos[0])
    assert emt_zh.sent_no in bead.zh_sent_nos and "(EMT)" in bead.en_text
    assert 0.85 <= emt_zh.pair_confidence <= 0.95


def test_seed_glossary_pairs_emt(seed_doc):
    rows = {r["short"]: r for r in build_glossary(bundle_rows(seed_doc)["terms"])}
    assert set(rows) == {"EMT", "HCC", "肝癌"}
    emt = rows["EMT"]
    assert (emt["long_zh"], emt["long_en"], emt["doc_count"]) == (
        "上皮-间质转化", "epithelial-mesenchymal transition", 1)
    ev = json.loads(emt["evidence"])
    assert {e["lang"] for e in ev} == {"zh", "en"} and all(e["pair_nos"] for e in ev)
    assert (rows["HCC"]["long_zh"], rows["HCC"]["long_en"], rows["HCC"]["confidence"]) == (
        None, "hepatocellular carcinoma", None)
    assert (rows["肝癌"]["long_zh"], rows["肝癌"]["long_en"]) == ("肝细胞癌", None)


def _term_row(doc_id, lang, short, long, paired=None, conf=None, basis=None, sent_no=0):
    return {"doc_id": doc_id, "section": "abstract", "lang": lang, "sent_no": sent_no, "short": short,
            "long": long, "paired_long": paired, "pair_confidence": conf, "pair_basis": basis,
            "pair_nos": [sent_no] if basis == "aligned_pair" else []}


def test_glossary_keeps_conflicts_and_counts_documents():
    rows = [
        _term_row("d1", "zh", "PD", "疾病进展", "progressive disease", 0.9, "aligned_pair"),
        _term_row("d1", "en", "PD", "progressive disease", "疾病进展", 0.9, "aligned_pair"),
        _term_row("d2", "zh", "PD", "疾病进展", "Progressive disease", 0.7, "document"),
        _term_row("d2", "en", "PD", "Progressive disease", "疾病进展", 0.7, "document"),
        _term_row("d3", "en", "PD", "Parkinson's disease"),
        _term_row("d4", "en", "TKIs", "tyrosine kinase inhibitors"),
        _term_row("d5", "en", "TKI", "tyrosine kinase inhibitor"),
    ]
    g = build_glossary(rows)
    pd_rows = [r for r in g if r["short"] == "PD"]
    assert len(pd_rows) == 2 and all(r["variants"] == 2 for r in pd_rows)
    bi = next(r for r in pd_rows if r["long_zh"])
    assert (bi["long_zh"], bi["doc_count"], bi["definition_count"], bi["basis"]) == (
        "疾病进展", 2, 2, "aligned_pair")
    assert bi["confidence"] == pytest.approx(1 - 0.1 * 0.3)
    assert bi["doc_ids"] == ["d1", "d2"]
    other = next(r for r in pd_rows if not r["long_zh"])
    assert (other["long_en"], other["confidence"], other["doc_count"]) == ("Parkinson's disease", None, 1)
    # a plural short form is the same short form; the long forms differ, so two rows
    tki = [r for r in g if r["short"] == "TKI"]
    assert len(tki) == 2
    assert {r["long_en"] for r in tki} == {"tyrosine kinase inhibitors", "tyrosine kinase inhibitor"}


# -- properties ------------------------------------------------------------------------------


_PIECES = ["(", ")", "（", "）", "，", "；", "、", " ", "-", "的", "与", "采用", "上皮", "间质", "转化",
           "肝细胞癌", "肝癌", "以下简称", "EMT", "HCC", "TGF-β1", "P<0.05", "n=35",
           "95%CI：1.2～2.3", "2019年",
           "hepatocellular", "carcinoma", "and", "of", "the", "α", "Ⅱ", "1", "s", "A", "e.g.", ";", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_text_gives_definitions_that_point_at_themselves(pieces):
    text = "".join(pieces)
    found = find_en(text) + find_en(text, baseline=True)
    found += find_zh(text, {"EMT": "epithelial-mesenchymal transition"})
    for d in found:
        assert text[d.long_start:d.long_end] == d.long
        assert text[d.short_start:d.short_end] == d.short
        assert d.long and d.short and d.long != d.short


def test_terms_step_is_idempotent(seed_doc):
    before = list(seed_doc.terms)
    TermsStep().run([seed_doc])
    assert seed_doc.terms == before
