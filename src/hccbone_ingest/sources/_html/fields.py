"""Small text-level parsers for the labelled fields journal pages print: the Magtech header
line, `label: value` runs (dates, corresponding author, funding), affiliation lines, keyword
lists and numbered reference lists. Inputs are already cleaned strings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...records import Affiliation
from ...text.normalize import clean, has_cjk
from .meta import parse_date, split_keywords

# `中华… ›› 2025, Vol. 14 ›› Issue (04) : 522 -527. doi: …` (Magtech; U+203A separators).
_MAGTECH_HEADER = re.compile(
    r"^(?P<journal>.+?)\s*(?:››|»|>>)\s*(?P<year>\d{4})\s*,\s*Vol\.\s*(?P<volume>[^\s›»>,]+)\s*"
    r"(?:››|»|>>)?\s*Issue\s*\((?P<issue>[^)]*)\)\s*:\s*(?P<first>[A-Za-z]?\d+[A-Za-z]?)"
    r"(?:\s*[-–]\s*(?P<last>[A-Za-z]?\d+[A-Za-z]?))?", re.IGNORECASE)
# RHHZ: `2019, Vol. 40 Issue (1): 1-6`; also `2019, 40(1): 1-6`.
_RHHZ_HEADER = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*,\s*(?:Vol\.\s*)?(?P<volume>\d+)\s*(?:Issue\s*)?"
    r"\(\s*(?P<issue>[^)]+?)\s*\)\s*:\s*(?P<first>[A-Za-z]?\d+)(?:\s*[-–]\s*(?P<last>[A-Za-z]?\d+))?",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    journal: str | None
    year: int
    volume: str
    issue: str
    first_page: str
    last_page: str | None


def parse_header(line: str) -> Header | None:
    m = _MAGTECH_HEADER.match(line)
    journal = None
    if m:
        journal = clean(m.group("journal"))
    else:
        m = _RHHZ_HEADER.search(line)
        if not m:
            return None
    return Header(journal, int(m.group("year")), m.group("volume"), clean(m.group("issue")) or "",
                  m.group("first"), m.group("last"))


# Labels of the `label: value` runs in author panels. Longest first inside each alternative.
LABELS: dict[str, str] = {
    "收稿日期": "received", "修回日期": "revised", "录用日期": "accepted", "接受日期": "accepted",
    "网络出版日期": "online", "在线出版日期": "online", "出版日期": "published", "发布日期": "published",
    "通信作者": "corresponding", "通讯作者": "corresponding", "基金资助": "funding", "基金项目": "funding",
    "作者简介": "bio",
    "Received date": "received", "Received": "received", "Revised date": "revised", "Revised": "revised",
    "Accepted date": "accepted", "Accepted": "accepted", "Online": "online", "Published": "published",
    "Corresponding authors": "corresponding", "Corresponding author": "corresponding",
    "Supported by": "funding", "Fund program": "funding", "Funding": "funding",
    "E-mail": "email", "Email": "email",
}
_LABEL_RE = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True))
    + r")\s*[:：]\s*", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def labelled_values(text: str) -> list[tuple[str, str, str]]:
    """`收稿日期:2025-01-25 出版日期:2025-08-10` -> [(kind, label, value), ...]."""
    out = []
    matches = list(_LABEL_RE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = m.group(1)
        kind = next(v for k, v in LABELS.items() if k.lower() == label.lower())
        out.append((kind, label, text[m.end():end].strip(" ;；,，")))
    return out


def date_of(kind: str, value: str) -> tuple[str, dt.date] | None:
    d = parse_date(value)
    field = {"received": "received_date", "revised": "revised_date", "accepted": "accepted_date",
             "published": "published_date"}.get(kind)
    return (field, d) if field and d else None


def emails(text: str) -> list[str]:
    return _EMAIL.findall(text)


def corresponding_name(value: str) -> str | None:
    """`李照, E-mail: li@x.cn` -> `李照` (the name without e-mail or trailing punctuation)."""
    v = _EMAIL.sub("", value)
    v = re.split(r"(?i)\b(?:e-?mail|电子邮箱|邮箱)\b\s*[:：]?", v)[0]
    return clean(v.strip(" ,，;；:：()（）")) or None


_POSTCODE_GLUED = re.compile(r"^(\d{1,2})(\d{6})(?=\s|$)")
_POSTCODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
_AFF_LABEL = re.compile(r"^\(?\s*(\d{1,2})\s*[.．、)）]?\s*(?=\S)")
SUP_OPEN, SUP_CLOSE = "\u27e6", "\u27e7"  # markers around <sup> text, set by the DOM walk
_SUP_LABEL = re.compile(f"^{SUP_OPEN}\\s*([0-9a-z*,，\\s]*?)\\s*{SUP_CLOSE}\\s*")


def affiliation_line(line: str, lang: str, fallback_id: int) -> Affiliation | None:
    """One printed affiliation (label in a ⟦sup⟧, or `1.`, or glued to the postcode)."""
    line = line.strip()
    aff_id = None
    m = _SUP_LABEL.match(line)
    if m:
        digits = re.findall(r"\d+", m.group(1))
        aff_id = int(digits[0]) if digits else None
        line = line[m.end():]
    line = line.replace(SUP_OPEN, "").replace(SUP_CLOSE, "")
    if aff_id is None and lang == "zh":
        g = _POSTCODE_GLUED.match(line)
        if g:  # `1100044 北京…`: label glued to the postcode
            aff_id = int(g.group(1))
            line = line[len(g.group(1)):]
    if aff_id is None:
        m = _AFF_LABEL.match(line)
        if m and not _POSTCODE.match(line):
            aff_id = int(m.group(1))
            line = line[m.end():]
    text = clean(line.strip(" ;；()（）"))
    if not text:
        return None
    aff_id = aff_id or fallback_id
    if lang == "zh":
        pc = _POSTCODE.search(text)
        postcode = pc.group(1) if pc else None
        name = clean(_POSTCODE.sub("", text, count=1).strip(" ,，;；")) if pc else text
        return Affiliation(aff_id, name_zh=name, postcode=postcode)
    pc = _POSTCODE.search(text)
    return Affiliation(aff_id, name_en=text, postcode=pc.group(1) if pc else None)


def affiliations_from_lines(lines: list[str], lang: str) -> list[Affiliation]:
    """Lines of one language's affiliation block -> affiliations (a line may hold several,
    separated by `;`, as old pages print `(1. 北京…; 2. 上海…)`)."""
    parts: list[str] = []
    for line in lines:
        line = line.strip().strip("()（）")
        if ";" in line or "；" in line:
            pieces = re.split(r"\s*[;；]\s*(?=(?:\d|" + SUP_OPEN + "))", line)
            parts += [p for p in pieces if p.strip()]
        else:
            parts.append(line)
    out: list[Affiliation] = []
    for i, p in enumerate(parts, 1):
        a = affiliation_line(p, lang, i)
        if a is not None and all(x.affiliation_id != a.affiliation_id for x in out):
            out.append(a)
    return out


def pair_affiliations(zh: list[Affiliation], en: list[Affiliation]) -> list[Affiliation]:
    """Chinese and English affiliations joined on their printed label."""
    by_id: dict[int, Affiliation] = {}
    for a in zh:
        by_id[a.affiliation_id] = Affiliation(a.affiliation_id, a.name_zh, None, a.postcode)
    for a in en:
        cur = by_id.setdefault(a.affiliation_id, Affiliation(a.affiliation_id))
        cur.name_en = a.name_en
        cur.postcode = cur.postcode or a.postcode
    return [by_id[k] for k in sorted(by_id)]


_KW_LABEL = re.compile(r"^(关键词|关键字|Key\s*words?|Keywords?)\s*[:：]\s*", re.IGNORECASE)
_ABS_LABEL = re.compile(r"^(摘要|内容摘要|中文摘要|Abstract|Summary)\s*[:：]\s*", re.IGNORECASE)


def keyword_label(text: str) -> tuple[str, str] | None:
    """`关键词: a; b` -> ("zh", "a; b"); `Key words: a; b` -> ("en", …)."""
    m = _KW_LABEL.match(text)
    if not m:
        return None
    return ("zh" if has_cjk(m.group(1)) else "en"), text[m.end():]


def abstract_label(text: str) -> tuple[str, str] | None:
    m = _ABS_LABEL.match(text)
    if not m:
        return None
    return ("zh" if has_cjk(m.group(1)) else "en"), text[m.end():]


def keywords_of(value: str) -> list[str]:
    return split_keywords(value)


_REF_LABEL = re.compile(r"^\[(\d{1,4})\]\s*(.*)$")
_REF_LABEL_DOT = re.compile(r"^(\d{1,4})[.．、]\s+(\S.*)$")


def numbered_items(lines: list[str], allow_dot: bool = False) -> list[tuple[int, str]]:
    """`[n] text` items (text on the same line or the next lines) -> [(n, joined text)].

    Consecutive unlabelled lines continue the current item (a reference printed in both
    languages, a DOI on its own line); they are joined with one space.
    """
    items: list[tuple[int, list[str]]] = []
    for line in lines:
        m = _REF_LABEL.match(line) or (_REF_LABEL_DOT.match(line) if allow_dot else None)
        if m:
            items.append((int(m.group(1)), [m.group(2)] if m.group(2) else []))
        elif items:
            items[-1][1].append(line)
    out = []
    for n, parts in items:
        text = clean(" ".join(parts))
        if text:
            out.append((n, text))
    return out
