"""Typed records: the only thing source adapters and enrichment steps exchange.

Adapters fill a `ParsedDocument`; enrichment steps (sentences, alignment, reference
parsing) add to it; `tables.bundle_rows` turns it into table rows. Field names match the
Parquet column names in `tables.py` so the mapping stays mechanical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    doc_id: str
    source: str  # source kind: "journal", "ai_summary", ...
    doc_type: str  # "journal_article", "ai_summary", ...
    source_path: str  # path relative to the raw root, POSIX separators
    content_sha256: str
    adapter: str = ""  # "name@version" of the adapter that produced it
    url: str | None = None
    site_id: str | None = None  # the source's own id (Magtech article id, Dr.Oracle id)
    doi: str | None = None  # as printed
    doi_key: str | None = None  # normalized, lower-case
    doi_valid: bool | None = None
    title_zh: str | None = None
    title_en: str | None = None
    journal_zh: str | None = None
    journal_en: str | None = None
    issn: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    first_page: str | None = None
    last_page: str | None = None
    section: str | None = None  # the journal column, e.g. 专家论坛
    received_date: dt.date | None = None
    revised_date: dt.date | None = None
    accepted_date: dt.date | None = None
    published_date: dt.date | None = None
    updated_date: dt.date | None = None
    corresponding_author_zh: str | None = None
    corresponding_author_en: str | None = None
    corresponding_email: str | None = None
    funding_zh: str | None = None
    funding_en: str | None = None
    citation_zh: str | None = None  # the page's own "引用本文" line, Chinese
    citation_en: str | None = None  # ... and English
    review_state: str | None = None  # AI summaries: pending_review / approved / ...
    disclaimer: str | None = None
    encoding: str | None = None  # how the raw bytes were decoded
    quality_flags: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)  # field -> where it came from
    duplicate_of: str | None = None  # near-duplicate of another doc_id (set corpus-wide)


@dataclass(slots=True)
class Author:
    position: int  # 1-based, printed order
    name_zh: str | None = None
    name_en: str | None = None
    affiliation_ids: list[int] = field(default_factory=list)  # printed labels, 1-based
    is_corresponding: bool = False
    email: str | None = None


@dataclass(slots=True)
class Affiliation:
    affiliation_id: int  # the printed label
    name_zh: str | None = None
    name_en: str | None = None
    postcode: str | None = None


@dataclass(slots=True)
class Abstract:
    lang: str  # "zh" | "en"
    text: str


@dataclass(slots=True)
class Keyword:
    lang: str
    position: int
    text: str


@dataclass(slots=True)
class ParsedRef:
    """Structured fields of one GB/T 7714 reference string (filled by refs.gbt7714)."""

    type_code: str | None = None
    carrier: str | None = None
    authors: list[str] = field(default_factory=list)
    et_al: bool = False
    title: str | None = None
    container: str | None = None
    edition: str | None = None
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages_first: str | None = None
    pages_last: str | None = None
    article_no: str | None = None
    access_date: str | None = None
    url: str | None = None
    doi: str | None = None  # as printed
    doi_key: str | None = None
    doi_valid: bool | None = None
    lang: str | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "no_type_code", "bilingual_pair"


@dataclass(slots=True)
class Reference:
    ref_no: int
    raw: str
    doi: str | None = None  # as printed in the string
    parsed: ParsedRef | None = None
    structured_json: str | None = None  # structured fields the page itself carried (Magtech JSON)


@dataclass(slots=True)
class RelatedArticle:
    item_no: int
    raw: str
    parsed: ParsedRef | None = None


@dataclass(slots=True)
class Claim:
    claim_no: int  # reading order, 1-based
    section: str | None
    subsection: str | None
    kind: str  # "bullet" | "sentence"
    level: int  # 0 for prose and top-level bullets, 1 for nested, ...
    parent_claim_no: int | None
    text: str  # citation markers removed
    citations: list[int] = field(default_factory=list)


@dataclass(slots=True)
class SourceReference:
    """An entry of an AI summary's own reference list (saved HTML only)."""

    ref_no: int
    title: str | None = None
    authors: str | None = None
    journal: str | None = None
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Sentence:
    lang: str
    section: str  # "abstract", "title", "claim", ...
    sent_no: int  # 0-based within (lang, section)
    text: str
    tokens: list[str]
    char_start: int  # offsets into the section's text
    char_end: int
    label: str | None = None  # structured-abstract part: objective / methods / results / conclusions
    claim_no: int | None = None  # section "claim": the claim it comes from (offsets are into its text)


@dataclass(slots=True)
class Alignment:
    pair_no: int
    zh_sent_nos: list[int]
    en_sent_nos: list[int]
    zh_text: str
    en_text: str
    score: float
    kind: str  # "1-1", "1-3", "0-1", ...
    section: str = "abstract"


@dataclass(slots=True)
class Term:
    """One abbreviation definition in one sentence (enrichment step `terms`)."""

    lang: str  # language of the sentence
    section: str  # abstract | title
    sent_no: int
    short: str
    long: str
    order: str  # long_short | short_long
    short_script: str  # latin | zh
    long_start: int  # offsets into the sentence
    long_end: int
    short_start: int
    short_end: int
    bracket_en: str | None = None  # zh: an English long form printed in the same bracket
    paired_long: str | None = None  # the other language's long form of the same short form
    pair_basis: str | None = None  # bracket | aligned_pair | document
    pair_nos: list[int] = field(default_factory=list)  # alignment pair_no evidence
    pair_confidence: float | None = None


@dataclass(slots=True)
class Citation:
    """A document citing a DOI; cited_doc_id is resolved corpus-wide at publish time."""

    ref_no: int
    cited_doi: str
    cited_doi_key: str
    relation: str = "reference"  # "reference" | "related_article"
    cited_doc_id: str | None = None


@dataclass(slots=True)
class ParsedDocument:
    """Everything extracted from one raw file."""

    document: Document
    authors: list[Author] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    abstracts: list[Abstract] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    related_articles: list[RelatedArticle] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    source_references: list[SourceReference] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def abstract(self, lang: str) -> str | None:
        for a in self.abstracts:
            if a.lang == lang:
                return a.text
        return None


@dataclass(slots=True)
class ErrorRecord:
    """One quarantined raw file: why it could not become a document."""

    source_path: str
    content_sha256: str | None
    stage: str  # read | decode | detect | parse | validate | enrich | write | dedupe (see errors.py)
    error_type: str
    message: str
    size_bytes: int | None = None
