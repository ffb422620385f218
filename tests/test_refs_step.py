"""The `references` enrichment step on a small document shaped like the seed article."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from hccbone_ingest import tables
from hccbone_ingest.enrich import default_steps
from hccbone_ingest.enrich.references import ReferencesStep
from hccbone_ingest.records import (
    Author,
    Citation,
    Document,
    ParsedDocument,
    Reference,
    RelatedArticle,
)

DOI = "10.3877/cma.j.issn.2095-3232.2025.04.004"
# The seed's own citation lines (引用本文), verbatim.
CITE_ZH = ("罗臻, 韦鹏程, 孙馨, 李照. 肝细胞癌骨转移研究进展[J/OL]. 中华肝脏外科手术学电子杂志, "
           "2025, 14(04): 522-527.")
CITE_EN = ("Chen Lo, Pengcheng Wei, Xin Sun, Zhao Li. Research progress in bone metastasis from "
           "hepatocellular carcinoma[J/OL]. Chinese Journal of Hepatic Surgery(Electronic Edition), 2025, "
           "14(04): 522-527.")
# Seed references [1], [5] and [25], verbatim; [37] is ours, without a DOI.
REF1 = ("中华人民共和国国家卫生健康委员会医政司.原发性肝癌诊疗指南(2024年版)[J/OL]."
        "中华肝脏外科手术学电子杂志, 2024, 13(4): 407-449. DOI: 10.3877/cma.j.issn.2095-3232.2024.04.001.")
REF5 = ("Yuan X, Zhuang M, Zhu X, et al. Emerging perspectives of bone metastasis in hepatocellular "
        "carcinoma[J]. Front Oncol, 2022, 12: 943866. DOI: 10.3389/fonc.2022.943866.")
REF25 = ("Ren Z, Xu J, Bai Y, et al. Sintilimab plus a bevacizumab biosimilar (IBI305) versus sorafenib in "
         "unresectable hepatocellular carcinoma (ORIENT-32): a randomised, open-label, phase 2-3 study[J]. "
         "Lancet Oncol, 2021, 22(7): 977-990. DOI: 10.1016/S1470-2045(21)00252-7.")
REF37 = "王明. 肝癌骨转移的放射治疗[J]. 中国肿瘤, 2020(5): 345-350."
# Seed related article [8], verbatim, and one of ours carrying a DOI.
REL8 = ("杨钰泽, 徐家豪, 杨一石, 王明达, 杨田. 肝细胞癌新辅助治疗进展[J/OL]. "
        "中华肝脏外科手术学电子杂志, 2025, 14(04): 515-521.")
REL9 = "王五. 肝癌研究[J]. 中国肿瘤, 2020, 29(5): 345-350. DOI: 10.1000/Example.2020.5."


def make_doc(**overrides) -> ParsedDocument:
    d = Document(
        doc_id=f"doi:{DOI}", source="journal", doc_type="journal_article",
        source_path="journal/000_6ece0f8cf8a7fa44.txt", content_sha256="0" * 64, adapter="test@1",
        doi=DOI, title_zh="肝细胞癌骨转移研究进展",
        title_en="Research progress in bone metastasis from hepatocellular carcinoma",
        journal_zh="中华肝脏外科手术学电子杂志", year=2025, volume="14", issue="04",
        first_page="522", last_page="527", citation_zh=CITE_ZH, citation_en=CITE_EN,
    )
    for k, v in overrides.items():
        setattr(d, k, v)
    names = [("罗臻", "Chen Lo"), ("韦鹏程", "Pengcheng Wei"), ("孙馨", "Xin Sun"), ("李照", "Zhao Li")]
    return ParsedDocument(
        document=d,
        authors=[Author(position=i + 1, name_zh=zh, name_en=en) for i, (zh, en) in enumerate(names)],
        references=[Reference(1, REF1), Reference(5, REF5), Reference(25, REF25), Reference(37, REF37),
                    Reference(38, "   ")],
        related_articles=[RelatedArticle(8, REL8), RelatedArticle(9, REL9)],
    )


def run(doc: ParsedDocument) -> ParsedDocument:
    ReferencesStep().run([doc])
    return doc


def test_registered_first_in_the_default_steps():
    steps = default_steps()
    assert isinstance(steps[0], ReferencesStep)
    assert steps[0].id() == "references@2"


def test_references_and_related_articles_are_parsed():
    doc = run(make_doc())
    r1, r5, r25, r37, r38 = doc.references
    assert r1.parsed is not None and r1.parsed.title == "原发性肝癌诊疗指南(2024年版)"
    assert r5.parsed is not None and r5.parsed.article_no == "943866"
    assert r25.parsed is not None and r25.parsed.container == "Lancet Oncol"
    assert r37.parsed is not None and r37.parsed.issue == "5" and r37.parsed.doi is None
    assert r38.parsed is not None and r38.parsed.flags == ["unparseable"]
    # The printed DOI is copied onto the reference when the adapter had none.
    assert [r.doi for r in doc.references] == [
        "10.3877/cma.j.issn.2095-3232.2024.04.001", "10.3389/fonc.2022.943866",
        "10.1016/S1470-2045(21)00252-7", None, None]
    rel8, rel9 = doc.related_articles
    assert rel8.parsed is not None
    assert rel8.parsed.authors == ["杨钰泽", "徐家豪", "杨一石", "王明达", "杨田"]
    assert (rel8.parsed.volume, rel8.parsed.issue, rel8.parsed.pages_first) == ("14", "04", "515")
    assert rel9.parsed is not None and rel9.parsed.doi == "10.1000/Example.2020.5"


def test_citations_link_the_document_to_the_dois_it_cites():
    doc = run(make_doc())
    assert doc.citations == [
        Citation(1, "10.3877/cma.j.issn.2095-3232.2024.04.001", "10.3877/cma.j.issn.2095-3232.2024.04.001"),
        Citation(5, "10.3389/fonc.2022.943866", "10.3389/fonc.2022.943866"),
        Citation(25, "10.1016/S1470-2045(21)00252-7", "10.1016/s1470-2045(21)00252-7"),
        Citation(9, "10.1000/Example.2020.5", "10.1000/example.2020.5", relation="related_article"),
    ]
    assert all(c.cited_doc_id is None for c in doc.citations)  # resolved corpus-wide at publish


def test_a_doi_the_adapter_found_is_used_when_the_string_has_none():
    doc = make_doc()
    doc.references = [Reference(37, REF37, doi="10.1000/xyz.123")]
    doc.related_articles = []
    run(doc)
    assert doc.references[0].parsed is not None
    assert doc.references[0].parsed.doi_key == "10.1000/xyz.123"
    assert doc.citations == [Citation(37, "10.1000/xyz.123", "10.1000/xyz.123")]


def test_consistent_page_gets_normalized_doi_issn_journal_en_and_no_flags():
    doc = run(make_doc())
    d = doc.document
    assert (d.doi_key, d.doi_valid) == (DOI, True)
    assert d.issn == "2095-3232"
    assert d.journal_en == "Chinese Journal of Hepatic Surgery(Electronic Edition)"
    assert d.provenance == {"issn": "doi", "journal_en": "self_citation"}
    assert d.quality_flags == []


def test_self_citation_contradicting_the_header():
    cite = CITE_ZH.replace("14(04): 522-527", "13(04): 522-528")
    doc = run(make_doc(citation_zh=cite))
    assert doc.document.quality_flags == ["self_citation_mismatch:pages", "self_citation_mismatch:volume"]


def test_header_year_contradicting_the_doi_and_both_citations():
    doc = run(make_doc(year=2024))
    assert doc.document.quality_flags == ["doi_year_mismatch", "self_citation_mismatch:year"]


def test_header_issue_contradicting_the_doi():
    doc = run(make_doc(issue="03", citation_zh=None, citation_en=None))
    assert doc.document.quality_flags == ["doi_issue_mismatch"]


def test_self_citation_title_journal_and_authors():
    cite = CITE_ZH.replace("孙馨, 李照", "李照, 孙馨").replace("研究进展", "治疗进展")
    cite = cite.replace("中华肝脏外科手术学电子杂志", "中华普通外科杂志")
    doc = run(make_doc(citation_zh=cite))
    assert doc.document.quality_flags == [
        "self_citation_mismatch:authors", "self_citation_mismatch:journal", "self_citation_mismatch:title"]


def test_et_al_in_a_self_citation_compares_the_printed_authors_only():
    cite = CITE_ZH.replace("孙馨, 李照", "孙馨, 等")
    assert cite.startswith("罗臻, 韦鹏程, 孙馨, 等. ")
    assert run(make_doc(citation_zh=cite)).document.quality_flags == []


def test_unparseable_self_citation_and_issn_and_invalid_doi():
    doc = run(make_doc(citation_zh="引用本文", issn="1234-5679"))
    assert doc.document.quality_flags == ["doi_issn_mismatch", "self_citation_unparsed:zh"]
    doc = run(make_doc(doi="DOI: 10.3877/cma.j.issn.2095-3232.2025.04.004(", citation_zh=None,
                       citation_en=None))
    assert doc.document.doi_key == DOI  # the stray bracket is not part of the DOI
    doc = run(make_doc(doi="10.3877/abc-", citation_zh=None, citation_en=None))
    assert doc.document.doi_valid is False
    assert doc.document.quality_flags == ["doi_invalid"]
    doc = run(make_doc(doi="not a doi", citation_zh=None, citation_en=None))
    assert (doc.document.doi_key, doc.document.doi_valid) == (None, False)
    assert doc.document.quality_flags == ["doi_invalid"]


def test_other_steps_flags_are_kept_and_the_step_is_idempotent():
    doc = make_doc(year=2024, quality_flags=["title_missing_en"])
    run(doc)
    once = copy.deepcopy(doc)
    run(doc)
    assert dataclasses.asdict(doc) == dataclasses.asdict(once)
    assert doc.document.quality_flags == ["doi_year_mismatch", "self_citation_mismatch:year",
                                          "title_missing_en"]


@pytest.mark.parametrize("table", ["documents", "references", "related_articles", "citations"])
def test_rows_fit_the_table_schemas(table):
    doc = run(make_doc())
    rows = tables.bundle_rows(doc)[table]
    assert rows
    arrow = tables.to_arrow(table, tables.sort_rows(table, rows))
    assert arrow.num_rows == len(rows)
    if table == "references":
        first = arrow.to_pylist()[0]
        assert (first["ref_no"], first["type_code"], first["carrier"]) == (1, "J", "OL")
        assert first["doi_key"] == "10.3877/cma.j.issn.2095-3232.2024.04.001"
        assert first["parse_flags"] == []
