"""Which language a paragraph is in, decided by script evidence (issue 12 items 5 and 6).

A statistics- or gene-heavy Chinese abstract (under a fifth CJK) must stay the Chinese abstract,
not be taken for English; without the `引用本文` block between them, the English abstract after
the English front block must not be read as an affiliation (and lost).
"""

from __future__ import annotations

import re

import pytest

from hccbone_ingest.pipeline import parse_raw
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.text.normalize import cjk_ratio, paragraph_lang
from tests.conftest import JOURNAL_SEED

SEED = JOURNAL_SEED.read_text(encoding="utf-8")
SEED_ZH = next(line for line in SEED.splitlines() if line.startswith("肝细胞癌(肝癌)在"))
SEED_EN = next(line for line in SEED.splitlines() if line.startswith("The incidence of hepatocellular"))
# our own statistics-heavy structured abstract: under 10 % CJK
STATS_ZH = ("目的 分析HCC骨转移(BM)患者PD-L1 TPS、CD8+ TIL与OS的关系。方法 n=128, AFP>400 ng/mL 42例, "
            "BCLC B/C 86例, ECOG 0-1, TNM III-IV; Cox回归, HR(95%CI), Kaplan-Meier, log-rank。结果 PD-L1 "
            "TPS≥1% 48例(37.5%), HR=0.74(0.61-0.89), P<0.001; CD8+ TIL-high HR=0.62(0.48-0.81), P=0.002; "
            "VEGFR2/FGFR1, EGFR L858R, TP53 R249S, CTNNB1 S45F。结论 PD-L1/CD8+ TIL与OS相关。")


@pytest.mark.parametrize(("text", "lang"), [
    (STATS_ZH, "zh"),
    (SEED_ZH, "zh"),
    (SEED_EN, "en"),
    ("Patients treated at Peking University People's Hospital (北京大学人民医院) were included.", "en"),
    (SEED_ZH + " " + SEED_EN, "mixed"),  # the two abstracts glued together
    ("采用PD-1抑制剂联合TACE治疗HCC", "zh"),
])
def test_paragraph_language_by_script_evidence(text, lang):
    assert paragraph_lang(text) == lang


def _doc(text: str):
    return parse_raw(RawInput(path="journal/x.txt", data=text.encode("utf-8")))


def test_a_chinese_abstract_with_few_cjk_characters_stays_chinese():
    assert cjk_ratio(STATS_ZH) < 0.2
    doc = _doc(SEED.replace(SEED_ZH, STATS_ZH))
    assert doc.abstract("zh") == STATS_ZH
    assert doc.abstract("en") == SEED_EN
    assert not [f for f in doc.document.quality_flags if f.startswith("invalid:abstract")]


def test_without_the_citation_block_the_english_abstract_is_no_affiliation():
    no_cite = re.sub(r"引用本文:\n\n[^\n]*\n\n[^\n]*\n\n", "", SEED)
    assert "引用本文" not in no_cite
    doc = _doc(no_cite)
    assert doc.abstract("en") == SEED_EN and doc.abstract("zh") == SEED_ZH
    assert len(doc.affiliations) == 2
    assert all(not (a.name_en or "").startswith("The incidence") for a in doc.affiliations)


def test_a_chinese_paragraph_quoting_an_english_trial_name_stays_chinese():
    text = ("一项研究(住院患者延长抗凝[ extended anticoagulation for venous thromboembolism in acutely ill "
            "medical patients with reduced mobility ])评估了出院后继续使用低分子肝素的获益与出血风险,结果显示"
            "症状性静脉血栓栓塞的发生率降低,但大出血的发生率升高,因此需要个体化权衡治疗的利弊。")
    assert paragraph_lang(text) == "zh"
