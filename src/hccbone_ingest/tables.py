"""The table contract: one explicit pyarrow schema per table, and records -> rows.

This module is the only place a column is defined. Every column carries its description
(the dataset card is generated from it). `SCHEMA_VERSION` goes into every file's footer
metadata; bump the major part when a column changes meaning or type, the minor part when
columns are added.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyarrow as pa

from .records import ParsedDocument, ParsedRef

SCHEMA_VERSION = "1.2"  # 1.2: terms, glossary
METADATA_KEYS = {b"hccbone.schema_version": SCHEMA_VERSION.encode()}


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={b"description": doc.encode()})


_STR = pa.string()
_INT = pa.int32()
_STRS = pa.list_(pa.string())
_INTS = pa.list_(pa.int32())

DOC_ID = _f("doc_id", _STR, "Stable document id: `doi:<lower-case DOI>`, else `<site>:<site id>`, "
            "else `sha256:<first 16 hex of the raw file>`.", nullable=False)

# Parsed GB/T 7714 fields shared by `references` and `related_articles`.
_PARSED_REF_FIELDS = [
    _f("type_code", _STR, "GB/T 7714 document type code: J journal, M book, C proceedings, D thesis, "
       "R report, S standard, P patent, N newspaper, EB web page, ... (null if none printed)."),
    _f("carrier", _STR, "Carrier code after the slash, e.g. OL (online), CD, MT, DK."),
    _f("authors", _STRS, "Authors in printed order (corporate authors as one name)."),
    _f("et_al", pa.bool_(), "True when the printed author list ends in 等 / et al."),
    _f("title", _STR, "Title of the cited work."),
    _f("container", _STR, "Journal, or the host book / proceedings after `//`."),
    _f("edition", _STR, "Edition statement, e.g. `2版` or `3rd ed`."),
    _f("place", _STR, "Place of publication."),
    _f("publisher", _STR, "Publisher (or degree-granting institution, patent holder)."),
    _f("year", _INT, "Year of publication."),
    _f("volume", _STR, "Volume (may equal the year)."),
    _f("issue", _STR, "Issue, including supplements such as `15_suppl`; for standards, patents and "
       "reports the document number printed after the title (GB/T 25100—2010, CN112345678A), as "
       "BibTeX's `number`."),
    _f("pages_first", _STR, "First page."),
    _f("pages_last", _STR, "Last page."),
    _f("article_no", _STR, "Article number / e-locator printed instead of pages."),
    _f("access_date", _STR, "Citation (access) date as printed inside [ ], ISO when parseable."),
    _f("url", _STR, "URL."),
    _f("doi_key", _STR, "DOI normalized: lower-case, no prefix or trailing punctuation."),
    _f("doi_valid", pa.bool_(), "Whether the DOI matches the Crossref DOI syntax."),
    _f("lang", _STR, "Language of the reference string: zh, en, or other ISO 639-1 code."),
    _f("parse_flags", _STRS, "Parser remarks (empty when clean): no_type_code, guessed_type:J|M, "
       "bilingual_pair, doi_from_url, doi_invalid, no_title, unparsed_segment, extra_type_code, "
       "unparseable; doi_year_mismatch, doi_issue_mismatch, doi_issn_checksum when a DOI that encodes "
       "ISSN/year/issue (CMA) contradicts the entry's own locator."),
]


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    schema: pa.Schema
    sort_keys: tuple[str, ...]  # rows are written in this order: deterministic output


def _schema(*fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata=METADATA_KEYS)


TABLES: dict[str, TableSpec] = {}


def _table(name: str, description: str, sort_keys: tuple[str, ...], *fields: pa.Field) -> None:
    TABLES[name] = TableSpec(name, description, _schema(*fields), sort_keys)


_table(
    "documents", "One row per document (journal article or AI summary).", ("doc_id",),
    DOC_ID,
    _f("source", _STR, "Source kind (the raw/ folder convention): journal, ai_summary.", nullable=False),
    _f("doc_type", _STR, "journal_article or ai_summary.", nullable=False),
    _f("source_path", _STR, "Raw file path relative to the raw root (POSIX).", nullable=False),
    _f("content_sha256", _STR, "SHA-256 of the raw file bytes.", nullable=False),
    _f("adapter", _STR, "The source adapter that parsed the file, `name@version`.", nullable=False),
    _f("encoding", _STR, "How the raw bytes were decoded (codec name)."),
    _f("url", _STR, "Address of the page, when known."),
    _f("site_id", _STR, "The source site's own id for the page (e.g. Dr.Oracle article id)."),
    _f("doi", _STR, "The article's DOI as printed."),
    _f("doi_key", _STR, "The DOI normalized (lower-case, no prefix)."),
    _f("doi_valid", pa.bool_(), "Whether the DOI matches the Crossref DOI syntax."),
    _f("title_zh", _STR, "Chinese title."),
    _f("title_en", _STR, "English title (for AI summaries: the question)."),
    _f("journal_zh", _STR, "Journal name in Chinese."),
    _f("journal_en", _STR, "Journal name in English."),
    _f("issn", _STR, "ISSN (from the page or the CMA DOI)."),
    _f("year", _INT, "Publication year."),
    _f("volume", _STR, "Volume."),
    _f("issue", _STR, "Issue as printed (zero padding kept, e.g. `04`)."),
    _f("first_page", _STR, "First page."),
    _f("last_page", _STR, "Last page."),
    _f("section", _STR, "Journal column / section, e.g. 专家论坛."),
    _f("received_date", pa.date32(), "Received date."),
    _f("revised_date", pa.date32(), "Revised date."),
    _f("accepted_date", pa.date32(), "Accepted date."),
    _f("published_date", pa.date32(), "Published date."),
    _f("updated_date", pa.date32(), "Last-updated date (AI summaries)."),
    _f("corresponding_author_zh", _STR, "Corresponding author, Chinese name."),
    _f("corresponding_author_en", _STR, "Corresponding author, English name."),
    _f("corresponding_email", _STR, "Corresponding author's e-mail."),
    _f("funding_zh", _STR, "Funding statement, Chinese."),
    _f("funding_en", _STR, "Funding statement, English."),
    _f("citation_zh", _STR, "The page's own citation line (引用本文), Chinese."),
    _f("citation_en", _STR, "The page's own citation line, English."),
    _f("review_state", _STR, "AI summaries: review state from the page banner (pending_review, "
       "approved, ...)."),
    _f("disclaimer", _STR, "AI summaries: the page's disclaimer text, once per document."),
    _f("quality_flags", _STRS, "Places where the page contradicts itself or a field failed a "
       "check (e.g. doi_year_mismatch, self_citation_mismatch:volume), and one "
       "`invalid:<field>:<reason>` per value a field validator rejected and left null or dropped "
       "(e.g. invalid:title_en:url, invalid:abstract_zh:copyright, invalid:authors.name_zh:not_a_name). "
       "Empty when clean."),
    _f("provenance", _STR, "JSON object: key field -> where it came from (meta, json, dom, text)."),
    _f("duplicate_of", _STR, "doc_id of the document this one near-duplicates (AI summaries "
       "asking the same question), else null."),
    _f("schema_version", _STR, "Version of the table schemas this row was written with.",
       nullable=False),
)

_table(
    "authors", "Authors in printed order; Chinese and English names paired by position.",
    ("doc_id", "position"),
    DOC_ID,
    _f("position", _INT, "1-based position in the author list.", nullable=False),
    _f("name_zh", _STR, "Name as printed in the Chinese author line."),
    _f("name_en", _STR, "Name as printed in the English author line (not a transliteration)."),
    _f("affiliation_ids", _INTS, "Printed affiliation labels (1-based) of this author."),
    _f("is_corresponding", pa.bool_(), "Marked as corresponding author on the page.", nullable=False),
    _f("email", _STR, "E-mail, when the page gives it."),
)

_table(
    "affiliations", "Affiliations by printed label, Chinese and English paired by label.",
    ("doc_id", "affiliation_id"),
    DOC_ID,
    _f("affiliation_id", _INT, "The printed label (1-based).", nullable=False),
    _f("name_zh", _STR, "Affiliation in Chinese (postcode removed)."),
    _f("name_en", _STR, "Affiliation in English (as printed, postcode kept in the address)."),
    _f("postcode", _STR, "Six-digit Chinese postcode."),
)

_table(
    "abstracts", "Abstract texts, one row per language.", ("doc_id", "lang"),
    DOC_ID,
    _f("lang", _STR, "zh or en.", nullable=False),
    _f("text", _STR, "The abstract as one paragraph (structured-abstract labels kept inline).",
       nullable=False),
)

_table(
    "keywords", "Keywords in printed order, per language.", ("doc_id", "lang", "position"),
    DOC_ID,
    _f("lang", _STR, "zh or en.", nullable=False),
    _f("position", _INT, "1-based position.", nullable=False),
    _f("text", _STR, "The keyword.", nullable=False),
)

_table(
    "references", "The article's reference list, raw string plus parsed GB/T 7714 fields.",
    ("doc_id", "ref_no"),
    DOC_ID,
    _f("ref_no", _INT, "The printed reference number.", nullable=False),
    _f("raw", _STR, "The reference string as printed (line breaks joined).", nullable=False),
    _f("doi", _STR, "DOI as printed in the string."),
    *_PARSED_REF_FIELDS,
    _f("structured_json", _STR, "Structured fields the page itself carried for this reference "
       "(Magtech window.metaData), as JSON; null for text copies."),
)

_table(
    "related_articles", "The page's related-articles list (not references), parsed the same way.",
    ("doc_id", "item_no"),
    DOC_ID,
    _f("item_no", _INT, "The printed item number.", nullable=False),
    _f("raw", _STR, "The item as printed.", nullable=False),
    _f("doi", _STR, "DOI printed in the item, if any."),
    *_PARSED_REF_FIELDS,
)

_table(
    "citations", "Citation graph: document -> cited DOI, resolved to a doc_id inside the corpus.",
    ("doc_id", "relation", "ref_no"),
    DOC_ID,
    _f("ref_no", _INT, "Reference (or related-article item) number.", nullable=False),
    _f("relation", _STR, "reference or related_article.", nullable=False),
    _f("cited_doi", _STR, "The cited DOI as printed.", nullable=False),
    _f("cited_doi_key", _STR, "The cited DOI normalized.", nullable=False),
    _f("cited_doc_id", _STR, "doc_id of the cited work when it is itself in the corpus."),
)

_table(
    "claims", "AI-summary claims in reading order, citation markers split off.",
    ("doc_id", "claim_no"),
    DOC_ID,
    _f("claim_no", _INT, "1-based reading order.", nullable=False),
    _f("section", _STR, "From the Guidelines, From the Research, or the page's topic heading."),
    _f("subsection", _STR, "The sub-heading the claim sits under."),
    _f("kind", _STR, "bullet or sentence (prose).", nullable=False),
    _f("level", _INT, "Nesting level of bullets (0 = top level or prose).", nullable=False),
    _f("parent_claim_no", _INT, "claim_no of the parent bullet for nested bullets."),
    _f("text", _STR, "The claim with citation markers removed.", nullable=False),
    _f("citations", _INTS, "Numbers of the sources the claim cites."),
)

_table(
    "source_references", "AI-summary reference lists (saved HTML only), so claim citations resolve.",
    ("doc_id", "ref_no"),
    DOC_ID,
    _f("ref_no", _INT, "The number the claims cite.", nullable=False),
    _f("title", _STR, "Title."),
    _f("authors", _STR, "Authors as printed."),
    _f("journal", _STR, "Journal."),
    _f("year", _INT, "Year."),
    _f("doi", _STR, "DOI."),
    _f("pmid", _STR, "PubMed id."),
    _f("url", _STR, "Link."),
)

_table(
    "sentences", "Sentences of abstracts, titles and claims, with tokens and character offsets.",
    ("doc_id", "section", "lang", "sent_no"),
    DOC_ID,
    _f("lang", _STR, "zh or en.", nullable=False),
    _f("section", _STR, "abstract, title or claim.", nullable=False),
    _f("sent_no", _INT, "0-based sentence number within (doc_id, section, lang).", nullable=False),
    _f("text", _STR, "The sentence.", nullable=False),
    _f("tokens", _STRS, "Tokens (jieba for Chinese, spaCy for English)."),
    _f("char_start", _INT, "Start offset into the section text (the abstract or title text; the "
       "claim text for claims).", nullable=False),
    _f("char_end", _INT, "End offset (exclusive).", nullable=False),
    _f("label", _STR, "Structured-abstract part: background, objective, methods, results, "
       "conclusions (null for unstructured text)."),
    _f("claim_no", _INT, "For section `claim`: the claim the sentence belongs to; char_start/char_end "
       "are then offsets into that claim's text. Null for other sections."),
)

_table(
    "alignments", "Parallel zh-en sentence pairs (beads) from the abstracts, with confidence.",
    ("doc_id", "section", "pair_no"),
    DOC_ID,
    _f("section", _STR, "Which text was aligned.", nullable=False),
    _f("pair_no", _INT, "0-based bead number in reading order.", nullable=False),
    _f("zh_sent_nos", _INTS, "Chinese sent_no values in the bead (empty for 0-n)."),
    _f("en_sent_nos", _INTS, "English sent_no values in the bead (empty for n-0)."),
    _f("zh_text", _STR, "The Chinese sentences joined."),
    _f("en_text", _STR, "The English sentences joined with spaces."),
    _f("score", pa.float64(), "Confidence in [0, 1], comparable across documents.", nullable=False),
    _f("kind", _STR, "Bead shape, e.g. 1-1, 1-3, 0-1.", nullable=False),
)

_table(
    "terms", "Abbreviation definitions in abstracts and titles, one row per document and definition "
    "(`上皮-间质转化(EMT)`, `肝细胞癌(肝癌)`, `EMT(上皮-间质转化)`, `hepatocellular carcinoma (HCC)`), "
    "with the other language's long form when the document defines the short form on both sides.",
    ("doc_id", "section", "lang", "sent_no", "short_start"),
    DOC_ID,
    _f("section", _STR, "abstract or title.", nullable=False),
    _f("lang", _STR, "Language of the sentence: zh or en.", nullable=False),
    _f("sent_no", _INT, "The sentence (`sentences.sent_no` of this doc_id, section and lang).",
       nullable=False),
    _f("short", _STR, "The short form as printed (EMT, TGF-β1, 肝癌).", nullable=False),
    _f("long", _STR, "The long form as printed (上皮-间质转化, epithelial-mesenchymal transition).",
       nullable=False),
    _f("order", _STR, "long_short: `long (SF)`; short_long: `SF (long)`.", nullable=False),
    _f("short_script", _STR, "latin (EMT, PD-1) or zh (肝癌, 世卫组织).", nullable=False),
    _f("long_start", _INT, "Start offset of the long form in the sentence text.", nullable=False),
    _f("long_end", _INT, "End offset of the long form (exclusive).", nullable=False),
    _f("short_start", _INT, "Start offset of the short form in the sentence text.", nullable=False),
    _f("short_end", _INT, "End offset of the short form (exclusive).", nullable=False),
    _f("bracket_en", _STR, "Chinese definitions only: the English long form printed in the same "
       "bracket (`磁共振成像(magnetic resonance imaging, MRI)`), else null."),
    _f("paired_long", _STR, "The long form the other language of this document gives the same Latin "
       "short form (the English one for a zh row, the Chinese one for an en row); null when unpaired."),
    _f("pair_basis", _STR, "How the pair was found: aligned_pair (both definitions in one aligned "
       "sentence pair), document (each side defines the short form once, elsewhere), bracket (the "
       "Chinese bracket prints the English long form); null when unpaired."),
    _f("pair_nos", _INTS, "`alignments.pair_no` of the aligned pair(s) that hold both definitions "
       "(empty unless pair_basis is aligned_pair)."),
    _f("pair_confidence", pa.float64(), "Confidence of the pairing in [0, 1]: bracket 0.95, "
       "aligned_pair 0.85 + 0.1 x the alignment score, document 0.7; null when unpaired."),
)

_table(
    "glossary", "Corpus-wide bilingual glossary built at publish time from `terms`: one row per short "
    "form and distinct pair of long forms. Conflicts are kept: the same short form with different "
    "long forms (PD = progressive disease / Parkinson's disease) gives separate rows.",
    ("short", "long_zh", "long_en"),
    _f("short", _STR, "The short form (plural `s` of an acronym dropped: TKIs -> TKI; the most "
       "frequent printing otherwise).", nullable=False),
    _f("long_zh", _STR, "Chinese long form; null when only English text defines it."),
    _f("long_en", _STR, "English long form (the most frequent printing among case variants); null "
       "when only Chinese text defines it or a Chinese short form (肝癌) is defined."),
    _f("doc_count", _INT, "Number of documents that define it so (for a pair: that pair it).",
       nullable=False),
    _f("definition_count", _INT, "Number of definitions (terms rows) behind the row.", nullable=False),
    _f("variants", _INT, "How many glossary rows share this short form (1 = no conflict).",
       nullable=False),
    _f("basis", _STR, "Best pairing evidence: aligned_pair, bracket or document; null for a "
       "one-language row."),
    _f("confidence", pa.float64(), "Bilingual rows: 1 - product of (1 - pair_confidence) over the "
       "documents, rounded to 4 places; null for one-language rows."),
    _f("doc_ids", _STRS, "The documents, sorted (at most 50)."),
    _f("evidence", _STR, "JSON list (at most 20, by doc_id) of {doc_id, lang, section, sent_no, "
       "basis, pair_nos}: where the definitions and their pairings are."),
)

# Tables built corpus-wide at publish time, not from one document's rows.
CORPUS_TABLES = ("glossary",)

_table(
    "errors", "Quarantined raw files: one row per file that could not become a document.",
    ("source_path",),
    _f("source_path", _STR, "Raw file path relative to the raw root.", nullable=False),
    _f("content_sha256", _STR, "SHA-256 of the bytes (null when unreadable)."),
    _f("size_bytes", pa.int64(), "File size."),
    _f("stage", _STR, "Where it failed.", nullable=False),
    _f("error_type", _STR, "Error class.", nullable=False),
    _f("message", _STR, "What went wrong, for a person.", nullable=False),
)


# ---------------------------------------------------------------- records -> rows

def _ref_fields(p: ParsedRef | None) -> dict:
    if p is None:
        return {"authors": [], "et_al": None, "parse_flags": []}
    d = dataclasses.asdict(p)
    d.pop("doi")  # the printed DOI is the row's own `doi` column
    d["parse_flags"] = d.pop("flags")
    return d


def _rows(doc_id: str, items: Iterable, extra: Callable[[object], dict] | None = None) -> list[dict]:
    out = []
    for it in items:
        d = dataclasses.asdict(it)
        if extra:
            d.update(extra(it))
        d["doc_id"] = doc_id
        out.append(d)
    return out


def bundle_rows(doc: ParsedDocument) -> dict[str, list[dict]]:
    """All table rows for one parsed document (errors excluded)."""
    did = doc.doc_id
    d = dataclasses.asdict(doc.document)
    d["provenance"] = json.dumps(d["provenance"], ensure_ascii=False, sort_keys=True) \
        if d["provenance"] else None
    d["schema_version"] = SCHEMA_VERSION

    refs = []
    for r in doc.references:
        row = {"doc_id": did, "ref_no": r.ref_no, "raw": r.raw, "doi": r.doi,
               "structured_json": r.structured_json}
        row.update(_ref_fields(r.parsed))
        refs.append(row)
    related = []
    for r in doc.related_articles:
        row = {"doc_id": did, "item_no": r.item_no, "raw": r.raw,
               "doi": r.parsed.doi if r.parsed else None}
        row.update(_ref_fields(r.parsed))
        related.append(row)
    return {
        "documents": [d],
        "authors": _rows(did, doc.authors),
        "affiliations": _rows(did, doc.affiliations),
        "abstracts": _rows(did, doc.abstracts),
        "keywords": _rows(did, doc.keywords),
        "references": refs,
        "related_articles": related,
        "citations": _rows(did, doc.citations),
        "claims": _rows(did, doc.claims),
        "source_references": _rows(did, doc.source_references),
        "sentences": _rows(did, doc.sentences),
        "alignments": _rows(did, doc.alignments),
        "terms": _rows(did, doc.terms),
    }


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows -> an Arrow table with the table's exact schema (unknown keys are an error)."""
    spec = TABLES[name]
    names = set(spec.schema.names)
    for row in rows[:1]:
        extra = set(row) - names
        if extra:
            raise ValueError(f"table {name}: rows carry columns not in the schema: {sorted(extra)}")
    cols = {f.name: [r.get(f.name) for r in rows] for f in spec.schema}
    table = pa.Table.from_pydict(cols, schema=spec.schema)
    for f, col in zip(spec.schema, table.columns, strict=True):
        if not f.nullable and col.null_count:
            raise ValueError(f"table {name}: column {f.name} is required but {col.null_count} rows lack it")
    return table


def sort_rows(name: str, rows: list[dict]) -> list[dict]:
    keys = TABLES[name].sort_keys
    return sorted(rows, key=lambda r: tuple((r.get(k) is not None, r.get(k)) for k in keys))
