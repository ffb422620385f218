"""Whitespace and character normalization shared by every adapter.

Text copies and saved HTML of the same page must give identical records, so every adapter
cleans strings through these functions and nothing else.
"""

from __future__ import annotations

import re
import unicodedata

# NBSP, narrow NBSP, figure space, ideographic space, and the zero-width family.
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u3000\t\r\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_MULTI = re.compile(r" {2,}")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")


def clean(s: str | None) -> str | None:
    """Collapse every kind of space to one ASCII space, drop zero-width chars, strip.

    Keeps line breaks out: callers that need lines split first. Returns None for None or
    for a string that is empty after cleaning.
    """
    if s is None:
        return None
    s = _ZERO_WIDTH.sub("", s)
    s = _SPACES.sub(" ", s).replace("\n", " ")
    s = _MULTI.sub(" ", s).strip()
    return s or None


def clean_lines(s: str) -> list[str]:
    """Split into cleaned, non-empty lines."""
    out = []
    for line in s.splitlines():
        c = clean(line)
        if c:
            out.append(c)
    return out


def nfkc(s: str) -> str:
    """NFKC: full-width digits/letters/colons to ASCII. Only for matching, never for stored text."""
    return unicodedata.normalize("NFKC", s)


def has_cjk(s: str) -> bool:
    return bool(_CJK_RE.search(s))


def cjk_ratio(s: str) -> float:
    letters = [c for c in s if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _CJK_RE.match(c)) / len(letters)
