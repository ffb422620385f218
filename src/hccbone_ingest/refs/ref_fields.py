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
_VOL = r"(?P<vol>[^,:;()\[\]]*?[^,:;()\[\]\s])"
_ISS = r"\(\s*(?P<iss>[^()]*?)\s*\)"
_PAGES = r"(?P<pages>[^\[\]]+?)"

# `container, 2017, 48(4): 321-325`; the container is matched lazily by the caller.
SERIAL = re.compile(
    r"\s*,\s*" + _YEAR + r"(?:\s*,\s*" + _VOL + r")?\s*(?:" + _ISS + r")?(?:\s*:\s*" + _PAGES
    + r")?\s*$"
)
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
    r"[修增]订[版本]|[初再新重]版|[\u4e00-\u9fff]{0,8}(?:刻|影印|抄|铅印|石印|稿)本|(?:ed|edition)\s*\d+)$",
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
    r"\s*[)\]]$|^(?:PMID|PMCID|PMC|CNKI|ISBN|ISSN|arXiv|Epub|Published online)\b.*$|^$",
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


def is_note(seg: str) -> bool:
    """A language note after the locator, `(in Chinese)` / `[in Chinese]` / `(中文)`: no field."""
    return bool(_NOTE.match(seg.strip(" .")))


@dataclass(slots=True)
class Pages:
    first: str | None = None
    last: str | None = None
    article_no: str | None = None


_RANGE = re.compile(r"^(?P<a>[^\s\-–—~]+?)\s*(?:-{1,3}|[–—~‑－～])\s*(?P<b>[^\s\-–—~]+)$")
_ARTICLE_NO = re.compile(r"^(?:[A-Za-z]{1,4}\d{3,}|[eE]\d+|\d{5,})$")


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
    p = p.strip(" .,;")
    if not p:
        return Pages()
    m = _RANGE.match(p)
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
