"""The journal text adapter on real-layout page fixtures of many platforms (issue 11), and the
line labeller it is built on.

Fixtures: `tests/fixtures/pages/<platform>/<name>.txt` with `<name>.expected.json` (format:
`tests/fixtures/pages/README.md`). The platforms first held out (pansmed, xml_journal, yiigle,
univ_jlu, jizihe) were released after their first-seen run (docs/pages_eval/) and are read too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from hccbone_ingest import vocab
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources._journal import lines as ln
from hccbone_ingest.sources._journal.abstracts import split_keywords, split_languages
from hccbone_ingest.sources._journal.evidence import read_citation
from hccbone_ingest.sources._journal.people import labelled_author_groups
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.journal_text import JournalTextAdapter, parse_journal_text

PAGES = Path(__file__).parent / "fixtures" / "pages"
ARTICLE_PLATFORMS = ("hans", "rhhz_info", "rhhz_plain", "cma_current", "cjco", "etiller", "univ_smu",
                     "wanfang", "cnki", "medjournals", "cqvip", "reftab", "pansmed", "xml_journal", "yiigle",
                     "univ_jlu", "jizihe")


def _fixtures(platforms: tuple[str, ...]) -> list[Path]:
    out = []
    for p in platforms:
        out += sorted((PAGES / p).glob("*.txt")) if (PAGES / p).is_dir() else []
    return out


def _expected(page: Path) -> dict[str, Any]:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def _norm(v: Any) -> Any:
    """Compare as the scorer does: NFKC, no whitespace or colons, case-folded; postcodes out."""
    if v is None or v == [] or v == "" or v == 0:
        return None
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, dt.date):
        v = v.isoformat()
    s = unicodedata.normalize("NFKC", str(v))
    return re.sub(r"[\s:：]+", "", s).casefold().lstrip("0") or "0"


def _published(doc: ParsedDocument) -> dict[str, Any]:
    d = doc.document
    out: dict[str, Any] = {k: getattr(d, k) for k in (
        "doi", "title_zh", "title_en", "journal_zh", "journal_en", "year", "volume", "issue", "first_page",
        "last_page", "received_date", "revised_date", "accepted_date", "published_date")}
    out["authors_zh"] = [a.name_zh for a in doc.authors if a.name_zh]
    out["authors_en"] = [a.name_en for a in doc.authors if a.name_en]
    out["affiliations_zh"] = [re.sub(r"\s*[0-9]{6}\s*", "", a.name_zh) for a in doc.affiliations if a.name_zh]
    out["affiliations_en"] = [re.sub(r"\s*[0-9]{6}\s*", "", a.name_en) for a in doc.affiliations if a.name_en]
    out["keywords_zh"] = [k.text for k in doc.keywords if k.lang == "zh"]
    out["keywords_en"] = [k.text for k in doc.keywords if k.lang == "en"]
    out["abstract_zh"], out["abstract_en"] = doc.abstract("zh"), doc.abstract("en")
    out["references"] = len(doc.references) or None
    return out


def _parse(page: Path) -> ParsedDocument:
    rel = f"journal/{page.parent.name}/{page.name}"
    return parse_journal_text(page.read_text(encoding="utf-8"), RawInput(path=rel, data=page.read_bytes()))


def _want(exp: dict[str, Any], key: str) -> Any:
    w = exp["fields"].get(key)
    if key in ("affiliations_zh", "affiliations_en") and w:
        w = [re.sub(r"\s*[0-9]{6}\s*", "", x) for x in w]
    return _norm(w)


@pytest.mark.parametrize("page", _fixtures(ARTICLE_PLATFORMS), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_platform_page_publishes_no_wrong_value(page: Path) -> None:
    """Precision: whatever the adapter publishes is what the page shows."""
    exp = _expected(page)
    got = _published(_parse(page))
    wrong = {k: (v, exp["fields"].get(k)) for k, v in got.items()
             if _norm(v) is not None and _norm(v) != _want(exp, k)}
    assert wrong == {}


# Fields each layout class must deliver (recall), where the page shows them.
_MUST = ("doi", "title_zh", "abstract_zh", "authors_zh", "affiliations_zh", "keywords_zh", "received_date",
         "title_en", "abstract_en", "keywords_en", "references")


@pytest.mark.parametrize("page", _fixtures(("cma_current", "etiller", "univ_smu", "cjco", "rhhz_info",
                                              "rhhz_plain", "pansmed", "xml_journal", "yiigle", "univ_jlu")),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_platform_page_delivers_its_main_fields(page: Path) -> None:
    exp = _expected(page)
    got = _published(_parse(page))
    missing = [k for k in _MUST if _want(exp, k) is not None and _norm(got[k]) != _want(exp, k)]
    assert missing == []


@pytest.mark.parametrize("page", _fixtures(("reftab",)), ids=lambda p: p.stem)
def test_reference_tab_pages_keep_their_references(page: Path) -> None:
    exp = _expected(page)
    doc = _parse(page)
    assert len(doc.references) == exp["fields"]["references"]
    assert _norm(doc.document.doi) == _want(exp, "doi")
    assert doc.document.title_zh is None and doc.abstracts == []


@pytest.mark.parametrize("page", sorted((PAGES / "negatives").glob("*.txt")), ids=lambda p: p.stem)
def test_non_article_pages_are_not_claimed(page: Path) -> None:
    raw = RawInput(path=f"journal/{page.name}", data=page.read_bytes())
    assert JournalTextAdapter().can_parse(raw) == 0


@pytest.mark.parametrize("page", _fixtures(ARTICLE_PLATFORMS), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_article_pages_are_claimed_on_their_own_evidence(page: Path) -> None:
    """Positive evidence on the page, not the folder it sits in."""
    raw = RawInput(path=f"inbox/{page.name}", data=page.read_bytes())
    assert JournalTextAdapter().can_parse(raw) > 0


# ----------------------------------------------------------------------------- the line labeller

@pytest.mark.parametrize(("line", "kind"), [
    ("展开", ln.CHROME), ("Expand", ln.CHROME), ("0", ln.CHROME), ("[复制中文]", ln.CHROME),
    ("网刊加载中。。。", ln.CHROME), ("使用Chrome浏览器效果最佳,继续浏览可能不能获得最佳阅读体验", ln.CHROME),
    ("文章快速检索", ln.CHROME), ('切换至 "中华医学电子期刊资源库"', ln.CHROME), ("文章信息", ln.CHROME),
    ("Copy editor: 某某", ln.CHROME), ("示例医学会主办。", ln.CHROME), ("目录contents", ln.CHROME),
    ("示例杂志 ›› 2025, Vol. 14 ›› Issue (04) : 522 -527", ln.HEADER),
    ("示例杂志  2020, Vol. 41 Issue (1): 115-119   PDF", ln.HEADER),
    ("示例学报  2016, Vol. 36Issue (2): 205-209  DOI: 10.5555/j.issn.1673-4254.2016.02.11.", ln.HEADER),
    ("http://dx.doi.org/10.5555/cma.j.issn.1000-0000.2020.01.020", ln.DOI),
    ("DOI: 10.12677/acm.2024.141234, PDF, HTML, XML, 下载: 12  浏览: 30", ln.DOI),
    ("10.5555/j.issn.1000-0000.2017.01.003", ln.DOI),
    ("引用本文 [复制中英文]", ln.CITE_LABEL),
    ("引用本文: 甲, 乙. 一个题名[J]. 示例杂志, 2020, 41(1): 1-5. DOI: 10.5555/x.1", ln.CITE),
    ("甲, 乙. 一个题名[J]. 示例杂志, 2020, 41(1): 1-5.", ln.CITE),
    ("[摘要] 目的 探讨某事。", ln.LABEL), ("[關鍵詞] 某詞 另詞", ln.LABEL), ("摘要", ln.LABEL),
    ("目的", ln.PART), ("Objective", ln.PART), ("[12]", ln.MARKER),
    ("版权所有 © 示例医学会", ln.COPYRIGHT), ("一个普通的标题", ln.TEXT),
])
def test_label_line_kinds(line: str, kind: str) -> None:
    assert ln.label_line(line).kind == kind


def test_label_line_keys_and_values() -> None:
    m = ln.label_line("[摘 要] 目的 探讨某事。")
    assert (m.key, m.rest) == ("abstract_zh", "目的 探讨某事。")
    assert ln.label_line("中圖分類號: R735.7").key == "clc"  # traditional spelling matched, not rewritten


def test_chrome_tail_is_cut_from_titles() -> None:
    assert ln.strip_chrome_tail("一个标题  PDF") == "一个标题"
    assert ln.strip_chrome_tail("一个标题") == "一个标题"
    assert ln.strip_chrome_tail("A title, PDF, HTML, XML, 下载: 12 浏览: 34") == "A title"
    assert ln.strip_chrome_tail("某手术经验分享") == "某手术经验分享"  # no evidence: a real ending
    assert ln.strip_chrome_tail("Data exchange in XML and HTML") == "Data exchange in XML and HTML"


def test_front_stream_sets_evidence_aside() -> None:
    fs = ln.front_stream([
        "0", "http://dx.doi.org/10.5555/abc.1", "示例医学会主办。", "引用本文 [复制中英文]",
        "甲, 乙. 标题甲乙[J]. 示例杂志, 2020, 41(1): 1-5.", "[复制中文]", "基金项目", "某基金(123)", "版权",
        "版权归示例医学会所有。", "标题甲乙"])
    assert fs.doi_lines == ["http://dx.doi.org/10.5555/abc.1"]
    assert fs.citations == ["甲, 乙. 标题甲乙[J]. 示例杂志, 2020, 41(1): 1-5."]
    assert fs.lines[:2] == ["基金项目:", "某基金(123)"]  # the copyright paragraph is gone
    assert "版权归示例医学会所有。" not in fs.lines


def test_pinyin_artefacts_are_stripped_text_stays_traditional() -> None:
    assert vocab.strip_pinyin("醫(yī)學(xué)院") == "醫學院"
    assert ln.prepare("  • 醫(yī)學(xué)院\n") == ["醫學院"]


# ----------------------------------------------------------------------------- field evidence

def test_self_citation_gives_title_and_authors() -> None:
    c = read_citation("ZHANG San, LI Si. A study of something[J]. Example Journal, 2019, 39(7): 781-787.")
    assert (c.lang, c.title, c.authors) == ("en", "A study of something", ["ZHANG San", "LI Si"])


def test_labelled_author_groups_hans() -> None:
    got = labelled_author_groups("甲一, 乙 二:某大学研究生院,某省 某市;丙三*:某医院外科,某省 某市")
    assert got is not None
    names, affs = got
    assert [(n.name, n.labels, n.marked) for n in names] == [
        ("甲一", [1], False), ("乙二", [1], False), ("丙三", [2], True)]
    assert [(a.label, a.name) for a in affs] == [(1, "某大学研究生院,某省 某市"), (2, "某医院外科,某省 某市")]


def test_keywords_zh_and_en_run_together_are_split() -> None:
    assert split_languages("肝癌,骨转移Liver Cancer, Bone Metastasis") == (
        "肝癌,骨转移", "Liver Cancer, Bone Metastasis")
    assert split_languages("肝癌,PD-1抑制剂") == ("肝癌,PD-1抑制剂", "")


def test_keyword_separators() -> None:
    assert split_keywords("肿瘤,肝; 骨转移; 预后") == ["肿瘤,肝", "骨转移", "预后"]
    assert split_keywords("藥理學 團體辦刊 編委") == ["藥理學", "團體辦刊", "編委"]
    assert ln.prepare("关键词: 肿瘤,肝    骨转移    预后\n") == ["关键词: 肿瘤,肝; 骨转移; 预后"]


# ----------------------------------------------------------------------------- layouts from REFERENCE.md §1

_HEADINGS_PAGE = """示例医学杂志
肝癌骨转移的示例研究方法探讨
肝癌骨转移的示例研究方法探讨
张一1, 2,王二1,李三2*
DONG Qingyuan1,2, WANG Er1, LI San2*
作者单位
1. 示例大学第一医院肿瘤科,示例省 示例市 100001;2. 示例大学第二医院骨科,示例省 示例市 100002
AUTHORS FROM
1. Department of Oncology, First Hospital of Example University, Example 100001, China; 2. Department of \
Orthopedics, Second Hospital of Example University, Example 100002, China
基金项目
示例科学基金(12345678)
GRANT
Example Science Foundation (12345678)
[摘要]
目的:探讨示例方法在肝癌骨转移中的作用。
结论:示例方法安全有效,值得推广。
[关键词] 肝癌; 骨转移; 示例方法
"""


def test_heading_labels_with_values_on_the_next_line() -> None:
    """Title printed twice, digit labels glued to names (`张一1, 2,王二1`), `作者单位`/`AUTHORS FROM`/
    `基金项目`/`GRANT` headings, `[摘要]` alone with `目的:` paragraphs (portal layout, invented content)."""
    doc = parse_journal_text(_HEADINGS_PAGE)
    d = doc.document
    assert d.title_zh == "肝癌骨转移的示例研究方法探讨"
    assert [(a.name_zh, a.name_en, a.affiliation_ids) for a in doc.authors] == [
        ("张一", "DONG Qingyuan", [1, 2]), ("王二", "WANG Er", [1]), ("李三", "LI San", [2])]
    assert [a.name_zh for a in doc.affiliations] == [
        "示例大学第一医院肿瘤科,示例省 示例市", "示例大学第二医院骨科,示例省 示例市"]
    assert (d.funding_zh, d.funding_en) == ("示例科学基金(12345678)", "Example Science Foundation (12345678)")
    assert doc.abstract("zh") == "目的:探讨示例方法在肝癌骨转移中的作用。结论:示例方法安全有效,值得推广。"
    assert [k.text for k in doc.keywords] == ["肝癌", "骨转移", "示例方法"]


def test_mirror_issue_line_and_traditional_labels() -> None:
    text = ("示例醫(yī)學(xué)雜志 2019年3期\n張一 王二 李三\n"
            "[摘 要] 目的 探討示例方法。方法 選取患者60例。結(jié)果 疼痛減輕。結(jié)論 可緩解疼痛。\n"
            "[關(guān)鍵詞] 肝癌 骨轉(zhuǎn)移 疼痛\n[中圖分類號] R735.7 [文獻(xiàn)標(biāo)識碼] A\n")
    doc = parse_journal_text(text)
    d = doc.document
    assert (d.journal_zh, d.year, d.issue) == ("示例醫學雜志", 2019, "3")  # artefacts out, characters kept
    assert [a.name_zh for a in doc.authors] == ["張一", "王二", "李三"]
    assert doc.abstract("zh") == "目的 探討示例方法。方法 選取患者60例。結果 疼痛減輕。結論 可緩解疼痛。"
    assert [k.text for k in doc.keywords] == ["肝癌", "骨轉移", "疼痛"]


def test_keywords_without_boundaries_are_not_guessed() -> None:
    text = ("示例杂志 ›› 2024, Vol. 1 ›› Issue (1) : 1 -5. doi: 10.5555/x.1\n"
            "关键词: 肝细胞癌骨转移危险因素Hepatocellular Carcinoma Bone Metastasis Risk Factors\n"
            "Key words: hepatocellular carcinoma bone metastasis risk factors nomogram\n")
    doc = parse_journal_text(text)
    assert doc.keywords == [] and "keywords_unseparated" in doc.document.quality_flags


def test_etiller_page_labels() -> None:
    text = ("DOI:10.5555/j.issn.1005-0000.2023.07.006\n中文关键词:肝细胞癌 骨转移\n中文摘要:\n"
            "目的 探讨某方法。方法 回顾性分析。\n英文摘要:\nObjective To explore a method. Methods Data were "
            "analyzed retrospectively.\n投稿时间:2022-12-08 修订日期:2023-02-10 在线发布日期: 2023-04-12\n")
    doc = parse_journal_text(text)
    assert doc.abstract("zh") == "目的 探讨某方法。方法 回顾性分析。"
    assert doc.abstract("en") == "Objective To explore a method. Methods Data were analyzed retrospectively."
    assert doc.document.doi == "10.5555/j.issn.1005-0000.2023.07.006"


def test_reference_tab_without_doi_is_keyed_by_its_address() -> None:
    page = PAGES / "reftab" / "address_above_mixed.txt"
    d = parse_journal_text(page.read_text(encoding="utf-8")).document
    assert d.doi is None  # every DOI on the page is a reference's
    assert d.url == "https://www.zlfzyj.com/CN/abstract/abstract11562.shtml"
    assert d.doc_id == "www.zlfzyj.com:11562"


def test_posting_chrome_spaced_names_and_labelled_groups() -> None:
    """A portal page: counters line under the title, `作者: 甲 1 乙 1 丙 2`, numbered institutions
    separated by spaces, `摘要|Abstract` heading, parts separated by two spaces (invented content)."""
    text = ("示例研究之一:某方法的对比与分析\n发表时间:2024年01月04日阅读量:626次下载量:229次下载手机版\n"
            "作者: 张一 1 王二 1 李三 2\n"
            "作者单位: 1. 示例大学医院示例中心(武汉 430071) 2. 示例研究院信息研究所(北京 100700)\n"
            "DOI: 10.5555/j.issn.1004-5511.202302002\n"
            "引用格式:张一, 王二, 李三. 示例研究之一:某方法的对比与分析[J]. 示例新知, 2024, 34(1): 64-72.\n"
            "摘要|Abstract\n目的  通过特征分析提供参考。\n结论  仍需完善。\n")
    doc = parse_journal_text(text)
    assert doc.document.title_zh == "示例研究之一:某方法的对比与分析"
    assert [(a.name_zh, a.affiliation_ids) for a in doc.authors] == [
        ("张一", [1]), ("王二", [1]), ("李三", [2])]
    assert [a.name_zh for a in doc.affiliations] == [
        "示例大学医院示例中心(武汉 430071)", "示例研究院信息研究所(北京 100700)"]
    assert doc.abstract("zh") == "目的 通过特征分析提供参考。结论 仍需完善。"
    assert doc.abstract("en") is None


def test_english_block_with_upper_case_surnames_separated_by_spaces() -> None:
    text = ("心理因素与某疗法疗效的相关性探析\n张一 王二 李三\n示例中医药大学针灸推拿学院\n摘    要:\n"
            "痛症是某疗法临床治疗的优势病种之一,心理因素与疼痛发生关系密切。\n关键词:\n针刺镇痛 心理因素\n"
            "Psychological factors in correlation to an example therapy\nZHANG Yi WANG Er LI San\n"
            "College of Acupuncture, Example University of Chinese Medicine;\nAbstract:\n"
            "Pain is one of the dominant diseases of the example therapy, and mood is closely related.\n")
    doc = parse_journal_text(text)
    assert doc.document.title_en == "Psychological factors in correlation to an example therapy"
    assert [(a.name_zh, a.name_en) for a in doc.authors] == [
        ("张一", "ZHANG Yi"), ("王二", "WANG Er"), ("李三", "LI San")]
    assert [k.text for k in doc.keywords] == ["针刺镇痛", "心理因素"]


def test_unlabelled_mirror_page_in_traditional_characters() -> None:
    """A mirror page with no labels at all: author list and institutions printed twice (the title
    between), a structured abstract whose part labels are its only label (invented content)."""
    text = ("楊一,宋 二,王三*\n(1.甘肅省人民醫院,甘肅 蘭州 730000;2.蘭州大學外國語學院,甘肅 蘭州 730000)\n"
            "我國某領域系統評價文獻現狀調查\n楊一1,宋 二1,王三2*\n"
            "(1.甘肅省人民醫院,甘肅 蘭州 730000;2.蘭州大學外國語學院,甘肅 蘭州 730000)\n"
            "目的 調查某領域文獻現狀。方法 計算機檢索多個數據庫。結果 共納入131篇文獻。結論 數量上升。\n"
            "系統評價;護理;文獻計量\n")
    assert JournalTextAdapter().can_parse(RawInput(path="inbox/p.txt", data=text.encode())) > 0
    doc = parse_journal_text(text)
    assert doc.document.title_zh == "我國某領域系統評價文獻現狀調查"
    assert [(a.name_zh, a.affiliation_ids, a.is_corresponding) for a in doc.authors] == [
        ("楊一", [1], False), ("宋二", [1], False), ("王三", [2], True)]
    assert [a.name_zh for a in doc.affiliations] == [
        "甘肅省人民醫院,甘肅 蘭州", "蘭州大學外國語學院,甘肅 蘭州"]
    assert doc.abstract("zh") == (
        "目的 調查某領域文獻現狀。方法 計算機檢索多個數據庫。結果 共納入131篇文獻。結論 數量上升。")
    assert doc.keywords == []  # unlabelled: not guessed


def test_bracketed_label_after_a_wide_gap_starts_a_new_line() -> None:
    """Portal pages lay label cells side by side: `作者单位:…           【摘要】 【目的】…` (invented)."""
    text = ("某干细胞治疗改进心功能的研究\n发表时间:2009-06-27  浏览次数:796次\n作者:王一,黄二,符三,方四\n"
            "作者单位:示例大学附属第二医院急诊科, 广东 广州 510120           【摘要】  【目的】 探索某治疗。"
            "【结论】 某治疗有效。\n    【关键词】  干细胞; 心功能\n")
    assert JournalTextAdapter().can_parse(RawInput(path="inbox/p.txt", data=text.encode())) > 0
    doc = parse_journal_text(text)
    assert doc.document.title_zh == "某干细胞治疗改进心功能的研究"
    assert [a.name_zh for a in doc.affiliations] == ["示例大学附属第二医院急诊科, 广东 广州"]
    assert doc.abstract("zh") == "【目的】 探索某治疗。【结论】 某治疗有效。"
    assert [k.text for k in doc.keywords] == ["干细胞", "心功能"]


# ----------------------------------------------------------------- portals (Wanfang, CNKI): precision guards

_NAV_PAGE = """手机版
网站地图
帮助中心
欢迎
机构登录
个人登录
充值中心
文献检索
出版物检索
某某医学杂志 . 2021 ,12 (03)
北大核心
胰腺癌术后复发的危险因素分析
王小明1 李大华2
1. 某某大学附属医院普外科2. 某某大学附属医院病理科
摘要：
目的：分析胰腺癌术后复发的危险因素。方法：回顾性分析120例患者。结果：肿瘤直径是独立危险因素。结论：应加强随访。
关键词：
胰腺癌；
复发；
危险因素；
基金资助：
某某省自然科学基金(2020AB12345)；
专辑：
医药卫生科技
分类号：
R735.9
在线公开时间：
2021-05-06（知网平台在线公开时间，不代表文献的发表时间）
手机阅读
CAJ下载
"""


def test_navigation_menu_never_joins_the_title() -> None:
    doc = parse_journal_text(_NAV_PAGE)
    assert doc.document.title_zh == "胰腺癌术后复发的危险因素分析"


def test_title_validator_rejects_navigation_words() -> None:
    from hccbone_ingest.validate import title_reason

    assert title_reason("网站地图帮助中心欢迎机构登录胰腺癌术后复发的危险因素分析", "zh") == "chrome"
    assert title_reason("真实世界注册研究中胰腺癌术后复发的危险因素", "zh") is None


def test_one_keyword_per_line_list_ends_at_the_next_row() -> None:
    kws = [k.text for k in parse_journal_text(_NAV_PAGE).keywords if k.lang == "zh"]
    assert kws == ["胰腺癌", "复发", "危险因素"]


@pytest.mark.parametrize("kw", ["R735.7", "R735.7;R730.5", "2023-04-26", "国家自然科学基金(82172045)",
                                "专辑：", "下载：356页码：412-417"])
def test_keyword_validator_rejects_rows_codes_and_funds(kw: str) -> None:
    from hccbone_ingest.validate.keywords import keyword_reason

    assert keyword_reason(kw, "zh") is not None


@pytest.mark.parametrize("kw", ["CD44", "PD-L1", "2019-nCoV", "程序性死亡受体1（PD-1）"])
def test_keyword_validator_keeps_codes_that_are_terms(kw: str) -> None:
    from hccbone_ingest.validate.keywords import keyword_reason

    assert keyword_reason(kw, "zh") is None


def test_glued_numbered_affiliations_are_split() -> None:
    affs = [a.name_zh for a in parse_journal_text(_NAV_PAGE).affiliations]
    assert affs == ["某某大学附属医院普外科", "某某大学附属医院病理科"]


def test_affiliation_validator_rejects_glued_numbered_items() -> None:
    from hccbone_ingest.validate import affiliation_reason

    assert affiliation_reason("某某大学附属医院普外科2. 某某大学附属医院病理科", "zh") == "affiliation_list"
    assert affiliation_reason("某某大学附属医院普外科", "zh") is None


# ----------------------------------------------------------------- portals: label/value rows (recall)

_ROWS_PAGE = """首页
>
期刊
>
某某临床医学杂志
>
2022年7期
期刊论文
胃癌腹膜转移的综合治疗进展
摘要：
目的：总结胃癌腹膜转移的治疗进展。方法：检索近十年的文献。结果：综合治疗可延长生存。结论：应开展多中心研究。
查看全部>>
Doi：
10.5555/j.issn.1000-0000.2022.07.003
作者：
赵一鸣 1  钱二丫 2
作者单位：
1. 某某医科大学附属医院胃肠外科,某市 100000
2. 某某医科大学附属医院肿瘤科,某市 100000
刊名：
某某临床医学杂志
年，卷(期)：
2022,38(7)
所属期刊栏目：
综述
关键词：
胃癌 腹膜转移 综合治疗
在线出版日期：
2022年7月20日
页数：
5(611-615)
参考文献(2)
引证文献(0)
相似文献
1.赵一鸣,钱二丫.胃癌的外科治疗[J].某某外科杂志,2019,10(2):11-15.
2.孙三,李四.腹膜转移的评估[J].某某肿瘤杂志,2020,11(3):21-25.
相似文献
1.腹腔热灌注化疗的应用[J].某某杂志,2021,3(1):1-5.
"""


def test_label_above_value_rows_are_read() -> None:
    doc = parse_journal_text(_ROWS_PAGE)
    d = doc.document
    assert d.title_zh == "胃癌腹膜转移的综合治疗进展"
    assert d.doi == "10.5555/j.issn.1000-0000.2022.07.003"
    assert (d.journal_zh, d.year, d.volume, d.issue) == ("某某临床医学杂志", 2022, "38", "7")
    assert (d.first_page, d.last_page) == ("611", "615")  # `页数：5(611-615)`: count, then the range
    assert d.published_date == dt.date(2022, 7, 20)
    assert [a.name_zh for a in doc.authors] == ["赵一鸣", "钱二丫"]
    assert [a.name_zh for a in doc.affiliations] == ["某某医科大学附属医院胃肠外科,某市",
                                                     "某某医科大学附属医院肿瘤科,某市"]
    assert [k.text for k in doc.keywords if k.lang == "zh"] == ["胃癌", "腹膜转移", "综合治疗"]
    assert len(doc.references) == 2  # the 相似文献 list after them is not references


def test_breadcrumb_gives_journal_year_issue_without_rows() -> None:
    from hccbone_ingest.sources._journal.rows import take_rows

    _, rows = take_rows(["首页", ">", "期刊", ">", "某某杂志", ">", "2021年3期", "标题"])
    assert (rows.journal, rows.year, rows.issue) == ("某某杂志", 2021, "3")
    _, rows = take_rows(["首页 > 期刊 > 某某杂志 > 2021年3期"])
    assert (rows.journal, rows.year, rows.issue) == ("某某杂志", 2021, "3")


def test_cnki_source_line_and_glued_counters() -> None:
    from hccbone_ingest.sources._journal.rows import take_rows

    out, rows = take_rows(["某某医学杂志 . 2023 ,48 (04)", "标题",
                           "下载：356页码：412-417页数：6大小：1286K"])
    assert (rows.journal, rows.year, rows.volume, rows.issue) == ("某某医学杂志", 2023, "48", "04")
    assert rows.pages() == ("412", "417")
    assert "某某医学杂志 . 2023 ,48 (04)" not in out


def test_online_public_time_is_not_a_publication_date() -> None:
    d = parse_journal_text(_NAV_PAGE).document
    assert d.published_date is None  # `在线公开时间` (CNKI: not the publication date)
    assert (d.journal_zh, d.year, d.volume, d.issue) == ("某某医学杂志", 2021, "12", "03")


def test_cnki_reference_groups_number_on() -> None:
    page = _NAV_PAGE + """参考文献
中国学术期刊网络出版总库
共找到 2 条
[1]胰腺癌的流行病学[J]. 王一,李二.  某某杂志. 2019(06)
[3]胰腺癌的手术治疗[J]. 张三.  某某外科杂志. 2020(03)
外文题录数据库
共找到 1 条
[2]Pancreatic cancer recurrence[J]. Smith A.  Some Journal. 2018(04)
相似文献
胰腺癌新辅助治疗进展
"""
    refs = parse_journal_text(page).references
    assert [r.ref_no for r in refs] == [1, 3, 2]
    assert "新辅助" not in refs[-1].raw


def test_space_separated_english_keywords_split_only_when_the_chinese_count_agrees() -> None:
    from hccbone_ingest.sources._journal.abstracts import split_capitalised_keywords

    line = "Liver neoplasms Spinal metastasis Pain relief"
    assert split_capitalised_keywords(line, 3) == ["Liver neoplasms", "Spinal metastasis", "Pain relief"]
    assert split_capitalised_keywords(line, 4) is None  # the counts disagree: not guessed
    assert split_capitalised_keywords("liver neoplasms spinal metastasis pain relief", 3) is None


def test_title_glued_to_claim_and_citation_counter_and_nav_items() -> None:
    page = """中文期刊服务平台
首页
期刊导航
期刊评价报告
登录 注册
首页 > 期刊导航 > 某某肿瘤杂志 > 2022年第6期
胰腺癌骨转移的诊治进展 认领 被引量：7
在线阅读
下载PDF
摘要：胰腺癌骨转移少见。本文总结其影像学表现与治疗策略，并对多学科协作进行展望。
关键词：胰腺癌；骨转移
"""
    assert parse_journal_text(page).document.title_zh == "胰腺癌骨转移的诊治进展"


def test_affiliation_heading_with_numbers_without_dots() -> None:
    page = """某某病例的诊治分析
作者：王甲1  李乙2
作者单位：
1 某某大学附属医院骨科，某市 100000
2 某某大学附属医院病理科，某市 100000
摘要：目的 分析病例。方法 回顾分析。结果 均治愈。结论 有效。
关键词：骨肿瘤；病理
"""
    affs = [a.name_zh for a in parse_journal_text(page).affiliations]
    assert affs == ["某某大学附属医院骨科，某市", "某某大学附属医院病理科，某市"]


_VIP_PAGE = """中文期刊服务平台
期刊导航
登录 注册
首页 > 期刊导航 > 某某肿瘤杂志 > 2024年第3期
肝癌骨转移的放射治疗效果分析
认领
被引量：3
在线阅读
摘要：目的：分析放射治疗效果。方法：回顾分析60例。结果：疼痛缓解率为80%。结论：放疗有效。 收起
作者：王小一 李小二
机构：[1]某某医科大学附属医院放疗科,某市100000 [2]某某医科大学附属医院骨科,某市100000
出处：《某某肿瘤杂志》 北大核心 2024年第3期128-134,共7页
Chinese Journal of Some Oncology
关键词：肝癌；骨转移；放射治疗
参考文献（2）
二级参考文献（10）
参考文献（2）
1
王小一,李小二.肝癌骨转移的诊断[J].某某杂志,2021,48(12):611-615.
2
张三,李四.骨转移的放疗[J].某某放射杂志,2020,11(2):77-85.
同作者文献
"""


def test_vip_rows_source_institutions_and_numbers_alone() -> None:
    doc = parse_journal_text(_VIP_PAGE)
    d = doc.document
    assert d.title_zh == "肝癌骨转移的放射治疗效果分析"
    assert (d.journal_zh, d.journal_en) == ("某某肿瘤杂志", "Chinese Journal of Some Oncology")
    assert (d.year, d.volume, d.issue, d.first_page, d.last_page) == (2024, None, "3", "128", "134")
    assert [a.name_zh for a in doc.authors] == ["王小一", "李小二"]
    assert [a.name_zh for a in doc.affiliations] == ["某某医科大学附属医院放疗科,某市",
                                                     "某某医科大学附属医院骨科,某市"]
    abstract = next(a.text for a in doc.abstracts if a.lang == "zh")
    assert abstract.endswith("放疗有效。")  # the toggle and the next rows are not the abstract's
    assert len(doc.references) == 2


def test_year_volume_issue_row_spellings() -> None:
    from hccbone_ingest.sources._journal.rows import Rows

    assert Rows(values={"year_volume_issue": "2023年第33卷第5期"}).year_volume_issue() == (2023, "33", "5")
    assert Rows(values={"year_volume_issue": "2023,50(5)"}).year_volume_issue() == (2023, "50", "5")
    assert Rows(values={"year_volume_issue": "2024，46（3）"}).year_volume_issue() == (2024, "46", "3")
    assert Rows(values={"year_volume_issue": "第5期"}).year_volume_issue() is None


def test_a_line_with_greater_than_signs_is_not_a_breadcrumb() -> None:
    from hccbone_ingest.sources._journal.rows import take_rows

    line = "结果 两组差异 P > 0.05 > 0.01 > 0.001"
    out, rows = take_rows([line, ">", "某某"])
    assert out[0] == line and rows.journal is None and rows.year is None


def test_bracketed_institution_after_english_names_is_an_affiliation_not_a_mark() -> None:
    from hccbone_ingest.sources._journal.front import author_items, trailing_institution

    line = ("Wang Xiaoyi;Li Xiaoer(Department of Radiotherapy,Some Medical University Hospital,"
            "Somecity 100000,China)")
    items = author_items(line, "en")
    assert [it.name for it in items or []] == ["Wang Xiaoyi", "Li Xiaoer"]
    assert not any(it.marked for it in items or [])  # the bracket is no e-mail link
    assert trailing_institution(line, "en") is not None
    assert trailing_institution("Wang Xiaoyi;Li Xiaoer()", "en") is None
