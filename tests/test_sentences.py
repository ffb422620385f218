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
    ("分为1.轻度;2.重度。", ["分为1.轻度;2.重度。"]),  # `；` joins clauses (docs/sentences.md)
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


# ------------------------------------------------------------------ tricky biomedical cases (review)
# Composed abstracts sentences; each expected split was decided by reading the sentence.

@pytest.mark.parametrize(("text", "expected"), [
    ('Differences were significant (P<0.05). Pain scores fell.',
     ['Differences were significant (P<0.05).', 'Pain scores fell.']),
    ('The test gave χ²=4.21, P=0.040. No other differences were found.',
     ['The test gave χ²=4.21, P=0.040.', 'No other differences were found.']),
    ('Twelve patients (n = 12) were enrolled. All were male.',
     ['Twelve patients (n = 12) were enrolled.', 'All were male.']),
    ('Bone-modifying agents, i.e., zoledronic acid and denosumab, were used. Pain improved.',
     ['Bone-modifying agents, i.e., zoledronic acid and denosumab, were used.', 'Pain improved.']),
    ('This was first described by Wang et al. The mechanism remains unclear.',
     ['This was first described by Wang et al.', 'The mechanism remains unclear.']),
    ('As reported by Wang et al. Li and colleagues confirmed it.',
     ['As reported by Wang et al. Li and colleagues confirmed it.']),
    ('As shown in Fig. 2A, survival differed. See Fig. 3B.',
     ['As shown in Fig. 2A, survival differed.', 'See Fig. 3B.']),
    ('Survival was 12 vs. 8 months. It differed.',
     ['Survival was 12 vs. 8 months.', 'It differed.']),
    ('Patient No. 3 died. No. 4 survived.',
     ['Patient No. 3 died.', 'No. 4 survived.']),
    ('The tumor measured approx. 3.5 cm. It was resected.',
     ['The tumor measured approx. 3.5 cm.', 'It was resected.']),
    ('E. coli and H. pylori were cultured. Both grew.',
     ['E. coli and H. pylori were cultured.', 'Both grew.']),
    ('Dr. Li performed the surgery. It succeeded.',
     ['Dr. Li performed the surgery.', 'It succeeded.']),
    ('Mutations were frequent. p53 mutations were found in 40% of tumors.',
     ['Mutations were frequent.', 'p53 mutations were found in 40% of tumors.']),
    ('Growth slowed... Then it resumed.',
     ['Growth slowed...', 'Then it resumed.']),
    ('He wrote, "The results are clear." Then he left.',
     ['He wrote, "The results are clear."', 'Then he left.']),
    ('Tumors measured 3.5-6.2 cm. Margins were clear.',
     ['Tumors measured 3.5-6.2 cm.', 'Margins were clear.']),
    ('Data are at https://www.example.org/data. Write to li.ming@example.com. Thanks.',
     ['Data are at https://www.example.org/data.', 'Write to li.ming@example.com.', 'Thanks.']),
    ('Median OS was 5.4 months (95% CI 4.1-6.9). P < 0.05 was significant.',
     ['Median OS was 5.4 months (95% CI 4.1-6.9).', 'P < 0.05 was significant.']),
    ('Patients received sorafenib (400 mg b.i.d.). Toxicity was mild.',
     ['Patients received sorafenib (400 mg b.i.d.).', 'Toxicity was mild.']),
    ('The odds ratio was 2.1 (95% CI, 1.3 to 3.4; P = .003). Results held.',
     ['The odds ratio was 2.1 (95% CI, 1.3 to 3.4; P = .003).', 'Results held.']),
    ('Cells were treated with TGF-β1 for 24 h. miR-21 levels rose.',
     ['Cells were treated with TGF-β1 for 24 h.', 'miR-21 levels rose.']),
    ('The U.S. Food and Drug Administration approved it. It works.',
     ['The U.S. Food and Drug Administration approved it.', 'It works.']),
    ('The primary end point, i.e., overall survival, was met.',
     ['The primary end point, i.e., overall survival, was met.']),
    ('Patients were given vitamin D. The fracture rate fell.',
     ['Patients were given vitamin D.', 'The fracture rate fell.']),
    ('All carried hepatitis B. Most had cirrhosis.',
     ['All carried hepatitis B.', 'Most had cirrhosis.']),
    ('The method of J. Smith was used. It is standard.',
     ['The method of J. Smith was used.', 'It is standard.']),
    ('Doses were 4 mg vs. 8 mg, respectively. Fig. 1 shows them.',
     ['Doses were 4 mg vs. 8 mg, respectively.', 'Fig. 1 shows them.']),
    ('Levels were measured at baseline (Table 1). Fig. 2 shows the trend.',
     ['Levels were measured at baseline (Table 1).', 'Fig. 2 shows the trend.']),
    ('Was the effect real? We think so.',
     ['Was the effect real?', 'We think so.']),
    ('Bone pain improved in 85.3% of patients.The effect lasted.',
     ['Bone pain improved in 85.3% of patients.The effect lasted.']),
    ('Rates were similar (Smith et al., 2019). Ours differ.',
     ['Rates were similar (Smith et al., 2019).', 'Ours differ.']),
    ('Survival was longer with lenvatinib, cf. sorafenib. See below.',
     ['Survival was longer with lenvatinib, cf. sorafenib.', 'See below.']),
])
def test_english_biomedical_cases(text, expected):
    spans = split_en(text)
    _check_offsets(text, spans)
    assert _texts(spans) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('两组比较差异有统计学意义（P＜0.05）。治疗后疼痛评分下降。',
     ['两组比较差异有统计学意义（P＜0.05）。', '治疗后疼痛评分下降。']),
    ('χ²=4.21，P=0.040。两组间无差异。',
     ['χ²=4.21，P=0.040。', '两组间无差异。']),
    ('共纳入患者（n = 12）。均为男性。',
     ['共纳入患者（n = 12）。', '均为男性。']),
    ('“骨转移是晚期表现。”他指出。',
     ['“骨转移是晚期表现。”', '他指出。']),
    ('他说：“不知道……”随后离开。',
     ['他说：“不知道……”', '随后离开。']),
    ('肿瘤直径3.5~6.2 cm。边界清楚。',
     ['肿瘤直径3.5~6.2 cm。', '边界清楚。']),
    ('详见https://www.example.cn/a.html。下一句。',
     ['详见https://www.example.cn/a.html。', '下一句。']),
    ('联系邮箱：li.ming@example.com。欢迎来信。',
     ['联系邮箱：li.ming@example.com。', '欢迎来信。']),
    ('机制尚不明确...需要进一步研究。',
     ['机制尚不明确...', '需要进一步研究。']),
    ('H. pylori感染率为32.1%。E. coli未检出。',
     ['H. pylori感染率为32.1%。', 'E. coli未检出。']),
    ('随访时间为6～12个月，中位随访10.5个月。',
     ['随访时间为6～12个月，中位随访10.5个月。']),
    ('结果（HR＝0.62；95%CI：0.48～0.80）。差异显著。',
     ['结果（HR＝0.62；95%CI：0.48～0.80）。', '差异显著。']),
    ('治疗方式包括（1）手术，（2）放疗，（3）靶向治疗。',
     ['治疗方式包括（1）手术，（2）放疗，（3）靶向治疗。']),
    ('研究发现p53突变与预后相关。Ki-67高表达提示预后差。',
     ['研究发现p53突变与预后相关。', 'Ki-67高表达提示预后差。']),
    ('纳入标准：1.年龄18～75岁；2.ECOG评分0～1分。',
     ['纳入标准：1.年龄18～75岁；2.ECOG评分0～1分。']),
    ('有效率为８５．３％。无严重不良反应。',
     ['有效率为８５．３％。', '无严重不良反应。']),
    ('这是真的吗？！确实如此。',
     ['这是真的吗？！', '确实如此。']),
    ('剂量为400 mg b.i.d.。耐受良好。',
     ['剂量为400 mg b.i.d.。', '耐受良好。']),
    ('其机制可能与RANKL/OPG通路有关（图1）。下文详述。',
     ['其机制可能与RANKL/OPG通路有关（图1）。', '下文详述。']),
    ('那男孩道：“呸，你不会摔交。 ”下一句。',
     ['那男孩道：“呸，你不会摔交。 ”', '下一句。']),
    ('好。 （注）',
     ['好。', '（注）']),
])
def test_chinese_biomedical_cases(text, expected):
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


@pytest.mark.parametrize(("text", "expected"), [
    ("Background and Aims: HCC is common. Methods: We did it.",
     [("background", "HCC is common."), ("methods", "We did it.")]),
    ("BACKGROUND AND AIMS: HCC is common. METHODS: We did it.",
     [("background", "HCC is common."), ("methods", "We did it.")]),
    ("BACKGROUND & AIMS: HCC is common.", [("background", "HCC is common.")]),
    ("Methods and Results: We found it.", [("methods", "We found it.")]),
    ("Aims/hypothesis: To test it.", [("objective", "To test it.")]),
    ("Results and discussion were brief.", [(None, "Results and discussion were brief.")]),
])
def test_compound_en_labels(text, expected):
    spans = split_en(text)
    _check_offsets(text, spans)
    assert [(s.label, s.text) for s in spans] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("目的与方法：回顾分析。结果：有效。", [("objective", "回顾分析。"), ("results", "有效。")]),
    ("方法和结果 回顾分析。", [("methods", "回顾分析。")]),
    ("【摘要】目的：探讨疗效。", [(None, "【摘要】"), ("objective", "探讨疗效。")]),
])
def test_compound_zh_labels_and_label_after_heading(text, expected):
    spans = split_zh(text)
    _check_offsets(text, spans)
    assert [(s.label, s.text) for s in spans] == expected


# ------------------------------------------------------------------ issue 13: English classes
# One parametrized block per error class; the sentences are written for these tests.

@pytest.mark.parametrize(("text", "expected"), [
    # a sentence ending in a single capital letter (a designator, not an initial)
    ("Activity depended on protein kinase A. These data suggest a loop.",
     ["Activity depended on protein kinase A.", "These data suggest a loop."]),
    ("Uptake required apolipoprotein E. Knockout mice showed none.",
     ["Uptake required apolipoprotein E.", "Knockout mice showed none."]),
    ("Nobody was more surprised than I. We expected otherwise.",
     ["Nobody was more surprised than I.", "We expected otherwise."]),
    # ... but initials after a name leader stay
    ("The scale of R. Wang and K. Liu was used. It is valid.",
     ["The scale of R. Wang and K. Liu was used.", "It is valid."]),
])
def test_single_capital_ends_sentence(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("She was diagnosed with MS. Two years later she relapsed.",
     ["She was diagnosed with MS.", "Two years later she relapsed."]),
    ("Both brothers had CF. Sweat tests were positive.",
     ["Both brothers had CF.", "Sweat tests were positive."]),
    ("Echo showed severe MR. Repair was planned.", ["Echo showed severe MR.", "Repair was planned."]),
    ("The drug lowered NO. Vessels relaxed less.", ["The drug lowered NO.", "Vessels relaxed less."]),
    ("Consent was given by Ms. Zhao and Mr. Sun.", ["Consent was given by Ms. Zhao and Mr. Sun."]),
    ("Results matched, cf. the pilot. All agreed.", ["Results matched, cf. the pilot.", "All agreed."]),
    ('"No. Since then nothing changed."', ['"No.', 'Since then nothing changed."']),
])
def test_upper_case_abbreviations_are_not_titles(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two arms were compared. 1. Surgery alone was given. 2. Surgery plus radiotherapy was given.",
     ["Two arms were compared.", "1. Surgery alone was given.", "2. Surgery plus radiotherapy was given."]),
    ("Rules were simple. 1.) Adults only. 2.) No prior therapy.",
     ["Rules were simple.", "1.) Adults only.", "2.) No prior therapy."]),
    ("Two regimens existed. a. The first was weekly. b. The second was monthly.",
     ["Two regimens existed.", "a. The first was weekly.", "b. The second was monthly."]),
    ("Outcomes were ranked. • 1. Death. • 2. Fracture.",
     ["Outcomes were ranked.", "• 1. Death.", "• 2. Fracture."]),
    ("Variables:\n1) Age\n2) Sex\n3) Stage", ["Variables:", "1) Age", "2) Sex", "3) Stage"]),
    ("Criteria: 1) Adult 2) Confirmed HCC 3) Informed consent",
     ["Criteria: 1) Adult", "2) Confirmed HCC", "3) Informed consent"]),
    ("The aims were 1) to test safety and 2) to test dose.",
     ["The aims were 1) to test safety and 2) to test dose."]),
    ("It was grouped by (1) age, (2) sex. It worked.", ["It was grouped by (1) age, (2) sex.", "It worked."]),
    ("Survival is shown in Fig. 3. Curves crossed.", ["Survival is shown in Fig. 3.", "Curves crossed."]),
])
def test_list_markers_stay_with_their_item(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("It was first reported in rats (J. Hepatol. 2020) and then in humans.",
     ["It was first reported in rats (J. Hepatol. 2020) and then in humans."]),
    ("The series appeared in Cancer Res. 2017;77:10-20 and is reused here.",
     ["The series appeared in Cancer Res. 2017;77:10-20 and is reused here."]),
    ("It was printed in Proc. Natl. Acad. Sci. USA in 2011.",
     ["It was printed in Proc. Natl. Acad. Sci. USA in 2011."]),
    ("The rule is in Sec. 4 and case No. 7 broke it.", ["The rule is in Sec. 4 and case No. 7 broke it."]),
    ("Blood went to St. Louis for assays. Results came back.",
     ["Blood went to St. Louis for assays.", "Results came back."]),
    ("It was published in Cancer Res. The authors were Chinese.",
     ["It was published in Cancer Res.", "The authors were Chinese."]),
    ("Lesions grew (see Suppl. Table 1). Biopsy followed.",
     ["Lesions grew (see Suppl. Table 1).", "Biopsy followed."]),
])
def test_abbreviations_inside_a_sentence(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Signalling was intact. mTOR blockade stopped it.",
     ["Signalling was intact.", "mTOR blockade stopped it."]),
    ("Growth stopped. c-Met was amplified.", ["Growth stopped.", "c-Met was amplified."]),
    ("Staining was weak. circRNA levels were stable.", ["Staining was weak.", "circRNA levels were stable."]),
    ("Pain was severe. nab-paclitaxel was stopped.", ["Pain was severe.", "nab-paclitaxel was stopped."]),
    ("Levels fell. γ-GT rose.", ["Levels fell.", "γ-GT rose."]),
])
def test_lower_case_gene_and_drug_starts(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A nurse (L. M.) performed the scans. Two others read them.",
     ["A nurse (L. M.) performed the scans.", "Two others read them."]),
    ("Assent was recorded (Y. Z.). The board approved.",
     ["Assent was recorded (Y. Z.).", "The board approved."]),
    ("It was licensed in the U.S. Its price was high.",
     ["It was licensed in the U.S.", "Its price was high."]),
    ("Sales fell in the U.K. Doctors in Spain disagreed.",
     ["Sales fell in the U.K.", "Doctors in Spain disagreed."]),
    ("The U.S. Food and Drug Administration agreed.", ["The U.S. Food and Drug Administration agreed."]),
    ("Records came from the U.S. National Cancer Database.",
     ["Records came from the U.S. National Cancer Database."]),
])
def test_initials_and_country_abbreviations(text, expected):
    assert _texts(split_en(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The pain eased . . . then came back.", ["The pain eased . . . then came back."]),
    ("The pain eased. . . . The swelling did not.", ["The pain eased. . . .", "The swelling did not."]),
    ("It lasted weeks . . . Therapy was changed.", ["It lasted weeks . . .", "Therapy was changed."]),
])
def test_spaced_ellipses(text, expected):
    assert _texts(split_en(text)) == expected


def test_blank_line_ends_a_heading_in_both_languages():
    assert _texts(split_en("2 Methods\n\nWe enrolled 30 patients. All consented.")) == [
        "2 Methods", "We enrolled 30 patients.", "All consented."]
    assert _texts(split_en("Results\n\nA total of 9 responded.")) == ["Results", "A total of 9 responded."]
    assert [s.label for s in split_en("Results\n\nA total of 9 responded.")] == [None, None]
    assert _texts(split_zh("1 资料与方法\n\n回顾性分析。")) == ["1 资料与方法", "回顾性分析。"]


def test_citation_numbers_after_the_period():
    text = "Rates were high in men.12,13 The trend was stable (table 1).4 Fig. 2 shows it."
    assert _texts(split_en(text)) == [
        "Rates were high in men.12,13", "The trend was stable (table 1).4", "Fig. 2 shows it."]


# ------------------------------------------------------------------ issue 13: part labels

@pytest.mark.parametrize(("text", "expected"), [
    ("Objective To study dosing. Methods Clinical data of 40 patients were used. Results The rate was 50%. "
     "Conclusions The dose is safe.",
     [("objective", "To study dosing."), ("methods", "Clinical data of 40 patients were used."),
      ("results", "The rate was 50%."), ("conclusions", "The dose is safe.")]),
    ("OBJECTIVE To study it. METHOD OF STUDY: Serum was tested. RESULTS It rose.",
     [("objective", "To study it."), ("methods", "Serum was tested."), ("results", "It rose.")]),
    ("Background/Aims: Pain is common. Materials and Methods Ten scans were read.",
     [("background", "Pain is common."), ("methods", "Ten scans were read.")]),
    ("BACKGROUND/AIMS Pain is common. OBJECTIVE To count it.",
     [("background", "Pain is common."), ("objective", "To count it.")]),
    ("Conclusions The data favour surgery.", [("conclusions", "The data favour surgery.")]),
    # not labels: a real first word
    ("Methods of bone imaging in liver cancer", [(None, "Methods of bone imaging in liver cancer")]),
    ("Methods To Improve Bone Health In Cancer", [(None, "Methods To Improve Bone Health In Cancer")]),
    ("Methods Differ Across Centres", [(None, "Methods Differ Across Centres")]),
    ("Results were mixed. Conclusions vary.", [(None, "Results were mixed."), (None, "Conclusions vary.")]),
])
def test_bare_english_part_labels(text, expected):
    spans = split_en(text)
    _check_offsets(text, spans)
    assert [(s.label, s.text) for s in spans] == expected


# ------------------------------------------------------------------ issue 13: Chinese

@pytest.mark.parametrize(("text", "expected"), [
    ("他们讨论了《癌症！还能治吗？》一书。随后开始随访。",
     ["他们讨论了《癌症！还能治吗？》一书。", "随后开始随访。"]),
    ("患者问「能治好吗？要多久？」医生作了解释。", ["患者问「能治好吗？要多久？」", "医生作了解释。"]),
    ("口号『早发现！早治疗！』的效果很好。", ["口号『早发现！早治疗！』的效果很好。"]),
    ("医生说：“先检查。再治疗。”患者同意。", ["医生说：“先检查。再治疗。”", "患者同意。"]),
    ("她说了一句“算了！”便走了。", ["她说了一句“算了！”便走了。"]),
    ("随访（共6个月！）无复发。", ["随访（共6个月！）无复发。"]),
    ("书中写道『并非绝症！』。影响深远。", ["书中写道『并非绝症！』。", "影响深远。"]),
    ("一组接受放疗；另一组接受化疗。两组均随访。", ["一组接受放疗；另一组接受化疗。", "两组均随访。"]),
    # a stray opening quote does not swallow the rest of the text
    ("他说“好。然后走了。下一句。", ["他说“好。", "然后走了。", "下一句。"]),
])
def test_chinese_enclosures_and_semicolon(text, expected):
    spans = split_zh(text)
    _check_offsets(text, spans)
    assert _texts(spans) == expected


def test_a_long_glued_punctuation_run_gives_spacys_tokens_without_its_quadratic_search():
    # issue 12 item 14: the run is spaced out before spaCy; the tokens are what spaCy gives anyway
    # (but for emoticons such as `:(` that only such runs would hold)
    from hccbone_ingest.text.sentences import _spacy_en, tokens_en

    for text in ("metastasis" + ",;." * 6, "word" + ",，。；" * 5 + " next", "a ------------------------ b"):
        plain = [t.text for t in _spacy_en().tokenizer(text) if not t.is_space]
        assert tokens_en(text) == plain
    assert len(tokens_en("word" + ",:(，。" * 20_000)) == 100_001
