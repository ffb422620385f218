"""The small grammars inside a GB/T 7714 entry, each on the folded view of one segment.

- serial locator: `, 2017, 48(4): 321-325` / `, 2013 (1): 56-75` / `, 2018, 2018: 2640342`
  (and the Vancouver `. 2017;48(4):321-325` for strings without a type code);
- newspaper locator: `, 2013-01-12 (2)`;
- publication statement: `北京: 中华书局, 2000: 29`, `Open University Press, 2011: 105`,
  `2006-12-13` (patents), `(2012-01-16)` (web pages);
- pages, edition, volume designations (`第 1 卷`, `下册`, `제 1 권`), document numbers
  (`GB/T 25100—2010`, `US6915001`) and secondary responsibility (`谢远涛, 译`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_YEAR = r"(?P<year>\d{4})[a-z]?"
# A full date printed where the year goes (`某某学报, 2023-11-02.`, `2020/03/15`, `2022年11月2日`):
# the year is its first part.
_DATE_REST = r"(?:\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{1,2}(?!\d)|\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"
_VOL = r"(?P<vol>[^,:;()\[\]]*?[^,:;()\[\]\s])"
_ISS = r"\(\s*(?P<iss>[^()]*?)\s*\)"
_PAGES = r"(?P<pages>[^\[\]]+?)"

# `container, 2017, 48(4): 321-325`; the container is matched lazily by the caller. Variants
# seen in print: `2018, (12): 45-48` (CNKI: no volume, comma kept), `2020; 21(1)`, `2019年, 99(3)`.
_SERIAL_LOCATOR = (
    _YEAR + _DATE_REST + r"(?:\s*年)?(?:\s*[,;]\s*" + _VOL + r")?\s*(?:,\s*(?=\())?(?:" + _ISS
    + r")?(?:\s*:\s*" + _PAGES + r")?\s*$"
)
SERIAL = re.compile(r"\s*,\s*" + _SERIAL_LOCATOR)
# `container. 2020, 100(1): 1-5` / `Lancet Oncol. 2020;21(1):1-5`: a period after the journal
# (the caller asks for a volume or issue, so `Proc. Natl …` names are not cut).
SERIAL_AFTER_PERIOD = re.compile(r"\s*\.\s*" + _SERIAL_LOCATOR)
# Vancouver: `2017;48(4):321-325`, `2019 Mar 5;25(3):100-110`, `2020 Jan-Feb;12:1-9`.
VANCOUVER = re.compile(
    _YEAR + r"(?:\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?(?:\s*-\s*[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?)?)?"
    r"\s*;\s*(?:" + _VOL + r")?\s*(?:" + _ISS + r")?(?:\s*:\s*" + _PAGES + r")?\s*$"
)
NEWSPAPER = re.compile(
    r"\s*,\s*(?P<date>(?P<year>\d{4})-\d{1,2}-\d{1,2})\s*(?:\(\s*(?P<page>[^()]*?)\s*\))?\s*$"
)

# `place: publisher, year[(remark)][: pages]`; place has no colon, year may be `c1980`/`1984-`.
PUBLICATION = re.compile(
    r"^(?:(?P<place>[^:]+?)\s*:\s*)?(?P<pub>[^:]+?)\s*,\s*c?(?P<year>\d{4})(?:-\d{0,4})?[a-z]?"
    r"\s*(?:\((?P<remark>[^()]*)\))?(?:\s*:\s*(?P<pages>.+?))?\s*$"
)
# `2011: 8-9`, `2006-12-13` (patent), `2005 (2005-07-12)`, `c1971`.
YEAR_ONLY = re.compile(
    r"^c?(?P<year>\d{4})(?:-\d{1,2}-\d{1,2}|-\d{0,4})?[a-z]?\s*(?:\((?P<remark>[^()]*)\))?"
    r"(?:\s*:\s*(?P<pages>.+?))?\s*$"
)
# `(2012-01-16)`: the update date of a web page, alone.
DATE_ONLY = re.compile(r"^\(\s*(?P<year>\d{4})(?:-\d{1,2}(?:-\d{1,2})?)?\s*\)$")
# A page locator alone: `12-15`, `235`, `S12-S15`, `12-15, 20`.
_PAGE = r"[A-Za-z]{0,2}\d+[a-z]?"
PAGES_ONLY = re.compile(rf"^{_PAGE}(?:\s*(?:-{{1,3}}|[–—~])\s*{_PAGE})?(?:\s*[,+]\s*\d+)*$")
# `北京: 科学出版社` with no year (last resort).
PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:,\d]{1,40}?)\s*:\s*(?P<pub>[^:\d]{2,})$")

ACCESS_DATE = re.compile(
    r"\[\s*(?:cited\s*|引用日期\s*:?\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*"
    r"(?P<d>\d{1,2})\s*日?\s*\]",
    re.IGNORECASE,
)

_EDITION = re.compile(
    r"^(?:\d+\s*(?:st|nd|rd|th)\s+(?:ed|edn|edition)\.?|(?:rev|revised|new|enl|enlarged|repr)\.?"
    r"\s*(?:ed|edn|edition)\.?|[\w.\s]{1,20}\s+ed\.?|(?:第\s*)?[\d一二三四五六七八九十]+\s*版|"
    r"[修增]订[版本]|[初再新重]版|[\u4e00-\u9fff]{0,8}(?:刻|影印|抄|铅印|石印|稿)本|(?:ed|edition)\s*\d+)"
    # `3rd ed., 1st revision`, `2nd ed, reprinted`: a revision or printing of that edition
    r"(?:\s*,\s*(?:\d+\s*(?:st|nd|rd|th)\s+)?(?:rev(?:ision)?|printing|impression|repr(?:int(?:ed)?)?)\.?)?$",
    re.IGNORECASE,
)
_RESPONSIBILITY = re.compile(
    r"(?:^|[\s,])(?:等\s*)?(?:译|编|主编|编著|著|校|注|译注|整理|改编|编译|编选|校注|点校|审校|绘|摄)$|"
    r"^(?:trans(?:lated)?|ed(?:ited)?|compiled)\.?\s+by\b|"
    r",\s*(?:eds?|trans|tr|comp)\.?$",
    re.IGNORECASE,
)
VOLUME = re.compile(
    r"^(?:第\s*[\d一二三四五六七八九十百零〇两]+\s*[卷册辑集]|[上中下][册卷]?|"
    r"[\d一二三四五六七八九十]+\s*卷|\d{4}\s*年\s*卷|[\u4e00-\u9fff]{1,3}卷|제\s*\d+\s*[권집]|"
    r"vol(?:ume)?\.?\s*\d+[a-z]?|tome\s*\d+)$",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_YEARISH = re.compile(r"^\d{4}\s*(?:年|年度|年版)?$")
# Trailers that carry no GB/T field: language notes and database ids.
_NOTE = re.compile(
    r"^[(\[]\s*(?:(?:article\s+)?in\s+[A-Z][a-z]+(?:\s+with\s+[A-Z][a-z]+\s+abstract)?|中文|英文)"
    r"\s*[)\]]$|^[(\[]?\s*(?:PMID|PMCID|PMC|CNKI|ISBN|ISSN|arXiv|Epub|Published online)\b.*$|^$"
    # what full-text pages append to an entry: `[本文引用: 1]`, `[Cited within: 2]`, link labels
    r"|^\[\s*(?:本文引用|cited\s+within)\s*:?\s*\d*\s*\]$"
    r"|^(?:\[\s*(?:crossref|pubmed|pmc|google\s+scholar|cnki|wanfang|medline|scopus|web\s+of\s+science)"
    r"\s*\]\s*)+$",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def nfkc(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s).strip()
    return s or None


def is_edition(seg: str) -> bool:
    return bool(_EDITION.match(seg.strip(" .")))


def is_responsibility(seg: str) -> bool:
    """`谢远涛, 译`, `潘惠霞, 魏婧, 杨艳, 等, 译`, `edited by …`: other contributors."""
    return bool(_RESPONSIBILITY.search(seg.strip(" .")))


def is_volume(seg: str) -> bool:
    return bool(VOLUME.match(seg.strip()))


# `第 3 卷` -> `3`, `第三卷` -> `三`, `Vol. 3` -> `3`, `제 1 권` -> `1`; other designations
# (`第 1 册`, `上`, `下册`, `美国卷`) are kept as printed (the standard's examples keep `1册`).
_VOLUME_NUMBER = re.compile(
    r"^(?:第\s*(?P<a>[\d一二三四五六七八九十百零〇两]+)\s*卷|(?P<b>\d+)\s*卷|"
    r"vol(?:ume)?\.?\s*(?P<c>\d+[a-z]?)|제\s*(?P<d>\d+)\s*[권집])$",
    re.IGNORECASE,
)


def volume_value(seg: str) -> str:
    """The volume a designation names: its numeral when it has one."""
    s = nfkc(seg) or ""
    m = _VOLUME_NUMBER.match(s)
    return next((g for g in m.groups() if g), s) if m else s


# A volume designation inside a book title: `全集: 第 3 卷 骨科学` (main title, volume, the
# volume's own title) or `实用骨科学第2卷` (at the end).
VOLUME_IN_TITLE = re.compile(
    r"^(?P<main>.+?)\s*(?:[:：]\s*|(?<=[\u4e00-\u9fff]))(?P<vol>第\s*[\d一二三四五六七八九十百零〇两]+\s*[卷册]|"
    r"[Vv]ol(?:ume)?\.?\s*\d+[a-z]?)(?:\s+(?P<own>\S.*))?$"
)

# A standard's number printed before its title (2025 edition, and common in print):
# `GB/T 12345—2020 题名`, `ISO 9999:2016 Title`, `T/CHSA 012—2022 题名`, `WS 456-2014 题名`.
STANDARD_FIRST = re.compile(
    r"^(?P<num>(?:GB(?:/[TZ])?|GBZ|GJB|[A-Z]{1,3}/T|T/[A-Z]{2,10}|DB\d{0,6}(?:/T)?|WS|YY|HJ|"
    r"ISO(?:/(?:IEC|TS|TR))?|IEC|EN|ASTM|ANSI|BS|DIN|JIS|CLSI|AAMI|IEEE)"
    r"\s*[A-Z]?\s*\d+(?:[.\-](?!(?:19|20)\d\d(?!\d))\d+)*"
    r"(?:\s*(?:[—–:]|-{1,2})\s*(?P<year>(?:19|20)\d\d))?)[\s\u3000]+(?P<title>\S.*)$"
)
_NUMBER_YEAR = re.compile(r"(?:[—–:]|-{1,2})\s*((?:19|20)\d\d)$")


def number_year(number: str | None) -> int | None:
    """The year at the end of a standard's number (`GB/T 7714—2015`, `ISO 15189:2022`)."""
    m = _NUMBER_YEAR.search((number or "").strip())
    return plausible_year(m.group(1)) if m else None


def is_number(seg: str) -> bool:
    """A document number printed after the title of a standard, patent or report.

    `GB/T 25100—2010`, `US6915001`, `RMRS-GTR-262`, `京政办发［2005］37 号`; not prose like
    `the 2010 cohesive strategy science report`.
    """
    s = seg.strip()
    if not s or len(s) > 50 or not any(c.isdigit() for c in s):
        return False
    if len(_CJK.findall(s)) > 6 or _YEARISH.match(s):
        return False
    return len(_LOWER_WORD.findall(s)) == 0


# `30 Suppl 5`, `111 Suppl`, `12 Pt 2`, `99 增刊1`: a volume printed with its supplement or
# part and no brackets (PubMed/Vancouver habit); the designation is the issue.
_VOLUME_PART = re.compile(
    r"^(?P<vol>\d+[A-Za-z]?)\s+(?P<iss>(?:suppl(?:ement)?|spec(?:ial)?\s+issue|pt|part)\.?(?:\s*[\w-]+)?"
    r"|增刊\s*\d*)$",
    re.IGNORECASE,
)


def split_volume_part(vol: str) -> tuple[str, str] | None:
    """(`30`, `Suppl 5`) for `30 Suppl 5`; None for a plain volume."""
    m = _VOLUME_PART.match(vol.strip())
    return (m.group("vol"), m.group("iss")) if m else None


# A Chinese place name (`上海`, `石家庄`, `乌鲁木齐`): 2-4 Han characters, not ending like an
# institution (出版社, 大学, 学院, 研究所, 学会, 委员会, 中心, 公司, 医院, 图书馆, 报社 …).
_INSTITUTION_END = "社院校学会所局部厅委司馆心厂室组处站团报刊宫店版系科"
_CJK_PLACE = re.compile(rf"^[\u4e00-\u9fff]{{1,3}}[\u4e00-\u9fff](?<![{_INSTITUTION_END}])$")


def is_cjk_place(s: str | None) -> bool:
    """Whether a lone imprint name (`上海, 2018`) is a place rather than a publisher."""
    return bool(s) and bool(_CJK_PLACE.match(s.strip()))


def is_note(seg: str) -> bool:
    """A trailer with no GB/T field: a language note (`(in Chinese)`, `[中文]`) or a database id
    (`PMID: 29545715`, `[PMID: 34414118]`, `; PMCID: …`)."""
    return bool(_NOTE.match(seg.strip(" .,;")))


@dataclass(slots=True)
class Pages:
    first: str | None = None
    last: str | None = None
    article_no: str | None = None


_RANGE = re.compile(r"^(?P<a>[^\s\-–—~]+?)\s*(?:-{1,3}|[–—~‑－～])\s*(?P<b>[^\s\-–—~]+)$")
# A range continued on other pages: `12-15+20`, `1-5, 10`, `161-164, 封3`, `615-619, I0001`.
# `last` keeps the continuation as printed (`15+20`, `5, 10`): the article's last page is not
# the end of a range there, and nothing printed is lost.
_CONTINUED = re.compile(
    r"^(?P<a>[^\s\-–—~,+]+?)\s*(?:-{1,3}|[–—~‑－～])\s*(?P<b>[^\s\-–—~,+]+(?:\s*[,+]\s*[^\s,+]+)+)$"
)
# A letter prefix makes an article / abstract number (`TPS4152`, `LBA4`, `CD003474`), except
# the prefixes of supplement pagination: lower-case roman numerals (`v290`, `iv238`) and `S`.
_ARTICLE_NO = re.compile(
    r"^(?:(?!(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|S)\d)[A-Za-z]{1,4}\d{3,}|[eE]\d+|\d{5,})$"
)


def split_pages(pages: str | None, *, serial: bool, lang: str | None, year: int | None) -> Pages:
    """`321-325` -> first/last; a lone locator -> first page, or an article number.

    In a journal article a lone value is an article number (e-locator) when it cannot be a
    page (`TPS4152`, `e16543`, five digits or more), or when it is a post-2010 English-language
    article: by then most single-value locators in such references are article numbers
    (BMC, Frontiers, PLOS, Hindawi), while Chinese journals still print pages.
    """
    p = nfkc(pages)
    if not p:
        return Pages()
    p = re.sub(r"^pp?\.\s*", "", p.strip(" .,;"))  # `pp. 1894-1905`
    if not p:
        return Pages()
    m = _RANGE.match(p) or _CONTINUED.match(p)
    if m:
        return Pages(m.group("a"), m.group("b"))
    if serial and (
        _ARTICLE_NO.match(p) or (lang == "en" and year is not None and year >= 2010 and p.isdigit())
    ):
        return Pages(article_no=p)
    return Pages(first=p)


def plausible_year(y: str | int | None) -> int | None:
    try:
        v = int(y) if y is not None else None
    except ValueError:
        return None
    return v if v is not None and 1400 <= v <= 2100 else None
