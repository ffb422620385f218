"""Predicates every validator shares: script counts and the kinds of junk seen in real pages.

Each `junk_reason` check names one thing a field value must never be (a URL, a DOI, a field
label, a banner, page chrome, a date, a journal header line, a citation line). The checks are
explicit patterns taken from real Chinese journal pages (REFERENCE.md §1, issue 11), so a
rejection can always be explained by the reason it returns.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..refs.doi import find_doi
from ..text.normalize import nfkc
from ..vocab import (
    BANNER,
    CHROME_TAIL,
    EMAIL,
    FIELD_LABELS,
    URL,
    LabelMatch,
    is_chrome,
    match_label,
    normalize_label,
)

# Extensions B-H too: rare characters of personal names (`李𠮷`) live there.
CJK_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = re.compile(f"[{CJK_CHARS}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_GREEK = re.compile(r"[\u0370-\u03ff]")


def n_cjk(s: str) -> int:
    return len(_CJK.findall(s))


def n_latin(s: str) -> int:
    return len(_LATIN.findall(s))


def n_letters(s: str) -> int:
    """CJK characters plus letters of any alphabet (Latin, Greek, ...)."""
    return sum(1 for c in s if c.isalpha())


def cjk_share(s: str) -> float:
    """CJK characters / (CJK + Latin + Greek letters): the script of a text, digits ignored."""
    c, lat = n_cjk(s), n_latin(s) + len(_GREEK.findall(s))
    return c / (c + lat) if c + lat else 0.0


# ----------------------------------------------------------------------------- junk patterns

# A label at the start of a value names what the value is; some labels name the junk itself.
_LABEL_REASON = {"copyright": "copyright", "citation_zh": "citation_line", "citation_en": "citation_line",
                 "doi": "doi"}

# `刊名 2020, Vol. 41 Issue (1): 115-119` and the seed's `›› 2025, Vol. 14 ›› Issue (04)`.
JOURNAL_HEADER = re.compile(
    r"(?:19|20)[0-9]{2}\s*[,，]?\s*Vol\.?\s*[0-9A-Za-z]+\s*[,，]?\s*(?:›+|»|>+)?\s*(?:Issue|No\.?)\s*\(?\s*[0-9]"
    r"|››|Vol\.\s*[0-9]+\s*[,，]?\s*(?:Issue|No\.)\s*\(?[0-9]",
    re.IGNORECASE,
)
# `刊名, 2020, 41(1): 115-119` / `2020;41(1):115` and GB/T 7714 type markers `[J]`, `[J/OL]`.
CITATION_LOCATOR = re.compile(
    r"(?:19|20)[0-9]{2}\s*[,，;；]\s*[0-9]{1,4}\s*[(（]\s*[0-9A-Za-z增刊]{1,8}\s*[)）]\s*[:：]\s*[A-Za-z]?[0-9]+"
)
CITATION_MARK = re.compile(r"\[(?:J|M|C|D|R|S|P|N|Z|A|G|EB|DB|CP)(?:/OL|/CD|/MT|/DK)?\]")
# A copyright notice: `版权所有 © 2021 …`, `Copyright © …`, `© 2021 …`, `All rights reserved`.
_COPYRIGHT = re.compile(
    r"©|版权所有|版权归|版权声明|\bCopyright\b|All\s+rights\s+reserved|\(c\)\s*(?:19|20)[0-9]{2}",
    re.IGNORECASE,
)
_COPYRIGHT_HINTS = ("©", "版权", "copyright", "rights reserved", "(c)")


def has_copyright(s: str) -> bool:
    """A copyright notice anywhere in `s` (substring hints first: this runs on every abstract)."""
    low = s.lower()
    return any(h in low for h in _COPYRIGHT_HINTS) and bool(_COPYRIGHT.search(s))


# `[复制中文]`, `[复制英文]`, `[科研立项经费支持]`: bracketed buttons anywhere in a value.
BUTTON = re.compile(r"[\[【][^\]】]{0,12}(?:复制|支持|下载|收藏|分享|导出|打印)[^\]】]{0,12}[\]】]")
# A whole value that is a date (with an optional label or weekday around it).
_DATE = re.compile(
    r"(?:19|20)[0-9]{2}\s*(?:[-/.年]\s*[0-9]{1,2}\s*(?:[-/.月]\s*[0-9]{1,2}\s*日?)?|年)"
    r"|[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*(?:19|20)[0-9]{2}"
    r"|(?:[0-9]{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*"
    r"(?:[0-9]{1,2}\s*,?\s*)?(?:19|20)[0-9]{2}",
    re.IGNORECASE,
)
# Labels are short: matching the head of a long value finds the same label (and its rest stays
# non-empty, so a label "alone on its line" is never made up by the cut).
_LABEL_SPAN = 80
_SEPARATORS = re.compile(r"[\s,，、;；|/·•]+")


def without(pattern: re.Pattern[str], s: str) -> str:
    return pattern.sub(" ", s)


def is_date_only(s: str) -> bool:
    """The value is a date and nothing else worth a field (at most 2 letters left)."""
    if not _DATE.search(s):
        return False
    rest = _DATE.sub(" ", s)
    return n_letters(rest) <= 2


def is_chrome_run(s: str) -> bool:
    """A run of page furniture: `全文 图表 参考文献`, `PDF HTML`, `0`, `展开` (every token chrome)."""
    if is_chrome(s):
        return True
    if len(s) > 120:
        return False  # tab bars and button rows are short
    tokens = [t for t in _SEPARATORS.split(normalize_label(s)) if t]
    return bool(tokens) and all(is_chrome(t) for t in tokens)


_TAIL_EVIDENCE = re.compile(r"[0-9]|PDF|HTML|XML|EPUB|\[", re.IGNORECASE)
_DOI_ORG = re.compile(r"\bdoi\.org/", re.IGNORECASE)
# Any label spelling at the start: one regex instead of match_label's one per field, to skip it.
_ANY_LABEL_START = re.compile(
    r"^\s*(?:[•●▪◦■·]\s*)?[【\[〔]?\s*(?:" + "|".join(s for v in FIELD_LABELS.values() for s in v) + ")",
    re.IGNORECASE,
)


def _match_label(s: str) -> LabelMatch | None:
    head = s[:_LABEL_SPAN]
    return match_label(head) if _ANY_LABEL_START.match(normalize_label(head)) else None


def chrome_tail(s: str) -> bool:
    """A trailing chrome run with evidence (`, PDF, HTML, XML, 下载: 12 浏览: 40`).

    vocab.CHROME_TAIL alone would also take a title ending in `经验分享` or `深度阅读`; a real
    tail carries a file-format button, a counter with digits, or a bracketed button.
    """
    m = CHROME_TAIL.search(s)
    return bool(m and _TAIL_EVIDENCE.search(m.group()))


def label_reason(s: str) -> str | None:
    """`label` (or what the label names: copyright, citation_line, doi) when a label starts `s`."""
    m = _match_label(s)
    if m is None:
        return None
    return _LABEL_REASON.get(m.key, "label")


_DOI_HINT = re.compile(r"10\s*[.．]|１０")


def has_doi(s: str) -> bool:
    return bool(_DOI_HINT.search(s)) and find_doi(nfkc(s)) is not None


@functools.lru_cache(maxsize=8192)
def junk_reason(s: str, *, allow_labels: tuple[str, ...] = ()) -> str | None:
    """The first kind of junk `s` is (or carries), checked in a fixed order; None when clean.

    Used for short fields (titles, names, keywords, journal names); prose has its own rules
    because a real abstract may mention a date or a trial registry address.
    """
    if is_date_only(s):
        return "date"
    if not any(ch.isalpha() for ch in s):
        return "no_text"  # `0`, `-`, `…`
    if is_chrome_run(s):
        return "ui_string"
    if URL.search(s) or _DOI_ORG.search(s):
        return "url"
    if EMAIL.search(s):
        return "email"
    m = _match_label(s)
    if m is not None and m.key not in allow_labels:
        return _LABEL_REASON.get(m.key, "label")
    if has_doi(s):
        return "doi"
    if BANNER.search(s):
        return "banner"
    if BUTTON.search(s) or chrome_tail(s):
        return "ui_string"
    if has_copyright(s):
        return "copyright"
    if JOURNAL_HEADER.search(s):
        return "journal_header"
    if CITATION_MARK.search(s) or CITATION_LOCATOR.search(s):
        return "citation_line"
    return None


def nfkc_casefold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


# Labels that never occur inside a title or an abstract's prose with a colon after them: a value
# holding one has swallowed the next field (`… 作者: 张三`, `… 关键词: 肝癌`, `… Received: 2020-01-05`).
_INLINE_KEYS = ("keywords_zh", "keywords_en", "clc", "doc_code", "article_id", "received", "revised",
                "accepted", "funding_zh", "corresponding_zh", "corresponding_en", "citation_zh",
                "authors_zh", "affiliations_zh", "author_bio", "doi", "article_info", "article_history",
                "copy_editor")
# Matched against the text just before each colon (a label is short), not over the whole value.
_LABEL_BEFORE_COLON = re.compile(
    r"(?:^|(?<=[\s,，.。;；)）\]】\u3400-\u9fff]))(?:"
    + "|".join(s for k in _INLINE_KEYS for s in FIELD_LABELS[k]) + r")\s*$",
    re.IGNORECASE,
)
_COLON = re.compile("[:：]")


def inline_label(s: str) -> bool:
    n = normalize_label(s)
    for m in _COLON.finditer(n):
        start = max(0, m.start() - 40)
        head = n[start:m.start()]
        # keep the character before the window so the lookbehind still sees the boundary
        if _LABEL_BEFORE_COLON.search(n[start - 1:m.start()] if start else head):
            return True
    return False
