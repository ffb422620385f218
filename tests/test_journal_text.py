"""Golden tests of the journal text adapter.

Every expected value below was read off the source text (the seed page in raw/journal/, or
the small fixtures in tests/fixtures/journal/, described in their README), not copied from
the parser's output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hccbone_ingest.errors import ParseError
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources import _journal_fields as jf
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.journal_text import JournalTextAdapter, _doi_continues, parse_journal_text
from hccbone_ingest.sources.registry import score_adapters
from hccbone_ingest.tables import TABLES, bundle_rows, to_arrow

REPO = Path(__file__).resolve().parents[1]
SEED_REL = "journal/000_6ece0f8cf8a7fa44.txt"
SEED = REPO / "raw" / SEED_REL
AI_SEED = REPO / "raw" / "ai_summary" / "003_7ad5b4fcf74b5bd2.txt"
FIX = REPO / "tests" / "fixtures" / "journal"
SEED_DOI = "10.3877/cma.j.issn.2095-3232.2025.04.004"


def _raw(path: Path, rel: str) -> RawInput:
    return RawInput(path=rel, data=path.read_bytes())


def _parse(path: Path, rel: str) -> ParsedDocument:
    return JournalTextAdapter().parse(_raw(path, rel))


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return _parse(SEED, SEED_REL)


@pytest.fixture(scope="module")
def structured() -> ParsedDocument:
    return _parse(FIX / "structured_abstract.txt", "journal/structured_abstract.txt")


# ----------------------------------------------------------------------------- the seed page

def test_seed_document_fields(seed: ParsedDocument) -> None:
    d = seed.document
    assert d.doc_id == f"doi:{SEED_DOI}"
    assert d.source == "journal"
    assert d.doc_type == "journal_article"
    assert d.source_path == SEED_REL
    assert d.doi == SEED_DOI
    assert d.doi_key == SEED_DOI
    assert d.doi_valid is True
    assert d.journal_zh == "中华肝脏外科手术学电子杂志"
    assert d.journal_en == "Chinese Journal of Hepatic Surgery(Electronic Edition)"
    assert d.issn == "2095-3232"  # encoded in the CMA DOI
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2025, "14", "04", "522", "527")
    assert d.section == "专家论坛"
    assert d.title_zh == "肝细胞癌骨转移研究进展"
    assert d.title_en == "Research progress in bone metastasis from hepatocellular carcinoma"
    assert d.received_date == dt.date(2025, 1, 25)
    assert d.published_date == dt.date(2025, 8, 10)
    assert d.revised_date is None and d.accepted_date is None
    assert d.corresponding_author_zh == "李照"
    assert d.corresponding_author_en == "Zhao Li"
    assert d.corresponding_email is None
    assert d.funding_zh == "首都卫生发展科研专项(首发2022-2-4084)"
    assert d.funding_en is None
    assert d.citation_zh == ("罗臻, 韦鹏程, 孙馨, 李照. 肝细胞癌骨转移研究进展[J/OL]. "
                             "中华肝脏外科手术学电子杂志, 2025, 14(04): 522-527.")
    assert d.citation_en == (
        "Chen Lo, Pengcheng Wei, Xin Sun, Zhao Li. Research progress in bone metastasis from hepatocellular "
        "carcinoma[J/OL]. Chinese Journal of Hepatic Surgery(Electronic Edition), 2025, 14(04): 522-527."
    )
    assert d.url is None and d.site_id is None
    assert d.quality_flags == []  # header, self-citations and DOI agree on the seed
    assert d.provenance["issn"] == "doi"
    assert d.provenance["journal_en"] == "citation_en"
    assert d.provenance["title_zh"] == "text"


def test_seed_authors_paired_by_position(seed: ParsedDocument) -> None:
    got = [(a.position, a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding, a.email)
           for a in seed.authors]
    assert got == [
        (1, "罗臻", "Chen Lo", [1], False, None),
        (2, "韦鹏程", "Pengcheng Wei", [1], False, None),
        (3, "孙馨", "Xin Sun", [2], False, None),
        (4, "李照", "Zhao Li", [1], True, None),
    ]


def test_seed_affiliations_paired_by_label(seed: ParsedDocument) -> None:
    got = [(a.affiliation_id, a.postcode, a.name_zh, a.name_en) for a in seed.affiliations]
    assert got == [
        (1, "100044", "北京大学人民医院肝胆外科",
         "Department of Hepatobiliary Surgery, Peking University People’s Hospital, Beijing 100044, China"),
        (2, "100044", "北京大学人民医院骨肿瘤科",
         "Department of Bone Oncology, Peking University People’s Hospital, Beijing 100044, China"),
    ]


SEED_ABSTRACT_ZH = (
    "肝细胞癌(肝癌)在我国发病率高,肝癌骨转移的早期诊断率较低、预后较差,且目前仍未有明确的治疗共识,"
    "是转移性肝癌需攻克的难点之一。肝癌骨转移的发病机制尚未完全明确,可能与外泌体、上皮-间质转化(EMT)"
    "和骨微环境有关。放疗、手术局部切除等对转移灶进行治疗可以延长患者的生存期,但系统治疗仍是肝癌骨转移的"
    "主要治疗措施。以系统治疗为主,针对患者实施个体化治疗,可提高患者生活质量并延长生存期。本文就肝癌骨转移"
    "的临床特征、转移机制和治疗进展等内容进行阐述,以期为临床工作提供依据。"
)
SEED_ABSTRACT_EN = (
    "The incidence of hepatocellular carcinoma (HCC) is high in China. The early diagnostic rate of bone "
    "metastasis from HCC is low, and clinical prognosis is poor. At present, no definite treatment "
    "consensus has been reached, which is one of the difficulties to be resolved for metastatic HCC. "
    "The pathogenesis of bone metastasis from HCC remains elusive, which is probably associated with "
    "exosomes, epithelial-mesenchymal transition (EMT) and bone microenvironment. Radiotherapy, local "
    "surgical resection and other treatments for metastatic lesions can prolong the survival time of "
    "patients. However, systematic treatment is still the main therapy for bone metastasis from HCC. Based "
    "on systematic treatments, individualized treatments for patients can improve the quality of life and "
    "prolong the survival time. In this article, clinical characteristics, mechanism of metastasis and "
    "treatment progress of bone metastasis from HCC were illustrated, aiming to provide evidence for "
    "clinical work."
)


def test_seed_abstracts(seed: ParsedDocument) -> None:
    assert [a.lang for a in seed.abstracts] == ["zh", "en"]
    assert seed.abstract("zh") == SEED_ABSTRACT_ZH
    assert seed.abstract("en") == SEED_ABSTRACT_EN
    assert seed.keywords == []  # the seed prints none


SEED_REF_DOIS = {
    1: "10.3877/cma.j.issn.2095-3232.2024.04.001", 2: "10.1007/s12029-017-9998-6",
    3: "10.6004/jnccn.2017.7024", 4: "10.12659/MSM.913470", 5: "10.3389/fonc.2022.943866",
    6: "10.1152/physrev.00012.2019", 7: "10.1016/S1499-3872(16)60173-X", 8: "10.1002/hep.29920",
    9: "10.1186/s13046-018-0965-2", 10: "10.1016/j.jhep.2016.05.007", 11: "10.1080/02648725.2023.2216966",
    12: "10.1016/j.ymthe.2021.02.016", 13: "10.1016/j.bcp.2023.115615",
    14: "10.3760/cma.j.issn.2096-5400.2018.02.010", 15: "10.1186/s12943-019-1044-9",
    16: "10.1186/s41232-019-0111-3", 17: "10.1245/s10434-006-9277-4", 18: "10.11005/jbm.2017.24.4.249",
    19: "10.1159/000110454", 20: "10.3389/fcell.2020.00435", 21: "10.1155/2018/2640342",
    22: "10.3322/caac.21388", 23: "10.1016/j.jhep.2021.11.018", 24: "10.1056/NEJMoa1915745",
    25: "10.1016/S1470-2045(21)00252-7", 26: "10.2147/OTT.S365652", 27: "10.1093/annonc/mdx178",
    28: "10.1056/NEJMra1703481", 29: "10.1200/jco.2019.37.15_suppl.tps4152", 30: "10.1056/NEJMcibr2106594",
    31: "10.3747/co.27.6631", 32: "10.1002/cam4.1738", 33: "10.1007/s10585-014-9641-x",
    34: "10.3760/cma.j.issn.1007-631X.2013.03.008", 35: "10.30476/mejc.2021.84106.1201",
    36: "10.1155/2021/5190611",
}


def test_seed_references_numbers_and_dois(seed: ParsedDocument) -> None:
    assert [r.ref_no for r in seed.references] == list(range(1, 37))
    assert {r.ref_no: r.doi for r in seed.references} == SEED_REF_DOIS
    for r in seed.references:  # every entry ends `<DOI>.`; that period is not part of the DOI
        assert r.raw.endswith(f"{r.doi}.")


def test_seed_reference_raw_strings(seed: ParsedDocument) -> None:
    refs = {r.ref_no: r.raw for r in seed.references}
    assert refs[1] == ("中华人民共和国国家卫生健康委员会医政司.原发性肝癌诊疗指南(2024年版)[J/OL]."
                       "中华肝脏外科手术学电子杂志, 2024, 13(4): 407-449. "
                       "DOI: 10.3877/cma.j.issn.2095-3232.2024.04.001.")
    assert refs[14] == ("党东民, 董栋, 罗小虎, 等. 骨组织微环境PTEN和AKT状态与肝癌骨转移预后的相关性研究[J]. "
                        "中华转移性肿瘤杂志, 2018, 1(2): 46-51. "
                        "DOI:10.3760/cma.j.issn.2096-5400.2018.02.010.")
    assert refs[29].startswith("Llovet JM, Kudo M, Cheng AL, et al. Lenvatinib (len) plus pembrolizumab")
    assert refs[36] == ("Chen L, Wang Z, Song S, et al. The efficacy of radiotherapy in the treatment of "
                        "hepatocellular carcinoma with distant organ metastasis[J]. J Oncol, 2021, 2021: "
                        "5190611. DOI: 10.1155/2021/5190611.")
    assert all(r.parsed is None for r in seed.references)  # GB/T 7714 parsing is an enrichment step


SEED_RELATED_FIRST_AUTHORS = ["汪玉红", "邱益霖", "卢超", "何海霞", "刘咏博", "杨健", "李雪铭", "杨钰泽",
                              "张铭燊", "龙吟", "张宏斌", "甘翌翔", "夏长河", "陈雨浩", "宋陈晨"]


def test_seed_related_articles(seed: ParsedDocument) -> None:
    rel = seed.related_articles
    assert [r.item_no for r in rel] == list(range(1, 16))
    assert [r.raw.split(",", 1)[0] for r in rel] == SEED_RELATED_FIRST_AUTHORS
    assert rel[0].raw == ("汪玉红, 张林倩, 胡腾飞, 卫明慧, 汪苑苑, 刘杨, 王新文. "
                          "盘状红斑狼疮中上皮-间质转化现象及Th1型炎症因子的作用[J/OL]. "
                          "中华口腔医学研究杂志(电子版), 2025, 19(03): 181-188.")
    # [8] is from the same journal issue as the page itself: still a related article.
    assert rel[7].raw == ("杨钰泽, 徐家豪, 杨一石, 王明达, 杨田. 肝细胞癌新辅助治疗进展[J/OL]. "
                          "中华肝脏外科手术学电子杂志, 2025, 14(04): 515-521.")
    assert rel[14].raw == ("宋陈晨, 梁天赐, 赵悦, 张超贻, 王辉, 问婷芝, 戎彪学. "
                           "X 型胶原α1 在恶性肿瘤中的研究进展[J/OL]. "
                           "中华临床医师杂志(电子版), 2025, 19(03): 221-228.")


def _all_strings(doc: ParsedDocument) -> list[str]:
    out: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list | tuple):
            for v in x:
                walk(v)

    walk(dataclasses.asdict(doc))
    return out


def test_seed_page_chrome_is_dropped_and_strings_are_clean(seed: ParsedDocument) -> None:
    strings = _all_strings(seed)
    for noise in ("切换至", "中华医学电子期刊资源库", "阅读次数", "•", "引用本文", "\u00a0", "\n", "  "):
        assert not any(noise in s for s in strings), noise
    assert all(s == s.strip() for s in strings)


def test_seed_rows_fit_the_table_schemas(seed: ParsedDocument) -> None:
    rows = bundle_rows(seed)
    for name, table_rows in rows.items():
        table = to_arrow(name, table_rows)
        assert table.schema.equals(TABLES[name].schema, check_metadata=False)
    assert len(rows["references"]) == 36 and len(rows["related_articles"]) == 15
    assert rows["documents"][0]["received_date"] == dt.date(2025, 1, 25)


def test_parsing_is_deterministic() -> None:
    a, b = _parse(SEED, SEED_REL), _parse(SEED, SEED_REL)
    assert a == b
    assert repr(bundle_rows(a)) == repr(bundle_rows(b))


def test_parse_journal_text_works_without_a_raw_input(seed: ParsedDocument) -> None:
    doc = parse_journal_text(SEED.read_text(encoding="utf-8"))
    assert doc.document.doc_id == f"doi:{SEED_DOI}"
    assert doc.document.source_path == ""
    assert doc.references == seed.references and doc.authors == seed.authors


# ----------------------------------------------------------------------------- can_parse

def test_can_parse_seed_with_high_confidence() -> None:
    adapter = JournalTextAdapter()
    data = SEED.read_bytes()
    in_journal = adapter.can_parse(RawInput(path=SEED_REL, data=data))
    elsewhere = adapter.can_parse(RawInput(path="inbox/page.txt", data=data))
    assert 0.8 <= elsewhere < in_journal <= 1.0


def test_can_parse_rejects_the_ai_summary_seed() -> None:
    data = AI_SEED.read_bytes()
    rel = "ai_summary/003_7ad5b4fcf74b5bd2.txt"
    assert JournalTextAdapter().can_parse(RawInput(path=rel, data=data)) == 0
    # ... even when it is misfiled under journal/
    assert JournalTextAdapter().can_parse(RawInput(path="journal/misfiled.txt", data=data)) == 0


def test_can_parse_rejects_html() -> None:
    html = b"<!DOCTYPE html><html><body>" + SEED.read_bytes() + b"</body></html>"
    assert JournalTextAdapter().can_parse(RawInput(path="journal/page.html", data=html)) == 0


def test_can_parse_without_header_uses_other_cues() -> None:
    text = SEED.read_text(encoding="utf-8")
    no_header = "\n".join(line for line in text.splitlines() if "››" not in line)
    score = JournalTextAdapter().can_parse(RawInput(path="x/page.txt", data=no_header.encode()))
    assert 0.5 <= score <= 0.8
    assert JournalTextAdapter().can_parse(RawInput(path="x/note.txt", data=b"just a note\n")) == 0


def test_registry_picks_this_adapter_for_the_seed() -> None:
    best_score, best = score_adapters(_raw(SEED, SEED_REL))[0]
    assert best.name == "journal_text" and best_score > 0.8


# ----------------------------------------------------------------------------- structured variant

def test_structured_document_fields(structured: ParsedDocument) -> None:
    d = structured.document
    assert d.doi == "10.5555/j.issn.1234-5678.2024.05.003"
    assert d.doc_id == "doi:10.5555/j.issn.1234-5678.2024.05.003"
    assert (d.journal_zh, d.journal_en) == ("示例肝胆外科杂志", "Example Journal of Hepatobiliary Surgery")
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2024, "9", "05", "301", "306")
    assert d.issn is None  # not a CMA DOI
    assert d.section == "论著"
    assert d.title_zh == "肝细胞癌骨转移患者放射治疗的疗效分析"
    assert d.title_en == "Efficacy of radiotherapy for bone metastasis from hepatocellular carcinoma"
    assert d.received_date == dt.date(2024, 3, 2)
    assert d.revised_date == dt.date(2024, 5, 18)
    assert d.accepted_date == dt.date(2024, 6, 20)
    assert d.published_date == dt.date(2024, 10, 10)
    assert (d.corresponding_author_zh, d.corresponding_author_en) == ("陈静", "Jing Chen")
    assert d.corresponding_email == "chenjing@example.org"
    assert d.funding_zh == "国家自然科学基金(82000000)"
    assert d.funding_en == "National Natural Science Foundation of China (82000000)"
    assert d.quality_flags == []


def test_structured_multi_label_superscripts(structured: ParsedDocument) -> None:
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding, a.email) for a in structured.authors]
    assert got == [
        ("王明", "Ming Wang", [1], False, None),
        ("张华", "Hua Zhang", [2, 3], False, None),  # `2,3`
        ("刘洋", "Yang Liu", [1, 2], False, None),  # `1, 2` with a space: not a name
        ("陈静", "Jing Chen", [1], True, "chenjing@example.org"),
    ]
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in structured.affiliations] == [
        (1, "示例大学第一医院肝胆外科", "100000"),
        (2, "示例大学第一医院放射治疗科", "100000"),
        (3, "示例大学医学部", "100000"),
    ]
    assert structured.affiliations[2].name_en == \
        "Health Science Center, Example University, Beijing 100000, China"


def test_structured_abstracts_keep_part_labels_inline(structured: ParsedDocument) -> None:
    assert structured.abstract("zh") == (
        "目的 探讨放射治疗对肝细胞癌骨转移患者疼痛缓解的效果。"
        "方法 回顾性分析2018年1月至2022年12月收治的60例患者的临床资料。"
        "结果 疼痛缓解率为80%(48/60)。结论 放射治疗可有效缓解肝细胞癌骨转移患者的疼痛。"
    )
    # `Abstract:` alone on its line, each part on its own line: joined with single spaces.
    assert structured.abstract("en") == (
        "Objective To evaluate the effect of radiotherapy on pain relief in patients with bone metastasis "
        "from hepatocellular carcinoma. Methods Clinical data of 60 patients treated from January 2018 to "
        "December 2022 were retrospectively analyzed. Results The pain relief rate was 80% (48/60). "
        "Conclusions Radiotherapy can effectively relieve pain in patients with bone metastasis from "
        "hepatocellular carcinoma."
    )


def test_structured_keywords(structured: ParsedDocument) -> None:
    got = [(k.lang, k.position, k.text) for k in structured.keywords]
    assert got == [
        ("zh", 1, "肝细胞癌"), ("zh", 2, "骨转移"), ("zh", 3, "放射治疗"),
        # semicolons separate; the comma inside the MeSH-style heading stays
        ("en", 1, "Carcinoma, hepatocellular"), ("en", 2, "Bone metastasis"), ("en", 3, "Radiotherapy"),
    ]


def test_structured_references_rejoin_broken_dois(structured: ParsedDocument) -> None:
    refs = {r.ref_no: r for r in structured.references}
    assert sorted(refs) == [1, 2, 3]
    assert refs[1].doi == "10.5555/02648725.2023.2216966"  # broken after a period
    assert refs[1].raw.endswith("DOI: 10.5555/02648725.2023.2216966.")
    assert refs[3].doi == "10.5555/s13046-018-0965-2"  # broken after a hyphen
    # The bilingual pair: two lines of one reference, joined with a space, not glued.
    assert refs[2].raw == (
        "王明, 张华. 一篇中英双语的参考文献[J]. 示例肝胆外科杂志, 2019, 4(2): 10-15. "
        "DOI: 10.5555/j.issn.1234-5678.2019.02.001. Wang M, Zhang H. A bilingual reference[J]. "
        "Example Journal of Hepatobiliary Surgery, 2019, 4(2): 10-15. "
        "DOI: 10.5555/j.issn.1234-5678.2019.02.001."
    )
    assert refs[2].doi == "10.5555/j.issn.1234-5678.2019.02.001"
    assert [(r.item_no, r.raw) for r in structured.related_articles] == [
        (1, "刘洋, 陈静. 示例相关文章一[J/OL]. 示例肝胆外科杂志, 2023, 8(01): 1-6."),
        (2, "张华, 王明. 示例相关文章二[J/OL]. 示例肝胆外科杂志, 2022, 7(02): 7-12."),
    ]


# ----------------------------------------------------------------------------- damaged and partial pages

def test_truncated_copy_keeps_header_and_complete_references() -> None:
    doc = _parse(FIX / "seed_truncated_in_refs.txt", "journal/seed_truncated_in_refs.txt")
    d = doc.document
    assert d.doc_id == f"doi:{SEED_DOI}"
    assert (d.journal_zh, d.year, d.volume, d.issue, d.first_page, d.last_page) == \
        ("中华肝脏外科手术学电子杂志", 2025, "14", "04", "522", "527")
    assert d.title_zh == "肝细胞癌骨转移研究进展"
    assert doc.abstract("zh") == SEED_ABSTRACT_ZH and doc.abstract("en") == SEED_ABSTRACT_EN
    assert [r.ref_no for r in doc.references] == list(range(1, 13))
    assert {r.ref_no: r.doi for r in doc.references[:11]} == {n: SEED_REF_DOIS[n] for n in range(1, 12)}
    # The copy stops inside ref 12's DOI: its text is kept, the half DOI is not.
    assert doc.references[11].raw.endswith("DOI: 10.1016/j.ymthe.20")
    assert doc.references[11].doi is None
    assert "truncated:references" in d.quality_flags
    assert doc.related_articles == []


def test_page_without_related_articles() -> None:
    doc = _parse(FIX / "no_related.txt", "journal/no_related.txt")
    assert doc.related_articles == []
    assert [(r.ref_no, r.doi) for r in doc.references] == [
        (1, "10.12659/MSM.913470"), (2, "10.6004/jnccn.2017.7024")]
    assert doc.document.quality_flags == []
    # One affiliation without a label on the authors: everybody's, by convention.
    assert [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in doc.authors] == [
        ("赵一", "Yi Zhao", [1], False), ("钱二", "Er Qian", [1], False), ("孙三", "San Sun", [1], True)]
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations] == [
        (1, "示例大学附属医院影像科", "100000")]
    assert doc.abstract("zh") == "骨转移是肝癌常见的肝外转移形式。本文综述了骨转移的影像学诊断方法。"
    assert doc.document.section == "综述" and doc.document.funding_zh is None


def test_trailing_legend_is_not_an_abstract_label() -> None:
    text = SEED.read_text(encoding="utf-8")
    before_refs = text[: text.index("\n[1]\n")]
    doc = parse_journal_text(before_refs + "\n阅读次数\n全文\n\n\n摘要\n")
    assert doc.abstract("zh") == SEED_ABSTRACT_ZH and doc.abstract("en") == SEED_ABSTRACT_EN
    assert doc.references == [] and doc.related_articles == []


def test_inline_references_without_related_are_references() -> None:
    text = SEED.read_text(encoding="utf-8")
    head = text[: text.index("\n[1]\n")]
    doc = parse_journal_text(head + "\n[1] A B. One[J]. X, 2020, 1: 1. DOI: 10.1000/one.\n"
                                    "[2] C D. Two[J]. Y, 2021, 2: 2.\n")
    assert [(r.ref_no, r.doi) for r in doc.references] == [(1, "10.1000/one"), (2, None)]
    assert doc.related_articles == []


def test_page_without_header_takes_journal_fields_from_the_self_citation() -> None:
    text = "\n".join(line for line in SEED.read_text(encoding="utf-8").splitlines() if "››" not in line)
    doc = parse_journal_text(text)
    d = doc.document
    assert d.doi is None and d.doc_id.startswith("sha256:")
    assert (d.journal_zh, d.year, d.volume, d.issue, d.first_page, d.last_page) == \
        ("中华肝脏外科手术学电子杂志", 2025, "14", "04", "522", "527")
    assert d.provenance["year"] == "citation_zh" and d.provenance["journal_zh"] == "citation_zh"
    assert d.section == "专家论坛" and d.title_zh == "肝细胞癌骨转移研究进展"
    assert len(doc.authors) == 4 and len(doc.references) == 36


def test_keyword_label_alone_on_its_line() -> None:
    text = SEED.read_text(encoding="utf-8")
    head = text[: text.index("\n[1]\n")]
    doc = parse_journal_text(head + "\n关键词:\n肝细胞癌; 骨转移\n\nKey words:\nBone metastasis, HCC\n")
    assert [(k.lang, k.position, k.text) for k in doc.keywords] == [
        ("zh", 1, "肝细胞癌"), ("zh", 2, "骨转移"), ("en", 1, "Bone metastasis"), ("en", 2, "HCC")]
    assert doc.abstract("zh") == SEED_ABSTRACT_ZH and doc.abstract("en") == SEED_ABSTRACT_EN


def test_header_and_self_citation_disagreement_is_flagged() -> None:
    text = SEED.read_text(encoding="utf-8").replace("Vol. 14 ›› Issue (04) : 522 -527.",
                                                    "Vol. 15 ›› Issue (05) : 522 -527.")
    flags = parse_journal_text(text).document.quality_flags
    assert "self_citation_mismatch:volume" in flags and "self_citation_mismatch:issue" in flags
    assert "doi_issue_mismatch" in flags  # the CMA DOI says issue 04
    assert "self_citation_mismatch:year" not in flags


@pytest.mark.parametrize("text", [
    '切换至 "中华医学电子期刊资源库"\n',
    "  • 收稿日期:2025-01-25 出版日期:2025-08-10\n  • 通信作者: 李照\n",
    "just a note\nwith two lines\n",
    "阅读次数\n全文\n\n\n摘要",
])
def test_truncated_beyond_use_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="truncated beyond use"):
        parse_journal_text(text)


def test_header_only_is_still_a_document() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = parse_journal_text(text[: text.index("专家论坛")])
    assert doc.document.doi == SEED_DOI and doc.document.title_zh is None and doc.authors == []


# ----------------------------------------------------------------------------- field parsers

def test_split_names_label_forms() -> None:
    items = jf.split_names("张三2,3, 李四1, 2, 王五1,() , 赵六*")
    assert items is not None
    assert [(i.name, i.labels, i.marked) for i in items] == [
        ("张三", [2, 3], False), ("李四", [1, 2], False), ("王五", [1], True), ("赵六", [], True)]
    assert [i.labels for i in jf.split_names("A B1-3, C D2") or []] == [[1, 2, 3], [2]]
    assert jf.zh_author_items("肝细胞癌骨转移研究进展") is None
    assert jf.en_author_items("Research progress in bone metastasis from hepatocellular carcinoma") is None


def test_affiliation_line_forms() -> None:
    a = jf.parse_zh_affiliation("1. 1100044 北京大学人民医院肝胆外科")
    assert (a.label, a.postcode, a.name) == (1, "100044", "北京大学人民医院肝胆外科")  # type: ignore[union-attr]
    a = jf.parse_zh_affiliation("12100044 北京大学人民医院骨肿瘤科")
    assert (a.label, a.postcode) == (12, "100044")  # type: ignore[union-attr]
    a = jf.parse_zh_affiliation("2.北京大学人民医院骨肿瘤科,北京 100044")
    assert (a.label, a.postcode) == (2, "100044")  # type: ignore[union-attr]
    e = jf.parse_en_affiliation(
        "2Department of Bone Oncology, Peking University People’s Hospital, Beijing 100044, China")
    assert e is not None and e.label == 2 and e.name.startswith("Department of Bone Oncology")


def test_doi_continuation_only_when_the_next_line_continues_it() -> None:
    assert _doi_continues("DOI: 10.1080/02648725.", "2023.2216966.")
    assert _doi_continues("DOI: 10.1186/s13046-018-", "0965-2.")
    assert not _doi_continues("DOI: 10.1007/x.", "Wang M, Zhang H. A title[J].")
    assert not _doi_continues("no doi here.", "2023.2216966.")


def test_dates_and_keywords() -> None:
    assert jf.parse_date("2025-01-25") == dt.date(2025, 1, 25)
    assert jf.parse_date("2025年8月10日") == dt.date(2025, 8, 10)
    assert jf.parse_date("２０２５－０１－２５") == dt.date(2025, 1, 25)
    assert jf.parse_date("2025-02-30") is None
    assert jf.split_keywords("肝细胞癌, 骨转移、放疗") == ["肝细胞癌", "骨转移", "放疗"]


# ----------------------------------------------------------------------------- robustness

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
STRUCT_LINES = (FIX / "structured_abstract.txt").read_text(encoding="utf-8").splitlines()


def _only_parse_errors(text: str) -> ParsedDocument | None:
    try:
        return parse_journal_text(text)
    except ParseError as e:
        assert e.message.startswith("truncated beyond use")
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_only_raises_parse_error(text: str) -> None:
    _only_parse_errors(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(SEED_LINES + STRUCT_LINES), st.text(max_size=40)), max_size=60))
def test_shuffled_page_lines_only_raise_parse_error(lines: list[str]) -> None:
    doc = _only_parse_errors("\n".join(lines))
    if doc is not None:
        bundle_rows(doc)  # and the records always fit the tables
        for name, rows in bundle_rows(doc).items():
            to_arrow(name, rows)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED.read_text(encoding="utf-8"))))
def test_any_cut_of_the_seed_parses_or_is_truncated_beyond_use(cut: int) -> None:
    text = SEED.read_text(encoding="utf-8")[:cut]
    doc = _only_parse_errors(text)
    header_end = text.find(SEED_DOI)
    if header_end >= 0 and text[header_end:header_end + len(SEED_DOI)] == SEED_DOI:
        assert doc is not None and doc.document.doi == SEED_DOI
    if doc is not None:
        nos = [r.ref_no for r in doc.references]
        assert nos == list(range(1, len(nos) + 1))


# ----------------------------------------------------------------------------- review fixtures

MULTI = FIX / "multi_label_blank_lines.txt"


def _fields(doc: ParsedDocument) -> dict[str, object]:
    d = dataclasses.asdict(doc)
    d["document"].pop("doc_id")
    d["document"].pop("content_sha256")
    return d


def test_multi_label_page_fields() -> None:
    p = parse_journal_text(MULTI.read_text(encoding="utf-8"))
    d = p.document
    assert d.title_zh == "肝细胞癌骨转移患者的临床特征及预后因素分析"  # two lines, joined without a space
    assert d.title_en == ("Clinical features and prognostic factors of bone metastasis "
                          "from hepatocellular carcinoma")
    assert (d.section, d.journal_zh) == ("临床研究", "中华示例肿瘤杂志")
    assert d.journal_en == "Chinese Journal of Example Oncology"
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2022, "44", "11", "1180", "1186")
    assert (d.received_date, d.revised_date, d.accepted_date, d.published_date) == (
        dt.date(2022, 4, 11), dt.date(2022, 6, 30), dt.date(2022, 7, 15), dt.date(2022, 11, 23))
    assert d.funding_zh == "广东省自然科学基金(2021A0000000); 示例市科技计划项目(202200000000)"
    assert d.funding_en == ("Natural Science Foundation of Guangdong Province (2021A0000000); "
                            "Example City Science and Technology Program (202200000000)")
    # The e-mail is printed only inside the author line's link: it is the document's too.
    assert d.corresponding_email == "zhoujg@example.edu.cn"
    assert [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in p.authors] == [
        ("黄晓明", "Xiaoming Huang", [1, 2], False), ("林芳", "Fang Lin", [2], False),
        ("周建国", "Jianguo Zhou", [1, 3], True)]
    assert [(a.affiliation_id, a.name_zh) for a in p.affiliations] == [
        (1, "示例医科大学附属肿瘤医院肝胆科"), (2, "示例医科大学附属肿瘤医院放疗科"),
        (3, "示例医科大学肿瘤研究所")]
    assert [k.text for k in p.keywords if k.lang == "zh"] == ["肝细胞癌", "骨转移", "预后"]
    assert p.abstract("zh").startswith("目的 分析") and p.abstract("zh").endswith("的预后。")
    en = p.abstract("en") or ""
    assert en.startswith("Objective To analyze") and "Conclusions Liver function" in en
    assert [r.ref_no for r in p.references] == [1, 2, 3]
    assert p.references[0].raw.endswith(
        "Zhou JG, Huang XM. Radiotherapy for bone metastasis of liver cancer[J]. "
        "Chin J Example Oncol, 2019, 41(3): 201-205. DOI: 10.5555/cma.j.issn.0253-3766.2019.03.008.")
    assert [r.item_no for r in p.related_articles] == [1]
    assert d.quality_flags == []


def test_blank_line_after_every_line_gives_the_same_records() -> None:
    text = MULTI.read_text(encoding="utf-8")
    assert _fields(parse_journal_text(text.replace("\n", "\n\n"))) == _fields(parse_journal_text(text))


@pytest.mark.parametrize("mutate", [
    lambda t: t.replace("\n", "\r\n"),
    lambda t: t.replace("  ", "\t"),
    lambda t: t.replace(" ", "\u00a0"),
    lambda t: t.replace(" ", "\u3000"),
    lambda t: "\ufeff" + t.replace("\n", " \t\n"),
    lambda t: t.replace("\n", "\n\n"),
], ids=["crlf", "tabs", "nbsp", "ideographic-space", "bom-trailing-space", "double-blank"])
def test_seed_whitespace_variants_give_the_same_records(mutate) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_text(encoding="utf-8")
    assert _fields(parse_journal_text(mutate(text))) == _fields(parse_journal_text(text))


def test_single_affiliation_with_star_marker() -> None:
    p = parse_journal_text((FIX / "single_affiliation_star.txt").read_text(encoding="utf-8"))
    d = p.document
    assert (d.title_zh, d.section) == ("肝细胞癌单发骨转移一例", "病例报告")
    assert d.title_en == "Solitary bone metastasis from hepatocellular carcinoma: a case report"
    assert (d.corresponding_author_zh, d.corresponding_author_en, d.corresponding_email) == (
        "何涛", "Tao He", "hetao@example.com")
    assert [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in p.authors] == [
        ("陈立", "Li Chen", [1], False), ("王芳", "Fang Wang", [1], False), ("何涛", "Tao He", [1], True)]
    assert len(p.affiliations) == 1 and p.affiliations[0].postcode == "200000"
    assert [k.text for k in p.keywords if k.lang == "zh"] == ["肝细胞癌", "骨转移", "病例报告"]
    assert p.abstract("en").startswith("We report a patient")
    assert [(r.ref_no, r.doi) for r in p.references] == [(1, "10.12659/MSM.913470")]
    assert p.related_articles == []


@pytest.mark.parametrize(("column_line", "section"), [
    ("", None),  # no column: the first title line is not one
    ("述评与专家论坛(特约稿)", "述评与专家论坛(特约稿)"),  # a column with brackets, longer than most
])
def test_wrapped_title_is_read_against_the_self_citation(column_line: str, section: str | None) -> None:
    text = MULTI.read_text(encoding="utf-8").replace("临床研究\n", f"{column_line}\n", 1)
    d = parse_journal_text(text).document
    assert d.title_zh == "肝细胞癌骨转移患者的临床特征及预后因素分析"
    assert d.section == section
    assert d.title_en == ("Clinical features and prognostic factors of bone metastasis "
                          "from hepatocellular carcinoma")
