"""An AI summary's own reference list (saved HTML): list items -> `SourceReference`.

Each item is read from class hints first (`…title…`, `…author…`, `…journal…`, `…year…`),
then from what any citation carries: a DOI (refs.doi), a `PMID:` or a PubMed link, an
absolute link; a Vancouver-style plain string (`Authors. Title. Journal. 2019;…`) fills
what the markup did not say.
"""

from __future__ import annotations

import re

from bs4 import Tag

from ..records import SourceReference
from ..refs.doi import find_doi
from ..text.normalize import clean

_PMID_TEXT = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b", re.I)
_PMID_URL = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})", re.I)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_NUMBER_IN_ID = re.compile(r"(\d{1,4})$")
_LEADING_NO = re.compile(r"^\[?(\d{1,4})[.\])]\s*")


def _class_text(item: Tag, *hints: str) -> str | None:
    for el in item.find_all(True):
        classes = " ".join(el.get("class") or []).lower()
        if any(h in classes for h in hints):
            return clean(el.get_text(" "))
    return None


def _ref_no(item: Tag, position: int) -> int:
    for attr in ("id", "data-ref", "data-index", "data-number", "value"):
        val = item.get(attr)
        if isinstance(val, str):
            m = _NUMBER_IN_ID.search(val.strip())
            if m:
                return int(m.group(1))
    m = _LEADING_NO.match(clean(item.get_text(" ")) or "")
    return int(m.group(1)) if m else position


def _vancouver(text: str) -> tuple[str | None, str | None, str | None]:
    """(authors, title, journal) from `Authors. Title. Journal. 2019;…` (best effort)."""
    parts = [p.strip() for p in re.split(r"(?<=[A-Za-z)\]?])\.\s+(?=[A-Z0-9])", text) if p.strip()]
    if len(parts) < 3:
        return None, parts[0] if parts else None, None
    return parts[0], parts[1].rstrip("."), re.split(r"[.;]\s*(?:19|20)\d{2}", parts[2])[0].rstrip(".")


def parse_reference_item(item: Tag, position: int) -> SourceReference:
    text = clean(item.get_text(" ")) or ""
    text = _LEADING_NO.sub("", text)
    links = [a.get("href") for a in item.find_all("a") if isinstance(a.get("href"), str)]
    absolute = [h for h in links if h.startswith(("http://", "https://"))]
    ref = SourceReference(ref_no=_ref_no(item, position))
    ref.title = _class_text(item, "title")
    if ref.title is None:
        first = item.find(["a", "cite", "strong", "b", "h3", "h4", "h5"])
        ref.title = clean(first.get_text(" ")) if first is not None else None
    ref.authors = _class_text(item, "author")
    ref.journal = _class_text(item, "journal", "venue", "publication", "source")
    year_text = _class_text(item, "year", "date") or ""
    if not (ref.title or ref.authors or ref.journal):
        ref.authors, ref.title, ref.journal = _vancouver(text)
    m = _YEAR.search(year_text) or _YEAR.search(text.replace(ref.title or "", ""))
    ref.year = int(m.group(1)) if m else None
    doi = find_doi(text) or next((d for d in (find_doi(h) for h in links) if d), None)
    ref.doi = doi.printed if doi else None
    m = _PMID_TEXT.search(text)
    if m:
        ref.pmid = m.group(1)
    else:
        um = next((u for u in (_PMID_URL.search(h) for h in links) if u), None)
        ref.pmid = (um.group(1) or um.group(2)) if um else None
    ref.url = absolute[0] if absolute else None
    return ref
