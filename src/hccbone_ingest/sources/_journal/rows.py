"""Label/value rows of database portals, and their source lines and breadcrumbs.

Portals (Wanfang `.detailList`, CNKI's rows) print each field as a label ending in a full-width
colon with the value beside it; a text copy puts the value on the next line(s):

    Doi：                    作者：                      关键词：           年，卷(期)：
    10.3969/j.issn…          邵文博 1  冯晓燕 1          肝细胞癌；          2023,50(5)
                                                         骨转移；

`take_rows` reads these rows wherever they stand (the generic front parser expects the value on
the label's line): rows the other parsers know (`DOI`, keywords, funding, classification) go back
into the stream as one `label：value` line; rows only portals print (journal, `年，卷(期)`, pages,
online date, authors and institutions printed as rows) are kept aside as evidence. Breadcrumbs
(`首页 > 期刊 > 刊名 > 2023年5期`) and CNKI's source line (`刊名 . 2023 ,48 (04)`) are read and dropped.
Label-above-value consumption of people rows needs evidence that the page is a row list: several
rows only portals print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import vocab

_SEP = re.compile(r"^[>›»]$")
# A breadcrumb starts at the site's home (`当前位置：首页`): the evidence that `>` separates crumbs.
_HOME = re.compile(r"^(?:当前位置\s*[:：]\s*)?(?:首页|网站首页|主页|Home)$", re.IGNORECASE)
_CRUMB_ISSUE = re.compile(r"^(?P<year>(?:19|20)[0-9]{2})\s*年\s*(?:第\s*)?(?P<issue>[0-9]{1,2})\s*期$")
# CNKI `.top-tip`: `刊名 . 2023 ,48 (04)`, online-first `刊名 .` (spaced dot, spaced commas).
_SOURCE_LINE = re.compile(r"^(?P<journal>[\u3400-\u9fff][\u3400-\u9fff（）()A-Za-z·]{1,30}) \.(?:\s*"
                          r"(?P<year>(?:19|20)[0-9]{2})\s*,\s*(?P<volume>[0-9]{1,4})?\s*\((?P<issue>[0-9A-Za-z]{1,4})\))?$")
_YVI = re.compile(r"^(?P<year>(?:19|20)[0-9]{2})\s*[,，]\s*(?P<volume>[0-9A-Za-z]{1,6})?\s*[(（]"
                  r"(?P<issue>[0-9A-Za-z-]{1,6})[)）]$"
                  # VIP: `2023年第33卷第5期`, `2024年第3期`
                  r"|^(?P<year2>(?:19|20)[0-9]{2})\s*年\s*(?:第\s*(?P<volume2>[0-9]{1,4})\s*卷\s*)?"
                  r"第\s*(?P<issue2>[0-9]{1,3})\s*期$")
# VIP `出处：《刊名》 北大核心 CSCD 2024年第3期128-134,共7页`.
_SOURCE_ROW = re.compile(r"^《(?P<journal>[^《》]{2,40})》.*?(?P<year>(?:19|20)[0-9]{2})\s*年\s*(?:第\s*"
                         r"(?P<volume>[0-9]{1,4})\s*卷\s*)?第\s*(?P<issue>[0-9]{1,3})\s*期\s*"
                         r"(?:(?P<first>[0-9]{1,5})\s*[-–~]\s*(?P<last>[0-9]{1,5}))?")
# An English journal name on the line under the source row: Title Case words, no digits.
_EN_JOURNAL = re.compile(r"^(?:[A-Z][A-Za-z]*|of|and|the|for|in|on|&)(?:\s+(?:[A-Z][A-Za-z]*|of|and|the|for|"
                         r"in|on|&)){1,12}$")
_PAGES = re.compile(r"(?<![0-9])(?P<first>[0-9]{1,5})\s*[-–~]\s*(?P<last>[0-9]{1,5})(?![0-9])")
_PAGE_COUNT = re.compile(r"^[0-9]{1,3}\s*[(（]\s*(?P<first>[0-9]{1,5})\s*[-–~]\s*"
                         r"(?P<last>[0-9]{1,5})\s*[)）]$")
_GLUED_PAGES = re.compile(r"页码\s*[:：]\s*(?P<first>[0-9]{1,5})\s*[-–~]\s*(?P<last>[0-9]{1,5})(?![0-9])")
_NUMBERED = re.compile(r"^[0-9]{1,2}\s*[.、．]\s*\S")
# Rows the generic parsers read once the value is on the label's line.
_BACK_INTO_STREAM = {"doi": "DOI", "keywords_zh": "关键词", "keywords_en": "Keywords", "funding": "基金项目",
                     "clc": "分类号"}
# Rows only portals print: their presence is the evidence that the page is a row list.
_PORTAL_ONLY = {"journal_zh", "journal_en", "year_volume_issue", "column", "page_count", "pages",
                "online_public", "album", "topic", "source"}
_PEOPLE = {"authors_zh", "authors_en", "affiliations_zh"}


@dataclass
class Rows:
    values: dict[str, str] = field(default_factory=dict)  # vocab.ROW_LABELS key -> first value
    affiliations: list[str] = field(default_factory=list)  # `作者单位` lines, one institution each
    journal: str | None = None  # from the source line or the breadcrumb
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None

    def year_volume_issue(self) -> tuple[int, str | None, str] | None:
        m = _YVI.match(vocab.normalize_label(self.values.get("year_volume_issue", "")).strip())
        if m is None:
            return None
        if m.group("year2"):
            return int(m.group("year2")), m.group("volume2"), m.group("issue2")
        return int(m.group("year")), m.group("volume"), m.group("issue")

    def pages(self) -> tuple[str, str] | None:
        m = _PAGES.fullmatch(self.values.get("pages", "").strip().rstrip("页"))
        if m is None:
            m = _PAGE_COUNT.match(self.values.get("page_count", "").strip())
        if m is not None and int(m.group("first")) <= int(m.group("last")):
            return m.group("first"), m.group("last")
        if self.first_page and self.last_page:
            return self.first_page, self.last_page
        return None


def _row(line: str) -> tuple[str, str] | None:
    m = vocab.ROW_LABEL.match(vocab.normalize_label(line))
    if m is None:
        return None
    rest = line[m.start("rest"):].strip() if len(line) == len(m.string) else m.group("rest").strip()
    return vocab.ROW_LABELS[m.group("label")], rest


def _is_value(line: str) -> bool:
    """A line that can be a row's value: not another label, not page furniture."""
    return _row(line) is None and vocab.match_label(line) is None and not vocab.is_chrome(line)


def _next(lines: list[str | None], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 3)):
        if lines[j] is not None:
            return j
    return None


def _value_lines(lines: list[str | None], j: int, key: str) -> list[int]:
    """The indices of a row's value: one line, or a run of `；`-ended items (CNKI keywords and
    funds), or numbered institutions one per line."""
    out = [j]
    first = lines[j] or ""
    multi = (key in ("keywords_zh", "keywords_en", "funding") and first.rstrip().endswith((";", "；"))) \
        or (key == "affiliations_zh" and _NUMBERED.match(first))
    while multi:
        k = _next(lines, out[-1])
        if k is None or not _is_value(lines[k] or ""):
            break
        nxt = lines[k] or ""
        if key == "affiliations_zh" and not _NUMBERED.match(nxt):
            break
        not_kw = key != "funding" and vocab.NOT_A_KEYWORD.search(nxt) is not None
        if key != "affiliations_zh" and (len(nxt) > 80 or not_kw):
            break
        out.append(k)
        if key != "affiliations_zh" and not nxt.rstrip().endswith((";", "；")):
            break
    return out


def _source_row(value: str, rows: Rows) -> None:
    m = _SOURCE_ROW.match(value.strip())
    if m is None:
        return
    rows.journal = m.group("journal")
    if rows.year is None:
        rows.year, rows.volume, rows.issue = int(m.group("year")), m.group("volume"), m.group("issue")
    if m.group("first") and rows.first_page is None:
        rows.first_page, rows.last_page = m.group("first"), m.group("last")


def _breadcrumb(items: list[str], rows: Rows) -> None:
    for n, item in enumerate(items):
        m = _CRUMB_ISSUE.match(item)
        if m and n >= 1 and rows.year is None:
            rows.year, rows.issue = int(m.group("year")), m.group("issue")
            rows.journal = rows.journal or items[n - 1]


def take_rows(lines: list[str | None]) -> tuple[list[str | None], Rows]:
    """The lines without portal rows, breadcrumbs and source lines; the rows read from them."""
    rows = Rows()
    alone = [x for x in lines if x is not None and (r := _row(x)) is not None and not r[1]]
    portal = sum(1 for x in alone if (_row(x) or ("", ""))[0] in _PORTAL_ONLY) >= 3
    out: list[str | None] = []
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if line is None:
            out.append(None)
            continue
        g = _GLUED_PAGES.search(line)
        if g and rows.first_page is None:
            rows.first_page, rows.last_page = g.group("first"), g.group("last")
        prev = next((n for n in range(len(out) - 1, -1, -1) if out[n] is not None), None)
        if _SEP.match(line.strip()) and prev is not None and _HOME.match(out[prev] or ""):
            items = [out[prev] or ""]  # a breadcrumb copied one item a line, from the home link
            del out[prev:]
            k = i
            while (j := _next(lines, k)) is not None:
                items.append(lines[j] or "")
                drop.add(j)
                k2 = _next(lines, j)
                if k2 is None or not _SEP.match((lines[k2] or "").strip()):
                    break
                drop.add(k2)
                k = k2
            _breadcrumb(items, rows)
            continue
        crumbs = re.split(r"\s+[>›»]\s+", line.strip())
        if len(crumbs) >= 3 and _HOME.match(crumbs[0]) and all(len(c) <= 30 for c in crumbs):
            _breadcrumb(crumbs, rows)  # `首页 > 期刊 > 刊名 > 2023年5期` (never `P > 0.05` in a sentence)
            continue
        s = _SOURCE_LINE.match(line.strip())
        if s:
            rows.journal = rows.journal or s.group("journal")
            if s.group("year") and rows.year is None:
                rows.year, rows.volume, rows.issue = int(s.group("year")), s.group("volume"), s.group("issue")
            continue
        r = _row(line)
        if r is None:
            out.append(line)
            continue
        key, rest = r
        if rest and key == "source":
            _source_row(rest, rows)
            j = _next(lines, i)
            if j is not None and _EN_JOURNAL.match((lines[j] or "").strip()):
                rows.values.setdefault("journal_en", (lines[j] or "").strip())
                drop.add(j)
            continue
        if rest:  # `label：value` on one line
            if key in _PORTAL_ONLY or (key == "published" and "网络首发" in line):
                rows.values.setdefault(key, rest)
                continue
            out.append(line)
            continue
        j = _next(lines, i)
        multi_kw = j is not None and key in ("keywords_zh", "keywords_en") \
            and (lines[j] or "").rstrip().endswith((";", "；"))
        if j is None or not _is_value(lines[j] or "") or (not portal and key != "doi" and not multi_kw):
            out.append(line)
            continue
        idx = _value_lines(lines, j, key)
        drop.update(idx)
        values = [(lines[k] or "").strip() for k in idx]
        if key in _BACK_INTO_STREAM:
            out.append(f"{_BACK_INTO_STREAM[key]}：" + "；".join(v.rstrip(";；") for v in values))
        elif key == "affiliations_zh":
            rows.affiliations += values
        else:
            rows.values.setdefault(key, " ".join(values))
    return out, rows
