"""Saved HTML of Chinese journal platforms: every meta tag family (Highwire, Dublin Core in its
three spellings, PRISM), schema.org JSON-LD and microdata, language by script, the checks that
keep site banners, counters, truncated blurbs and chrome out of the records, the DOM readers
for layouts without meta (E-Tiller tables, Hans lines, keyword links), and Magtech's
related-articles tab.

Fixtures: `tests/fixtures/journal_html/meta/` (README beside the other fixtures). Every expected
value below was read off those files or the inline snippets.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hccbone_ingest import tables
from hccbone_ingest.errors import ParseError
from hccbone_ingest.pipeline import parse_raw
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources._html.blocks import block_layer
from hccbone_ingest.sources._html.dom import parse_html, strip_clutter, text_lines
from hccbone_ingest.sources._html.etiller_dom import etiller_layer
from hccbone_ingest.sources._html.layer import Layer, merge
from hccbone_ingest.sources._html.meta import doi_of, parse_date, read_meta, split_names
from hccbone_ingest.sources._html.meta_layer import meta_layer
from hccbone_ingest.sources._html.values import person_of, title_problem
from hccbone_ingest.sources.base import RawInput

FIX = Path(__file__).parent / "fixtures" / "journal_html" / "meta"
_CACHE: dict[str, ParsedDocument] = {}


def doc_of(name: str) -> ParsedDocument:
    if name not in _CACHE:
        _CACHE[name] = parse_raw(RawInput(path=f"journal/{name}", data=(FIX / name).read_bytes()))
    return _CACHE[name]


def kws(doc: ParsedDocument, lang: str) -> list[str]:
    return [k.text for k in doc.keywords if k.lang == lang]


def abstract(doc: ParsedDocument, lang: str) -> str | None:
    return next((a.text for a in doc.abstracts if a.lang == lang), None)


# ------------------------------------------------------------------ all tag families on one page

def test_meta_families_give_right_values_and_reject_the_site_s() -> None:
    doc = doc_of("meta_families_jsonld.html")
    d = doc.document
    assert d.adapter == "journal_generic@4"
    # citation_doi written as a doi.org link
    assert d.doi == "10.5555/lcgk.2021.0907" and d.provenance["doi"] == "meta"
    assert d.title_zh == "踝关节镜下距骨软骨损伤修复的中期随访"
    # the xml:lang="en" twin holds the Chinese title: not an English title; JSON-LD has the real one
    assert d.title_en == "Mid-term follow-up of arthroscopic repair of osteochondral lesions of the talus"
    assert d.provenance["title_en"] == "json-ld"
    # citation_journal_title is the site's banner: rejected, prism.publicationName used
    assert d.journal_zh == "临床骨科探索" and "meta_rejected:journal_zh:url_banner_or_doi" in d.quality_flags
    assert d.journal_en == "Clinical Orthopaedic Exploration"
    # compact citation_date; the online date is not the publication date
    assert (d.published_date, d.year) == (dt.date(2021, 9, 7), 2021)
    # `0` counters in citation_issue / citation_firstpage are no values; PRISM has the real ones
    assert (d.volume, d.issue, d.first_page, d.last_page) == ("9", "3", "311", "316")
    assert "meta_rejected:issue:counter" in d.quality_flags
    assert d.issn == "2095-0004"  # a valid check digit: the validators null "2095-0000"
    # citation_authors joined with `；` and `、 `; English names from JSON-LD, paired by position
    assert [(a.name_zh, a.name_en) for a in doc.authors] == [
        ("欧阳青", "Ouyang Qing"), ("司马岚", "Sima Lan"), ("纪晓川", "Ji Xiaochuan")]
    assert d.provenance["authors_en"] == "json-ld"
    # the DOM's labels; the marked author is the corresponding one
    assert [a.affiliation_ids for a in doc.authors] == [[1], [2], [1]]
    assert [a.is_corresponding for a in doc.authors] == [False, False, True]
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations] == [
        (1, "某医科大学附属第二医院骨科，某市", "100001"), (2, "某市第三人民医院运动医学科，某市", "100002")]
    assert kws(doc, "zh") == ["距骨", "软骨损伤", "关节镜", "微骨折"]
    assert kws(doc, "en") == ["talus", "cartilage injury", "arthroscopy", "microfracture"]


def test_truncated_descriptions_and_references_are_no_abstracts() -> None:
    doc = doc_of("meta_families_jsonld.html")
    d = doc.document
    zh = abstract(doc, "zh")
    # dc.description ends with `…`: the DOM's whole abstract is published instead
    assert zh is not None and zh.startswith("目的 观察踝关节镜下") and zh.endswith("中期效果良好。")
    assert d.provenance["abstract_zh"] == "dom" and "meta_rejected:abstract_zh:truncated" in d.quality_flags
    # the page has no English abstract: a reference line must not become one (the text parser no
    # longer proposes it, so no `rejected:abstract_en:citation` flag is needed either)
    assert abstract(doc, "en") is None
    assert not any(f.startswith("invalid:abstract_en") for f in d.quality_flags)
    # the page's printed list wins over the two citation_reference tags
    assert len(doc.references) == 3 and d.provenance["references"] == "dom"
    assert doc.references[1].doi == "10.5555/far.2018.033"
    # the journal banner above the title is no column
    assert d.section is None


def test_microdata_article() -> None:
    doc = doc_of("microdata_article.html")
    d = doc.document
    assert d.title_en == "Serum markers of bone turnover after resection of hepatic tumours"
    assert d.title_zh is None and d.provenance["title_en"] == "microdata"
    assert d.doi == "10.5555/ejp.2022.0315"  # from itemprop=sameAs (a doi.org link)
    assert d.journal_en == "Example Journal of Hepatology"
    assert (d.issue, d.first_page, d.last_page) == ("2", "45", "52")
    assert d.volume is None  # the page shows none
    assert d.published_date == dt.date(2022, 3, 15)
    assert [a.name_en for a in doc.authors] == ["Mei Lin", "Arto Virtanen"]
    assert kws(doc, "en") == ["bone turnover", "hepatectomy", "biomarkers"]
    en = abstract(doc, "en")
    assert en is not None and en.startswith("Objective To describe") and en.endswith("are transient.")


def test_related_tab_items_and_markup_in_citation_abstract() -> None:
    doc = doc_of("magtech_related_tab.html")
    assert doc.document.adapter == "journal_magtech@4"
    # one row per list item, its visible text; the `更多` link and the counter are no items
    assert [(r.item_no, r.raw) for r in doc.related_articles] == [
        (1, "椎体后凸成形术的并发症分析 某某介入医学电子杂志. 2022, 11(4): 300-304."),
        (2, "射频消融联合骨水泥治疗骨转移瘤 某某介入医学电子杂志. 2021, 10(2): 150-155."),
        (3, "骨转移瘤疼痛的介入治疗共识 某某介入医学电子杂志. 2020, 9(3): 201-206."),
    ]
    assert doc.references == []  # related articles are never references
    # citation_abstract carrying `<p>` markup and the `摘要：` label
    assert abstract(doc, "zh") == ("目的 评价经皮椎体成形术治疗脊柱转移瘤疼痛的效果。"
                                   "方法 回顾分析30例患者术前与术后的疼痛评分。"
                                   "结果 术后疼痛评分明显下降。结论 该术式安全有效。")
    assert doc.document.issue == "01" and doc.document.published_date == dt.date(2023, 2, 15)


_CLUTTER = ["切换至", "更多", "本刊由", "主办", "Home", "Issues", "Copyright", "ScholarlyArticle", "WebSite",
            "玛格泰克", "投稿", "欢迎"]


@pytest.mark.parametrize("name", ["meta_families_jsonld.html", "microdata_article.html",
                                  "magtech_related_tab.html"])
def test_no_site_text_reaches_any_table(name: str) -> None:
    rows = tables.bundle_rows(doc_of(name))
    for table, rs in rows.items():
        for row in rs:
            for col, value in row.items():
                if col in ("source_path", "url", "quality_flags", "provenance") or not isinstance(value, str):
                    continue
                hits = [c for c in _CLUTTER if c in value]
                assert not hits, f"{name}: {table}.{col} carries {hits}: {value[:120]!r}"


# ------------------------------------------------------------------ meta tags, unit level

def test_language_is_decided_by_script_and_all_dc_spellings_are_read() -> None:
    meta = read_meta(parse_html(
        '<meta name="citation_title" content="中文题名在英文标签里" xml:lang="en">'
        '<meta name="citation_title" content="English title in the Chinese tag" xml:lang="zh">'
        '<meta name="citation_keywords" content="肝癌">'
        '<meta name="citation_keywords" content="PD-1">'
        '<meta name="DCTERMS.title" content="Another title">'
        '<meta name="dc.Creator" content="张三">'))
    assert meta.first("title", "zh") == "中文题名在英文标签里"
    assert meta.first("title", "en") == "English title in the Chinese tag"
    # the tags of one name and language are read together: `PD-1` stays a Chinese keyword
    assert meta.values("keywords", "zh") == ["肝癌", "PD-1"]
    assert meta.fallbacks("title", "en") == ["English title in the Chinese tag", "Another title"]
    assert meta.values("author", "zh") == ["张三"]


def test_dates_dois_and_joined_names() -> None:
    assert parse_date("20200420") == dt.date(2020, 4, 20)
    assert parse_date("20200431") is None  # not a date
    assert parse_date("2020/04/20") == parse_date("2020-04-20T08:00:00+08:00") == dt.date(2020, 4, 20)
    assert parse_date("1900-01-01") is None  # a CMS default
    assert parse_date("2020") is None
    doi = "10.3877/cma.j.issn.2095-3232.2024.02.011"
    for v in (f"doi:{doi}", f"https://doi.org/{doi}", f"DOI: {doi}", f"info:doi/{doi}", f"{doi}."):
        assert doi_of(v) == doi, v
    assert doi_of("ISSN 2095-3232") is None
    assert split_names("欧阳青；司马岚、 纪晓川") == ["欧阳青", "司马岚", "纪晓川"]


def test_meta_layer_drops_counters_banners_and_site_suffixes() -> None:
    layer = meta_layer(read_meta(parse_html(
        '<meta name="citation_journal_title" content="本刊由某医学会主办">'
        '<meta name="og:site_name" content="某某医学杂志">'
        '<meta name="DC.Title" content="某病的临床研究 - 某某医学杂志">'
        '<meta name="citation_volume" content="00">'
        '<meta name="citation_firstpage" content="12"><meta name="citation_lastpage" content="9">'
        '<meta name="citation_author" content="李四">'
        '<meta name="citation_author_institution" content="某大学医学院">'
        '<meta name="citation_author" content="王五">'
        '<meta name="citation_author_institution" content="某医院外科">'
        '<meta name="citation_publication_date" content="2021">'
        '<meta name="citation_online_date" content="2020/12/30">'
    )))
    assert layer.doc.get("journal_zh") is None
    assert layer.doc["title_zh"] == "某病的临床研究"  # the site's name cut from the <title> copy
    assert "volume" not in layer.doc and "last_page" not in layer.doc and layer.doc["first_page"] == "12"
    assert layer.doc["year"] == 2021 and "published_date" not in layer.doc
    assert [(a.name_zh, a.affiliation_ids) for a in layer.authors] == [("李四", [1]), ("王五", [2])]
    assert [a.name_zh for a in layer.affiliations] == ["某大学医学院", "某医院外科"]


def test_invalid_json_ld_is_flagged_and_the_page_still_read() -> None:
    html = ('<html><head><meta name="citation_title" content="某病的临床研究">'
            '<script type="application/ld+json">{"@type": "ScholarlyArticle", "headline": </script>'
            '</head><body><p>摘要: 目的 观察某病的临床特点。方法 回顾分析病例资料并比较两组结果。</p>'
            '</body></html>')
    doc = parse_raw(RawInput(path="journal/x.html", data=html.encode()))
    assert doc.document.title_zh == "某病的临床研究" and "jsonld_invalid" in doc.document.quality_flags


# ------------------------------------------------------------------ checks at the merge

def test_merge_skips_titles_with_chrome_and_takes_the_next_layer() -> None:
    dom, text = Layer("dom"), Layer("text")
    dom.set("title_en", "Bone metastasis of liver cancer DOI: 10.12677/ACM.2024.145514, PDF, HTML")
    text.set("title_en", "Bone metastasis of liver cancer")
    dom.set("title_zh", "本刊由某省医学会主办。")
    dom.set("issue", "0")
    text.set("issue", "4")
    m = merge([dom, text])
    assert m.doc["title_en"] == "Bone metastasis of liver cancer" and m.provenance["title_en"] == "text"
    assert "title_zh" not in m.doc and "rejected:title_zh:chrome_or_banner" in m.flags
    assert m.doc["issue"] == "4"


@pytest.mark.parametrize(("text", "why"), [
    ("https://example.org/article/1", "url_or_email"), ("10.1234/abc.2020.01", "doi"), ("文章信息", "label"),
    ("PDF", "too_short"), ("下载 浏览 收藏", None), ("本刊由某省医学会主办。", "chrome_or_banner"),
    ("中华肝脏病杂志", "journal_name"), ("Key words:", "label"), ("肝细胞癌骨转移的影像学诊断进展", None),
])
def test_title_problems(text: str, why: str | None) -> None:
    assert title_problem(text) == why


def test_corresponding_author_is_a_person() -> None:
    assert person_of("金成浩,教授,博士研究生导师(Tel: 0431-0000)", "zh", {"金成浩", "孟庆华"}) == "金成浩"
    assert person_of("编辑部", "zh", {"金成浩"}) is None
    assert person_of("Lixin Duan", "en", set()) == "Lixin Duan"


# ------------------------------------------------------------------ DOM readers without meta

def _layer(html: str, title_zh: str | None = None) -> Layer:
    soup = strip_clutter(parse_html(html))
    return block_layer(soup, text_lines(soup), title_zh)


def test_hans_keyword_links_grouped_author_line_and_english_title() -> None:
    layer = _layer(
        '<div><p><b>某药治疗某病的疗效观察</b></p>'
        '<p><b>Efficacy of a Drug in the Treatment of a Disease</b></p>'
        '<p>作者: <a href="#">甲一</a>, <a href="#">乙 二</a>:某医学院第一临床医学院,山东 滨州;'
        '<a href="#">丙三</a>*:某医院肝胆外科,山东 滨州</p>'
        '<p>关键词: <a href="#">肝癌</a><a href="#">骨转移</a><a href="#">Liver Cancer</a> '
        '<a href="#">Bone Metastasis</a></p></div>', title_zh="某药治疗某病的疗效观察")
    assert layer.doc["title_en"] == "Efficacy of a Drug in the Treatment of a Disease"
    assert layer.keywords == {"zh": ["肝癌", "骨转移"], "en": ["Liver Cancer", "Bone Metastasis"]}
    assert [(a.name_zh, a.affiliation_ids, a.is_corresponding) for a in layer.authors] == [
        ("甲一", [1], False), ("乙二", [1], False), ("丙三", [2], True)]
    assert [a.name_zh for a in layer.affiliations] == ["某医学院第一临床医学院,山东 滨州",
                                                       "某医院肝胆外科,山东 滨州"]


def test_bracketed_labels_and_affiliation_blocks_by_class() -> None:
    layer = _layer(
        '<table><tr><td><b>[Abstract]</b> Objective: To test a reader. '
        'Methods: We wrote a page by hand.</td></tr>'
        '<tr><td><b>[关键词]</b> 肝癌；骨转移</td></tr></table>'
        '<div class="article-author">Lixin Duan<sup>*</sup></div>'
        '<div class="article-affiliation">'
        '<p>Department of Surgery, Example Hospital, Tianjin 300000, China</p></div>')
    assert layer.abstracts["en"] == "Objective: To test a reader. Methods: We wrote a page by hand."
    assert layer.keywords["zh"] == ["肝癌", "骨转移"]
    assert [a.name_en for a in layer.affiliations] == [
        "Department of Surgery, Example Hospital, Tianjin 300000, China"]


def test_etiller_front_table() -> None:
    soup = parse_html(
        '<table class="front_table">'
        '<tr><td><span id="FileTitle">某标志物对某病骨转移的诊断价值</span></td></tr>'
        '<tr><td><span id="EnTitle">Diagnostic value of a marker for bone metastasis</span></td></tr>'
        '<tr><td><span class="label">中文关键词:</span>'
        '<span id="KeyWord"><a>肝癌</a>&nbsp;<a>骨转移,肝</a></span></td></tr>'
        '<tr><td id="Author"><table><tr class="tr_head"><td>作者</td><td>单位</td><td>E-mail</td></tr>'
        '<tr><td><a>甲一</a></td><td>某大学附属医院 检验科, 江西 南昌 330000</td><td></td></tr>'
        '<tr><td><a>乙二</a></td><td>某大学附属医院 外科, 江西 南昌 330000</td>'
        '<td><a href="mailto:yi@example.org">yi@example.org</a></td></tr></table></td></tr>'
        '<tr><td id="EnAuthor"><table>'
        '<tr class="tr_head"><td>Author</td><td>Institution</td><td>E-mail</td></tr>'
        '<tr><td>JIA Yi</td><td>Department of Laboratory, Example Hospital, Nanchang, China</td>'
        '<td></td></tr>'
        '<tr><td>YI Er</td><td>Department of Surgery, Example Hospital, Nanchang, China</td><td></td></tr>'
        '</table></td></tr>'
        '<tr><td><span class="label">投稿时间:</span>2022-12-08&nbsp;'
        '<span class="label">修订日期:</span>2023-02-10'
        '&nbsp;<span class="label">在线发布日期:</span> 2023-04-12</td></tr></table>')
    layer = etiller_layer(soup)
    assert layer is not None
    assert layer.doc["title_zh"] == "某标志物对某病骨转移的诊断价值"
    assert layer.doc["title_en"] == "Diagnostic value of a marker for bone metastasis"
    assert layer.keywords["zh"] == ["肝癌", "骨转移,肝"]  # one link, one keyword, comma and all
    assert [(a.name_zh, a.name_en, a.affiliation_ids, a.email) for a in layer.authors] == [
        ("甲一", "JIA Yi", [1], None), ("乙二", "YI Er", [2], "yi@example.org")]
    assert [(a.name_zh, a.name_en) for a in layer.affiliations] == [
        ("某大学附属医院 检验科, 江西 南昌", "Department of Laboratory, Example Hospital, Nanchang, China"),
        ("某大学附属医院 外科, 江西 南昌", "Department of Surgery, Example Hospital, Nanchang, China")]
    assert layer.doc["received_date"] == dt.date(2022, 12, 8)
    assert layer.doc["revised_date"] == dt.date(2023, 2, 10)
    assert "published_date" not in layer.doc  # 在线发布日期 is the online date


# ------------------------------------------------------------------ pages that list many articles

_TOC = ('<html><head><meta charset="utf-8"><title>当期目录 - 某某外科杂志</title></head><body>'
        '<h2>2024年 第13卷 第2期 目录</h2><div class="mag-list">'
        '<div><h3><a href="/CN/1">某病的放射治疗进展</a></h3><p>张三, 李四</p>'
        '<p>2024, 13(2): 100-104. DOI: 10.5555/toc.2024.02.001</p><p><a href="#">摘要</a></p></div>'
        '<div><h3><a href="/CN/2">某术后并发症的危险因素分析</a></h3><p>王五, 赵六</p>'
        '<p>2024, 13(2): 105-110. DOI: 10.5555/toc.2024.02.002</p><p><a href="#">摘要</a></p></div>'
        '</div><div class="mag-footer"><a href="http://www.magtech.com.cn">玛格泰克</a></div></body></html>')


def test_a_table_of_contents_is_quarantined_not_published() -> None:
    with pytest.raises(ParseError, match="list of articles"):
        parse_raw(RawInput(path="journal/toc.html", data=_TOC.encode()))
    assert title_problem("2024年 第13卷 第2期 目录") == "list_heading"
    assert title_problem("检索结果") is not None


def test_one_keyword_field_holding_both_languages_and_mixed_script_name_lists() -> None:
    layer = meta_layer(read_meta(parse_html(
        '<meta name="citation_keywords" content="肝癌；骨转移；Liver cancer；Bone metastasis">'
        '<meta name="citation_author" content="张三"><meta name="citation_author" content="Li Si">')))
    assert layer.keywords == {"zh": ["肝癌", "骨转移"], "en": ["Liver cancer", "Bone metastasis"]}
    # a Chinese author list with one pinyin name in it is not published by position
    assert layer.authors == []
    one = meta_layer(read_meta(parse_html('<meta name="citation_keywords" content="肝癌；免疫治疗；PD-1">')))
    assert one.keywords == {"zh": ["肝癌", "免疫治疗", "PD-1"]}


@pytest.mark.parametrize(("text", "why"), [
    ("Zhang San, Li Si, Wang Wu", "author_list"), ("ZHOU Haiyan, DENG Zhiwei", "author_list"),
    ("欧阳青, 司马岚, 纪晓川", "author_list"),
    ("Department of Surgery, Example Hospital, Tianjin", "affiliation"),
    ("Diagnosis, Treatment and Outcome of Bone Metastasis", None), ("肝癌、肺癌骨转移的影像学比较", None),
])
def test_author_lines_and_affiliations_are_no_titles(text: str, why: str | None) -> None:
    assert title_problem(text) == why


def test_english_author_line_after_the_chinese_title_is_not_its_twin() -> None:
    layer = _layer('<div><p><b>某药治疗某病的疗效观察</b></p><p>Zhang San, Li Si, Wang Wu</p></div>',
                   title_zh="某药治疗某病的疗效观察")
    assert "title_en" not in layer.doc


def test_a_footer_address_is_no_affiliation() -> None:
    for footer in ("100000 某某医学杂志编辑部",
                   "Address: Editorial Office, Example Hospital, Beijing 100000, China"):
        layer = _layer('<p>Ouyang Qing<sup>*</sup></p><div class="x">text</div>'
                       f'<div class="address">{footer}</div>')
        assert layer.affiliations == [], footer


def test_chrome_tails_are_cut_from_meta_titles_but_a_title_may_end_with_html() -> None:
    from hccbone_ingest.sources._html.values import strip_chrome_tail

    assert strip_chrome_tail("Bone metastasis of liver cancer, PDF, HTML, XML, 下载: 35 浏览: 88") == \
        "Bone metastasis of liver cancer"
    assert strip_chrome_tail("Structured pathology reports in XML and HTML") == \
        "Structured pathology reports in XML and HTML"
    assert strip_chrome_tail("Reports in XML and HTML, PDF, 下载: 3") == "Reports in XML and HTML"
