"""Journal HTML pages that differ from the seed: other articles, other platforms, other
author-line and encoding conventions (fixtures listed in tests/fixtures/journal_html/README.md,
second table). Every expected value was read off the fixture file itself.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hccbone_ingest import tables
from hccbone_ingest.pipeline import parse_raw
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources._html.authors import parse_author_line
from hccbone_ingest.sources._html.dom import parse_html, strip_clutter, visible_text
from hccbone_ingest.sources._html.fields import SUP_CLOSE, SUP_OPEN, labelled_values
from hccbone_ingest.sources._html.js_literal import js_object_to_json
from hccbone_ingest.sources._html.meta import read_meta
from hccbone_ingest.sources._html.meta_layer import meta_layer
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.journal_generic import GenericJournalAdapter
from hccbone_ingest.sources.journal_magtech import MagtechJournalAdapter
from hccbone_ingest.sources.journal_text import parse_journal_text

FIX = Path(__file__).parent / "fixtures" / "journal_html"
_CACHE: dict[str, ParsedDocument] = {}


def doc_of(name: str) -> ParsedDocument:
    if name not in _CACHE:
        _CACHE[name] = parse_raw(RawInput(path=f"journal/{name}", data=(FIX / name).read_bytes()))
    return _CACHE[name]


def _sup(label: str) -> str:
    return f"{SUP_OPEN}{label}{SUP_CLOSE}"


# ------------------------------------------------------------------ author lines, visible text

def test_a_name_after_a_sup_label_starts_the_next_author() -> None:
    # Yiigle separates Chinese names by spaces only: the <sup> label closes each name.
    zh = parse_author_line(f"黄志强{_sup('1')} 吴敏{_sup('2')} 郑海燕{_sup('1,3')}", "zh")
    assert [(a.name_zh, a.affiliation_ids) for a in zh] == [("黄志强", [1]), ("吴敏", [2]),
                                                           ("郑海燕", [1, 3])]
    en = parse_author_line(f"Huang Zhiqiang{_sup('1')} Wu Min{_sup('2*')}", "en")
    assert [(a.name_en, a.affiliation_ids, a.is_corresponding) for a in en] == [
        ("Huang Zhiqiang", [1], False), ("Wu Min", [2], True)]
    # the seed's form is unchanged: labels, then `(` + empty mail link for the same author
    seed = parse_author_line(f"孙馨{_sup('2')}, 李照{_sup('1,')}(\u2709\u2709)", "zh")
    assert [(a.name_zh, a.affiliation_ids, a.is_corresponding) for a in seed] == [
        ("孙馨", [2], False), ("李照", [1], True)]


def test_visible_text_glues_sup_labels_to_the_name() -> None:
    # Source indentation before a <sup> must not split `罗臻1` (the text adapter's label rule).
    html = ("<p>罗臻 <sup>1</sup>, 韦鹏程\n<sup> 1,2 </sup>, 李照<sup>1</sup><sup>*</sup></p>"
            "<p>x<br> <sup>2</sup>y</p>")
    assert visible_text(parse_html(html)) == "罗臻1, 韦鹏程1,2, 李照1*\n\nx\n2y"


# ------------------------------------------------------------------ Vue layout, multi-line metaData

def test_vue_multiline_metadata_is_read() -> None:
    doc = doc_of("magtech_vue_multiline.html")
    d = doc.document
    assert d.adapter == "journal_magtech@4" and d.doc_id == "doi:10.3877/cma.j.issn.2095-3232.2024.06.007"
    assert d.doi == "10.3877/cma.j.issn.2095-3232.2024.06.007"  # `\/` escapes decoded
    assert d.title_zh == "肝细胞癌骨转移患者预后列线图的构建与验证"
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2024, "13", "06", "690", "696")
    assert (d.received_date, d.revised_date, d.accepted_date, d.published_date) == (
        dt.date(2024, 6, 3), dt.date(2024, 8, 19), dt.date(2024, 9, 30), dt.date(2024, 12, 10))
    assert d.funding_en == "Natural Science Foundation of Hubei Province(2023AFB000)"
    assert (d.corresponding_author_zh, d.corresponding_email) == ("周鹏", "zhoupeng@example.org")
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in doc.authors]
    assert got == [("孙悦", "Yue Sun", [1, 2], False), ("欧阳晓峰", "Xiaofeng Ouyang", [2], False),
                   ("周鹏", "Peng Zhou", [1], True)]
    assert [(a.affiliation_id, a.postcode) for a in doc.affiliations] == [(1, "430030"), (2, "430030")]
    kws = [(k.lang, k.text) for k in doc.keywords]
    assert kws == [("zh", "肝细胞癌"), ("zh", "骨转移"), ("zh", "列线图"),
                   ("en", "Carcinoma, hepatocellular"), ("en", "Bone metastasis"), ("en", "Nomogram")]
    assert d.provenance["authors"] == d.provenance["abstract_zh"] == d.provenance["doi"] == "json"


def test_vue_html_abstract_paragraphs_join_like_the_text_copy() -> None:
    doc = doc_of("magtech_vue_multiline.html")
    # one <p> per part; the text adapter joins Chinese pieces without a space
    assert doc.abstract("zh") == ("目的 构建肝细胞癌(肝癌)骨转移患者的预后列线图。方法 回顾性分析SEER数据库中"
                                  "1 024例肝癌骨转移患者的资料。结果 列线图的C指数为0.72。"
                                  "结论 该列线图可较准确地预测患者生存。")
    en = doc.abstract("en")
    assert en.startswith("Objective To construct") and ". Methods Data of 1 024" in en
    assert en.endswith("with 'good' accuracy.")  # a single quote inside a JSON string


def test_vue_bilingual_reference_keeps_both_citations_structured() -> None:
    refs = {r.ref_no: r for r in doc_of("magtech_vue_multiline.html").references}
    assert sorted(refs) == [1, 2]
    r1 = refs[1]
    assert r1.raw.startswith("张伟. 肝癌骨转移的流行病学[J].") and " Zhang W. Epidemiology" in r1.raw
    assert r1.doi == "10.3760/cma.j.cn112152-20220801-00500"
    s = json.loads(r1.structured_json)
    # surname + givenNames: Chinese without a space, Western with one
    assert [c["personList"] for c in s["citations"]] == [["张伟"], ["Zhang W"]]
    assert [c["lang"] for c in s["citations"]] == ["zh", "en"]
    s2 = json.loads(refs[2].structured_json)
    assert (s2["nian"], s2["citations"][0]["personList"]) == ("2008", ["Iasonos A", "Schrag D", "Raj GV"])


# ------------------------------------------------------------------ generic fallback: Hans, Yiigle

def test_hans_page_without_meta_tags_reads_titles_people_and_every_reference() -> None:
    doc = doc_of("generic_hans.html")
    d = doc.document
    assert d.adapter == "journal_generic@4" and "generic_fallback" in d.quality_flags
    assert d.title_zh == "唑来膦酸治疗肝癌骨转移疼痛的研究进展"  # <p class="art_title">
    assert d.title_en == ("Research Progress of Zoledronic Acid in the Treatment of Pain Caused by "
                          "Bone Metastasis of Liver Cancer")
    assert d.doi == "10.12677/ACM.2023.134843" and d.doc_id == "doi:10.12677/acm.2023.134843"
    assert (d.journal_zh, d.year, d.volume, d.issue, d.first_page, d.last_page) == (
        "临床医学进展", 2023, "13", "4", "6012", "6017")  # from `文章引用:`
    got = [(a.name_zh, a.affiliation_ids, a.is_corresponding) for a in doc.authors]
    assert got == [("张晓雯", [1], False), ("马立新", [2], True)]  # `2*`
    assert [(a.affiliation_id, a.name_zh) for a in doc.affiliations] == [
        (1, "青海大学研究生院，青海 西宁"), (2, "青海大学附属医院肝胆胰外科，青海 西宁")]
    assert doc.abstract("zh").startswith("骨转移是肝癌晚期") and doc.abstract("zh").endswith("进行综述。")
    en = doc.abstract("en")
    assert en.startswith("Bone metastasis is") and en.endswith("liver cancer.")
    assert [k.text for k in doc.keywords if k.lang == "zh"] == ["肝癌", "骨转移", "唑来膦酸", "疼痛"]
    refs = doc.references
    assert [r.ref_no for r in refs] == [1, 2]  # one <p> per reference
    assert refs[0].doi == "10.1158/1078-0432.CCR-06-0931" and refs[1].doi is None
    assert refs[1].raw.startswith("李娜, 王刚. 唑来膦酸联合放疗") and refs[1].raw.endswith("630-632.")
    p = d.provenance
    assert p["title_en"] == p["authors"] == p["affiliations"] == p["references"] == "dom"


def test_yiigle_page_joined_meta_authors_and_dom_labels() -> None:
    doc = doc_of("generic_yiigle.html")
    d = doc.document
    assert d.adapter == "journal_generic@4" and "generic_fallback" in d.quality_flags
    assert d.doi == "10.3760/cma.j.cn112149-20210601-00540"
    assert (d.title_zh, d.journal_en) == ("肝细胞癌骨转移的影像学诊断进展", "Chinese Journal of Radiology")
    # zh names from `citation_authors` joined with 、 (xml:lang="cn"), en from one tag each;
    # labels from the DOM line, where only spaces separate the names
    got = [(a.name_zh, a.name_en, a.affiliation_ids) for a in doc.authors]
    assert got == [("黄志强", "Huang Zhiqiang", [1]), ("吴敏", "Wu Min", [2]),
                   ("郑海燕", "Zheng Haiyan", [1])]
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations] == [
        (1, "四川大学华西医院放射科，成都", "610041"), (2, "四川大学华西医院肝脏外科，成都", "610041")]
    assert d.provenance["authors"] == "meta" and d.provenance["author_affiliations"] == "dom"
    # full-width `；` separates MeSH-style keywords that carry a full-width comma
    kws = [k.text for k in doc.keywords if k.lang == "zh"]
    assert kws == ["癌，肝细胞", "骨转移", "体层摄影术，X线计算机"]
    assert [r.ref_no for r in doc.references] == [1, 2, 3]  # an unnumbered <ul>
    assert doc.references[1].doi == "10.3760/cma.j.issn.1005-1201.2018.07.008"
    assert doc.references[2].doi is None


def test_link_bars_without_telling_names_are_navigation() -> None:
    def text(html: str) -> str:
        return visible_text(strip_clutter(parse_html(html)))

    assert text("<div id='top'><a>首页</a> | <a>期刊</a> | <a>登录</a></div><p>正文</p>") == "正文"
    assert text("<div class='crumbs'><a>首页</a> &gt; 正文</div><p>x</p>") == "x"
    # links without bar separators are content: keywords, author names, related titles
    assert text("<p>关键词: <a>肝癌</a>; <a>骨转移</a></p>") == "关键词: 肝癌; 骨转移"
    assert text("<p><a>罗臻</a><sup>1</sup>, <a>李照</a><sup>1</sup></p>") == "罗臻1, 李照1"
    assert text("<p><a>肝癌</a> <a>骨转移</a></p>") == "肝癌 骨转移"
    # the Hans page's top bar no longer becomes the journal column
    assert doc_of("generic_hans.html").document.section is None


# ------------------------------------------------------------------ panel page of another article

def test_panel_multiple_affiliations_mail_link_and_joined_meta_names() -> None:
    doc = doc_of("magtech_panel_multiaff.html")
    d = doc.document
    assert d.adapter == "journal_magtech@4" and d.doc_id == "doi:10.3877/cma.j.issn.2095-3232.2024.02.011"
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2024, "13", "02", "201", "207")
    assert d.section == "论著" and d.published_date == dt.date(2024, 4, 10)
    assert (d.received_date, d.revised_date, d.accepted_date) == (
        dt.date(2023, 11, 2), dt.date(2024, 1, 15), dt.date(2024, 2, 20))
    # `citation_authors` joined with `；` (xml:lang="cn"), names paired by position with the DOM
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding, a.email) for a in doc.authors]
    assert got == [("王建国", "Jianguo Wang", [1, 2], False, None),
                   ("张丽华", "Lihua Zhang", [2], False, None),
                   ("刘䶮", "Yan Liu", [1, 3], False, None),
                   ("陈晓明", "Xiaoming Chen", [1], True, "chenxm@example.org")]  # mailto link with text
    assert d.corresponding_email == "chenxm@example.org"
    affs = [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations]
    assert affs == [(1, "广州,中山大学附属第一医院肝胆外科", "510080"),
                    (2, "广州,中山大学附属第一医院放射治疗科", "510080"),
                    (3, "广州,中山大学肿瘤防治中心影像科", "510060")]  # <br/>, <BR>, none after the last
    assert doc.affiliations[2].name_en.startswith("Department of Medical Imaging, Sun Yat-sen University")
    # two <p> values under one `基金资助:` label, joined as the text adapter joins lines
    assert d.funding_zh == "国家自然科学基金(82000000); 广东省自然科学基金(2023A1515000000)"
    assert d.funding_en == "National Natural Science Foundation of China(82000000)"
    zh = doc.abstract("zh")
    assert zh.startswith("目的 探讨立体定向放射治疗(SBRT)") and "。方法 回顾性分析" in zh
    assert zh.endswith("结论 SBRT联合系统治疗可有效缓解肝癌脊柱转移患者的疼痛。")
    assert doc.abstract("en").startswith("Objective To evaluate") and "Key words" not in doc.abstract("en")
    assert [k.text for k in doc.keywords if k.lang == "en"] == [
        "Carcinoma, hepatocellular", "Spinal metastasis", "Stereotactic body radiotherapy",
        "Systemic therapy"]


def test_panel_references_in_both_languages_stay_one_reference() -> None:
    doc = doc_of("magtech_panel_multiaff.html")
    refs = {r.ref_no: r for r in doc.references}
    assert sorted(refs) == [1, 2, 3]
    assert refs[1].raw.startswith("国家卫生健康委办公厅. 原发性肝癌诊疗指南(2022年版)[J].")
    assert "388. DOI: 10.3760/cma.j.cn501113-20220413-00193. General Office of National" in refs[1].raw
    assert refs[1].doi == "10.3760/cma.j.cn501113-20220413-00193"
    assert refs[2].doi == "10.1016/S1470-2045(21)00196-0"
    assert refs[3].doi is None and refs[3].raw.endswith("Chin J Radiat Oncol, 2020, 29(5): 395-399.")
    assert [r.item_no for r in doc.related_articles] == [1]


# ------------------------------------------------------------------ table layout, gb2312 that is GB18030

def test_table_page_declared_gb2312_with_gb18030_only_characters() -> None:
    data = (FIX / "magtech_table_gb18030.html").read_bytes()
    assert b"charset=gb2312" in data and "䶮".encode("gb18030") in data and "𠮷".encode("gb18030") in data
    doc = doc_of("magtech_table_gb18030.html")
    d = doc.document
    assert d.encoding == "gb18030" and d.quality_flags == []  # no replacement characters
    assert d.title_zh == "地舒单抗治疗肝细胞癌骨转移骨相关事件的临床观察"
    got = [(a.name_zh, a.name_en, a.affiliation_ids, a.is_corresponding) for a in doc.authors]
    assert got == [("王䶮", "Yan Wang", [1, 2], False), ("李𠮷", "Ji Li", [2], False),
                   ("赵明远", "Mingyuan Zhao", [1], True)]  # `<sup>*</sup>`
    assert d.corresponding_email == "zhaomy@example.org" and doc.authors[2].email == "zhaomy@example.org"
    assert [(a.affiliation_id, a.name_zh, a.postcode) for a in doc.affiliations] == [
        (1, "浙江大学医学院附属第一医院肝胆胰外科, 杭州", "310003"),
        (2, "浙江大学医学院附属第一医院骨科, 杭州", "310003")]
    assert (d.received_date, d.revised_date, d.published_date) == (
        dt.date(2023, 5, 8), dt.date(2023, 7, 21), dt.date(2023, 10, 10))
    assert "随访≥6个月者中" in doc.abstract("zh") and "。方法 纳入36例" in doc.abstract("zh")
    assert "followed up for ≥6 months" in doc.abstract("en")  # &ge;
    assert [k.text for k in doc.keywords if k.lang == "zh"] == ["肝细胞癌", "骨转移", "地舒单抗"]
    refs = doc.references
    assert [r.ref_no for r in refs] == [1, 2, 3]
    assert refs[2].raw.startswith("王洁, 陈红. 肝癌骨转移")  # &#x738B;&#x6D01;
    assert refs[2].doi == "10.3969/j.issn.1000-8179.2021.03.001"
    assert "Chinese Orthopaedic Association" in refs[0].raw and refs[0].doi is None


def test_labels_after_a_semicolon_are_read() -> None:
    # Hans: `收稿日期：…；录用日期：…；发布日期：…` on one line (发布日期 is no label the
    # shared field parser knows, so the published date stays unknown)
    d = doc_of("generic_hans.html").document
    assert (d.received_date, d.accepted_date) == (dt.date(2023, 3, 12), dt.date(2023, 4, 7))
    assert labelled_values("基金资助: 国家自然科学基金(1)；广东省基金(2)") == [
        ("funding", "国家自然科学基金(1)；广东省基金(2)")]  # no label after the `；`: one value


def test_abstract_under_a_bare_heading() -> None:
    doc = doc_of("generic_yiigle.html")  # `<h4>摘要</h4><p>…</p><h4>Abstract</h4><p>…</p>`
    assert doc.abstract("zh") == ("骨转移是肝细胞癌常见的肝外转移形式之一。本文综述了X线、CT、MRI、骨扫描"
                                  "及PET/CT在肝细胞癌骨转移诊断中的价值，以期为临床早期诊断提供参考。")
    assert doc.abstract("en").startswith("Bone metastasis is one of the common forms")
    assert doc.document.provenance["abstract_zh"] == doc.document.provenance["abstract_en"] == "dom"


def test_markup_variants_in_visible_text() -> None:
    def text(html: str) -> str:
        return visible_text(strip_clutter(parse_html(html)))

    assert text("<p>a</br>b<br/>c<BR>d<br />e</p>") == "a\nb\nc\nd\ne"  # `</br>` breaks, as in browsers
    assert text("<h3>肝细胞癌<!-- 注释 -->骨转移&nbsp;研究</h3>") == "肝细胞癌骨转移 研究"
    assert text("<p>a<![CDATA[ hidden ]]>b</p>") == "ab"
    assert text("<p>&#x4e2d;&#20013;&amp;&lt;x&gt;&rsquo;</p>") == "中中&<x>’"


def test_one_per_author_tag_in_last_first_form_is_one_author() -> None:
    def names(tags: str) -> list[tuple[str | None, str | None]]:
        layer = meta_layer(read_meta(parse_html('<meta name="citation_title" content="T">' + tags)))
        return [(a.name_zh, a.name_en) for a in layer.authors]

    assert names('<meta name="citation_author" content="Smith, John">') == [(None, "Smith, John")]
    # a single tag holding every name is still split
    assert names('<meta name="citation_author" content="张三，李四">') == [("张三", None), ("李四", None)]
    assert names('<meta name="citation_author" content="Chen Lo, Pengcheng Wei, Xin Sun">') == [
        (None, "Chen Lo"), (None, "Pengcheng Wei"), (None, "Xin Sun")]


# ------------------------------------------------------------------ parity beyond the seed

_FILE_COLUMNS = {"source_path", "content_sha256", "adapter", "encoding", "provenance", "url"}


@pytest.mark.parametrize(("name", "html_only"), [
    ("magtech_panel_multiaff.html", set()),
    ("magtech_structured_bom.html", {"journal_en"}),  # only its meta tags give the English name
])
def test_panel_html_and_its_visible_text_give_the_same_records(name: str, html_only: set[str]) -> None:
    """The page's visible text is what a text copy holds: the text adapter must read from it
    what the HTML adapter reads from the DOM (two <div>s or two <p>s in one cell are one line
    apart, not a paragraph apart, or a bilingual reference and a second fund would be cut)."""
    raw = RawInput(path=f"journal/{name}", data=(FIX / name).read_bytes())
    text = visible_text(strip_clutter(parse_html(raw.text)))
    html_rows = tables.bundle_rows(doc_of(name))
    text_rows = tables.bundle_rows(parse_journal_text(text))
    for table, t_rows in text_rows.items():
        h_rows = html_rows[table]
        assert len(h_rows) == len(t_rows), table
        for h, t in zip(h_rows, t_rows, strict=True):
            for col in sorted(set(t) - _FILE_COLUMNS - html_only):
                assert h[col] == t[col], f"{table}.{col}: {h[col]!r} != {t[col]!r}"
    assert len(text_rows["references"]) == 3 and len(text_rows["authors"]) == 4


def test_title_blocks_of_the_journal_or_site_are_not_the_article_title() -> None:
    page = ("<html><body><div class='journal-title'>Chinese Journal of Radiology Online</div>"
            "<p class='art_title'>唑来膦酸治疗肝癌骨转移疼痛的研究进展</p>"
            "<p class='art_title_en'>Zoledronic acid for the pain of bone metastasis from liver cancer</p>"
            "<p>摘要: 骨转移是肝癌晚期常见的并发症，骨痛严重影响患者的生活质量。</p></body></html>")
    doc = GenericJournalAdapter().parse(RawInput(path="journal/t.html", data=page.encode()))
    assert doc.document.title_en == "Zoledronic acid for the pain of bone metastasis from liver cancer"
    assert doc.document.title_zh == "唑来膦酸治疗肝癌骨转移疼痛的研究进展"


def test_generic_page_reads_corresponding_author_and_funding_lines() -> None:
    page = ("<html><body><h1>唑来膦酸治疗肝癌骨转移疼痛的研究进展</h1>"
            "<p>摘要: 骨转移是肝癌晚期常见的并发症，骨痛严重影响患者的生活质量。</p>"
            "<p>基金项目: 青海省科技厅项目(2022-ZJ-000)</p>"
            "<p>通讯作者: 马立新, E-mail: malx@example.org</p>"
            "<p>Corresponding author: Lixin Ma, E-mail: malx@example.org</p>"
            "<p>参考文献</p><p>[1] 李娜. 骨转移疼痛[J]. 中国疼痛医学杂志, 2019, 25(8): 630-632.</p>"
            "</body></html>")
    d = GenericJournalAdapter().parse(RawInput(path="journal/c.html", data=page.encode())).document
    assert (d.corresponding_author_zh, d.corresponding_author_en) == ("马立新", "Lixin Ma")
    assert d.corresponding_email == "malx@example.org"
    assert d.funding_zh == "青海省科技厅项目(2022-ZJ-000)"  # the next line is not taken as more funds


def test_metadata_written_as_a_javascript_literal_is_read() -> None:
    # single-quoted strings (one with an escaped quote), unquoted keys, trailing commas, comments
    script = r"""
    window.metaData = {
        article: {title_cn: '肝细胞癌骨转移患者预后列线图',
                  'title_en': 'A nomogram for HCC patients\'s bone metastasis',
                  doi: '10.3877\/cma.j.issn.2095-3232.2024.06.007', juan: '13', qi: '06', nian: 2024,},
        // authors
        authorList: [{name_cn: '孙悦', name_en: 'Yue Sun', xref: '1,2', email: undefined},],
    }
    new Vue({el: '#app'});
    """
    page = f"<html><body id='metaVue'><div id='app'></div><script>{script}</script></body></html>"
    doc = MagtechJournalAdapter().parse(RawInput(path="journal/js.html", data=page.encode()))
    d = doc.document
    assert "metadata_json_invalid" not in d.quality_flags
    assert d.title_en == "A nomogram for HCC patients's bone metastasis"
    assert d.doi == "10.3877/cma.j.issn.2095-3232.2024.06.007"
    assert (d.volume, d.issue, d.year) == ("13", "06", 2024)
    assert [(a.name_zh, a.affiliation_ids, a.email) for a in doc.authors] == [("孙悦", [1, 2], None)]
    assert d.provenance["title_zh"] == "json"


def test_metadata_that_is_an_expression_is_flagged_not_guessed() -> None:
    page = ("<html><body id='metaVue'><h3 class='abs-tit'>肝细胞癌骨转移研究进展</h3>"
            "<script>window.metaData = {article: buildArticle(4006)};</script></body></html>")
    d = MagtechJournalAdapter().parse(RawInput(path="journal/e.html", data=page.encode())).document
    assert "metadata_json_invalid" in d.quality_flags and d.title_zh == "肝细胞癌骨转移研究进展"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"{}[]:,'\"\\/*\n ab1-.eu", "true", "undefined", "//", "/*", "\\u00"]),
                max_size=60).map("".join))
def test_js_literal_reader_returns_text_or_none_on_anything(body: str) -> None:
    out = js_object_to_json("{" + body, 0)
    assert out is None or (out.startswith("{") and out.endswith("}"))
