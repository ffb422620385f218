"""GB/T 7714 (2015 and 2025 editions) reference strings -> `ParsedRef`.

The grammar, from the standard (numeric system; `//` introduces the host of a contribution):

    journal article  作者. 题名[J]. 刊名, 年, 卷(期): 页码[引用日期]. URL. DOI
    book, thesis ... 作者. 题名: 其他题名信息[M]. 其他责任者. 版本. 出版地: 出版者, 年: 页码. URL
    contribution     作者. 题名[M]//主编. 书名: 卷册. 版本. 出版地: 出版者, 年: 页码.
    standard/patent  责任者. 题名: 标准号/专利号[S/P]. 出版地: 出版者, 年 | 公告日期.
    newspaper        作者. 题名[N]. 报名, 出版日期(版次).
    web page         作者. 题名[EB/OL]. 出版地: 出版者, 年(更新日期)[引用日期]. URL.

The string is cut at its `[TYPE/CARRIER]` code, never at `. ` alone: left of it are the
author statement and the title, right of it the container and locators. DOIs, URLs and the
access date are taken out first. The 2025 edition's full-width punctuation is folded to
ASCII on a same-length view, so values are sliced from the printed string unchanged.
Strings without a type code are parsed best effort and flagged `no_type_code`.

Entry points: `parse_reference(s)`, `parse_reference_pair(s)` (a Chinese reference followed by
its English rendering in one entry), `split_bilingual(s)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ParseError
from ..records import ParsedRef
from ..text.normalize import clean
from . import ref_fields as rf
from .doi import DoiMatch, check_cma_doi, find_dois
from .ref_authors import looks_personal, split_authors
from .ref_text import (
    detect_lang,
    fold,
    glued_periods,
    is_cjk,
    separator_colons,
    separators,
    strip_punct,
)

__all__ = ["MAX_LENGTH", "TYPE_CODES", "parse_reference", "parse_reference_pair", "split_bilingual"]

# GB/T 7714-2015 document types, plus PP (preprint) from the 2025 edition.
TYPE_CODES = frozenset("M C G N J D R S P DB CP EB A CM DS Z PP".split())
CARRIERS = frozenset("OL MT DK CD".split())
MAX_LENGTH = 5000  # a reference is a few hundred characters; beyond this it is not one
_MAX_AUTHORS_LEN = 1000  # longer than any author statement: stop looking (keeps the scan linear)

_CODE = re.compile(r"\[\s*([A-Z]{1,2})\s*(?:/\s*([A-Z]{2}))?\s*\]")
# The list number some pages print in the entry: `[1]`, `［1］`, `【1】`, `(1)`, `（1）`, `1.`,
# `1)`, `1、`. A bare number needs its punctuation and at most 3 digits, so a year (`2022年…`)
# or a name starting with a digit (`3M Company`) is not taken; `1.5 T MRI` keeps its `1.5`.
_REF_NO = re.compile(
    r"^\s*(?:[\[［【]\s*\d{1,4}\s*[\]］】]|[(（]\s*\d{1,3}\s*[)）]|\d{1,3}\s*(?:[.．](?!\d)|[)）、]))\s*"
)
# Schemeless `www.…` and `doi.org/…` links count too.
_URL = re.compile(r"(?:(?:https?|ftp)://|www\.|\b(?:dx\.)?doi\.org/)[^\s\u3000-\u9fff\uff00-\uffef]+",
                  re.IGNORECASE)
_DOI_LABEL = re.compile(r"\bdoi\s*:?\s*$", re.IGNORECASE)
_DOI_LABEL_CUT = re.compile(r"(?:[.,;]\s*)?(?:\bdoi\s*[:：]?\s*)$", re.IGNORECASE)


@dataclass(slots=True)
class _Text:
    """The printed string and its folded view, edited in step (same length always)."""

    s: str
    v: str

    def cut(self, a: int, b: int, repl: str = " ") -> None:
        self.s = self.s[:a] + repl + self.s[b:]
        self.v = self.v[:a] + repl + self.v[b:]


@dataclass(slots=True)
class _Acc:
    """What the parse found so far."""

    ref: ParsedRef = field(default_factory=ParsedRef)
    flags: set[str] = field(default_factory=set)
    pages: str | None = None  # printed page locator, split once the language is known


# ------------------------------------------------------------------------ entry points


def parse_reference(s: str) -> ParsedRef:
    """Parse one reference string. Raises `ParseError` (only) when there is nothing to parse."""
    primary, _ = parse_reference_pair(s)
    return primary


def parse_reference_pair(s: str) -> tuple[ParsedRef, ParsedRef | None]:
    """Parse an entry that may hold a reference and its rendering in another language.

    Returns (primary, other): the first rendering printed, flagged `bilingual_pair` when a
    second one follows, and that second rendering (or None). A DOI or URL printed once at the
    end of the pair belongs to both.
    """
    text = _prepare(s)
    first, second = _split(text)
    primary = _parse_one(first)
    if second is None:
        return primary, None
    other = _parse_one(second)
    for name in ("doi", "doi_key", "doi_valid", "url"):
        if getattr(primary, name) is None and getattr(other, name) is not None:
            setattr(primary, name, getattr(other, name))
        if getattr(other, name) is None and getattr(primary, name) is not None:
            setattr(other, name, getattr(primary, name))
    primary.flags = sorted({*primary.flags, "bilingual_pair"})
    other.flags = sorted({*other.flags, "bilingual_pair"})
    return primary, other


def split_bilingual(s: str) -> tuple[str, str | None]:
    """(first rendering, second rendering or None) of one numbered entry."""
    return _split(_prepare(s))


# ------------------------------------------------------------------------ preparation


def _prepare(s: str) -> str:
    if not isinstance(s, str):
        raise ParseError(f"a reference must be a string, not {type(s).__name__}")
    if len(s) > MAX_LENGTH:
        raise ParseError(f"{len(s):,} characters is too long for one reference (limit {MAX_LENGTH:,})")
    text = clean(s)
    if text:
        text = _REF_NO.sub("", text, count=1)
    if not text or not any(c.isalnum() for c in text):
        raise ParseError("empty reference string")
    return text


def _codes(view: str) -> list[re.Match[str]]:
    return [m for m in _CODE.finditer(view) if m.group(1) in TYPE_CODES
            and (m.group(2) is None or m.group(2) in CARRIERS)]


def _script(s: str) -> str:
    for c in s:
        if is_cjk(c):
            return "cjk"
        if c.isalpha():
            return "latin"
    return ""


def _split(text: str) -> tuple[str, str | None]:
    """Find where a second rendering starts: after a separator that follows the first
    rendering's year, where the script switches (Chinese <-> Latin) and a type code follows."""
    view = fold(text)
    codes = _codes(view)
    if len(codes) < 2:
        return text, None
    c1, c2 = codes[0], codes[1]
    head_script = _script(view[: c1.start()])
    for p in separators(view, c1.end(), c2.start(), original=text):
        left, right = view[: p + 1], view[p + 1 :].lstrip()
        if not re.search(r"\d{4}", view[c1.end() : p]):
            continue
        if re.match(r"(?:doi|https?:|www\.|\[|\d)", right, re.IGNORECASE):
            continue
        if _script(right) and _script(right) != head_script:
            off = len(view) - len(right)
            return text[: len(left)].strip(), text[off:].strip()
    return text, None


# ------------------------------------------------------------------------ one reference


def _parse_one(text: str) -> ParsedRef:
    t = _Text(text, fold(text))
    acc = _Acc()
    _take_doi(t, acc)
    _take_urls(t, acc)
    _take_access_date(t, acc)
    codes = _codes(t.v)
    if len(codes) > 1:
        acc.flags.add("extra_type_code")  # a second entry glued on, not a translation of this one
    if codes:
        code = codes[0]
        acc.ref.type_code = code.group(1)
        acc.ref.carrier = code.group(2)
        _parse_head(t, 0, code.start(), acc)
        _parse_tail(t, code.end(), len(t.v), acc)
    else:
        acc.flags.add("no_type_code")
        _parse_untyped(t, acc)
    r = acc.ref
    if r.title is None:
        acc.flags.add("no_title")
    if r.type_code == "S" and r.year is None:
        r.year = rf.number_year(r.issue)  # `GB/T 12345—2020 题名[S].`: no imprint, the number dates it
    r.lang = detect_lang(r.title or "") or detect_lang(text)
    _finish_pages(acc)
    # A DOI that encodes year and issue (CMA and others) checks the locator for free; a
    # contradiction is a misprint in the entry or a misread locator.
    acc.flags.update(check_cma_doi(r.doi_key, r.year, r.issue) if r.type_code in {"J", None} else [])
    r.flags = sorted(acc.flags)
    return r


def _take_doi(t: _Text, acc: _Acc) -> None:
    found: list[DoiMatch] = find_dois(t.s)
    outside = [m for m in found if not m.in_url]
    chosen = outside[0] if outside else (found[0] if found else None)
    if chosen is None:
        return
    acc.ref.doi, acc.ref.doi_key, acc.ref.doi_valid = chosen.printed, chosen.key, chosen.valid
    if chosen.in_url:
        acc.flags.add("doi_from_url")
    if not chosen.valid:
        acc.flags.add("doi_invalid")
    # Cut every DOI printed outside a URL, with its `DOI:` label, right to left.
    for m in sorted(outside, key=lambda m: m.start, reverse=True):
        label = _DOI_LABEL_CUT.search(t.s[: m.start])
        a, b = (label.start() if label else m.start), m.end
        # `(doi:…)`, `（DOI：…）`, `[DOI: …]`: the brackets go with the DOI, else the locator
        # before them reads `1377-1384 (`.
        m_open = re.search(r"[(\[]\s*$", t.v[:a])
        m_close = re.match(r"\s*[)\]]", t.v[b:])
        if m_open and m_close and {"(": ")", "[": "]"}[m_open.group(0)[0]] == m_close.group(0)[-1]:
            a, b = m_open.start(), b + m_close.end()
        t.cut(a, b, ". ")


def _take_urls(t: _Text, acc: _Acc) -> None:
    found = list(_URL.finditer(t.v))
    for i, m in enumerate(reversed(found)):
        # Trim on the view (a full-width `．` ending the entry is `.` there), slice the print.
        url_v = m.group(0).rstrip(".,;")
        while url_v.endswith(")") and url_v.count(")") > url_v.count("("):
            url_v = url_v[:-1].rstrip(".,;")
        end = m.start() + len(url_v)
        if i == len(found) - 1:
            acc.ref.url = t.s[m.start() : end]
        label = _DOI_LABEL.search(t.v[: m.start()])  # `DOI: https://doi.org/10…`
        t.cut(label.start() if label else m.start(), end, " ")


def _take_access_date(t: _Text, acc: _Acc) -> None:
    m = rf.ACCESS_DATE.search(t.v)
    if m is None:
        return
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        acc.ref.access_date = f"{y:04d}-{mo:02d}-{d:02d}"
    else:
        acc.ref.access_date = t.s[m.start() + 1 : m.end() - 1].strip()
    t.cut(m.start(), m.end(), " ")


# ------------------------------------------------------------------------ head: authors. title


def _split_head(t: _Text, lo: int, hi: int) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """(author span or None, title span) of view[lo:hi].

    The first separator whose left side is a list of personal names wins (titles may hold
    `. `); failing that, a corporate author ends at the last separator (`上级. 下级. 题名`).
    """
    cands = [c for c in separators(t.v, lo, hi, original=t.s) if t.v[c + 1 : hi].strip(" .")]
    cands = [c for c in cands if t.v[lo:c].strip(" .")]
    for c in sorted({*cands, *glued_periods(t.v, lo, hi)}):
        if c - lo > _MAX_AUTHORS_LEN:
            break
        if looks_personal(t.v[lo:c]):
            return (lo, c), (c + 1, hi)
    if not cands:
        return None, (lo, hi)
    c = cands[-1]
    return (lo, c), (c + 1, hi)


def _set_authors(t: _Text, span: tuple[int, int], acc: _Acc) -> None:
    names, et_al = split_authors(t.s[span[0] : span[1]])
    acc.ref.authors = names
    acc.ref.et_al = et_al


def _title_parts(t: _Text, lo: int, hi: int) -> tuple[str | None, str | None]:
    """(title, last other-title segment) with the segment split off only at a real colon."""
    cols = [c for c in separator_colons(t.v, t.s) if lo < c < hi]
    full = _val(t, lo, hi)
    if not cols:
        return full, None
    c = cols[-1]
    return _val(t, lo, c), _val(t, c + 1, hi)


def _val(t: _Text, a: int, b: int) -> str | None:
    v = strip_punct(t.s[a:b], " .,;:，。；：")
    return v or None


def _standard_first(t: _Text, lo: int, hi: int) -> re.Match[str] | None:
    """`GB/T 12345—2020 题名` at view[lo:hi] (leading spaces and periods skipped)."""
    while lo < hi and t.v[lo] in " .\u3000":
        lo += 1
    return rf.STANDARD_FIRST.match(t.v[lo:hi].rstrip(" ."))


def _parse_head(t: _Text, lo: int, hi: int, acc: _Acc) -> None:
    r = acc.ref
    if r.type_code == "S" and (m := _standard_first(t, lo, hi)):
        authors, (ta, tb) = None, (lo, hi)  # no author statement: the number opens the entry
    else:
        authors, (ta, tb) = _split_head(t, lo, hi)
    if authors:
        _set_authors(t, authors, acc)
    if r.type_code == "S" and (m := _standard_first(t, ta, tb)):
        # 标准号 before the title: `issue` (BibTeX's `number`), and its year.
        off = ta + len(t.v[ta:tb]) - len(t.v[ta:tb].lstrip(" .\u3000"))
        r.issue = rf.nfkc(t.s[off + m.start("num"):off + m.end("num")])
        ta = off + m.start("title")
    title = _val(t, ta, tb)
    r.title = title
    if title is None:
        return
    base, last = _title_parts(t, ta, tb)
    if last is not None and base is not None:
        if r.type_code in {"S", "P", "R", "A"} and rf.is_number(last):
            # 标准号 / 专利号 / 报告号: kept in `issue`, as BibTeX's `number`.
            r.title, r.issue = base, rf.nfkc(last)
            return
        if rf.is_volume(last):
            r.title, r.volume = base, rf.volume_value(last)
            return
    if r.type_code not in {"J", "N", "PP", "S", "P"} and (m := rf.VOLUME_IN_TITLE.match(title)):
        # `全集: 第 3 卷 骨科学`: the volume's own title, the main title as its host (the
        # standard's own example gives title 科学思想史, volume 2 for `中国科学技术史: 第 2 卷 科学思想史`).
        r.volume = rf.volume_value(m.group("vol"))
        if m.group("own"):
            r.title = m.group("own").strip()
            r.container = r.container or m.group("main").strip()
        else:
            r.title = m.group("main").strip()


# ------------------------------------------------------------------------ tail


def _segments(t: _Text, lo: int, hi: int) -> list[tuple[int, int]]:
    """Field segments of view[lo:hi] (tail rules), empty ones dropped."""
    cuts = [*separators(t.v, lo, hi, tail=True, original=t.s), hi]
    out, a = [], lo
    for c in cuts:
        if t.v[a:c].strip(" .,;"):
            out.append((a, c))
        a = c + 1
    return out


def _parse_tail(t: _Text, lo: int, hi: int, acc: _Acc) -> None:
    while lo < hi and t.v[lo] in " .,":
        lo += 1
    code = acc.ref.type_code
    if t.v.startswith("//", lo):
        _parse_host(t, lo + 2, hi, acc)
        return
    # A preprint (2025 edition) is located like an article: `bioRxiv, 2024: 2024.01.15.575678`.
    if code in {"J", "PP"} and _serial(t, lo, hi, acc, container_from=lo):
        return
    if code == "N" and _newspaper(t, lo, hi, acc):
        return
    segs = _segments(t, lo, hi)
    k = _publication(t, segs, acc)
    before = segs if k is None else segs[:k]
    after = [] if k is None else segs[k + 1 :]
    for a, b in before:
        seg = t.v[a:b].strip(" .")
        if rf.is_edition(seg):
            acc.ref.edition = _val(t, a, b)
        elif not rf.is_responsibility(seg):
            acc.flags.add("unparsed_segment")
    if after and acc.pages is None and rf.PAGES_ONLY.match(t.v[after[0][0] : after[0][1]].strip(" .")):
        # `北京: 人民卫生出版社, 2018. 12-15.`: pages after a period (2005 edition habit).
        a, b = after.pop(0)
        acc.pages = t.s[a:b].strip(" .")
    if any(not rf.is_note(t.v[a:b]) for a, b in after):
        acc.flags.add("unparsed_segment")


def _parse_host(t: _Text, lo: int, hi: int, acc: _Acc) -> None:
    """`//主编. 书名: 卷册. 版本. 出版地: 出版者, 年: 页码`."""
    segs = _segments(t, lo, hi)
    k = _publication(t, segs, acc)
    before = segs if k is None else segs[:k]
    parts = []
    for a, b in before:
        seg = t.v[a:b].strip(" .")
        if rf.is_edition(seg):
            acc.ref.edition = _val(t, a, b)
        elif not rf.is_responsibility(seg):
            parts.append((a, b))
    if not parts:
        return
    # One part: the host title. More: host editors first, then the host title.
    a, b = parts[-1] if len(parts) == 1 else parts[1]
    base, last = _title_parts(t, a, b)
    if last is not None and base is not None and rf.is_volume(last):
        acc.ref.container, acc.ref.volume = base, acc.ref.volume or rf.volume_value(last)
    else:
        acc.ref.container = _val(t, a, b)
    if len(parts) > 2:
        acc.flags.add("unparsed_segment")


def _serial(t: _Text, lo: int, hi: int, acc: _Acc, *, container_from: int, guess: bool = False) -> bool:
    """`刊名, 年, 卷(期): 页码` ending at a separator; the container may hold `. `.

    When guessing (no type code), a bare `name, year` is not enough (`北京: 科学出版社, 2010`
    is a book's imprint): the locator needs a volume or issue, the name no `place:` colon.
    """
    ends = [*separators(t.v, lo, hi, tail=True, original=t.s), hi]
    for e in ends:
        chunk = t.v[container_from:e]
        for m in re.finditer(r"[,.]", chunk):
            if not chunk[: m.start()].strip(" ."):
                continue
            if m.group(0) == ",":
                loc = rf.SERIAL.match(chunk, m.start())
            else:
                loc = rf.SERIAL_AFTER_PERIOD.match(chunk, m.start())
                if loc is not None and not (loc.group("vol") or loc.group("iss")):
                    loc = None
            if loc is None:
                continue
            if guess and (not (loc.group("vol") or loc.group("iss")) or ":" in chunk[: m.start()]):
                continue
            a = container_from
            acc.ref.container = _val(t, a, a + m.start())
            _set_serial(t, a, loc, acc)
            if any(not rf.is_note(t.v[sa:sb]) for sa, sb in _segments(t, e, hi)):
                acc.flags.add("unparsed_segment")
            return True
    return False


def _set_serial(t: _Text, base: int, m: re.Match[str], acc: _Acc) -> None:
    r = acc.ref
    r.year = rf.plausible_year(m.group("year"))
    if m.group("vol"):
        r.volume = rf.nfkc(t.s[base + m.start("vol") : base + m.end("vol")])
    if m.group("iss") is not None and m.group("iss").strip():
        r.issue = rf.nfkc(t.s[base + m.start("iss") : base + m.end("iss")])
    if r.volume and r.issue is None and (part := rf.split_volume_part(r.volume)):
        r.volume, r.issue = part
    if m.group("pages"):
        acc.pages = t.s[base + m.start("pages") : base + m.end("pages")]


def _newspaper(t: _Text, lo: int, hi: int, acc: _Acc) -> bool:
    chunk = t.v[lo:hi].rstrip(" .")
    m = rf.NEWSPAPER.search(chunk)
    if m is None or not chunk[: m.start()].strip():
        return False
    acc.ref.container = _val(t, lo, lo + m.start())
    acc.ref.year = rf.plausible_year(m.group("year"))
    if m.group("page"):
        acc.pages = t.s[lo + m.start("page") : lo + m.end("page")]
    return True


def _publication(t: _Text, segs: list[tuple[int, int]], acc: _Acc) -> int | None:
    """Index of the publication statement (the last segment shaped like one) and its fields."""
    r = acc.ref
    for k in range(len(segs) - 1, -1, -1):
        a, b = segs[k]
        seg_v = t.v[a:b].strip(" .")
        off = a + (len(t.v[a:b]) - len(t.v[a:b].lstrip(" .")))
        for pattern in (rf.PUBLICATION, rf.YEAR_ONLY, rf.DATE_ONLY):
            m = pattern.match(seg_v)
            if m is None:
                continue
            r.year = rf.plausible_year(m.group("year"))
            groups = m.groupdict()
            if groups.get("place"):
                r.place = rf.nfkc(t.s[off + m.start("place") : off + m.end("place")])
            if groups.get("pub"):
                r.publisher = t.s[off + m.start("pub") : off + m.end("pub")].strip()
            if groups.get("pages"):
                acc.pages = t.s[off + m.start("pages") : off + m.end("pages")]
            if r.place is None and rf.is_cjk_place(r.publisher):
                # `论文集. 上海, 2018`: a place printed without its publisher.
                r.place, r.publisher = r.publisher, None
            return k
    if segs:
        a, b = segs[-1]
        seg_v = t.v[a:b].strip(" .")
        m = rf.PLACE_PUBLISHER.match(seg_v)
        if m:
            off = a + (len(t.v[a:b]) - len(t.v[a:b].lstrip(" .")))
            r.place = rf.nfkc(t.s[off + m.start("place") : off + m.end("place")])
            r.publisher = t.s[off + m.start("pub") : off + m.end("pub")].strip()
            return len(segs) - 1
    return None


# ------------------------------------------------------------------------ no type code


def _parse_untyped(t: _Text, acc: _Acc) -> None:
    """Best effort: a serial locator (GB/T or Vancouver) makes it an article, a publication
    statement a book; what precedes is `authors. title`."""
    segs = _segments(t, 0, len(t.v))
    if not segs:
        return
    # GB/T-style `刊名, 年, 卷(期): 页码` inside one segment; the container is that segment.
    for k in range(len(segs) - 1, 0, -1):
        a, b = segs[k]
        if _serial(t, a, b, acc, container_from=a, guess=True):
            acc.flags.add("guessed_type:J")
            _parse_head(t, segs[0][0], segs[k - 1][1], acc)
            return
    # Vancouver `Journal. 2017;48(4):321-325`: the container is the segment before.
    for k in range(len(segs) - 1, 1, -1):
        a, b = segs[k]
        seg_v = t.v[a:b].strip(" .")
        off = a + (len(t.v[a:b]) - len(t.v[a:b].lstrip(" .")))
        m = rf.VANCOUVER.match(seg_v)
        if m is None:
            continue
        ca, cb = segs[k - 1]
        acc.ref.container = _val(t, ca, cb)
        _set_serial(t, off, m, acc)
        acc.flags.add("guessed_type:J")
        _parse_head(t, segs[0][0], segs[k - 2][1], acc)
        return
    k = _publication(t, segs[1:], acc) if len(segs) > 1 else None
    if k is not None:
        acc.flags.add("guessed_type:M")
        k += 1
        head_end = k
        for j in range(k - 1, 0, -1):
            seg = t.v[segs[j][0] : segs[j][1]].strip(" .")
            if rf.is_edition(seg):
                acc.ref.edition = _val(t, *segs[j])
                head_end = j
            elif rf.is_responsibility(seg):
                head_end = j
            else:
                break
        _parse_head(t, segs[0][0], segs[head_end - 1][1], acc)
        return
    _parse_head(t, 0, len(t.v), acc)


# ------------------------------------------------------------------------ pages


def _finish_pages(acc: _Acc) -> None:
    """Split the page locator now that the language is known (article numbers depend on it)."""
    r = acc.ref
    if not acc.pages:
        return
    serial = r.type_code in {"J", "PP"} or "guessed_type:J" in acc.flags
    p = rf.split_pages(acc.pages, serial=serial, lang=r.lang, year=r.year)
    if r.type_code == "PP" and p.first and not p.last:
        p = rf.Pages(article_no=p.first)  # a preprint's number (`2103.00020`), never a page
    r.pages_first, r.pages_last, r.article_no = p.first, p.last, p.article_no
