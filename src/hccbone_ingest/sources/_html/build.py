"""Merged layers -> the ParsedDocument every journal adapter returns."""

from __future__ import annotations

import re

from ...errors import ParseError
from ...records import Document, ParsedDocument
from ...refs.doi import is_valid_doi, normalize_doi
from .. import _journal_fields as jf
from ..base import RawInput, make_doc_id
from .layer import Merged
from .values import person_of

# CMA DOIs encode ISSN, year and issue (REFERENCE.md §4): `…cma.j.issn.2095-3232.2025.04.004`.
_CMA_DOI = re.compile(r"cma\.j\.issn\.([0-9]{4}-[0-9]{3}[0-9x])\.([0-9]{4})\.([0-9]{2})\.")


def _check_self_citations(m: Merged) -> None:
    """The page's own citation lines give journal_en and cross-check the header fields
    (same checks and flag names as the text adapter)."""
    doc, flags = m.doc, m.flags
    for lang in ("zh", "en"):
        line = doc.get(f"citation_{lang}")
        tail = jf.parse_citation_tail(line) if isinstance(line, str) else None
        if tail is None:
            continue
        origin = m.provenance.get(f"citation_{lang}", "dom")
        key = f"journal_{lang}"
        if doc.get(key) is None:
            doc[key] = tail.journal
            m.provenance[key] = origin
        elif doc[key] != tail.journal:
            flags.append("self_citation_mismatch:journal")
        if doc.get("year") is None:
            for name, v in (("year", tail.year), ("volume", tail.volume), ("issue", tail.issue),
                            ("first_page", tail.first_page), ("last_page", tail.last_page)):
                if v is not None:
                    doc[name] = v
                    m.provenance[name] = origin
            continue
        if tail.year != doc["year"]:
            flags.append("self_citation_mismatch:year")
        if tail.volume and doc.get("volume") and tail.volume != doc["volume"]:
            flags.append("self_citation_mismatch:volume")
        issue = doc.get("issue")
        if tail.issue and isinstance(issue, str) and issue and tail.issue.lstrip("0") != issue.lstrip("0"):
            flags.append("self_citation_mismatch:issue")
        if doc.get("first_page") and tail.first_page != doc["first_page"]:
            flags.append("self_citation_mismatch:pages")


def _check_cma_doi(m: Merged, doi_key: str | None) -> None:
    g = _CMA_DOI.search(doi_key or "")
    if not g:
        return
    doc = m.doc
    if not doc.get("issn"):
        doc["issn"] = g.group(1).upper()
        m.provenance["issn"] = m.provenance.get("doi", "meta")
    year, issue = doc.get("year"), doc.get("issue")
    if isinstance(year, int) and int(g.group(2)) != year:
        m.flags.append("doi_year_mismatch")
    if isinstance(issue, str) and issue.isdigit() and int(g.group(3)) != int(issue):
        m.flags.append("doi_issue_mismatch")


def _check_corresponding(m: Merged) -> None:
    """A `通信作者` value is a person: one of the authors, or (no author list) a name. Titles
    and phone numbers printed after the name are cut; anything else is dropped and flagged."""
    known = {n for a in m.authors for n in (a.name_zh, a.name_en) if n}
    for lang in ("zh", "en"):
        key = f"corresponding_author_{lang}"
        value = m.doc.get(key)
        if not isinstance(value, str):
            continue
        person = person_of(value, lang, known)
        if person is None:
            del m.doc[key]
            m.provenance.pop(key, None)
            m.flags.append(f"rejected:{key}:not_an_author")
        else:
            m.doc[key] = person


def _reconcile_corresponding(m: Merged) -> None:
    """The panel's `通信作者` name and the author line's mail mark describe the same person."""
    _check_corresponding(m)
    doc = m.doc
    names = {doc.get("corresponding_author_zh"), doc.get("corresponding_author_en")} - {None}
    for a in m.authors:
        if names and (a.name_zh in names or a.name_en in names):
            a.is_corresponding = True
    marked = [a for a in m.authors if a.is_corresponding]
    email = doc.get("corresponding_email")
    if email and len(marked) == 1 and marked[0].email is None:
        marked[0].email = str(email)
    if len(m.affiliations) == 1 and m.authors and not any(a.affiliation_ids for a in m.authors):
        for a in m.authors:  # one unlabelled affiliation: every author's, by convention
            a.affiliation_ids = [m.affiliations[0].affiliation_id]
    nos = [r.ref_no for r in m.references]
    if nos and nos != list(range(nos[0], nos[0] + len(nos))):
        m.flags.append("reference_numbering_gap")
    known = {a.affiliation_id for a in m.affiliations}
    if m.affiliations and any(i not in known for a in m.authors for i in a.affiliation_ids):
        m.flags.append("unknown_affiliation_label")


def _truncated_html(text: str) -> bool:
    """A saved page ends with `</html>` (or at least `</body>`); one cut anywhere before does not."""
    tail = text[-4096:].lower().rstrip()
    return "</html>" not in tail and "</body>" not in tail


def build_document(raw: RawInput, m: Merged, *, source: str = "journal",
                   extra_flags: tuple[str, ...] = ()) -> ParsedDocument:
    doc = m.doc
    if not any(doc.get(k) for k in ("title_zh", "title_en", "doi")) and not m.abstracts:
        raise ParseError("no journal article found in the page: no title, DOI or abstract")
    _reconcile_corresponding(m)
    doi = doc.get("doi")
    doi_key = normalize_doi(doi) if isinstance(doi, str) else None
    _check_self_citations(m)
    _check_cma_doi(m, doi_key)
    site_id = doc.get("site_id")
    doc_id = make_doc_id(doi_key=doi_key, site="magtech" if site_id else None,
                         site_id=str(site_id) if site_id else None, raw=raw)
    document = Document(doc_id=doc_id, source=source, doc_type="journal_article", source_path=raw.path,
                        content_sha256=raw.sha256, doi_key=doi_key,
                        doi_valid=is_valid_doi(doi_key) if doi_key else None, **doc)
    if raw.decoded.how.endswith("-lossy"):  # a few bytes were undecodable: U+FFFD in their place
        m.flags.append("decode_replaced_chars")
    if _truncated_html(raw.text):  # a saved page cut short: its lists may be incomplete (issue 12 item 7)
        m.flags.append("truncated:html")
        if m.references:
            m.flags.append("truncated:references")
    document.quality_flags = list(dict.fromkeys([*m.flags, *extra_flags]))
    document.provenance = dict(sorted(m.provenance.items()))
    return ParsedDocument(document=document, authors=m.authors, affiliations=m.affiliations,
                          abstracts=m.abstracts, keywords=m.keywords, references=m.references,
                          related_articles=m.related)
