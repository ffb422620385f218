"""Bibliographic scalars: DOI, ISSN, journal name, year/volume/issue/pages, dates, e-mail, URL,
and the short statements of a document (section, funding, its own citation line).
"""

from __future__ import annotations

import datetime as dt
import re

from ..refs.doi import is_valid_doi, issn_checksum_ok, normalize_doi
from ..text.normalize import nfkc
from ..vocab import EMAIL, URL
from .common import cjk_share, has_copyright, is_chrome_run, junk_reason, label_reason, n_cjk, n_latin

FIRST_YEAR = 1900


def last_year() -> int:
    """The latest plausible publication year: next year (issues are dated ahead)."""
    return dt.date.today().year + 1


def doi_reason(s: str) -> str | None:
    return None if is_valid_doi(normalize_doi(s)) else "invalid_doi"


def issn_reason(s: str) -> str | None:
    t = nfkc(s).strip().upper()
    if not re.fullmatch(r"[0-9]{4}-?[0-9]{3}[0-9X]", t):
        return "bad_format"
    return None if issn_checksum_ok(t if "-" in t else f"{t[:4]}-{t[4:]}") else "bad_checksum"


def year_reason(y: int) -> str | None:
    return None if FIRST_YEAR <= y <= last_year() else "out_of_range"


def volume_reason(s: str) -> str | None:
    t = nfkc(s).strip()
    return None if re.fullmatch(r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?", t) else "bad_format"


_ISSUE = re.compile(
    r"(?:增刊|[Ss]uppl?(?:ement)?\.?\s*|[SsZz])?\s*[0-9]{1,4}(?:\s*[-/–]\s*[0-9]{1,4})?(?:_?suppl[0-9]*)?"
    r"|增刊|[Ss]uppl(?:ement)?\.?"
)


def issue_reason(s: str) -> str | None:
    return None if _ISSUE.fullmatch(nfkc(s).strip()) else "bad_format"


_PAGE = re.compile(r"[A-Za-z]{0,2}[0-9]{1,6}[A-Za-z]?")


def page_reason(s: str) -> str | None:
    return None if _PAGE.fullmatch(nfkc(s).strip()) else "bad_format"


def page_range_ok(first: str, last: str) -> bool:
    """last >= first when both are plain numbers with the same prefix (`S12`-`S20`, `522`-`527`)."""
    a = re.fullmatch(r"([A-Za-z]*)([0-9]+)", nfkc(first).strip())
    b = re.fullmatch(r"([A-Za-z]*)([0-9]+)", nfkc(last).strip())
    if not (a and b) or a.group(1).lower() != b.group(1).lower():
        return True
    return int(b.group(2)) >= int(a.group(2))


def date_reason(d: dt.date) -> str | None:
    return None if dt.date(FIRST_YEAR, 1, 1) <= d <= dt.date(last_year(), 12, 31) else "bad_date"


def email_reason(s: str) -> str | None:
    return None if EMAIL.fullmatch(s.strip()) else "email"


def url_reason(s: str) -> str | None:
    return None if URL.fullmatch(s.strip()) and " " not in s.strip() else "url"


def journal_reason(s: str, lang: str) -> str | None:
    s = s.strip()
    j = junk_reason(s)
    if j:
        return j
    if lang == "zh":
        if n_cjk(s) < 2:
            return "wrong_script" if n_cjk(s) == 0 else "too_short"
        if len(s) > 60:
            return "too_long"
    else:
        if n_latin(s) < 3 or (n_cjk(s) and cjk_share(s) > 0.1):
            return "wrong_script"
        if len(s) > 200:
            return "too_long"
    if re.search(r"[。！？]", s):
        return "not_a_journal"
    return None


def section_reason(s: str) -> str | None:
    """The journal column (`专家论坛`, `Original Article`): a short heading."""
    s = s.strip()
    j = junk_reason(s)
    if j:
        return j
    if len(s) > 40:
        return "too_long"
    if re.search(r"[。！？]", s):
        return "not_a_heading"
    return None


def statement_reason(s: str, lang: str) -> str | None:
    """Funding statements: text in its language, not chrome, copyright or another field's label."""
    s = s.strip()
    if not s or not any(c.isalpha() for c in s):
        return "no_text"
    if is_chrome_run(s):
        return "ui_string"
    if has_copyright(s):
        return "copyright"
    lab = label_reason(s)
    if lab:
        return lab
    if lang == "zh" and n_cjk(s) == 0:
        return "wrong_script"
    if lang == "en" and (n_latin(s) == 0 or (n_cjk(s) and cjk_share(s) > 0.1)):
        return "wrong_script"
    if len(s) > 2000:
        return "too_long"
    return None


def citation_reason(s: str, lang: str) -> str | None:
    """The page's own citation line (引用本文): a reference string with a year, in its language."""
    s = s.strip()
    if not s or is_chrome_run(s):
        return "ui_string"
    if has_copyright(s):
        return "copyright"
    if not re.search(r"(?:19|20)[0-9]{2}", s) or len(s) < 20:
        return "not_a_citation"
    if len(s) > 2000:
        return "too_long"
    if lang == "zh" and n_cjk(s) == 0:
        return "wrong_script"
    if lang == "en" and n_cjk(s) and cjk_share(s) > 0.1:
        return "wrong_script"
    return None
