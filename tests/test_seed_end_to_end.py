"""Both seeds through the whole library (adapters + every enrichment step + publish): the
published Parquet tables hold the values read off the seed pages by hand.

Adapter-level golden tests check every field in detail; this test checks that those values
survive enrichment, fragments and snapshot publishing, and that the tables join up.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from hccbone_ingest.runner import IngestOptions, run_ingest

JOURNAL_ID = "doi:10.3877/cma.j.issn.2095-3232.2025.04.004"


@pytest.fixture(scope="module")
def out(tmp_path_factory, request):
    from tests.conftest import RAW

    out = tmp_path_factory.mktemp("seed_out")
    result = run_ingest(IngestOptions(raw_dir=str(RAW), out=str(out)))
    assert result.errors == []
    return out


def _t(out, name) -> pd.DataFrame:
    return pd.read_parquet(out / name)


def test_documents(out):
    docs = _t(out, "documents").set_index("doc_id")
    assert list(docs["source"].sort_values()) == ["ai_summary", "journal"]
    j = docs.loc[JOURNAL_ID]
    assert j["title_zh"] == "肝细胞癌骨转移研究进展"
    assert j["title_en"] == "Research progress in bone metastasis from hepatocellular carcinoma"
    assert j["journal_zh"] == "中华肝脏外科手术学电子杂志"
    assert j["journal_en"] == "Chinese Journal of Hepatic Surgery(Electronic Edition)"
    assert (j["year"], j["volume"], j["issue"]) == (2025, "14", "04")
    assert (j["first_page"], j["last_page"]) == ("522", "527")
    assert j["section"] == "专家论坛" and j["issn"] == "2095-3232" and j["doi_valid"]
    assert j["received_date"] == dt.date(2025, 1, 25) and j["published_date"] == dt.date(2025, 8, 10)
    assert (j["corresponding_author_zh"], j["corresponding_author_en"]) == ("李照", "Zhao Li")
    assert j["funding_zh"] == "首都卫生发展科研专项(首发2022-2-4084)"
    assert list(j["quality_flags"]) == []  # the page agrees with itself
    ai = docs[docs["source"] == "ai_summary"].iloc[0]
    assert ai["title_en"] == "Does hepatocellular carcinoma (HCC) metastasize to the bone?"
    assert ai["updated_date"] == dt.date(2025, 5, 7) and ai["review_state"] == "pending_review"


def test_authors_and_affiliations(out):
    a = _t(out, "authors").query("doc_id == @JOURNAL_ID")
    assert list(zip(a["name_zh"], a["name_en"], strict=True)) == [
        ("罗臻", "Chen Lo"), ("韦鹏程", "Pengcheng Wei"), ("孙馨", "Xin Sun"), ("李照", "Zhao Li")]
    assert [list(x) for x in a["affiliation_ids"]] == [[1], [1], [2], [1]]
    assert list(a["is_corresponding"]) == [False, False, False, True]
    f = _t(out, "affiliations").query("doc_id == @JOURNAL_ID")
    assert list(f["name_zh"]) == ["北京大学人民医院肝胆外科", "北京大学人民医院骨肿瘤科"]
    assert list(f["postcode"]) == ["100044", "100044"]
    assert f["name_en"].iloc[1] == "Department of Bone Oncology, Peking University People’s Hospital, " \
                                   "Beijing 100044, China"


def test_references_related_and_citations(out):
    r = _t(out, "references").query("doc_id == @JOURNAL_ID").set_index("ref_no")
    assert list(r.index) == list(range(1, 37))
    assert r["doi"].notna().all() and (r["type_code"] == "J").all()
    assert list(r.loc[1, "authors"]) == ["中华人民共和国国家卫生健康委员会医政司"]
    assert r.loc[1, "carrier"] == "OL" and r.loc[1, "title"] == "原发性肝癌诊疗指南(2024年版)"
    ref29 = r.loc[29]
    assert (ref29["container"], ref29["volume"], ref29["issue"], ref29["article_no"]) == \
        ("J Clin Oncol", "37", "15_suppl", "TPS4152")
    assert ref29["doi_key"] == "10.1200/jco.2019.37.15_suppl.tps4152"
    assert r.loc[7, "doi"] == "10.1016/S1499-3872(16)60173-X"
    assert pd.isna(r.loc[4, "issue"]) and r.loc[4, "pages_first"] == "1105"
    rel = _t(out, "related_articles").query("doc_id == @JOURNAL_ID")
    assert list(rel["item_no"]) == list(range(1, 16))
    assert rel["title"].iloc[7] == "肝细胞癌新辅助治疗进展"
    c = _t(out, "citations").query("doc_id == @JOURNAL_ID")
    assert len(c) == 36 and set(c["relation"]) == {"reference"}


def test_sentences_and_alignment(out):
    s = _t(out, "sentences").query("doc_id == @JOURNAL_ID and section == 'abstract'")
    zh, en = s[s["lang"] == "zh"], s[s["lang"] == "en"]
    assert len(zh) == 5 and len(en) == 8
    abstracts = _t(out, "abstracts").query("doc_id == @JOURNAL_ID").set_index("lang")["text"]
    for lang, rows in (("zh", zh), ("en", en)):
        for row in rows.itertuples():
            assert abstracts[lang][row.char_start:row.char_end] == row.text
    assert zh["text"].iloc[1] == ("肝癌骨转移的发病机制尚未完全明确,"
                                  "可能与外泌体、上皮-间质转化(EMT)和骨微环境有关。")
    al = _t(out, "alignments").query("doc_id == @JOURNAL_ID and section == 'abstract'")
    assert list(al["kind"]) == ["1-3", "1-1", "1-2", "1-1", "1-1"]
    assert [list(x) for x in al["en_sent_nos"]] == [[0, 1, 2], [3], [4, 5], [6], [7]]
    assert al["score"].between(0, 1).all()


def test_claims(out):
    c = _t(out, "claims")
    assert len(c) == 24
    assert list(c[c["claim_no"] == 14]["citations"].iloc[0]) == [2, 3, 4, 5, 6]
    assert c[c["claim_no"] == 18]["text"].iloc[0].endswith("occurring in up to 88% of patients.")
    banned = ("Which best describes you", "Medical Advisory Board", "Personalize", "follow-up question")
    assert not any(b in t for t in c["text"] for b in banned)
    s = _t(out, "sentences").query("section == 'claim'")
    assert len(s) >= 24 and set(s["lang"]) == {"en"}


def test_terms_and_glossary(out):
    import pyarrow.parquet as pq

    terms = pq.read_table(out / "terms").to_pylist()
    seed = {(t["lang"], t["short"], t["long"]) for t in terms if t["doc_id"] == JOURNAL_ID}
    assert seed == {("zh", "肝癌", "肝细胞癌"), ("zh", "EMT", "上皮-间质转化"),
                    ("en", "HCC", "hepatocellular carcinoma"),
                    ("en", "EMT", "epithelial-mesenchymal transition")}
    rows = pq.read_table(out / "glossary").to_pylist()
    glossary = {(g["short"], g["long_zh"], g["long_en"]): g for g in rows}
    emt = glossary[("EMT", "上皮-间质转化", "epithelial-mesenchymal transition")]
    assert emt["basis"] == "aligned_pair" and emt["doc_ids"] == [JOURNAL_ID]
    # the AI summary's question defines HCC too: two documents, English only
    assert glossary[("HCC", None, "hepatocellular carcinoma")]["doc_count"] == 2
