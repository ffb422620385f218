"""Enrichment step `references`: parsed references, the citation graph, DOI and self-citation checks.

For each document:
- every `Reference` and `RelatedArticle` gets `.parsed` (GB/T 7714 fields); a reference's
  printed DOI is copied to `Reference.doi` when the adapter left it empty;
- `doc.citations` lists the DOIs the document cites (relation `reference` or
  `related_article`); `cited_doc_id` stays None here and is resolved corpus-wide at publish
  time (`corpus.doi_index`);
- the document's own DOI is normalized (`doi_key`, `doi_valid`); a DOI that encodes ISSN, year
  and issue (CMA: `10.3877/cma.j.issn.2095-3232.2025.04.004`) is checked against the header
  and fills `issn` when the page has none;
- the page's own citation lines (`citation_zh` / `citation_en`, 引用本文) are parsed and
  compared with the header: year, volume, issue, pages, title, journal, authors. The English
  line fills `journal_en` when the page has no other source for it.

Quality flags this step owns (recomputed on every run, so the step stays idempotent):
`doi_invalid`, `doi_year_mismatch`, `doi_issue_mismatch`, `doi_issn_checksum`,
`doi_issn_mismatch`, `self_citation_unparsed:<lang>`, `self_citation_mismatch:<field>`.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import ParseError
from ..records import Citation, Document, ParsedDocument, ParsedRef
from ..refs.doi import check_cma_doi, find_doi, normalize_doi, parse_issn_doi
from ..refs.gbt7714 import parse_reference
from .base import Step

_OWN_FLAG_PREFIXES = ("doi_", "self_citation_")


class ReferencesStep(Step):
    name = "references"
    version = 2  # 2: a DOI the copy is cut inside is not published

    def run(self, docs: list[ParsedDocument]) -> None:
        for doc in docs:
            enrich_document(doc)


def enrich_document(doc: ParsedDocument) -> None:
    """Parse references and related articles, build citations, check the document's DOI."""
    citations: list[Citation] = []
    cut = "truncated:references" in doc.document.quality_flags  # the adapter saw the copy end mid-list
    for i, ref in enumerate(doc.references):
        ref.parsed = _parse(ref.raw, ref.doi)
        last = i == len(doc.references) - 1
        if cut and last and ref.doi is None and ref.parsed.doi and ref.raw.rstrip().endswith(ref.parsed.doi):
            # The copy stops inside this DOI: what is left of it is not the DOI (issue 12 item 7).
            ref.parsed.doi = ref.parsed.doi_key = ref.parsed.doi_valid = None
            ref.parsed.flags.append("doi_cut")
        if ref.doi is None and ref.parsed.doi is not None:
            ref.doi = ref.parsed.doi
        cite = _citation(ref.ref_no, ref.doi, ref.parsed, "reference")
        if cite:
            citations.append(cite)
    for item in doc.related_articles:
        item.parsed = _parse(item.raw, None)
        cite = _citation(item.item_no, item.parsed.doi, item.parsed, "related_article")
        if cite:
            citations.append(cite)
    doc.citations = citations
    _check_document(doc)


def _parse(raw: str, printed_doi: str | None) -> ParsedRef:
    try:
        parsed = parse_reference(raw)
    except ParseError:
        parsed = ParsedRef(flags=["unparseable"])
    if parsed.doi is None and printed_doi:
        # The adapter found a DOI the string parser did not (e.g. from the page's own markup).
        m = find_doi(printed_doi)
        if m is not None:
            parsed.doi, parsed.doi_key, parsed.doi_valid = printed_doi, m.key, m.valid
    return parsed


def _citation(no: int, printed: str | None, parsed: ParsedRef, relation: str) -> Citation | None:
    if not printed:
        return None
    key = parsed.doi_key or normalize_doi(printed)
    if not key:
        return None
    return Citation(ref_no=no, cited_doi=printed, cited_doi_key=key, relation=relation)


# ------------------------------------------------------------------ document checks


def _check_document(doc: ParsedDocument) -> None:
    d = doc.document
    flags = {f for f in d.quality_flags if not f.startswith(_OWN_FLAG_PREFIXES)}
    flags.update(_check_doi(d))
    flags.update(_check_self_citations(doc))
    d.quality_flags = sorted(flags)


def _check_doi(d: Document) -> set[str]:
    flags: set[str] = set()
    if d.doi:
        m = find_doi(d.doi)
        if m is None:
            d.doi_key, d.doi_valid = None, False
        else:
            d.doi_key, d.doi_valid = m.key, m.valid
    if d.doi and not d.doi_valid:
        flags.add("doi_invalid")
    if not d.doi_key:
        return flags
    flags.update(check_cma_doi(d.doi_key, d.year, d.issue))
    parts = parse_issn_doi(d.doi_key)
    if parts is not None:
        if d.issn is None:
            d.issn = parts.issn
            d.provenance["issn"] = "doi"
        elif _issn(d.issn) != parts.issn:
            flags.add("doi_issn_mismatch")
    return flags


def _issn(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip().upper().replace("-", "")
    return f"{s[:4]}-{s[4:]}" if len(s) == 8 else s


def _text_key(s: str | None) -> str:
    """Letters and digits only, NFKC, case-folded: what a title or name means, not its print."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(c for c in s if c.isalnum())


def _num_key(s: str | int | None) -> str:
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", str(s)).strip().lower()
    return (t.lstrip("0") or "0") if t.isdigit() else re.sub(r"\s+", "", t)


def _check_self_citations(doc: ParsedDocument) -> set[str]:
    d = doc.document
    flags: set[str] = set()
    for lang, line in (("zh", d.citation_zh), ("en", d.citation_en)):
        if not line:
            continue
        try:
            p = parse_reference(line)
        except ParseError:
            flags.add(f"self_citation_unparsed:{lang}")
            continue
        if p.type_code is None or p.year is None:
            flags.add(f"self_citation_unparsed:{lang}")
            continue
        if lang == "en" and d.journal_en is None and p.container:
            d.journal_en = p.container
            d.provenance["journal_en"] = "self_citation"
        title = d.title_zh if lang == "zh" else d.title_en
        journal = d.journal_zh if lang == "zh" else d.journal_en
        first = p.pages_first or p.article_no
        pairs = {
            "year": (_num_key(p.year), _num_key(d.year)),
            "volume": (_num_key(p.volume), _num_key(d.volume)),
            "issue": (_num_key(p.issue), _num_key(d.issue)),
            "pages": (_num_key(first) + "-" + _num_key(p.pages_last),
                      _num_key(d.first_page) + "-" + _num_key(d.last_page)),
            "title": (_text_key(p.title), _text_key(title)),
            "journal": (_text_key(p.container), _text_key(journal)),
        }
        for field, (cited, header) in pairs.items():
            if field == "pages":
                if not first or not d.first_page:
                    continue
                if not p.pages_last or not d.last_page:  # compare what both sides print
                    cited, header = _num_key(first), _num_key(d.first_page)
            if cited and header and cited != header:
                flags.add(f"self_citation_mismatch:{field}")
        if _authors_disagree(p, doc, lang):
            flags.add("self_citation_mismatch:authors")
    return flags


def _authors_disagree(p: ParsedRef, doc: ParsedDocument, lang: str) -> bool:
    """The cited author list against the page's author line, by position.

    Only the printed names count: `等` / `et al.` hide the rest, and a page without authors
    in that language has nothing to compare.
    """
    names = [a.name_zh if lang == "zh" else a.name_en for a in sorted(doc.authors, key=lambda a: a.position)]
    header = [_text_key(n) for n in names if n]
    cited = [_text_key(n) for n in p.authors]
    if not header or not cited:
        return False
    if p.et_al:
        return cited != header[: len(cited)]
    return cited != header
