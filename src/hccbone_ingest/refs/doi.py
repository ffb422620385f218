"""DOI finding, normalizing and validating.

API (stable): `find_dois(text) -> list[DoiMatch]`, `find_doi(text) -> DoiMatch | None`,
`normalize_doi(s) -> str | None` (the lower-case key), `is_valid_doi(key) -> bool`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Crossref's recommended pattern, used unanchored; trailing punctuation is trimmed after.
_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")
_VALID = re.compile(r"^10\.\d{4,9}/[-._;()/:a-z0-9<>\[\]]+$")


@dataclass(frozen=True, slots=True)
class DoiMatch:
    printed: str  # as printed (after trimming what is not part of the DOI)
    key: str  # normalized lower-case
    valid: bool
    start: int
    end: int


def _trim(s: str) -> str:
    s = s.rstrip(".,;:")
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].rstrip(".,;:")
    return s


def normalize_doi(s: str | None) -> str | None:
    if not s:
        return None
    s = unicodedata.normalize("NFKC", s).strip()
    m = _DOI.search(s)
    return _trim(m.group(0)).lower() if m else None


def is_valid_doi(key: str | None) -> bool:
    return bool(key) and bool(_VALID.match(key))


def find_dois(text: str) -> list[DoiMatch]:
    out = []
    for m in _DOI.finditer(text):
        printed = _trim(m.group(0))
        key = printed.lower()
        out.append(DoiMatch(printed, key, is_valid_doi(key), m.start(), m.start() + len(printed)))
    return out


def find_doi(text: str) -> DoiMatch | None:
    found = find_dois(text)
    return found[0] if found else None
