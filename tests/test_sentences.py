from __future__ import annotations

import pytest

from hccbone_ingest.text.sentences import detect_label, split_en, split_zh, tokens_en, tokens_zh
from tests.seed_abstract import seed_abstracts


def _texts(spans):
    return [s.text for s in spans]


def _check_offsets(text, spans):
    for s in spans:
        assert text[s.start:s.end] == s.text
    assert [s.start for s in spans] == sorted(s.start for s in spans)


# ------------------------------------------------------------------ the seed

def test_seed_zh_has_five_sentences_with_offsets():
    zh, _ = seed_abstracts()
    spans = split_zh(zh)
    _check_offsets(zh, spans)
    assert len(spans) == 5
    assert spans[0].text.startswith("肝细胞癌(肝癌)在我国发病率高") and spans[0].text.endswith("难点之一。")
    assert spans[1].text == (
        "肝癌骨转移的发病机制尚未完全明确,可能与外泌体、上皮-间质转化(EMT)和骨微环境有关。")
    assert spans[4].text.startswith("本文就") and spans[4].end == len(zh)
    assert all(s.label is None for s in spans)


def test_seed_en_has_eight_sentences_with_offsets():
    _, en = seed_abstracts()
    spans = split_en(en)
    _check_offsets(en, spans)
    assert [s.text.split()[0] for s in spans] == [
        "The", "The", "At", "The", "Radiotherapy,", "However,", "Based", "In"]
    assert spans[0].text == "The incidence of hepatocellular carcinoma (HCC) is high in China."
    assert spans[-1].text.endswith("aiming to provide evidence for clinical work.")


# ------------------------------------------------------------------ English rules

@pytest.mark.parametrize(("text", "expected"), [
    ("Smith et al. reported similar rates. We agree.",
     ["Smith et al. reported similar rates.", "We agree."]),
    ("As shown by Smith et al. Li also found it. Then",
     ["As shown by Smith et al. Li also found it.", "Then"]),
    ("Bone-targeted agents, e.g. Denosumab, help. Others do not.",
     ["Bone-targeted agents, e.g. Denosumab, help.", "Others do not."]),
    ("Systemic therapy, i.e. Sorafenib or lenvatinib, is used. It works.",
     ["Systemic therapy, i.e. Sorafenib or lenvatinib, is used.", "It works."]),
    ("Sorafenib vs. Placebo was compared. It won.", ["Sorafenib vs. Placebo was compared.", "It won."]),
    ("Survival is shown in Fig. 2. The curves differ.",
     ["Survival is shown in Fig. 2.", "The curves differ."]),
    ("Patient No. 5 relapsed. Patient No. 6 did not.",
     ["Patient No. 5 relapsed.", "Patient No. 6 did not."]),
    ("The dose was approx. 30 mg. It was safe.", ["The dose was approx. 30 mg.", "It was safe."]),
    ("The mean was 3.5 mm in 12.5% of cases. It grew.",
     ["The mean was 3.5 mm in 12.5% of cases.", "It grew."]),
    ("The difference was significant (P < 0.05). Survival improved.",
     ["The difference was significant (P < 0.05).", "Survival improved."]),
    ("The difference was significant, P < 0.05. Survival improved.",
     ["The difference was significant, P < 0.05.", "Survival improved."]),
    ("Median OS was 5.4 months (95% CI 4.1-6.9). HR was 0.6.",
     ["Median OS was 5.4 months (95% CI 4.1-6.9).", "HR was 0.6."]),
    ("Infection with E. coli was rare. S. Aureus was common.",
     ["Infection with E. coli was rare.", "S. Aureus was common."]),
    ("The work of J. Smith and A.B. Jones was cited. It helped.",
     ["The work of J. Smith and A.B. Jones was cited.", "It helped."]),
    ("Expression was high. mTOR inhibitors reduced it. p53 was lost. β-catenin rose.",
     ["Expression was high.", "mTOR inhibitors reduced it.", "p53 was lost.", "β-catenin rose."]),
    ("Levels of RANKL and TGF-β1. The axis matters.", ["Levels of RANKL and TGF-β1.", "The axis matters."]),
    ("Was it effective? Yes! It was.", ["Was it effective?", "Yes!", "It was."]),
    ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
    ("It recurred (see below.) Treatment followed.", ["It recurred (see below.)", "Treatment followed."]),
    ("It rose in 2019. 25 patients were included.", ["It rose in 2019.", "25 patients were included."]),
    ("We used the drug. it was lower-case noise.", ["We used the drug. it was lower-case noise."]),
])
def test_english_rules(text, expected):
    spans = split_en(text)
    _check_offsets(text, spans)
    assert _texts(spans) == expected


# ------------------------------------------------------------------ Chinese rules

@pytest.mark.parametrize(("text", "expected"), [
    ("随访1.5~2.0年。有效率为85.3%!", ["随访1.5~2.0年。", "有效率为85.3%!"]),
    ("范围为3.5-6.9 cm。结束", ["范围为3.5-6.9 cm。", "结束"]),
    ("分为1.轻度;2.重度。", ["分为1.轻度;", "2.重度。"]),
    ("他说:“很好。”然后走了。", ["他说:“很好。”", "然后走了。"]),
    ("真的吗?是的!", ["真的吗?", "是的!"]),
    ("真的吗？是的！好；", ["真的吗？", "是的！", "好；"]),
    ("差异有统计学意义(P<0.05; 95%CI 1.2~3.4)。下一句",
     ["差异有统计学意义(P<0.05; 95%CI 1.2~3.4)。", "下一句"]),
    ("机制尚不明确……需要研究。", ["机制尚不明确……", "需要研究。"]),
    ("采用(1)手术(2)放疗。", ["采用(1)手术(2)放疗。"]),
    ("肝癌骨转移较常见.预后较差.", ["肝癌骨转移较常见.", "预后较差."]),
    ("网址为www.x.cn。下一句", ["网址为www.x.cn。", "下一句"]),
])
def test_chinese_rules(text, expected):
    spans = split_zh(text)
    _check_offsets(text, spans)
    assert _texts(spans) == expected


# ------------------------------------------------------------------ structured abstracts

def test_structured_zh_labels():
    text = "目的:探讨疗效。方法 回顾分析120例患者。结果 有效率为85.3%。结论:疗效确切。"
    spans = split_zh(text)
    _check_offsets(text, spans)
    assert [(s.label, s.text) for s in spans] == [
        ("objective", "探讨疗效。"), ("methods", "回顾分析120例患者。"),
        ("results", "有效率为85.3%。"), ("conclusions", "疗效确切。")]


def test_structured_zh_bracket_labels_and_label_without_terminator():
    text = "【目的】探讨疗效【方法】回顾分析。"
    assert [(s.label, s.text) for s in split_zh(text)] == [
        ("objective", "探讨疗效"), ("methods", "回顾分析。")]


def test_structured_en_labels():
    text = ("Objective: To assess efficacy. Methods: We reviewed 120 cases. They were followed. "
            "RESULTS The rate was 85.3%. Conclusions: It works.")
    spans = split_en(text)
    _check_offsets(text, spans)
    assert [(s.label, s.text) for s in spans] == [
        ("objective", "To assess efficacy."), ("methods", "We reviewed 120 cases."),
        ("methods", "They were followed."), ("results", "The rate was 85.3%."),
        ("conclusions", "It works.")]


def test_prose_is_not_a_label():
    assert detect_label("结果显示有效。", "zh") == (None, 0)
    assert detect_label("Results were similar.", "en") == (None, 0)
    assert [s.label for s in split_en("Results were similar. Methods differ.")] == [None, None]


def test_empty_and_blank():
    assert split_zh("") == [] and split_en("   ") == []


# ------------------------------------------------------------------ tokens

def test_tokens():
    assert tokens_zh("肝癌骨转移的发病机制") == ["肝癌", "骨转移", "的", "发病", "机制"]
    assert tokens_en("Smith et al. found P < 0.05 (Fig. 2).") == [
        "Smith", "et", "al.", "found", "P", "<", "0.05", "(", "Fig.", "2", ")", "."]
