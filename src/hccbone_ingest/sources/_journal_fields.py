"""Line-level field parsers for Chinese journal article pages (Magtech family).

Shared by the text adapter and, for the fields their DOM also prints as text (author lines,
affiliation lines, `收稿日期:` spans, self-citations), by the HTML adapters. Every function
takes cleaned text (`text.normalize.clean`) and returns plain values; a line that does not
fit gives None or an empty list, never an exception.

Layout facts these rules encode are in REFERENCE.md §1: ASCII `,` `(` `)` `:` in Chinese
text, affiliation labels glued to the 6-digit postcode, superscripts flattened into digits
after the names, `()` (an empty e-mail link) marking the corresponding author.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import vocab
from ..refs.doi import DoiMatch, find_doi
from ..text.normalize import clean, has_cjk, nfkc

# Digits are spelled [0-9] throughout: `\d` also matches other scripts' digits, which
# `int()` accepts and which no page prints as a label or a year.

# ----------------------------------------------------------------------------- header

# `中华肝脏外科手术学电子杂志 ›› 2025, Vol. 14 ›› Issue (04) : 522 -527. doi: 10.3877/...`
_SEP = r"(?:››|›|»|>>|>)"
_HEADER = re.compile(
    rf"^(?P<journal>.*?)\s*{_SEP}?\s*(?P<year>(?:18|19|20)[0-9]{{2}})\s*,\s*Vol\.?\s*"
    rf"(?P<volume>[^\s›»>,()]+)\s*,?\s*{_SEP}?\s*Issue\s*\(\s*(?P<issue>[^()]*?)\s*\)\s*[:：]?\s*"
    r"(?P<first>[A-Za-z]?[0-9]+)?(?:\s*[-–—]\s*(?P<last>[A-Za-z]?[0-9]+))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Header:
    journal: str | None
    year: int
    volume: str
    issue: str | None
    first_page: str | None
    last_page: str | None
    doi: DoiMatch | None


def find_doi_in(s: str) -> DoiMatch | None:
    """The first DOI in `s`; retried after NFKC for full-width digits and colons."""
    m = find_doi(s)
    if m is None:
        n = nfkc(s)
        if n != s:
            m = find_doi(n)
    return m


def parse_header(line: str) -> Header | None:
    m = _HEADER.match(line)
    if not m:
        return None
    journal = clean(m.group("journal").rstrip("›»> "))
    return Header(
        journal=journal,
        year=int(m.group("year")),
        volume=m.group("volume"),
        issue=m.group("issue") or None,
        first_page=m.group("first"),
        last_page=m.group("last"),
        doi=find_doi_in(line[m.end():]),
    )


# ----------------------------------------------------------------------------- author lines

_NAME_CHARS = r"[^0-9,，、;；:：()（）*∗#†]"
_NAME_ITEM = re.compile(
    rf"\s*(?P<name>{_NAME_CHARS}++)"  # possessive: no backtracking into the name
    r"(?P<labels>[0-9]{1,2}(?:\s*[,，\-–]\s*[0-9]{1,2})*)?\s*"
    r"(?P<star>[*∗#†])?\s*"
    r"(?P<mark>[,，]?\s*[(（][^()（）]*[)）])?\s*"
    r"(?P<sep>[,，、;；]|$)"
)
_EMAIL = vocab.EMAIL
_EN_PARTICLES = ("de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "bin", "al",
                 "el")
_EN_WORD = re.compile(r"^[A-Z][A-Za-z'’.\-]*$")


_MAX_AUTHOR_LINE = 4000  # longer than any real author list (a few hundred names): not one


@dataclass(slots=True)
class NameItem:
    name: str
    labels: list[int] = field(default_factory=list)
    marked: bool = False  # `()` e-mail link or `*`: the corresponding author
    email: str | None = None


def _labels(s: str | None) -> list[int]:
    """`2,3` / `1, 2` / `1-3` -> [2, 3] / [1, 2] / [1, 2, 3], in printed order, no repeats."""
    if not s:
        return []
    out: list[int] = []
    for part in re.split(r"\s*[,，]\s*", s):
        bounds = re.split(r"\s*[-–]\s*", part)
        nums = [int(b) for b in bounds if b]
        if len(nums) == 2 and 0 < nums[1] - nums[0] <= 20:
            nums = list(range(nums[0], nums[1] + 1))
        for n in nums:
            if n not in out:
                out.append(n)
    return out


def split_names(line: str) -> list[NameItem] | None:
    """Split a flattened author line into names with their labels; None if it does not tile.

    Names never start with a digit, so digits after a separator belong to the previous
    name's superscript (`张三1, 2, 李四1` -> 张三 [1, 2], 李四 [1]).
    """
    if len(line) > _MAX_AUTHOR_LINE:
        return None
    items: list[NameItem] = []
    pos, n = 0, len(line)
    while pos < n:
        m = _NAME_ITEM.match(line, pos)
        if m is None or m.end() == pos:
            return None
        name = clean(m.group("name"))
        if name is None:
            return None
        mark = m.group("mark")
        email_m = _EMAIL.search(mark) if mark else None
        items.append(NameItem(
            name=name,
            labels=_labels(m.group("labels")),
            marked=bool(mark or m.group("star")),
            email=email_m.group(0) if email_m else None,
        ))
        pos = m.end()
        if not m.group("sep"):
            break
    return items or None


def _has_marks(items: list[NameItem]) -> bool:
    return any(it.labels or it.marked for it in items)


def zh_author_items(line: str) -> list[NameItem] | None:
    """The names of a Chinese author line, or None when the line is not one."""
    items = split_names(line)
    if not items:
        return None
    for it in items:
        bare = it.name.replace(" ", "").replace("·", "")
        limit = 12 if "·" in it.name else 8
        if not has_cjk(it.name) or not 2 <= len(bare) <= limit or "。" in bare:
            return None
    if _has_marks(items):
        return items
    # No superscripts at all: only a list of short names is convincing.
    if len(items) >= 2 and all(len(it.name.replace(" ", "")) <= 4 for it in items):
        return items
    return None


def en_author_items(line: str) -> list[NameItem] | None:
    """The names of an English author line, or None when the line is not one."""
    items = split_names(line)
    if not items:
        return None
    for it in items:
        words = it.name.split()
        if has_cjk(it.name) or not 1 <= len(words) <= 6:
            return None
        if not all(_EN_WORD.match(w) or w in _EN_PARTICLES for w in words):
            return None
    if _has_marks(items):
        return items
    if len(items) >= 2 and all(2 <= len(it.name.split()) <= 4 for it in items):
        return items
    return None


# ----------------------------------------------------------------------------- affiliations

_ENUM = re.compile(r"^(?P<enum>[0-9]{1,2})\.\s+")
# `1100044 北京大学人民医院肝胆外科`: label glued to the postcode.
_ZH_GLUED = re.compile(r"^(?P<digits>[0-9]{6,8})\s*(?P<name>\D.*)$")
# `1.北京大学人民医院肝胆外科,北京 100044` (the older layout).
_ZH_LABELLED = re.compile(
    r"^(?:(?P<label>[0-9]{1,2})\s*[.、．]?\s*)?(?P<name>\D.*?)(?:\s*(?P<post>[0-9]{6}))?\s*[;；。.]?$")
_EN_AFFIL = re.compile(r"^(?P<label>[0-9]{1,2})?\s*\.?\s*(?P<name>[A-Za-z].*)$")
_INSTITUTION_ZH = re.compile(r"医院|大学|学院|研究所|研究院|中心|科|实验室|公司|协会|所")
_INSTITUTION_EN = re.compile(
    r"Department|Hospital|Universit|School|College|Institute|Cent(?:er|re)|Laborator|Faculty|"
    r"Division|Unit|Clinic|Academy|Ministry|Company|Program|Key Lab", re.IGNORECASE)


@dataclass(slots=True)
class AffiliationLine:
    label: int | None
    name: str
    postcode: str | None = None


def parse_zh_affiliation(line: str) -> AffiliationLine | None:
    enum = None
    m = _ENUM.match(line)
    rest = line
    if m and re.match(r"[0-9]{6}", line[m.end():]):
        enum, rest = int(m.group("enum")), line[m.end():]
    g = _ZH_GLUED.match(rest)
    if g:
        digits = g.group("digits")
        name = clean(g.group("name").strip(" ,，"))
        if name is None or not has_cjk(name):
            return None
        label = int(digits[:-6]) if len(digits) > 6 else enum
        return AffiliationLine(label, name, digits[-6:])
    m2 = _ZH_LABELLED.match(line)
    if not m2 or not has_cjk(line) or not _INSTITUTION_ZH.search(line):
        return None
    name = clean(m2.group("name").strip(" ,，;；"))
    if name is None:
        return None
    label = int(m2.group("label")) if m2.group("label") else None
    return AffiliationLine(label, name, m2.group("post"))


def parse_en_affiliation(line: str) -> AffiliationLine | None:
    if has_cjk(line) or not _INSTITUTION_EN.search(line):
        return None
    enum = None
    m = _ENUM.match(line)
    rest = line
    if m:
        enum, rest = int(m.group("enum")), line[m.end():]
    a = _EN_AFFIL.match(rest)
    if not a:
        return None
    name = clean(a.group("name"))
    if name is None:
        return None
    label = int(a.group("label")) if a.group("label") else enum
    post = re.search(r"(?<![0-9])[0-9]{6}(?![0-9])", name)
    return AffiliationLine(label, name, post.group(0) if post else None)


# ----------------------------------------------------------------------------- metadata lines

_META_KEYS = vocab.META_LABELS  # one vocabulary (vocab.py)
_META_KEY = re.compile(
    # A label starts a field at the line start or after a space or a separator (`…；录用日期：`).
    r"(?:(?<=[\s;；,，])|^)(?P<key>"
    + "|".join(sorted((re.escape(k) for k in _META_KEYS), key=len, reverse=True))
    + r")\s*[:：]",
    re.IGNORECASE,
)
META_LANG = {k: ("zh" if has_cjk(k) else "en") for k in _META_KEYS}


@dataclass(slots=True)
class MetaField:
    key: str | None  # canonical key, None for recognised-but-unused labels
    label: str  # the printed label, lower-cased for English
    value: str


def parse_meta_line(line: str) -> list[MetaField] | None:
    """`收稿日期:2025-01-25 出版日期:2025-08-10` -> two fields; None if no label starts the line."""
    found = list(_META_KEY.finditer(line))
    if not found or found[0].start() != 0:
        return None
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(line)
        label = m.group("key").lower() if not has_cjk(m.group("key")) else m.group("key")
        out.append(MetaField(_META_KEYS[label], label, line[m.end():end].strip().rstrip(";；,，").strip()))
    return out


_DATE = re.compile(r"((?:18|19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})")


def parse_date(s: str | None) -> dt.date | None:
    if not s:
        return None
    m = _DATE.search(nfkc(s))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 2025-02-30: printed, but not a date
        return None


def split_corresponding(value: str) -> tuple[str | None, str | None]:
    """`李照, Email: li@x.cn` -> ("李照", "li@x.cn"). The name part is kept as printed."""
    email_m = _EMAIL.search(value)
    email = email_m.group(0) if email_m else None
    name = value[: email_m.start()] if email_m else value
    name = re.sub(r"(?i)(e-?mail|电子信箱|邮箱|电子邮箱)\s*[:：]?\s*$", "", name.strip())
    name = name.strip(" ,，;；:：()（）")
    return clean(name), email


# ----------------------------------------------------------------------------- self-citations

_CITE_TAIL = re.compile(
    r"\[(?P<code>[A-Z]{1,2})(?:/[A-Z]{2})?\]\s*[.。]\s*(?P<journal>.+?)\s*[,，]\s*(?P<year>[0-9]{4})\s*[,，]\s*"
    r"(?P<volume>[^(:：,，\s]*)\s*(?:\(\s*(?P<issue>[^()]*?)\s*\))?\s*[:：]\s*"
    r"(?P<first>[A-Za-z]?[0-9]+)(?:\s*[-–]\s*(?P<last>[A-Za-z]?[0-9]+))?"
)
_CITE_CODE = re.compile(r"\[[A-Z]{1,2}(?:/[A-Z]{2})?\]")


@dataclass(frozen=True, slots=True)
class CitationTail:
    journal: str
    year: int
    volume: str | None
    issue: str | None
    first_page: str
    last_page: str | None


def looks_like_citation(line: str) -> bool:
    return bool(_CITE_CODE.search(line))


def parse_citation_tail(line: str) -> CitationTail | None:
    """Journal, year, volume, issue and pages of a `...[J/OL]. Journal, 2025, 14(04): 522-527.` line."""
    matches = list(_CITE_TAIL.finditer(line))
    if not matches:
        return None
    m = matches[-1]  # the last match: titles may themselves contain `[...]`
    journal = clean(m.group("journal"))
    if journal is None:
        return None
    return CitationTail(journal, int(m.group("year")), m.group("volume") or None, m.group("issue") or None,
                        m.group("first"), m.group("last"))


# ----------------------------------------------------------------------------- keywords

def split_keywords(value: str) -> list[str]:
    """Semicolons win over commas: English MeSH-style keywords carry commas inside
    (`Carcinoma, hepatocellular; Bone metastasis`)."""
    value = value.strip()
    seps = r"[;；]" if re.search(r"[;；]", value) else r"[,，、]"
    out = []
    for part in re.split(seps, value):
        kw = clean(part.strip().rstrip(".。"))
        if kw:
            out.append(kw)
    return out
