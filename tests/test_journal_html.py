"""Journal pages saved as HTML: the three Magtech layouts, the generic fallback, clutter,
provenance, and the key parity test (seed as panel-layout HTML == seed as text copy).

Golden values below were read off the seed text copy (raw/journal/000_6ece0f8cf8a7fa44.txt)
or off the fixture files themselves (tests/fixtures/journal_html/README.md says what each
fixture holds and which parts are synthetic).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hccbone_ingest import tables
from hccbone_ingest.errors import DecodeError, EmptyInput, ParseError
from hccbone_ingest.pipeline import parse_raw, process_files
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources._html.dom import parse_html, strip_clutter, visible_text
from hccbone_ingest.sources._html.meta import parse_date, parse_year, read_meta, split_names
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.journal_generic import GenericJournalAdapter
from hccbone_ingest.sources.journal_magtech import MagtechJournalAdapter
from hccbone_ingest.sources.registry import pick_adapter

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "journal_html"
SEED_TXT = ROOT / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"
AI_TXT = ROOT / "raw" / "ai_summary" / "003_7ad5b4fcf74b5bd2.txt"
DOI = "10.3877/cma.j.issn.2095-3232.2025.04.004"
DOC_ID = f"doi:{DOI}"
FIXTURES = ["magtech_panel_seed.html", "magtech_table_gbk.html", "magtech_vue_nocharset.html",
            "magtech_structured_bom.html", "generic_rhhz.html"]
ALL_FIXTURES = sorted(p.name for p in FIX.glob("*.html"))  # with the pages of other articles


def _raw(path: Path, folder: str = "journal") -> RawInput:
    return RawInput(path=f"{folder}/{path.name}", data=path.read_bytes())


_CACHE: dict[str, ParsedDocument] = {}


def doc_of(name: str) -> ParsedDocument:
    if name not in _CACHE:
        path = SEED_TXT if name == "seed.txt" else FIX / name
        _CACHE[name] = parse_raw(_raw(path))
    return _CACHE[name]


def prov(doc: ParsedDocument) -> dict[str, str]:
    return doc.document.provenance


# ------------------------------------------------------------------ adapter choice

@pytest.mark.parametrize(("name", "adapter"), [
    ("magtech_panel_seed.html", "journal_magtech"), ("magtech_table_gbk.html", "journal_magtech"),
    ("magtech_vue_nocharset.html", "journal_magtech"), ("magtech_structured_bom.html", "journal_magtech"),
    ("generic_rhhz.html", "journal_generic"),
])
def test_each_fixture_goes_to_the_right_adapter(name: str, adapter: str) -> None:
    raw = _raw(FIX / name)
    assert pick_adapter(raw).name == adapter
    assert doc_of(name).document.adapter == f"{adapter}@4"


def test_magtech_beats_generic_on_magtech_pages() -> None:
    for name in FIXTURES[:4]:
        raw = _raw(FIX / name)
        assert MagtechJournalAdapter().can_parse(raw) > GenericJournalAdapter().can_parse(raw) > 0


def test_html_adapters_leave_text_copies_and_ai_summaries_alone() -> None:
    for path, folder in ((SEED_TXT, "journal"), (AI_TXT, "ai_summary")):
        raw = _raw(path, folder)
        assert MagtechJournalAdapter().can_parse(raw) == 0
        assert GenericJournalAdapter().can_parse(raw) == 0
    lines = AI_TXT.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = ('<html><head><meta charset="utf-8"><meta property="og:site_name" content="Dr.Oracle">'
            '<meta name="citation_title" content="Does HCC metastasize to the bone?"></head>'
            f"<body>{body}<p>摘要: 参考文献</p></body></html>")
    raw = RawInput(path="ai_summary/x.html", data=page.encode())
    assert MagtechJournalAdapter().can_parse(raw) == 0
    assert GenericJournalAdapter().can_parse(raw) == 0


# ------------------------------------------------------------------ the key test: parity

# Columns that legitimately differ between two files of one article.
_FILE_COLUMNS = {"source_path", "content_sha256", "adapter", "encoding", "provenance"}


def test_seed_panel_html_and_text_copy_give_identical_records_for_every_table() -> None:
    html_rows = tables.bundle_rows(doc_of("magtech_panel_seed.html"))
    text_rows = tables.bundle_rows(doc_of("seed.txt"))
    assert set(html_rows) == set(text_rows)
    compared: set[tuple[str, str]] = set()
    for table, t_rows in text_rows.items():
        h_rows = html_rows[table]
        assert len(h_rows) == len(t_rows), table
        for h, t in zip(h_rows, t_rows, strict=True):
            assert set(h) == set(t)
            for col in sorted(set(t) - _FILE_COLUMNS):
                if table == "documents" and col == "url":
                    continue  # checked below: only the HTML knows the page address
                assert h[col] == t[col], f"{table}.{col}: {h[col]!r} != {t[col]!r}"
                compared.add((table, col))
    # Not a vacuous comparison: the seed fills these tables.
    assert [len(text_rows[t]) for t in ("authors", "affiliations", "abstracts", "references",
                                        "related_articles")] == [4, 2, 2, 36, 15]
    assert {("documents", "title_zh"), ("documents", "citation_en"), ("authors", "name_en"),
            ("authors", "is_corresponding"), ("affiliations", "name_en"), ("affiliations", "postcode"),
            ("abstracts", "text"), ("references", "raw"), ("references", "doi"),
            ("related_articles", "raw")} <= compared
    assert text_rows["documents"][0]["url"] is None
    assert html_rows["documents"][0]["url"] == f"https://zhgzwkssxdzzz.cma-cmc.com.cn/CN/{DOI}"


# ------------------------------------------------------------------ panel layout (the seed)

def test_panel_document_fields() -> None:
    d = doc_of("magtech_panel_seed.html").document
    assert d.doc_id == DOC_ID and d.doi == DOI and d.doi_valid
    assert d.title_zh == "肝细胞癌骨转移研究进展"
    assert d.title_en == "Research progress in bone metastasis from hepatocellular carcinoma"
    assert (d.journal_zh, d.journal_en) == ("中华肝脏外科手术学电子杂志",
                                            "Chinese Journal of Hepatic Surgery(Electronic Edition)")
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2025, "14", "04", "522", "527")
    assert d.issn == "2095-3232" and d.section == "专家论坛"
    assert d.received_date == dt.date(2025, 1, 25) and d.published_date == dt.date(2025, 8, 10)
    assert d.revised_date is None and d.accepted_date is None
    assert (d.corresponding_author_zh, d.corresponding_author_en) == ("李照", "Zhao Li")
    assert d.corresponding_email is None  # the page's mail link is empty
    assert d.funding_zh == "首都卫生发展科研专项(首发2022-2-4084)" and d.funding_en is None
    assert d.citation_zh == ("罗臻, 韦鹏程, 孙馨, 李照. 肝细胞癌骨转移研究进展[J/OL]. "
                             "中华肝脏外科手术学电子杂志, 2025, 14(04): 522-527.")
    assert d.citation_en.startswith("Chen Lo, Pengcheng Wei, Xin Sun, Zhao Li. Research progress")
    assert d.encoding == "utf-8" and d.quality_flags == []


def test_panel_people() -> None:
    doc = doc_of("magtech_panel_seed.html")
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in doc.authors]
    assert got == [("罗臻", "Chen Lo", [1], False), ("韦鹏程", "Pengcheng Wei", [1], False),
                   ("孙馨", "Xin Sun", [2], False), ("李照", "Zhao Li", [1], True)]
    a1, a2 = doc.affiliations
    assert (a1.affiliation_id, a1.name_zh, a1.postcode) == (1, "北京大学人民医院肝胆外科", "100044")
    assert a1.name_en == ("Department of Hepatobiliary Surgery, Peking University People’s Hospital, "
                          "Beijing 100044, China")  # &rsquo; in the page
    assert (a2.affiliation_id, a2.name_zh) == (2, "北京大学人民医院骨肿瘤科")


def test_panel_abstracts_references_related() -> None:
    doc = doc_of("magtech_panel_seed.html")
    zh, en = doc.abstract("zh"), doc.abstract("en")
    assert zh.startswith("肝细胞癌(肝癌)在我国发病率高") and zh.endswith("以期为临床工作提供依据。")
    assert en.startswith("The incidence of hepatocellular carcinoma (HCC) is high in China.")
    assert en.endswith("aiming to provide evidence for clinical work.")
    refs = {r.ref_no: r for r in doc.references}
    assert sorted(refs) == list(range(1, 37))
    assert refs[14].doi == "10.3760/cma.j.issn.2096-5400.2018.02.010"  # `DOI:` without a space
    assert refs[25].doi == "10.1016/S1470-2045(21)00252-7"
    assert refs[29].raw.endswith("DOI: 10.1200/jco.2019.37.15_suppl.tps4152.")
    assert all(r.structured_json is None for r in doc.references)
    rel = {r.item_no: r.raw for r in doc.related_articles}
    assert sorted(rel) == list(range(1, 16))
    assert rel[8] == ("杨钰泽, 徐家豪, 杨一石, 王明达, 杨田. 肝细胞癌新辅助治疗进展[J/OL]. "
                      "中华肝脏外科手术学电子杂志, 2025, 14(04): 515-521.")


def test_panel_provenance() -> None:
    p = prov(doc_of("magtech_panel_seed.html"))
    assert p["doi"] == p["title_zh"] == p["title_en"] == p["published_date"] == "meta"
    assert p["authors"] == "meta" and p["author_affiliations"] == "dom" and p["corresponding"] == "dom"
    assert p["affiliations"] == p["received_date"] == p["section"] == p["references"] == "dom"
    assert p["abstract_zh"] == p["abstract_en"] == p["related_articles"] == p["citation_zh"] == "dom"
    assert set(p.values()) <= {"meta", "json", "dom", "text"}


# ------------------------------------------------------------------ table layout (GBK)

def test_table_layout_gbk() -> None:
    doc = doc_of("magtech_table_gbk.html")
    d = doc.document
    assert d.encoding == "gb18030" and d.doc_id == DOC_ID
    assert (d.title_zh, d.year, d.issue, d.last_page) == ("肝细胞癌骨转移研究进展", 2025, "04", "527")
    assert d.received_date == dt.date(2025, 1, 25) and d.published_date == dt.date(2025, 8, 10)
    assert (d.corresponding_author_zh, d.corresponding_author_en) == ("李照", "Zhao Li")
    assert d.funding_zh == "首都卫生发展科研专项(首发2022-2-4084)"
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in doc.authors]
    assert got[0] == ("罗臻", "Chen Lo", [1], False) and got[3] == ("李照", "Zhao Li", [1], True)
    # the old `(1. …, 北京 100044; 2. …)` form: postcode split off, the city kept
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations] == [
        (1, "北京大学人民医院肝胆外科, 北京", "100044"), (2, "北京大学人民医院骨肿瘤科, 北京", "100044")]
    assert doc.affiliations[1].name_en.startswith("Department of Bone Oncology")
    assert doc.abstract("zh").startswith("肝细胞癌(肝癌)") and "摘要" not in doc.abstract("zh")
    assert doc.abstract("en").startswith("The incidence of hepatocellular carcinoma")
    assert [r.ref_no for r in doc.references] == [1, 6, 14, 25, 27]
    assert doc.references[1].raw.startswith("Clézardin P")  # é is in GBK
    assert doc.references[4].raw.startswith("Saâda-Bouzid E")  # â is not: the page wrote &#226;
    assert "reference_numbering_gap" in d.quality_flags  # the fixture keeps five of 36
    assert prov(doc)["abstract_zh"] == "dom" and prov(doc)["title_zh"] == "meta"


# ------------------------------------------------------------------ Vue layout (window.metaData)

def test_vue_layout_from_inline_json() -> None:
    doc = doc_of("magtech_vue_nocharset.html")
    d = doc.document
    assert d.encoding == "utf-8" and d.doc_id == DOC_ID and d.site_id == "4006"
    assert (d.journal_en, d.volume, d.issue, d.first_page) == (
        "Chinese Journal of Hepatic Surgery(Electronic Edition)", "14", "04", "522")
    assert d.section == "专家论坛" and d.received_date == dt.date(2025, 1, 25)
    assert [(a.name_zh, a.name_en, a.affiliation_ids) for a in doc.authors][2] == ("孙馨", "Xin Sun", [2])
    assert not any(a.is_corresponding for a in doc.authors)  # the JSON gives no e-mail: none invented
    assert doc.affiliations[0].name_zh == "北京大学人民医院肝胆外科"
    assert doc.abstract("zh").startswith("肝细胞癌(肝癌)") and "<p>" not in doc.abstract("zh")
    p = prov(doc)
    assert p["title_zh"] == p["doi"] == "meta"
    assert p["authors"] == p["affiliations"] == p["references"] == p["abstract_en"] == p["site_id"] == "json"


def test_vue_references_keep_the_structured_fields() -> None:
    refs = {r.ref_no: r for r in doc_of("magtech_vue_nocharset.html").references}
    assert sorted(refs) == [1, 2, 14, 29]
    assert refs[2].raw.startswith("Bhatia R, Ravulapati S, Befeler A, et al. Hepatocellular carcinoma")
    assert refs[2].doi == "10.1007/s12029-017-9998-6"
    s = json.loads(refs[2].structured_json)
    assert (s["label"], s["nian"], s["publicationType"]) == ("2", "2017", "journal")
    assert s["citations"][0]["personList"] == ["Bhatia R", "Ravulapati S", "Befeler A"]
    assert "content" not in s["citations"][0]  # the string itself is the `raw` column
    assert json.loads(refs[14].structured_json)["citations"][0]["personList"] == ["党东民", "董栋", "罗小虎"]


# ------------------------------------------------------------------ structured abstract page

def test_structured_abstract_keywords_dates_funding_email() -> None:
    doc = doc_of("magtech_structured_bom.html")
    d = doc.document
    assert d.encoding == "utf-8"  # BOM
    assert d.received_date == dt.date(2025, 1, 25) and d.revised_date == dt.date(2025, 3, 2)
    assert d.accepted_date == dt.date(2025, 4, 18) and d.published_date == dt.date(2025, 8, 10)
    assert d.funding_en == "Capital’s Funds for Health Improvement and Research(2022-2-4084)"
    assert d.corresponding_email == "lizhao@example.org"
    assert doc.authors[3].email == "lizhao@example.org" and doc.authors[3].is_corresponding
    assert doc.authors[0].email is None
    zh, en = doc.abstract("zh"), doc.abstract("en")
    assert zh.startswith("目的 阐述肝细胞癌骨转移") and "。方法 回顾" in zh and "。结论 以系统治疗为主" in zh
    assert en.startswith("Objective To illustrate") and ". Methods Literature" in en
    assert "Conclusions Based on" in en and "Key words" not in en and "摘要" not in zh
    kws = {(k.lang, k.position): k.text for k in doc.keywords}
    assert [kws["zh", i] for i in range(1, 5)] == ["肝细胞癌", "骨转移", "放射治疗", "系统治疗"]
    # semicolons separate: the comma belongs to the MeSH-style keyword
    assert [kws["en", i] for i in range(1, 5)] == ["Carcinoma, hepatocellular", "Bone metastasis",
                                                  "Radiotherapy", "Systemic therapy"]


def test_bilingual_references_are_one_reference_each() -> None:
    refs = {r.ref_no: r for r in doc_of("magtech_structured_bom.html").references}
    assert sorted(refs) == [1, 2, 14]
    r1 = refs[1].raw
    assert r1.startswith("中华人民共和国国家卫生健康委员会医政司.原发性肝癌诊疗指南")
    assert ". Medical Administration Department of National Health Commission" in r1
    assert refs[1].doi == "10.3877/cma.j.issn.2095-3232.2024.04.001"
    assert refs[14].raw.endswith("Chinese Journal of Metastatic Cancer, 2018, 1(2): 46-51. "
                                 "DOI:10.3760/cma.j.issn.2096-5400.2018.02.010.")


# ------------------------------------------------------------------ generic fallback

def test_generic_fallback_page() -> None:
    doc = doc_of("generic_rhhz.html")
    d = doc.document
    assert d.adapter == "journal_generic@4" and "generic_fallback" in d.quality_flags
    assert d.doc_id == DOC_ID and d.doi == DOI  # from DC.Identifier `doi:…`
    assert d.title_zh == "肝细胞癌骨转移研究进展"
    assert d.title_en == "Research progress in bone metastasis from hepatocellular carcinoma"
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2025, "14", "4", "522", "527")
    assert d.published_date == dt.date(2025, 8, 10)  # `2025/08/10`
    # `citation_authors` joined with spaces (zh) and `, ` (en)
    assert [(a.name_zh, a.name_en) for a in doc.authors] == [
        ("罗臻", "Chen Lo"), ("韦鹏程", "Pengcheng Wei"), ("孙馨", "Xin Sun"), ("李照", "Zhao Li")]
    assert doc.abstract("zh").startswith("肝细胞癌(肝癌)") and doc.abstract("zh").endswith("提供依据。")
    assert doc.abstract("en").startswith("The incidence") and doc.abstract("en").endswith("clinical work.")
    assert [r.ref_no for r in doc.references] == [1, 2, 3, 4]
    assert doc.references[2].doi == "10.6004/jnccn.2017.7024"
    assert prov(doc)["abstract_zh"] == "dom" and prov(doc)["authors"] == "meta"


def test_generic_adapter_on_a_magtech_page_marks_itself() -> None:
    doc = GenericJournalAdapter().parse(_raw(FIX / "magtech_panel_seed.html"))
    assert "generic_fallback" in doc.document.quality_flags
    assert doc.document.title_zh == "肝细胞癌骨转移研究进展" and len(doc.references) == 36


# ------------------------------------------------------------------ clutter

_CLUTTER = ["切换至", "阅读次数", "浏览次数", "下载次数", "导出引用", "EndNote", "BibTeX", "首页", "过刊浏览",
            "期刊介绍", "用户登录", "分享", "微信", "版权所有", "玛格泰克", "仁和汇智", "{{", "}}", "_hmt",
            "function", "display:", "Metrics", "检索", "登录", "当期目录", "Crossref", "CrossRef",
            # noise of the pages of other articles and platforms
            "阅读量", "下载量", "收藏", "本站使用", "Cookie", "Copyright", "ICP", "引用格式",
            "ScholarlyArticle", "pageConfig", "Vue", "注册"]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_no_clutter_reaches_any_table(name: str) -> None:
    rows = tables.bundle_rows(doc_of(name))
    assert rows["documents"][0]["title_zh"]  # the page was read at all
    for table, rs in rows.items():
        for row in rs:
            for col, value in row.items():
                if col in ("source_path", "url"):
                    continue
                for s in _strings(value):
                    hits = [c for c in _CLUTTER if c in s]
                    assert not hits, f"{name}: {table}.{col} carries {hits}: {s[:120]!r}"


def test_visible_text_drops_hidden_and_widget_blocks() -> None:
    soup = parse_html((FIX / "magtech_panel_seed.html").read_text(encoding="utf-8"))
    text = visible_text(strip_clutter(soup))
    for c in _CLUTTER:
        assert c not in text, c
    assert "专家论坛" in text and "[36]" in text and "[15] 宋陈晨" in text
    # a real `摘要:` label survives (only whole widget blocks go)
    soup = parse_html("<div><p>摘要: 肝癌骨转移。</p><div class='x'>阅读次数 全文 摘要</div></div>")
    assert visible_text(strip_clutter(soup)) == "摘要: 肝癌骨转移。"


# ------------------------------------------------------------------ meta tags, determinism, errors

def test_meta_language_split_and_joined_names() -> None:
    html = ('<meta name="citation_title" content="中文题名" xml:lang="cn">'
            '<meta name="citation_title" content="English title" xml:lang="en">'
            '<meta name="citation_author" content="张三">'
            '<meta name="citation_author" content="San Zhang" xml:lang="en">'
            '<meta name="DC.Title" content="Only English">')
    meta = read_meta(parse_html(html))
    assert meta.first("title", "zh") == "中文题名" and meta.first("title", "en") == "English title"
    assert meta.values("author", "zh") == ["张三"] and meta.values("author", "en") == ["San Zhang"]
    assert split_names("罗臻，韦鹏程；孙馨、李照") == ["罗臻", "韦鹏程", "孙馨", "李照"]
    assert split_names("罗臻 韦鹏程 孙馨") == ["罗臻", "韦鹏程", "孙馨"]
    assert split_names("Li, Zhao; Wang, Xin") == ["Li, Zhao", "Wang, Xin"]
    assert split_names("Chen Lo, Pengcheng Wei and Xin Sun") == ["Chen Lo", "Pengcheng Wei", "Xin Sun"]
    assert parse_date("2025/08/10") == parse_date("2025-8-10") == dt.date(2025, 8, 10)
    assert parse_date("2025-02-30") is None and parse_date("2025") is None
    # full-width digits are read (NFKC); other scripts' digits are no date (`\d` would take them)
    assert parse_date("２０２５／０８／１０") == dt.date(2025, 8, 10)
    arabic_indic_2025 = "\u0662\u0660\u0662\u0665"
    assert parse_date(f"{arabic_indic_2025}-08-10") is None and parse_year(arabic_indic_2025) is None


def test_parsing_is_deterministic() -> None:
    for name in ("magtech_panel_seed.html", "magtech_vue_nocharset.html", "generic_rhhz.html"):
        a = tables.bundle_rows(parse_raw(_raw(FIX / name)))
        b = tables.bundle_rows(parse_raw(_raw(FIX / name)))
        assert a == b


def test_a_page_with_broken_bytes_is_kept_and_flagged(tmp_path: Path) -> None:
    data = (FIX / "magtech_table_gbk.html").read_bytes()
    cut = data.index("肝细胞癌".encode("gbk")) + 1
    (tmp_path / "broken.html").write_bytes(data[:cut] + b"\xff" + data[cut + 1:])
    (tmp_path / "junk.html").write_bytes(bytes((i * 37 + 11) % 128 + 128 for i in range(4000)))
    out = process_files([(tmp_path / "broken.html", "journal/broken.html"),
                         (tmp_path / "junk.html", "journal/junk.html")], steps=[])
    kept, junk = out
    assert kept.doc is not None and "decode_replaced_chars" in kept.doc.document.quality_flags
    assert kept.doc.document.doc_id == DOC_ID
    assert junk.doc is None and junk.error.stage == "decode"  # quarantined with a reason, not dropped


def test_pages_without_an_article_raise_parse_error() -> None:
    raw = RawInput(path="journal/x.html", data=b"<html><body><div class='abs-con'></div>"
                                                 b"<p>nothing here</p></body></html>")
    with pytest.raises(ParseError):
        MagtechJournalAdapter().parse(raw)
    with pytest.raises(ParseError):
        GenericJournalAdapter().parse(raw)


def _parse_with_both_adapters(raw: RawInput) -> None:
    """Both HTML adapters on any page: a ParseError or a valid record set, nothing else."""
    for adapter in (MagtechJournalAdapter(), GenericJournalAdapter()):
        adapter.can_parse(raw)
        try:
            doc = adapter.parse(raw)
        except ParseError:
            continue
        tables.bundle_rows(doc)


_TAGS = ["p", "div", "span", "sup", "td", "tr", "table", "li", "ul", "address", "h3", "script", "a", "br",
         "meta", "style"]
_ATTRS = ['', ' class="abs-con"', ' class="abs-tit"', ' data-target="#divPanel"', ' id="divPanelEn"',
          ' name="#abstract"', ' name="#reference"', ' class="J_zhaiyao"', ' class="J_author_cn"',
          ' style="display:none"', ' hidden', ' href="mailto:a@b.cn"', ' class="modal"',
          ' name="citation_title" content="题名"', ' name="citation_doi" content="doi:10.1000/x"',
          ' name="citation_authors" content="张三，李四"', ' xml:lang="en"']
_WORDS = ["摘要:", "Abstract:", "关键词:", "Key words:", "[1]", "[2]", "收稿日期:2025-01-25", "通信作者:",
          "基金资助:", "引用本文:", "›› 2025, Vol. 14 ›› Issue (04) : 522 -527.", "doi: 10.3877/x.1",
          "罗臻1,()", "1100044 北京大学", "window.metaData = {\"article\": [1]};", "window.metaData = {",
          "{{a}}", "阅读次数", "[J]. ", "<", ">", "&amp;", "&#", "\u00a0", "\n", "Chen Lo1,", "目的"]
_piece = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
    st.sampled_from(_WORDS),
    st.text(max_size=12),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_piece, max_size=40))
@example(["阅读次数", "<p>", "阅读次数"])  # found by this test: a widget string inside a dropped widget
def test_arbitrary_html_raises_only_parse_error(pieces: list[str]) -> None:
    page = "<html><body>" + "".join(pieces)
    raw = RawInput(path="journal/h.html", data=page.encode("utf-8", "surrogatepass"))
    try:
        raw.decoded  # noqa: B018 - bytes that are no text are the decoder's documented errors
    except (DecodeError, EmptyInput):
        return
    _parse_with_both_adapters(raw)  # whatever came out is a valid record set


# ------------------------------------------------------------------ mutated real pages

_SOURCES = {name: RawInput(path=f"journal/{name}", data=(FIX / name).read_bytes()).text
            for name in ALL_FIXTURES}


def _tag_starts(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch == "<"] or [0]


@st.composite
def _mutated_page(draw: st.DrawFn) -> str:
    """A real fixture cut, with element-sized slices deleted, duplicated or swapped (slice
    ends on tag starts, so whole elements, half elements and unclosed tags all occur)."""
    text = _SOURCES[draw(st.sampled_from(ALL_FIXTURES))]
    starts = _tag_starts(text)
    for _ in range(draw(st.integers(0, 4))):
        i, j = sorted(draw(st.lists(st.sampled_from(starts), min_size=2, max_size=2)))
        op = draw(st.sampled_from(["delete", "duplicate", "swap"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            k = draw(st.sampled_from(starts))
            if k >= j:
                text = text[:i] + text[j:k] + text[i:j] + text[k:]
        starts = _tag_starts(text)
    if draw(st.booleans()):  # a page saved half-way: cut anywhere, mid-tag or mid-script
        text = text[:draw(st.integers(0, len(text)))]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_page())
def test_mutated_real_pages_raise_only_parse_error(page: str) -> None:
    raw = RawInput(path="journal/m.html", data=page.encode("utf-8"))
    try:
        raw.decoded  # noqa: B018 - an empty cut is the decoder's documented error
    except EmptyInput:
        return
    _parse_with_both_adapters(raw)


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_a_page_cut_mid_tag_or_mid_script_keeps_what_came_before(name: str) -> None:
    """A page saved half-way is read as far as it goes: the head's meta tags still give the
    title, and a cut inside a script or a tag never raises anything but ParseError."""
    whole = _raw(FIX / name)
    adapter = pick_adapter(whole)
    title = adapter.parse(whole).document.title_zh
    text = _SOURCES[name]
    scripts = [m.start() + 20 for m in re.finditer(r"<script[^>]*>\s*\S", text)]
    cuts = [text.index("<body") + 3, *scripts, text.rindex("</body>") - 5]
    for cut in cuts:
        raw = RawInput(path=f"journal/{name}", data=text[:cut].encode("utf-8"))
        try:
            doc = adapter.parse(raw).document
        except ParseError:
            assert "citation_title" not in text[:cut]  # nothing left to read a title from
            continue
        if '"citation_title"' in text[:cut]:
            assert doc.title_zh == title, cut
