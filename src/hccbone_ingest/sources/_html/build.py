"""Merged layers -> the ParsedDocument every journal adapter returns."""

from __future__ import annotations

import re

from ...errors import ParseError
from ...records import Document, ParsedDocument
from ...refs.doi import is_valid_doi, normalize_doi
from ..base import RawInput, make_doc_id
from .layer import Merged

_CMA_ISSN = re.compile(r"issn\.(\d{4}-\d{3}[\dX])", re.IGNORECASE)


def _reconcile_corresponding(m: Merged) -> None:
    """The panel's `通信作者` name and the author line's mail mark describe the same person."""
    doc = m.doc
    names = {doc.get("corresponding_author_zh"), doc.get("corresponding_author_en")} - {None}
    for a in m.authors:
        if names and (a.name_zh in names or a.name_en in names):
            a.is_corresponding = True
    marked = [a for a in m.authors if a.is_corresponding]
    if marked:
        doc.setdefault("corresponding_author_zh", marked[0].name_zh) if marked[0].name_zh else None
        doc.setdefault("corresponding_author_en", marked[0].name_en) if marked[0].name_en else None
        email = next((a.email for a in marked if a.email), None)
        if email:
            doc.setdefault("corresponding_email", email)


def build_document(raw: RawInput, m: Merged, *, source: str = "journal",
                   extra_flags: tuple[str, ...] = ()) -> ParsedDocument:
    doc = m.doc
    if not any(doc.get(k) for k in ("title_zh", "title_en", "doi")) and not m.abstracts:
        raise ParseError("no journal article found in the page: no title, DOI or abstract")
    _reconcile_corresponding(m)
    doi = doc.get("doi")
    doi_key = normalize_doi(doi) if isinstance(doi, str) else None
    if doi_key and not doc.get("issn"):
        issn = _CMA_ISSN.search(doi_key)
        if issn:
            doc["issn"] = issn.group(1).upper()
            m.provenance.setdefault("issn", m.provenance.get("doi", "meta"))
    site_id = doc.get("site_id")
    doc_id = make_doc_id(doi_key=doi_key, site="magtech" if site_id else None,
                         site_id=str(site_id) if site_id else None, raw=raw)
    document = Document(doc_id=doc_id, source=source, doc_type="journal_article", source_path=raw.path,
                        content_sha256=raw.sha256, doi_key=doi_key,
                        doi_valid=is_valid_doi(doi_key) if doi_key else None, **doc)
    document.quality_flags = [*m.flags, *(f for f in extra_flags if f not in m.flags)]
    document.provenance = dict(sorted(m.provenance.items()))
    return ParsedDocument(document=document, authors=m.authors, affiliations=m.affiliations,
                          abstracts=m.abstracts, keywords=m.keywords, references=m.references,
                          related_articles=m.related)
