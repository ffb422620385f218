"""A minimal adapter for store and registry tests: claims `*.toy` files.

A toy file is `title|doi` on one line; `title|doi|FAIL` raises ParseError. Registered when
this module is imported (tests that need it import it).
"""

from __future__ import annotations

from hccbone_ingest.errors import ParseError
from hccbone_ingest.records import Abstract, Document, ParsedDocument
from hccbone_ingest.refs.doi import normalize_doi
from hccbone_ingest.sources.base import RawInput, SourceAdapter, make_doc_id
from hccbone_ingest.sources.registry import register


@register
class ToyAdapter(SourceAdapter):
    name = "toy"
    version = 1
    source = "toy"

    def can_parse(self, raw: RawInput) -> float:
        return 0.9 if raw.suffix == "toy" else 0.0

    def parse(self, raw: RawInput) -> ParsedDocument:
        parts = raw.text.strip().split("|")
        if len(parts) > 2 and parts[2] == "FAIL":
            raise ParseError("toy file asks to fail")
        title = parts[0]
        doi_key = normalize_doi(parts[1]) if len(parts) > 1 else None
        doc = Document(doc_id=make_doc_id(doi_key=doi_key, raw=raw), source="toy", doc_type="toy",
                       source_path=raw.path, content_sha256=raw.sha256, title_en=title,
                       doi=parts[1] if doi_key else None, doi_key=doi_key)
        return ParsedDocument(doc, abstracts=[Abstract("en", f"About {title}.")])
