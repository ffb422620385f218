"""The documented errors of the library.

Every deterministic failure on a bad input is an `IngestError` carrying the stage it happened
in and a message a person understands; the flow quarantines the file with that message and
never retries it. Anything else (OSError, ...) is a bug or a transient failure.
"""

from __future__ import annotations

# Stages an `errors` row can name that no exception class carries: publishing drops a second
# copy of a document at "dedupe"; an enrichment step's failure is recorded at "enrich".
DEDUPE_STAGE = "dedupe"
ENRICH_STAGE = "enrich"
NOT_QUARANTINE_STAGES = frozenset({"export"})  # errors of commands over published data


class IngestError(Exception):
    stage = "parse"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputTooLarge(IngestError):
    stage = "read"


class EmptyInput(IngestError):
    stage = "read"


class UnreadableInput(IngestError):
    """The file exists but the operating system refuses to read it (permissions, a directory)."""

    stage = "read"


class DecodeError(IngestError):
    stage = "decode"


class UnsupportedInput(IngestError):
    """No adapter claims the file."""

    stage = "detect"


class ParseError(IngestError):
    """An adapter claimed the file but cannot extract a usable document from it."""

    stage = "parse"


class UnwritableValue(IngestError):
    """A parsed document holds a value no encoder can write (a lone surrogate from a `\\ud800`
    JSON escape): the document is quarantined, the run goes on."""

    stage = "write"


class EnrichError(IngestError):
    stage = "enrich"


class ExportError(IngestError):
    """A published output cannot be exported: missing table, unusable filter, bad destination."""

    stage = "export"


class ReadError(ExportError):
    """Published tables cannot be read (`hccbone_ingest.read_table`): unknown table or column, no
    published snapshot, a table the snapshot lacks, unreadable files. An `ExportError`, since the
    exports read through the same code."""


class NotADocument(IngestError):
    """Parsed, but nothing valid is left: no title, no abstract and no references (issue 11).

    Raised by the field validators (`validate.validate_document`) so that a page of junk is
    quarantined with what was missing and what was rejected, never published as a document.
    """

    stage = "validate"


def quarantine_stages() -> list[str]:
    """Every value `errors.stage` can take, from the error classes defined anywhere (import the
    pipeline first, so that every module defining one is loaded): the dataset card lists these."""
    seen: set[str] = {DEDUPE_STAGE, ENRICH_STAGE}
    todo = [IngestError]
    while todo:
        cls = todo.pop()
        seen.add(cls.stage)
        todo.extend(cls.__subclasses__())
    return sorted(seen - NOT_QUARANTINE_STAGES)
