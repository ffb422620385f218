"""The enrichment-step contract: one method over a batch of parsed documents.

Steps run after adapters, in a fixed order, on a whole shard at once so that expensive
models (jieba, spaCy, the sentence encoder) see large batches and load once per process.
A step mutates the documents it is given (adds sentences, alignments, parsed references...)
and must be deterministic and idempotent: it assigns its outputs (doc.sentences = ...),
never appends, because after a batch failure the pipeline re-runs it document by document.
Its `id()` goes into the cache key of every fragment, so bump `version` whenever its output
changes.
"""

from __future__ import annotations

from typing import ClassVar

from ..records import ParsedDocument


class Step:
    name: ClassVar[str] = ""
    version: ClassVar[int] = 1

    @classmethod
    def id(cls) -> str:
        return f"{cls.name}@{cls.version}"

    def run(self, docs: list[ParsedDocument]) -> None:
        raise NotImplementedError
