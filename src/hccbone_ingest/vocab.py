"""The words Chinese journal platforms print around an article: field labels and page chrome.

One owner for this vocabulary (issue 11): the text adapter, the HTML adapters and the field
validators all read it from here. Spellings come from real pages of many platforms
(REFERENCE.md §1): simplified and traditional characters, English, with or without a colon,
bracketed (`【摘要】`, `[摘要]`, `[Abstract]`). Matching is on `normalize_label(line)`, which folds
full-width forms and the traditional spellings of the label words; the text itself is never
rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# ----------------------------------------------------------------------------- labels

# canonical key -> spellings (regex fragments, matched case-insensitively after normalize_label).
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "abstract_zh": (r"摘\s*要", r"内容摘要", r"内容提要", r"提\s*要", r"中文摘要"),
    "abstract_en": (r"Abstract", r"ABSTRACT", r"Summary", r"英文摘要"),
    "keywords_zh": (r"关\s*键\s*词", r"关键字", r"中文关键词"),
    "keywords_en": (r"Key\s*words?", r"Keywords?", r"KEY\s*WORDS?", r"英文关键词"),
    "clc": (r"中图分类号", r"中图法分类号", r"分类号", r"CLC\s*(?:number|No\.?)",
            r"Chinese\s+Library\s+Classification"),
    "doc_code": (r"文献标[志识]码", r"文献标[志识]", r"Document\s*code"),
    "article_id": (r"文章编号", r"Article\s*ID"),
    "received": (r"收稿日期", r"收稿时间", r"Received(?:\s*date)?", r"Date\s+of\s+receipt"),
    "revised": (r"修回日期", r"修回时间", r"Revised(?:\s*date)?"),
    "accepted": (r"录用日期", r"接受日期", r"Accepted(?:\s*date)?"),
    "online": (r"网络出版日期", r"网络首发日期", r"优先出版日期", r"Online\s*(?:published|date)?",
               r"Available\s+online"),
    "published": (r"出版日期", r"发布日期", r"发表日期", r"Published(?:\s*date)?", r"Issue\s+date"),
    "funding_zh": (r"基金项目", r"基金资助", r"资助项目", r"基\s*金"),
    "funding_en": (r"Fund(?:ing|s)?", r"Supported\s+by", r"Foundation\s+items?", r"GRANT", r"Grants?"),
    "corresponding_zh": (r"通[信讯]作者", r"通[信讯]联系人"),
    "corresponding_en": (r"Corresponding\s+authors?",),
    "citation_zh": (r"引用本文", r"文章引用", r"本文引用格式", r"引用格式", r"引文格式"),
    "citation_en": (r"Cite\s+this\s+article", r"Citation", r"How\s+to\s+cite(?:\s+this\s+article)?"),
    "authors_zh": (r"作\s*者",),
    "authors_en": (r"Authors?",),
    # `机构` only with its colon: alone it is also a portal's navigation item
    "affiliations_zh": (r"作者单位", r"单\s*位", r"作者机构", r"机\s*构(?=\s*[:：])"),
    "affiliations_en": (r"AUTHORS\s+FROM", r"Affiliations?", r"Author\s+affiliations?"),
    "author_bio": (r"作者简介", r"第一作者", r"About\s+the\s+(?:first\s+)?authors?", r"Biography"),
    "doi": (r"DOI",),
    "article_info": (r"文章信息", r"Article\s+info(?:rmation)?"),
    "article_history": (r"文章历史", r"Article\s+history"),
    "details": (r"详细信息", r"More\s+Information"),
    "copy_editor": (r"Copy\s+editor", r"责任编辑", r"本文编辑"),
    "copyright": (r"版\s*权", r"Copyright"),
    "references": (r"参考文献", r"References?", r"REFERENCES"),
    "related": (r"相关文章", r"相关文献", r"Related\s+articles?", r"Similar\s+articles?"),
    "recent": (r"最近更新",),
    "views": (r"阅读次数", r"浏览次数", r"下载次数", r"被引次数", r"HTML全文", r"PDF全文", r"摘要点击次数",
              r"全文下载次数"),
}

# Label fragments that stand for several keys by language: `[摘要]` and `摘要` are one label.
_BRACKETS = r"(?:【\s*(?P<b1>{0})\s*】|\[\s*(?P<b2>{0})\s*\]|〔\s*(?P<b3>{0})\s*〕|(?P<p>{0}))"

# Traditional spellings of the label words only (a full converter is not needed to find labels).
_TRAD = str.maketrans(
    "關鍵詞圖類號獻標識碼編資項訊單歷責輯權參來發網絡錄員論題誌雜醫學報聯繫間簡數據頁"
    "結說導準測療",
    "关键词图类号献标识码编资项讯单历责辑权参来发网络录员论题志杂医学报联系间简数据页"
    "结说导准测疗",
)

_PINYIN_ARTEFACT = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


@lru_cache(maxsize=8192)  # pure; the same lines are matched by several parsers
def normalize_label(line: str) -> str:
    """NFKC, traditional label words folded, mirror conversion artefacts (`學(xué)`) removed."""
    s = unicodedata.normalize("NFKC", line)
    s = _PINYIN_ARTEFACT.sub("", s)
    return s.translate(_TRAD)


def _label_regex(spellings: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(spellings)
    return re.compile(
        r"^\s*(?:[•●▪◦■·]\s*)?" + _BRACKETS.format(alt) + r"\s*(?P<colon>[:：])?\s*(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )


LABEL_RX: dict[str, re.Pattern[str]] = {k: _label_regex(v) for k, v in FIELD_LABELS.items()}


@dataclass(frozen=True, slots=True)
class LabelMatch:
    key: str
    rest: str  # the value after the label on the same line ('' when alone)
    bracketed: bool
    colon: bool


def match_label(line: str, keys: tuple[str, ...] | None = None) -> LabelMatch | None:
    """The field label that starts `line`, if any.

    A label counts only when it is bracketed, followed by a colon, or alone on its line: `摘要`
    starts many sentences, `Results` many English ones, `Abstract` a title. Keys are tried in
    `FIELD_LABELS` order (longer spellings of one field first), so `作者单位` wins over `作者`.
    """
    s = normalize_label(line)
    best: LabelMatch | None = None
    best_len = -1
    for key in keys or tuple(FIELD_LABELS):
        m = LABEL_RX[key].match(s)
        if not m:
            continue
        bracketed = bool(m.group("b1") or m.group("b2") or m.group("b3"))
        # The value as printed: NFKC and the label folding keep lengths, so offsets carry over.
        rest = (line[m.start("rest"):] if len(s) == len(line) else m.group("rest")).strip()
        colon = bool(m.group("colon"))
        if not (bracketed or colon or not rest):
            continue
        length = m.start("rest")
        if length > best_len:  # the longest label wins: `作者单位:` over `作者`
            best, best_len = LabelMatch(key, rest, bracketed, colon), length
    return best


# ----------------------------------------------------------------------------- structured abstracts

PART_LABELS_ZH: dict[str, str] = {
    "目的": "objective", "目标": "objective", "背景": "background", "方法": "methods",
    "结果": "results", "结论": "conclusions", "讨论": "discussion", "意义": "significance",
}
PART_LABELS_EN: dict[str, str] = {
    "objective": "objective", "objectives": "objective", "aim": "objective", "aims": "objective",
    "purpose": "objective", "background": "background", "background/aims": "background",
    "method": "methods", "methods": "methods", "materials and methods": "methods",
    "result": "results", "results": "results", "conclusion": "conclusions", "conclusions": "conclusions",
    "discussion": "discussion", "significance": "significance",
}

# ----------------------------------------------------------------------------- page chrome

# Whole lines that are page furniture on some platform: buttons, tab bars, counters, widgets.
_CHROME_LINE = re.compile(
    r"^(?:"
    r"PDF|HTML|XML|EPUB|Full\s*Text|全文|图表|参考文献|作者|出版信息|相关文章|相关文献|引证文献|"
    r"下载|浏览|收藏|分享|打印|展开|收起|Expand|Collapse|复制|EN|中文|English|英文|"
    r"\[?复制(?:中文|英文|中英文)?\]?|目录\s*contents?|文章快速检索|高级检索|"
    r"网刊加载中.*|使用.{0,12}浏览器.*|复制成功.*|切换至.*|"
    r"摘要|Abstract|"  # bare tab names; as a label alone on a line they are matched first
    # portal navigation, login and account links, breadcrumbs, toggles and index badges
    # (CNKI, Wanfang and other database portals print them one per line above the article)
    r"网站地图|帮助中心|欢迎(?:您)?|(?:机构|个人|用户)?登录|注册|退出|充值(?:中心)?|手机版|首页|期刊|期刊论文|"
    r"中国知网|文献检索|主题|出版物检索|知识元检索|引文检索|应用|资源导航|万方(?:数据知识服务平台|选题|分析|学术圈)|"
    r"科慧|在线阅读|在线咨询|引用|记笔记|手机阅读|HTML阅读|CAJ下载|PDF下载|AI辅助阅读|引文网络|"
    r"查看全部(?:\s*>>)?|更多(?:\s*>>)?|[>›»]|北大核心|CSCD|CSSCI|EI|SCI|SCIE|CA|JST|"
    r"中文核心(?:期刊)?|科技核心|统计源期刊|中国科技核心期刊|网络首发|增强出版|"
    r"(?:被引|被引量|下载|浏览|阅读)\s*[:：]?\s*[0-9]+|"
    r"期刊导航|期刊评价报告|期刊开放获取|职称评审材料打包|中文期刊服务平台|中华医学期刊网|认领|下载PDF|职称材料|导出|"
    r"收起|展开更多|共享到|同作者文献|相关主题|资讯|指南共识|专题|视频|文章详情|登录\s*[|/]?\s*注册|"
    r"维普资讯|学位|会议|专利|标准|期刊文献|被引量|下载量|浏览量|"
    r"[0-9]{1,6}|[-–—·•]+|\s*"
    r")$",
    re.IGNORECASE,
)
# Inline chrome runs that trail a title or a DOI: `, PDF, HTML, XML, 下载: 12 浏览: 34 …`. Loose on
# purpose (it finds the run); cut only on evidence (`CHROME_TAIL_PIECE`): titles end in `经验分享`.
CHROME_TAIL = re.compile(
    r"(?:\s*[,，]?\s*(?:PDF|HTML|XML|EPUB)\b|\s*(?:下载|浏览|收藏|分享|被引|阅读)\s*[:：]?\s*[0-9]*"
    r"|\s*\[[^\]]{0,20}(?:支持|复制|下载)[^\]]{0,20}\])+\s*$",
    re.IGNORECASE,
)
# One piece of a chrome run with evidence: a format button after a comma (or after a space that
# follows Chinese text: E-Tiller `标题  PDF`), a counter with its number, a bracketed button.
CHROME_TAIL_PIECE = re.compile(
    r"(?:[,，]\s*(?:PDF|HTML|XML|EPUB)|(?<=[\u3400-\u9fff）)])\s+(?:PDF|HTML|XML|EPUB)"
    r"|[\s,，]*(?:下载|浏览|收藏|分享|被引|被引量|阅读)\s*[:：]\s*[0-9]+|[\s,，]*\[[^\]]{0,20}\]"
    r"|(?<=[\u3400-\u9fff）)A-Za-z])\s+认领|\s+收起)\s*$",
    re.IGNORECASE)
BANNER = re.compile(r"(?:本刊由|本刊).{0,60}主办|主办[。.]?$|主管[。.]?$|^(?:主\s*管|主\s*办)\s*[:：]")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


# An expand/collapse toggle copied at the end of the text it folds (`… 风险。 收起`).
TOGGLE_TAIL = re.compile(r"(?<=\S)\s+(?:收起|展开更多|展开全部)$")
# Words of a portal's navigation and account menus: never part of an article's title.
SITE_NAV = re.compile(r"网站地图|帮助中心|机构登录|个人登录|用户登录|充值中心|文献检索|出版物检索|高级检索|"
                      r"知识服务平台|资源导航|登录\s*[|/]?\s*注册|期刊导航|期刊评价报告|职称评审|当前位置\s*[:：]")


# Labels of the label/value rows of database portals (Wanfang `.detailList`, CNKI rows), beside
# FIELD_LABELS: the value stands on the same line or (in a copy) on the next line(s).
ROW_LABELS: dict[str, str] = {
    "刊名": "journal_zh", "Journal": "journal_en", "年,卷(期)": "year_volume_issue",
    "年，卷(期)": "year_volume_issue", "所属期刊栏目": "column", "页数": "page_count", "页码": "pages",
    "在线出版日期": "published", "网络首发时间": "published", "在线公开时间": "online_public",
    "专辑": "album", "专题": "topic", "作者": "authors_zh", "Author": "authors_en", "Authors": "authors_en",
    "作者单位": "affiliations_zh", "Doi": "doi", "DOI": "doi", "关键词": "keywords_zh",
    "Keywords": "keywords_en", "基金项目": "funding", "基金资助": "funding", "分类号": "clc",
    "出版物": "journal_zh", "年卷期": "year_volume_issue", "出处": "source",
}
ROW_LABEL = re.compile(
    r"^(?:（录用定稿）|\(录用定稿\))?(?P<label>"
    + "|".join(re.escape(k) for k in sorted(ROW_LABELS, key=len, reverse=True))
    + r")\s*[:：]\s*(?P<rest>.*)$")
# What a keyword never is: a date, a classification code, a fund or grant line, a counter.
NOT_A_KEYWORD = re.compile(
    r"^(?:19|20)[0-9]{2}\s*[-/.年]\s*[0-9]{1,2}|^[A-Z][0-9]{1,4}(?:\.[0-9]+)+(?:\s*[;；,，\s]\s*"
    r"[A-Z][0-9]{1,4}(?:\.[0-9]+)*)*$|基金|资助|项目\s*[(（]|计划\s*[(（]|[(（][A-Za-z]*[0-9][0-9A-Za-z-]{5,}[)）]|"
    r"不代表|知网平台|下载\s*[:：]|页码\s*[:：]|页数\s*[:：]")


# Page statistics and posting lines: `发表时间:2024年01月04日阅读量:626次下载量:229次`, `点击数:`.
COUNTERS = re.compile(
    r"(?:阅读量|下载量|浏览量|点击数|点击量|阅读次数|下载次数|浏览次数|被引次数|引用次数)\s*[:：]?\s*[0-9]*\s*次?"
    r"|^(?:发表时间|发布时间|来源|更新时间)\s*[:：]")


def is_chrome(line: str) -> bool:
    """A line that is page furniture (a button, a tab, a counter), never content."""
    return bool(_CHROME_LINE.fullmatch(normalize_label(line).strip()))


def strip_pinyin(text: str) -> str:
    """Remove the mirror-conversion artefact (`學(xué)` -> `學`) from text that is published;
    the characters themselves stay as printed (traditional stays traditional)."""
    return _PINYIN_ARTEFACT.sub("", text)


# ----------------------------------------------------------------------------- text-copy lines

# List bullets a browser copy turns into characters at the start of a line.
BULLET = re.compile(r"^(?:[•●▪◦■]\s*|[-–]\s+(?=\S))")  # `• x`, and `- x` in some copies
# `切换至 "中华医学电子期刊资源库"`: the platform-switch link above a Magtech header.
PLATFORM_SWITCH = re.compile(r"^切换至")
# Section headings that carry no value: the blocks they open are parsed by their own labels.
HEADINGS = re.compile(
    r"^(?:文章信息|文章历史|详细信息|More\s+Information|Article\s+(?:info(?:rmation)?|history)|"
    r"作者信息|Author\s+information|出版信息|目录\s*contents?|版\s*权|Copyright)\s*[:：]?$",
    re.IGNORECASE,
)
# A copyright or licence paragraph: never an abstract.
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|Copyright\b|版权所有|本文著作权)|版权所有|All rights reserved|Creative Commons|"
    r"This is an open access article|open access article distributed|CC[-\s]BY|未经授权|不得转载|"
    r"不代表.{0,20}观点|represent the opinions of the authors|official policy|reproduced or abridged",
    re.IGNORECASE,
)
# The metrics legend at the foot of a Magtech page. `摘要` and `全文` are also real labels and
# tab names, so the bare ones count as the foot only after the numbered lists.
METRICS = r"阅读次数|HTML全文|PDF全文|下载次数|被引次数|导出引用|浏览次数|摘要点击次数|全文下载次数"
FOOT_LINE = re.compile(rf"^(?:{METRICS}|全文|摘要)(?:\s*[:：]?\s*[0-9]*)$")
METRICS_LINE = re.compile(rf"^(?:{METRICS})(?:\s*[:：]?\s*[0-9]*)$")
# A page's own citation line starts with one of these (`引用本文:`, `Citation:` …).
CITE_LABEL = re.compile(
    r"^(?:引用本文|文章引用|本文引用格式|引用格式|引文格式|Cite\s+this\s+article|Citation|How\s+to\s+cite"
    r"(?:\s+this\s+article)?)\s*(?:\[[^\]]{0,12}\])?\s*[:：]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Tab bars and widgets whose words are also real headings elsewhere (`参考文献`, `作者`): chrome
# when alone on a line inside the front matter (the reference list is found by its `[1]`).
FRONT_TAB = re.compile(r"^(?:参考文献|References?|作者|Authors?|图表|Figures?|全文|Full\s*text|"
                       r"相关文章|Related\s+articles?|引证文献|Cited\s+by|补充材料|附件)$", re.IGNORECASE)
# `[n]` opening a reference or a related article.
LIST_MARKER = re.compile(r"^\[(?P<no>[0-9]{1,5})\]\s*(?P<rest>.*)$")
# `参考文献(5)`: portals print the count in the tab (Wanfang).
REFERENCES_HEADING = re.compile(r"^(?:参考文献|References?)\s*(?:[(（]\s*[0-9]{1,4}\s*[)）])?\s*[:：]?$",
                                re.IGNORECASE)
# Lists after the references that are other articles (portals: similar articles, readers' picks,
# citing articles, co-cited ones): their items are never references.
RELATED_HEADING = re.compile(r"^(?:相关文章|相关文献|Related\s+articles?|相似文献|读者推荐|相关基金文献|"
                             r"引证文献|共引文献|同被引文献|二级参考文献|二级引证文献|关联作者|相关视频|相关学者|相关机构)"
                             r"(?:\s*[:：]?\s*[(（]?[0-9]*[)）]?)$", re.IGNORECASE)
# CNKI groups its references by database, numbering on across the groups: not a new list.
REFERENCE_GROUP = re.compile(r"^(?:共找到\s*[0-9]+\s*条|中国学术期刊网络出版总库|中国博士学位论文全文数据库|"
                             r"中国优秀硕士学位论文全文数据库|中国重要会议论文全文数据库|外文题录数据库|国际期刊数据库)$")
# Lines of the abstract block that are neither abstract nor keywords.
CLASSIFICATION_KEYS = ("clc", "doc_code", "article_id", "doi")

# Canonical key of the front-matter fields parsed as `label: value` (dates, people, funding);
# None = recognised (it ends the previous field's value) but not kept.
META_LABELS: dict[str, str | None] = {
    "收稿日期": "received", "修回日期": "revised", "录用日期": "accepted", "接受日期": "accepted",
    "网络出版日期": "published", "出版日期": "published", "发布日期": "published",
    "通信作者": "corresponding", "通讯作者": "corresponding", "基金资助": "funding", "基金项目": "funding",
    "作者简介": None,
    "received": "received", "revised": "revised", "accepted": "accepted",
    "published online": None, "online": None, "published": "published",
    "corresponding authors": "corresponding", "corresponding author": "corresponding",
    "supported by": "funding", "funding": "funding", "fund program": "funding",
    "foundation items": "funding", "foundation item": "funding", "about author": None,
    "received date": "received", "online published": "published", "revised date": "revised",
    "accepted date": "accepted", "publish date": "published", "publication date": "published",
    "投稿时间": "received", "投稿日期": "received", "修订日期": "revised", "在线发布日期": "published",
    "copy editor": None, "责任编辑": None, "grant": "funding", "grants": "funding",
}
# Meta labels some platforms print alone on a line, the value on the next line.
META_HEADING = re.compile(r"^(?:基金项目|基金资助|通[信讯]作者|作者简介|Corresponding\s+authors?|"
                          r"Supported\s+by|Fund(?:ing)?|GRANTS?)$", re.IGNORECASE)
# Journal line of mirror sites (fx361, jizihe): `刊名 2019年3期`.
ISSUE_LINE = re.compile(r"^(?P<journal>\S.{1,40}?)\s+(?P<year>(?:19|20)[0-9]{2})\s*年\s*(?:第\s*)?"
                        r"(?P<issue>[0-9]{1,2})\s*期$")

# Structured-abstract part labels at the start of a line (zh: with or without brackets).
PART_ZH = re.compile(r"^(?:【|\[)?(?:" + "|".join(PART_LABELS_ZH) + r")(?:】|\])?(?:[:：\s]|$)")
PART_EN = re.compile(
    r"^(?:Objectives?|Methods?|Results?|Conclusions?|Background|Aims?|Purpose)(?:[:：\s]|$)", re.IGNORECASE)

# Abstract and keyword labels as the abstract block prints them: bracketed, with a colon, or
# followed by a space and the text (`摘要 目的 …`). Matched on `normalize_label(line)`.
ABSTRACT_ZH = re.compile(
    r"^(?:【\s*摘\s*要\s*】|\[\s*摘\s*要\s*\]|(?:内容|中文)?摘\s*要(?=[:：\s|]|$)|提\s*要(?=[:：]))\s*[:：|]?\s*(?P<rest>.*)$")
ABSTRACT_EN = re.compile(
    r"^(?:【\s*Abstract\s*】|\[\s*Abstract\s*\]|Abstract(?=[:：\s]|$)|英文摘\s*要(?=[:：\s]|$))\s*[:：]?\s*(?P<rest>.*)$",
    re.IGNORECASE)
KEYWORDS_ZH = re.compile(
    r"^(?:【\s*关\s*键\s*[词字]\s*】|\[\s*关\s*键\s*[词字]\s*\]|(?:中文)?关\s*键\s*[词字])"
    r"\s*[:：]?\s*(?P<rest>.*)$")
KEYWORDS_EN = re.compile(
    r"^(?:【\s*Key\s*words?\s*】|\[\s*Key\s*words?\s*\]|Key\s*words?\s*(?:[:：]|$)|Key\s*words(?=[A-Z])|英文关\s*键\s*[词字]\s*[:：]?)"
    r"\s*[:：]?\s*(?P<rest>.*)$", re.IGNORECASE)



# sentences (added by the sentences branch)
# Further structured-abstract part labels the sentence splitter strips into `Sentence.label`
# (`text/sentences.py`), beyond PART_LABELS_ZH / PART_LABELS_EN above. Values are the parts the
# `sentences.label` column documents (background, objective, methods, results, conclusions).
PART_LABELS_ZH_MORE: dict[str, str] = {
    "研究背景": "background", "研究目的": "objective", "研究方法": "methods", "资料与方法": "methods",
    "对象与方法": "methods", "材料与方法": "methods", "研究结果": "results", "研究结论": "conclusions",
}
PART_LABELS_EN_MORE: dict[str, str] = {
    "backgrounds": "background", "introduction": "background", "context": "background",
    "purposes": "objective", "goal": "objective", "material and methods": "methods",
    "patients and methods": "methods", "subjects and methods": "methods", "methods and materials": "methods",
    "design": "methods", "study design": "methods", "methodology": "methods", "method of study": "methods",
    "methods of study": "methods", "setting": "methods", "main outcome measures": "methods",
    "findings": "results", "interpretation": "conclusions",
}
# The labels printed without a colon in the English abstracts of Chinese journals (`Objective To
# investigate ...`, `Methods Clinical data of ...`): only these are read without a colon.
PART_LABELS_EN_BARE: frozenset[str] = frozenset({
    "background", "objective", "objectives", "aim", "aims", "purpose", "method", "methods",
    "materials and methods", "result", "results", "conclusion", "conclusions",
})


# ------------------------------------------------------------------ html (added by the html branch)
# Spellings seen on saved HTML pages (E-Tiller `front_table`, university journals) that the text
# path has not needed so far. Same keys as FIELD_LABELS; `match_label_html` tries both.
HTML_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "abstract_zh": (r"中文摘要",),
    "abstract_en": (r"英文摘要",),
    "keywords_zh": (r"中文关键词", r"中文关键字"),
    "keywords_en": (r"英文关键词", r"英文关键字"),
    "received": (r"投稿时间", r"投稿日期"),
    "revised": (r"修订日期", r"修改日期"),
    "online": (r"在线发布日期", r"在线出版日期"),
    "published": (r"刊出日期",),
}
_HTML_LABEL_RX: dict[str, re.Pattern[str]] = {k: _label_regex(v) for k, v in HTML_FIELD_LABELS.items()}


def match_label_html(line: str, keys: tuple[str, ...] | None = None) -> LabelMatch | None:
    """`match_label`, plus the HTML-only spellings above (the longest label still wins)."""
    best = match_label(line, keys)
    s = normalize_label(line)
    for key, rx in _HTML_LABEL_RX.items():
        if keys is not None and key not in keys:
            continue
        m = rx.match(s)
        if not m:
            continue
        bracketed = bool(m.group("b1") or m.group("b2") or m.group("b3"))
        rest = m.group("rest").strip()
        if not (bracketed or m.group("colon") or not rest):
            continue
        if best is None or len(s) - len(m.group("rest")) > len(s) - len(best.rest):
            best = LabelMatch(key, rest, bracketed, bool(m.group("colon")))
    return best


def label_lang(key: str) -> str:
    """`abstract_en` -> `en`; keys without a language suffix are Chinese-neutral (`zh`)."""
    return "en" if key.endswith("_en") else "zh"
