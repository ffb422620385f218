"""Field validators (issue 11, "never a wrong value"): junk seen on real pages is rejected with its
reason, real-looking good values pass, and `validate_document` nulls, drops, renumbers, flags and
quarantines as documented. Values are written for these tests (the shapes are the real pages')."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from hccbone_ingest.errors import NotADocument
from hccbone_ingest.pipeline import parse_raw, pipeline_version, process_files, read_raw
from hccbone_ingest.records import (
    Abstract,
    Affiliation,
    Author,
    Claim,
    Document,
    Keyword,
    ParsedDocument,
    Reference,
)
from hccbone_ingest.sources.registry import pick_adapter
from hccbone_ingest.tables import bundle_rows
from hccbone_ingest.validate import (
    abstract_reason,
    affiliation_reason,
    keyword_reason,
    name_reason,
    title_reason,
    validate_document,
)
from hccbone_ingest.validate.biblio import (
    date_reason,
    doi_reason,
    issn_reason,
    issue_reason,
    page_reason,
    volume_reason,
    year_reason,
)
from tests.conftest import AI_SEED, FIXTURES, JOURNAL_SEED
from tests.ops_helpers import ingest, write_raw

# A CNKI export record the text adapter once published as `title_en` (1,842 characters): fields of our own.
_CNKI_FIELDS = [
    "SrcDatabase-来源库: 期刊", "Title-题名: 示例肝细胞癌骨转移的放射治疗研究",
    "Author-作者: 张三;李四;王五;",
    "Organ-单位: 示例大学附属医院放疗科;示例医学院;", "Source-文献来源: 示例肿瘤杂志",
    "Keyword-关键词: 肝细胞癌;骨转移;放射治疗;",
    "Summary-摘要: " + "目的 探讨放射治疗对骨转移疼痛的效果。" * 12,
    "PubTime-发表时间: 2021-03-15", "Year-年: 2021", "Volume-卷: 12", "Period-期: 3", "PageCount-页码: 5",
    "Fund-基金: 示例省自然科学基金(2020A000000)", "CLC-中图分类号: R735.7", "ISSN-国际标准刊号: 1000-0000",
]
CNKI_RECORD = " ".join(_CNKI_FIELDS * 4)[:1842]
assert len(CNKI_RECORD) == 1842

# ----------------------------------------------------------------------------- titles

BAD_TITLES = [
    ("DOI: 10.12677/acm.2024.141234, PDF, HTML, XML, 下载: 12 浏览: 40", "en", "doi"),
    ("肝癌骨转移的研究进展 DOI: 10.12677/acm.2024.141234, PDF, HTML, XML, 下载: 12 浏览: 40", "zh", "doi"),
    ("Radiotherapy for bone metastasis, PDF, HTML, XML, 下载: 12 浏览: 40", "en", "ui_string"),
    ("http://html.rhhz.net/zhlxbx/html/2020-05-024.htm 中华医学会主办。 文章信息", "zh", "url"),
    ("http://dx.doi.org/10.3760/cma.j.issn.0254-6450.2020.05.024 中华医学会主办。 0 文章信息", "en", "url"),
    ("本刊由中华医学会主办。", "zh", "banner"),
    ("中华医学会主办。", "zh", "banner"),
    ("文章信息", "zh", "label"),
    ("Article information", "en", "label"),
    ("罗臻1", "zh", "too_short"),
    ("袁晓东 2", "zh", "author_list"),
    ("韦鹏程1*", "zh", "author_list"),
    ("全文 图表 参考文献", "zh", "ui_string"),
    ("全文 图表 参考文献 作者 出版信息", "zh", "ui_string"),
    ("0", "en", "no_text"),
    ("-", "en", "no_text"),
    ("·", "zh", "no_text"),
    ("2020-01-05", "zh", "date"),
    ("收稿日期: 2020-01-05", "zh", "label"),
    ("Received: 2020-01-05", "en", "label"),
    ("中华示例外科杂志 2020, Vol. 41 Issue (1): 115-119", "zh", "journal_header"),
    ("Chinese Journal of Example Surgery 2020, Vol. 41 Issue (1): 115-119", "en", "journal_header"),
    ("中华肝胆外科杂志, 2018,24(05) : 345-349.", "zh", "citation_line"),
    ("张三, 李四, 王五. 肝癌骨转移的研究进展[J]. 示例外科杂志, 2020, 41(1): 1-6.", "zh", "citation_line"),
    ("Citation: Zhang S, Li X. Bone metastasis from liver cancer[J]. Chin J Surg, 2020, 41(1): 1-6.",
     "en", "citation_line"),
    ("张三, 李四, 王五.", "zh", "author_list"),
    ("周立平 , 韩静 , 徐晓东 , 沈建平", "zh", "author_list"),
    ("王建軍 謝文靜 羅明", "zh", "author_list"),
    ("ZHANG San, LI Si, WANG Wu", "en", "author_list"),
    ("Zhou Liping, Han Jing, Xu Xiaodong, Shen Jianping", "en", "author_list"),
    ("以病理性股骨颈骨折为首发表现的肝细胞癌一例韩冬 , 邱晨阳展开 250021 山东示例医科大学附属医院骨肿瘤科",
     "zh", "front_matter"),
    ("Hepatocellular carcinoma with a femoral neck fracture: a case report Han Dong , Qiu Chenyang Expand "
     "Department of Bone Oncology, Example Provincial Hospital, Jinan 250021, China", "en", "front_matter"),
    ("肝细胞癌骨转移研究进展罗臻1, 韦鹏程1, 孙馨2", "zh", "author_list"),
    ("肝细胞癌骨转移的诊治进展 作者: 张三", "zh", "label"),
    ("E-mail:maxl@example.com", "en", "email"),
    ("[复制中文]", "zh", "ui_string"),
    ("版权所有 © 2021 《中华示例杂志》编辑部", "zh", "copyright"),
    ("Copyright © the Chinese Medical Association", "en", "copyright"),
    (CNKI_RECORD, "en", "too_long"),
    ("x" * 400, "en", "too_long"),
    ("肝" * 200, "zh", "too_long"),
    ("Research progress in bone metastasis from hepatocellular carcinoma", "zh", "wrong_script"),
    ("肝细胞癌骨转移研究进展", "en", "wrong_script"),
    ("肝癌", "zh", "too_short"),
    ("本研究纳入了46例患者。结果显示疼痛缓解率较高。", "zh", "not_a_title"),
    ("We enrolled 46 patients. Pain relief was high. Toxicity was mild.", "en", "not_a_title"),
    ("阅读次数", "zh", "label"),
]

GOOD_TITLES = [
    ("肝细胞癌骨转移研究进展", "zh"),
    ("Research progress in bone metastasis from hepatocellular carcinoma", "en"),
    ("CT/MRI融合成像在肝癌骨转移诊断中的价值", "zh"),
    ("p53基因突变与肝细胞癌预后的关系", "zh"),
    ("3D打印技术辅助骶骨肿瘤切除术: 附12例报告", "zh"),
    ("TGF-β1/Smad信号通路在肝纤维化中的作用", "zh"),
    ("PD-1/PD-L1抑制剂联合TACE治疗中晚期肝细胞癌的Meta分析", "zh"),
    ("2020年版《原发性肝癌诊疗规范》解读", "zh"),
    ("肝癌骨转移患者疼痛管理的经验分享", "zh"),
    ("肝细胞癌骨转移的深度阅读", "zh"),
    ("α-甲胎蛋白异质体检测的临床意义", "zh"),
    ("中西医结合治疗肝癌骨转移疼痛32例临床观察", "zh"),
    ("肝移植术后骨转移一例", "zh"),
    ("阿帕替尼治疗晚期肝癌的疗效和安全性: 一项多中心回顾性研究", "zh"),
    ("我國護理領域系統評價/Meta分析文獻現狀調查", "zh"),
    ("《示例循证儿科杂志》发表的干预类系统评价报告质量评价", "zh"),
    ("中国60岁及以上老年人群体质指数与认知功能的关联", "zh"),
    ("黄芪、白术、丹参配伍对骨转移模型大鼠的影响", "zh"),
    ("论肝癌骨转移", "zh"),
    ("CT/MRI fusion imaging for bone metastasis: a diagnostic study", "en"),
    ("Role of p53 and TGF-β1 in hepatocellular carcinoma", "en"),
    ("3D-printed guides for sacral tumour resection", "en"),
    ("Does hepatocellular carcinoma (HCC) metastasize to the bone?", "en"),
    ("Efficacy of PD-1/PD-L1 inhibitors combined with TACE: a meta-analysis of 12 randomized trials", "en"),
    ("Hepatitis B virus X protein promotes bone metastasis via the NF-κB pathway", "en"),
    ("Expert consensus on the management of bone metastasis (2023 edition)", "en"),
    ("Liver cancer care in China, 2020–2021", "en"),
    ("Stereotactic radiotherapy vs. conventional radiotherapy for spinal metastases", "en"),
    ("Solitary bone metastasis from hepatocellular carcinoma: a case report", "en"),
    ("Hepatitis B, hepatitis C and bone metastasis", "en"),
    ("Des-γ-carboxy prothrombin and AFP-L3 in early diagnosis of HCC", "en"),
    ("Application Progress of Des-γ-Carboxy Prothrombin Combined with Alpha-Fetoprotein in the Early "
     "Diagnosis of Hepatocellular Carcinoma", "en"),
]


@pytest.mark.parametrize(("value", "lang", "reason"), BAD_TITLES)
def test_junk_titles_are_rejected_with_their_reason(value, lang, reason):
    assert title_reason(value, lang) == reason


@pytest.mark.parametrize(("value", "lang"), GOOD_TITLES)
def test_real_looking_titles_pass(value, lang):
    assert title_reason(value, lang) is None


# ----------------------------------------------------------------------------- abstracts

ZH_STRUCTURED = ("目的 探讨立体定向放射治疗对肝细胞癌脊柱转移患者疼痛缓解的效果。方法 回顾性分析2019年1月至20"
                 "22年12月"
                 "收治的46例患者的临床资料, 比较治疗前后疼痛评分。结果 治疗后3个月疼痛缓解率为82.6% (38/46), "
                 "未见3级"
                 "以上不良反应(95% CI:0.71~0.93)。结论 立体定向放射治疗可有效缓解疼痛, 安全性良好。")
EN_STRUCTURED = ("Objective To evaluate the efficacy of stereotactic body radiotherapy (SBRT) for spinal meta"
                 "stasis of "
                 "hepatocellular carcinoma (HCC). Methods Clinical data of 46 patients treated from January 2"
                 "019 to "
                 "December 2022 were retrospectively analyzed. Results The pain response rate at 3 months was"
                 " 82.6% "
                 "(38/46), and no grade ≥3 toxicity was observed. Conclusions SBRT effectively relieves pain "
                 "with "
                 "good safety.")
ZH_PLAIN = ("肝细胞癌骨转移的发生率逐年升高, 严重影响患者的生活质量。本文就其发病机制、诊断方法及综合治疗进展"
            "进行综述, "
            "以期为临床工作提供参考。")
EN_PLAIN = ("Bone is a common site of extrahepatic spread of hepatocellular carcinoma, and bone metastases ca"
            "use pain "
            "and fractures that impair quality of life. This review summarizes the mechanisms, diagnosis and "
            "treatment of bone metastasis from HCC.")
EN_COLON_LABELS = ("Background: Bone metastasis of HCC is common. Methods: We reviewed 120 cases treated betw"
                   "een 2015 "
                   "and 2020 at two centres. Results: Median survival was 9.5 months. Conclusion: Early treat"
                   "ment "
                   "matters for these patients.")
EN_WITH_REGISTRY = (EN_PLAIN + " Trial registration: ChiCTR2000012345 (https://www.chictr.org.cn), registered"
                               " on "
                    "5 March 2020.")
ZH_TRADITIONAL = ("目的 觀察放射治療聯合地舒單抗治療原發性肝細胞癌骨轉移的臨床療效及安全性。方法 選取2018年3"
                  "月至2020年"
                  "3月本院收治的患者60例。結果 治療組疼痛緩解率高於對照組。結論 聯合治療安全有效。")

BAD_ABSTRACTS = [
    ("版权所有 © 2021 《中华示例杂志》编辑部。未经授权, 不得转载、摘编本刊文章。", "zh", "copyright"),
    ("Copyright © 2021 by the Chinese Medical Association. No content published by the journal may be "
     "reproduced without permission.", "en", "copyright"),
    ("Copy editor: 孙晓岚版权版权归中华医学会所有。未经授权,不得转载、摘编本刊文章。" + ZH_PLAIN,
     "zh", "copyright"),
    ("Copy editor: Wang Xiaoming", "en", "label"),
    ("[复制中文]", "zh", "ui_string"),
    ("[复制英文]", "en", "ui_string"),
    ("Citation: Zhang S, Li X, Wang Y. Bone metastasis from hepatocellular carcinoma[J]. Chin J Hepat Surg, "
     "2020, 9(1): 1-6.", "en", "citation_line"),
    ("LIANG Guodong, XU Huimin, HUANG Yuhang. Effect of zoledronic acid on skeletal-related events[J]. J Exam"
     "ple "
     "Med Univ, 2016, 36(2): 205-209.", "en", "citation_line"),
    ("肝细胞癌骨转移的临床研究 张三1, 李四2, 王五1 1. 示例大学附属医院肝胆外科, 北京 100000; 2. 示例医学院病"
     "理科, "
     "北京 100000", "zh", "front_matter"),
    ("乙型肝炎病毒相关肝细胞癌骨转移的流行病学研究进展唐雪梅1 , 高立军2 , 潘晓宇1 1. 示例大学公共卫生学院流行"
     "病学"
     "教研室, 上海 200032", "zh", "front_matter"),
    ("Clinical study of bone metastasis Zhang San1, Li Si2 1. Department of Surgery, Example University "
     "Hospital, Beijing 100000, China", "en", "front_matter"),
    ("He Jiayi 1 Lyu Zhiqiang 2 Ni Xiaodong 1 1 Department of Liver Surgery, Example Cancer Center, "
     "Guangzhou 510060, China", "en", "front_matter"),
    ("张三, 李四, 王五, 赵六", "zh", "author_list"),
    ("Zhang San, Li Si, Wang Wu, Zhao Liu", "en", "author_list"),
    ("肝细胞癌; 骨转移; 放射治疗; 预后", "zh", "keyword_line"),
    ("hepatocellular carcinoma; bone metastasis; radiotherapy; prognosis", "en", "keyword_line"),
    ("关键词: 肝细胞癌; 骨转移", "zh", "label"),
    ("Key words: hepatocellular carcinoma; bone metastasis", "en", "label"),
    ("最近更新:2024-01-09 " + ZH_PLAIN, "zh", "label"),
    (ZH_PLAIN + " 关键词: 肝细胞癌; 骨转移", "zh", "label"),
    (EN_STRUCTURED + " Keywords hepatocellular carcinoma bone metastasis radiotherapy", "en", "label"),
    ("Received date: 2023-09-14 Online published: 2024-03-28", "en", "label"),
    ("E-mail luocm@example.cn Author Institution E-mail ZHOU Haiyan Department of Clinical Laboratory", "en",
     "too_short"),
    ("目的 探讨骨转移。", "zh", "too_short"),
    ("Pain was relieved.", "en", "too_short"),
    (EN_STRUCTURED, "zh", "wrong_script"),
    (ZH_STRUCTURED, "en", "wrong_script"),
    ("肝细胞癌骨转移的诊断与治疗进展以及放射治疗在其中的作用和未来研究方向的展望与思考", "zh", "not_prose"),
    ("Hepatocellular carcinoma bone metastasis diagnosis and treatment progress with radiotherapy and its "
     "role and future research directions in the clinic", "en", "not_prose"),
    ("肝癌骨转移患者的生存期差异较大, 其结局受多种因素影响[1]。目前国内缺乏多中心登记资料[2]。为此, 本研究团"
     "队"
     "建立了登记数据库[3-4]。", "zh", "body_text"),
    ("目的:探討治療前中性粒細(xì)胞與淋巴細(xì)胞比值對肝細(xì)胞癌骨轉(zhuǎn)移患者預(yù)後的評估價值。方法:"
     "回顧性分析"
     "本院收治的患者。", "zh", "conversion_artefact"),
    (ZH_PLAIN * 120, "zh", "too_long"),
]

GOOD_ABSTRACTS = [
    (ZH_STRUCTURED, "zh"), (EN_STRUCTURED, "en"), (ZH_PLAIN, "zh"), (EN_PLAIN, "en"),
    (EN_COLON_LABELS, "en"), (EN_WITH_REGISTRY, "en"), (ZH_TRADITIONAL, "zh"),
    (EN_PLAIN + " Ketoacidosis was more frequent with the drug than with placebo (3.0% [21 patients] and "
     "0.6% [4], respectively).", "en"),
    ("目的:探讨血清骨特异性碱性磷酸酶联合骨钙素检测的诊断价值。方法:回顾性分析126例患者。结果:联合检测的曲线"
     "下"
     "面积为0.89。结论:联合检测有助于早期诊断。", "zh"),
    ("【目的】分析作者单位数量与报告质量的关系。【方法】检索2011年12月31日前发表的文献。【结果】共纳入67篇。"
     "【结论】报告质量有待提高。", "zh"),
]


@pytest.mark.parametrize(("value", "lang", "reason"), BAD_ABSTRACTS)
def test_junk_abstracts_are_rejected_with_their_reason(value, lang, reason):
    assert abstract_reason(value, lang) == reason


@pytest.mark.parametrize(("value", "lang"), GOOD_ABSTRACTS)
def test_real_looking_abstracts_pass(value, lang):
    assert abstract_reason(value, lang) is None


def test_an_abstract_that_starts_with_the_title_is_front_matter():
    title = "肝细胞癌骨转移研究进展"
    assert abstract_reason(title + "罗臻, 韦鹏程 " + ZH_PLAIN, "zh", title=title) == "front_matter"
    assert abstract_reason(ZH_PLAIN, "zh", title=title) is None
    # a title that is the abstract's own first sentence is not glued front matter
    first = ZH_PLAIN.split("。")[0]
    assert abstract_reason(ZH_PLAIN, "zh", title=first) is None
    assert abstract_reason(EN_PLAIN, "en", title=EN_PLAIN.split(".")[0]) is None


# ----------------------------------------------------------------------------- names, affiliations, keywords

GOOD_NAMES = [
    ("罗臻", "zh"), ("韦鹏程", "zh"), ("欧阳修", "zh"), ("司马相如", "zh"), ("阿依古丽·买买提", "zh"),
    ("买买提•艾力", "zh"), ("扎西次仁", "zh"), ("努尔艾力江", "zh"), ("王 雯", "zh"), ("刘䶮", "zh"),
    ("李𠮷", "zh"), ("張菊霞", "zh"), ("楊麗梅", "zh"),
    ("ZHANG San", "en"), ("Chen Lo", "en"), ("Li X", "en"), ("de la Cruz", "en"), ("Maria de la Cruz", "en"),
    ("O'Brien", "en"), ("Jean-Pierre Dupont", "en"), ("J. Smith", "en"), ("Müller", "en"),
    ("Ana García", "en"), ("DONG Qingyuan", "en"), ("Xiaoli MA", "en"), ("LIU Yi-Ming", "en"),
    ("Pengcheng Wei", "en"), ("Huang Zhiqiang", "en"),
]
BAD_NAMES = [
    ("张三1", "zh", "not_a_name"), ("李四*", "zh", "not_a_name"), ("作者", "zh", "ui_string"),
    ("展开", "zh", "ui_string"), ("文章信息", "zh", "label"), ("北京大学人民医院", "zh", "not_a_name"),
    ("张三, 李四", "zh", "author_list"), ("张三 李四", "zh", "author_list"), ("肝细胞癌", "zh", "not_a_name"),
    ("临床研究", "zh", "not_a_name"), ("张", "zh", "too_short"), ("中华医学会肝病学分会", "zh", "not_a_name"),
    ("Zhang San", "zh", "wrong_script"), ("zhang@example.com", "zh", "not_a_name"),
    ("Zhang San1", "en", "not_a_name"), ("Expand", "en", "ui_string"), ("et al", "en", "not_a_name"),
    ("Department of Surgery", "en", "not_a_name"), ("Peking University", "en", "not_a_name"),
    ("research progress", "en", "not_a_name"),
    ("张三", "en", "wrong_script"),
    ("2020-01-05", "en", "not_a_name"),
    ("Received", "en", "label"), ("Zhang San, Li Si, Wang Wu", "en", "author_list"),
    ("E-mail: zhang@example.com", "en", "not_a_name"),
]


@pytest.mark.parametrize(("value", "lang"), GOOD_NAMES)
def test_real_names_pass(value, lang):
    assert name_reason(value, lang) is None


@pytest.mark.parametrize(("value", "lang", "reason"), BAD_NAMES)
def test_things_that_are_not_names_are_rejected(value, lang, reason):
    assert name_reason(value, lang) == reason


GOOD_AFFILIATIONS = [
    ("北京大学人民医院肝胆外科", "zh"),
    ("青海大学研究生院，青海 西宁", "zh"),
    ("广州,中山大学附属第一医院肝胆外科", "zh"),
    ("四川大学华西医院放射科，成都", "zh"),
    ("示例市疾病预防控制中心", "zh"),
    ("示例省肿瘤防治研究办公室", "zh"),
    ("示例中医药大学针灸推拿学院", "zh"), ("示例科学院国家科学图书馆武汉分馆 武汉 430071", "zh"),
    ("甘肅省人民醫院,甘肅 蘭州", "zh"),
    ("Department of Hepatobiliary Surgery, Peking University People's Hospital, Beijing 100044, China", "en"),
    ("Cancer Research Institute, Example Medical University, Guangzhou 510000, China", "en"),
    ("Key Laboratory of Carcinogenesis and Translational Research (Ministry of Education), Beijing", "en"),
    ("Health Science Center, Example University", "en"),
    ("College of Acupuncture and Massage, Example University of Chinese Medicine;", "en"),
    ("the First Affiliated Hospital of Sun Yat-sen University, Guangzhou 510080", "en"),
]
BAD_AFFILIATIONS = [
    ("张三, 李四, 王五", "zh", "author_list"), ("2020-01-05", "zh", "date"), ("0", "zh", "no_text"),
    ("作者单位: 北京大学人民医院", "zh", "label"), ("展开", "zh", "ui_string"),
    ("肝细胞癌骨转移研究进展", "zh", "not_an_institution"), ("Zhang San", "en", "not_an_institution"),
    ("Zhang San, Li Si, Wang Wu", "en", "author_list"), ("Expand", "en", "ui_string"),
    ("Department of Surgery, Example Hospital", "zh", "wrong_script"),
    ("北京大学人民医院", "en", "wrong_script"),
    ("示例大学附属医院 骨科,重庆 400014;2. 示例大学附属医院 放疗科,重庆", "zh", "affiliation_list"),
    ("(1. 示例大学第一医院骨科, 吉林 长春 130021", "zh", "label"),
    ("Copyright © Example University Hospital", "en", "copyright"),
]


@pytest.mark.parametrize(("value", "lang"), GOOD_AFFILIATIONS)
def test_institutions_pass(value, lang):
    assert affiliation_reason(value, lang) is None


@pytest.mark.parametrize(("value", "lang", "reason"), BAD_AFFILIATIONS)
def test_things_that_are_not_institutions_are_rejected(value, lang, reason):
    assert affiliation_reason(value, lang) == reason


GOOD_KEYWORDS = [
    ("肝细胞癌", "zh"),
    ("骨转移", "zh"),
    ("癌，肝细胞", "zh"),
    ("体层摄影术，X线计算机", "zh"),
    ("TACE", "zh"),
    ("PD-1", "zh"), ("Meta分析", "zh"), ("肿瘤,肝", "zh"), ("α-甲胎蛋白", "zh"),
    ("Carcinoma, hepatocellular", "en"), ("Tomography, X-ray computed", "en"), ("SBRT", "en"),
    ("α-fetoprotein", "en"), ("3D printing", "en"), ("p53", "en"), ("programmed cell death protein 1", "en"),
    ("Hepatitis B virus", "en"),
]
BAD_KEYWORDS = [
    ("肝细胞癌hepatocellular carcinoma", "zh", "wrong_script"),
    ("肝细胞癌骨转移仑伐替尼Hepatocellular Carcinoma Bone Metastasis Lenvatinib", "zh", "wrong_script"),
    ("hepatocellular carcinoma 肝细胞癌", "en", "wrong_script"), ("关键词: 肝癌", "zh", "label"),
    ("中图分类号: R735.7", "zh", "label"), ("肝癌; 骨转移", "zh", "keyword_list"),
    ("肝细胞癌 骨转移 癌性疼痛 唑来膦酸", "zh", "keyword_list"),
    ("本研究探讨了骨转移的机制。", "zh", "sentence"),
    ("0", "zh", "no_text"), ("http://www.example.com/kw", "en", "url"),
    ("hepatocellular carcinoma bone metastasis radiomics nomogram computed tomography", "en", "too_long"),
    ("肝细胞癌骨转移患者放射治疗联合靶向治疗及免疫治疗的综合疗效评价体系", "zh", "too_long"),
    ("全文", "zh", "ui_string"),
]


@pytest.mark.parametrize(("value", "lang"), GOOD_KEYWORDS)
def test_keywords_pass(value, lang):
    assert keyword_reason(value, lang) is None


@pytest.mark.parametrize(("value", "lang", "reason"), BAD_KEYWORDS)
def test_things_that_are_not_keywords_are_rejected(value, lang, reason):
    assert keyword_reason(value, lang) == reason


# ----------------------------------------------------------------------------- scalars

def test_doi_issn_numbers_and_dates():
    assert doi_reason("10.12677/acm.2024.141234") is None
    assert doi_reason("https://doi.org/10.3760/cma.j.issn.0254-6450.2020.05.024") is None
    assert doi_reason("10.12677/") == "invalid_doi"
    assert doi_reason("not a doi") == "invalid_doi"
    assert issn_reason("2095-3232") is None and issn_reason("2095-3233") == "bad_checksum"
    assert issn_reason("ISSN 2095") == "bad_format"
    assert year_reason(2025) is None and year_reason(1900) is None
    assert year_reason(1899) == "out_of_range" and year_reason(dt.date.today().year + 2) == "out_of_range"
    assert [volume_reason(v) for v in ("14", "2025", "S1", "Vol. 14", "十四")] == [
        None, None, None, "bad_format", "bad_format"]
    issues = ("04", "z1", "增刊1", "S2", "Suppl 2", "1-2", "15_suppl", "(04)", "下载")
    assert [issue_reason(v) for v in issues] == [
        None, None, None, None, None, None, None, "bad_format", "bad_format"]
    assert [page_reason(v) for v in ("522", "e123", "S12", "522-527", "下载")] == [
        None, None, None, "bad_format", "bad_format"]
    assert date_reason(dt.date(2025, 1, 25)) is None
    assert date_reason(dt.date(1899, 12, 31)) == "bad_date"
    assert date_reason(dt.date(dt.date.today().year + 2, 1, 1)) == "bad_date"


# ----------------------------------------------------------------------------- validate_document

def _doc(**kw) -> ParsedDocument:
    d = Document(doc_id="doi:10.5555/test.2024.001", source="journal", doc_type="journal_article",
                 source_path="journal/t.txt", content_sha256="ab" * 32, adapter="journal_text@2",
                 doi="10.5555/test.2024.001", doi_key="10.5555/test.2024.001", doi_valid=True,
                 title_zh="肝细胞癌骨转移研究进展",
                 title_en="Research progress in bone metastasis from hepatocellular carcinoma",
                 journal_zh="示例肝胆外科杂志", journal_en="Example Journal of Hepatobiliary Surgery",
                 year=2024, volume="9", issue="05", first_page="301", last_page="306",
                 received_date=dt.date(2024, 1, 5), accepted_date=dt.date(2024, 3, 1),
                 published_date=dt.date(2024, 5, 10), quality_flags=["truncated:references"])
    for k, v in kw.items():
        setattr(d, k, v)
    return ParsedDocument(
        d,
        authors=[Author(1, "王明", "Ming Wang", [1]), Author(2, "张华", "Hua Zhang", [2, 3]),
                 Author(3, "刘洋", "Yang Liu", [1, 2], is_corresponding=True, email="liuy@example.org")],
        affiliations=[Affiliation(1, "示例大学第一医院肝胆外科", "Department of Hepatobiliary Surgery, First "
                                  "Hospital of Example University, Beijing 100000, China", "100000"),
                      Affiliation(2, "示例大学第一医院放射治疗科", None, "100000"),
                      Affiliation(3, "示例大学医学部", "Health Science Center, Example University",
                                  "100000")],
        abstracts=[Abstract("zh", ZH_STRUCTURED), Abstract("en", EN_STRUCTURED)],
        keywords=[Keyword("zh", 1, "肝细胞癌"), Keyword("zh", 2, "骨转移"),
                  Keyword("en", 1, "Bone metastasis")],
        references=[Reference(1, "张三, 李四. 示例[J]. 示例杂志, 2020, 1(1): 1-2.")],
    )


def test_a_clean_document_is_left_exactly_as_it_was():
    doc = _doc()
    before = dataclasses.asdict(doc)
    validate_document(doc)
    assert dataclasses.asdict(doc) == before


def test_junk_values_are_nulled_or_dropped_flagged_and_rows_renumbered():
    doc = _doc(title_en="DOI: 10.12677/acm.2024.141234, PDF, HTML, XML, 下载: 12 浏览: 40",
               journal_zh="本刊由中华医学会主办。", issue="下载", revised_date=dt.date(2024, 4, 1),
               corresponding_author_zh="通信作者", corresponding_email="Email:")
    doc.authors.insert(1, Author(2, "展开", "Expand", [2]))  # chrome parsed as an author
    for i, a in enumerate(doc.authors, 1):
        a.position = i
    doc.authors[0].name_en = "Ming Wang1"  # the label digit left on one name: only that value goes
    doc.affiliations[1].name_zh = "张三, 李四"  # affiliation 2 holds names: nothing valid left
    doc.abstracts[0].text = "版权所有 © 2021 《示例杂志》编辑部。未经授权, 不得转载。"
    doc.keywords[0].text = "关键词: 肝细胞癌"
    doc.keywords.append(Keyword("zh", 3, "预后"))
    validate_document(doc)
    d = doc.document
    nulled = (d.title_en, d.journal_zh, d.issue, d.corresponding_author_zh, d.corresponding_email)
    assert nulled == (None,) * 5
    # revised (Apr 1) after accepted (Mar 1): which one is wrong is unknown, both go
    assert (d.revised_date, d.accepted_date) == (None, None)
    assert d.received_date == dt.date(2024, 1, 5) and d.published_date == dt.date(2024, 5, 10)
    assert d.title_zh == "肝细胞癌骨转移研究进展" and d.doi == "10.5555/test.2024.001"
    assert d.quality_flags == [
        "truncated:references",  # the adapter's own flags stay first
        "invalid:title_en:doi", "invalid:journal_zh:banner", "invalid:issue:bad_format",
        "invalid:corresponding_author_zh:label", "invalid:corresponding_email:email",
        "invalid:revised_date:date_order", "invalid:accepted_date:date_order",
        "invalid:affiliations.name_zh:author_list",
        "invalid:authors.name_en:not_a_name",  # author 1, then author 2 (row order, then zh before en)
        "invalid:authors.name_zh:ui_string", "invalid:authors.name_en:ui_string",
        "invalid:abstract_zh:copyright", "invalid:keyword_zh:label",
    ]
    # authors: the chrome row is dropped, positions are 1..n again; affiliation 2 is gone, so no
    # author points at it any more; the others keep their printed labels
    assert [(a.position, a.name_zh, a.name_en, a.affiliation_ids) for a in doc.authors] == [
        (1, "王明", None, [1]), (2, "张华", "Hua Zhang", [3]), (3, "刘洋", "Yang Liu", [1])]
    assert [a.affiliation_id for a in doc.affiliations] == [1, 3]
    known = {a.affiliation_id for a in doc.affiliations}
    assert all(i in known for a in doc.authors for i in a.affiliation_ids)
    assert doc.authors[2].is_corresponding and doc.authors[2].email == "liuy@example.org"
    assert sorted((k.lang, k.position, k.text) for k in doc.keywords) == [
        ("en", 1, "Bone metastasis"), ("zh", 1, "骨转移"), ("zh", 2, "预后")]
    assert [a.lang for a in doc.abstracts] == ["en"]
    for name, rows in bundle_rows(doc).items():  # still fits the tables
        assert isinstance(rows, list), name


def test_flags_are_deterministic_and_not_duplicated_and_validation_is_idempotent():
    def junk():
        doc = _doc()
        for a in doc.authors:
            a.name_zh = a.name_zh + "1"
        return doc
    a, b = junk(), junk()
    validate_document(a)
    validate_document(b)
    assert a.document.quality_flags == b.document.quality_flags
    assert a.document.quality_flags.count("invalid:authors.name_zh:not_a_name") == 1
    once = dataclasses.asdict(a)
    validate_document(a)
    assert dataclasses.asdict(a) == once


def test_an_invalid_doi_is_dropped_and_the_id_falls_back_to_the_content_hash():
    doc = _doc(doi="10.5555/", doi_key="10.5555/", doc_id="doi:10.5555/")
    validate_document(doc)
    d = doc.document
    assert (d.doi, d.doi_key, d.doi_valid) == (None, None, None)
    assert d.doc_id == "sha256:" + "ab" * 8
    assert "invalid:doi:invalid_doi" in d.quality_flags


def test_a_title_that_is_the_journal_name_is_not_a_title():
    doc = _doc(title_zh="示例肝胆外科杂志")
    validate_document(doc)
    assert doc.document.title_zh is None and "invalid:title_zh:journal_name" in doc.document.quality_flags


def test_a_shell_of_junk_is_quarantined_with_what_was_rejected_and_missing():
    doc = _doc(title_zh="文章信息", title_en=CNKI_RECORD)
    doc.abstracts = [Abstract("zh", "版权所有 © 2021 示例杂志编辑部。")]
    doc.references = []
    with pytest.raises(NotADocument) as e:
        validate_document(doc)
    assert e.value.stage == "validate"
    msg = e.value.message
    assert msg.startswith("no valid title, abstract or references: ")
    assert "title_zh rejected (label)" in msg and "title_en rejected (too_long)" in msg
    assert "abstract_zh rejected (copyright)" in msg
    assert "none found: abstract_en, references" in msg
    assert "journal_text@2" in msg


@pytest.mark.parametrize("keep", ["title_en", "abstract", "references"])
def test_any_one_of_title_abstract_or_references_keeps_a_journal_document(keep):
    doc = _doc(title_zh=None, title_en="Research progress in bone metastasis" if keep == "title_en" else None)
    doc.abstracts = [Abstract("en", EN_PLAIN)] if keep == "abstract" else []
    if keep != "references":
        doc.references = []
    validate_document(doc)  # no raise


def test_an_ai_summary_needs_a_title_or_a_claim():
    def ai(title, claims):
        d = Document(doc_id="droracle:1", source="ai_summary", doc_type="ai_summary", source_path="ai/x.txt",
                     content_sha256="cd" * 32, adapter="ai_summary@1", title_en=title)
        return ParsedDocument(d, claims=claims)
    claim = Claim(1, None, None, "sentence", 0, None, "Bone metastasis occurs in HCC.")
    validate_document(ai("Does HCC metastasize to the bone?", []))
    validate_document(ai(None, [claim]))
    with pytest.raises(NotADocument, match=r"no valid title and no claims: title_en rejected \(no_text\)"):
        validate_document(ai("0", []))


# ----------------------------------------------------------------------------- in the pipeline

JUNK_PAGE = ("中华示例外科杂志  2020, Vol. 41 Issue (1): 115-119   PDF\n本刊由中华医学会主办。\n0\n文章信息\n"
             "全文 图表 参考文献\n版权所有 © 2020 《中华示例外科杂志》编辑部。未经授权，不得转载。\n[复制中文"
             "]\n")


def test_a_page_of_junk_is_quarantined_at_stage_validate_and_never_published(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/junk_only.txt": JUNK_PAGE,
                                        "journal/000_seed.txt": JOURNAL_SEED.read_bytes()})
    out = tmp_path / "out"
    ingest(raw, out)
    errors = pd.read_parquet(out / "errors").set_index("source_path")
    row = errors.loc["journal/junk_only.txt"]
    # Since the evidence-based text parser (journal_text@3) the adapter itself finds nothing on
    # this page (the banner is chrome, not a title): quarantined at parse. Either way, never published.
    if row["stage"] == "parse":
        assert row["error_type"] == "ParseError" and row["message"].startswith("truncated beyond use")
    else:
        assert (row["stage"], row["error_type"]) == ("validate", "NotADocument")
        assert row["message"].startswith("no valid title, abstract or references: title_zh rejected (banner)")
    docs = pd.read_parquet(out / "documents")
    assert list(docs["source_path"]) == ["journal/000_seed.txt"]


def test_the_validator_version_is_part_of_the_cache_key(monkeypatch):
    import hccbone_ingest.pipeline as pipeline

    before = pipeline_version(steps=[])
    monkeypatch.setattr(pipeline, "VALIDATOR_VERSION", pipeline.VALIDATOR_VERSION + 1)
    assert pipeline_version(steps=[]) != before


def _unvalidated(path: Path, rel: str) -> ParsedDocument:
    """What parse_raw gave before the validators: the adapter's output, stamped."""
    raw = read_raw(path, rel)
    adapter = pick_adapter(raw)
    doc = adapter.parse(raw)
    d = doc.document
    d.source_path, d.content_sha256, d.adapter = raw.path, raw.sha256, adapter.id()
    d.encoding = raw.decoded.encoding
    return doc


_EXISTING = [JOURNAL_SEED, AI_SEED, *sorted((FIXTURES / "journal").glob("*.txt")),
             *sorted((FIXTURES / "journal_html").glob("*.html")),
             *sorted((FIXTURES / "ai_summary").glob("droracle_*"))]


@pytest.mark.parametrize("path", _EXISTING, ids=lambda p: p.name)
def test_the_seeds_and_existing_fixtures_publish_exactly_as_before(path):
    folder = "ai_summary" if "ai_summary" in str(path) else "journal"
    rel = f"{folder}/{path.name}"
    validated = parse_raw(read_raw(path, rel))
    assert not [f for f in validated.document.quality_flags if f.startswith("invalid:")]
    assert bundle_rows(validated) == bundle_rows(_unvalidated(path, rel))


def test_the_seed_goes_through_process_files_unchanged():
    [o] = process_files([(JOURNAL_SEED, "journal/000_6ece0f8cf8a7fa44.txt")], steps=[])
    assert o.doc is not None and o.doc.document.quality_flags == []
    assert [a.name_zh for a in o.doc.authors] == ["罗臻", "韦鹏程", "孙馨", "李照"]
    assert [a.name_en for a in o.doc.authors] == ["Chen Lo", "Pengcheng Wei", "Xin Sun", "Zhao Li"]


# ----------------------------------------------------------------------------- the page fixtures' good values

_PAGES = Path(os.environ.get("HCCBONE_PAGES_FIXTURES", FIXTURES / "pages"))
_EXPECTED = sorted(_PAGES.glob("*/*.expected.json"))


@pytest.mark.skipif(not _EXPECTED, reason="no page fixtures with expected fields yet")
def test_no_value_a_person_reads_off_a_fixture_page_is_rejected():
    """Every expected value of the page fixtures (our content, real layouts) passes its validator."""
    rejected = []
    for path in _EXPECTED:
        fields = json.loads(path.read_text(encoding="utf-8")).get("fields") or {}
        for lang in ("zh", "en"):
            checks = [(f"title_{lang}", fields.get(f"title_{lang}"), title_reason),
                      (f"abstract_{lang}", fields.get(f"abstract_{lang}"), abstract_reason)]
            checks += [(f"authors_{lang}", v, name_reason) for v in fields.get(f"authors_{lang}") or []]
            checks += [(f"affiliations_{lang}", v, affiliation_reason)
                       for v in fields.get(f"affiliations_{lang}") or []]
            checks += [(f"keywords_{lang}", v, keyword_reason) for v in fields.get(f"keywords_{lang}") or []]
            for name, value, check in checks:
                if value and (reason := check(value, lang)):
                    rejected.append(f"{path.parent.name}/{path.name}: {name}: {reason}: {value[:60]}")
        if fields.get("doi") and doi_reason(fields["doi"]):
            rejected.append(f"{path.name}: doi")
    assert rejected == []
