"""raw file -> adapter -> typed records -> enrichment, for one file or a shard of files.

Pure library code: the Prefect flow calls `process_files` per shard; tests and benchmarks can
call it directly. A file that fails with a documented `IngestError` becomes an `ErrorRecord`
(quarantine); every other file in the shard is still processed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .decode import DECODER_VERSION
from .enrich import Step, default_steps
from .errors import EmptyInput, IngestError, InputTooLarge, UnreadableInput
from .records import ErrorRecord, ParsedDocument
from .sources.base import RawInput
from .sources.registry import adapter_versions, pick_adapter
from .stages import stage
from .tables import SCHEMA_VERSION
from .validate import VALIDATOR_VERSION, validate_document

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a saved article page is < 2 MB; 20 MB is clearly not one


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one raw file became: a parsed document or a quarantine record."""

    path: str
    sha256: str | None
    doc: ParsedDocument | None = None
    error: ErrorRecord | None = None


def pipeline_version(steps: Sequence[Step] | None = None) -> str:
    """Everything that changes the output of a file: the cache key's code part."""
    steps = default_steps() if steps is None else steps
    parts = [f"hccbone_ingest={__version__}", f"schema={SCHEMA_VERSION}", f"decoder={DECODER_VERSION}",
             f"validator={VALIDATOR_VERSION}"]
    parts += [f"{k}@{v}" for k, v in adapter_versions().items()]
    parts += [s.id() for s in steps]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def read_raw(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise --max-bytes if it "
            "really is one page)"
        )
    if size == 0:
        raise EmptyInput("the file is empty (0 bytes)")
    try:
        data = path.read_bytes()
    except (PermissionError, IsADirectoryError) as e:  # deterministic: retrying cannot help
        raise UnreadableInput(f"the file cannot be read: {e.strerror}") from e
    return RawInput(path=rel, data=data)


def parse_raw(raw: RawInput) -> ParsedDocument:
    """Decode, pick the adapter, parse, stamp the provenance fields every document has, validate.

    Validation is the one gate every published field passes (issue 11): a value that fails its
    validator is nulled and flagged `invalid:<field>:<reason>`; a document left with nothing
    valid raises `NotADocument` (quarantined at stage `validate`).
    """
    adapter = pick_adapter(raw)
    doc = adapter.parse(raw)
    d = doc.document
    d.source_path = raw.path
    d.content_sha256 = raw.sha256
    d.adapter = adapter.id()
    d.encoding = raw.decoded.encoding
    validate_document(doc)
    return doc


def _error(path: str, sha: str | None, size: int | None, err: Exception) -> ErrorRecord:
    stage = err.stage if isinstance(err, IngestError) else "parse"
    msg = err.message if isinstance(err, IngestError) else f"{type(err).__name__}: {err}"
    return ErrorRecord(source_path=path, content_sha256=sha, stage=stage,
                       error_type=type(err).__name__, message=msg, size_bytes=size)


def process_files(
    items: Sequence[tuple[Path, str]],
    *,
    steps: Sequence[Step] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Outcome]:
    """Process a shard: (absolute path, path relative to the raw root) pairs, in order.

    OSError while reading propagates (transient: the flow retries the shard); everything a
    bad file can cause deterministically becomes an `ErrorRecord`.
    """
    steps = default_steps() if steps is None else steps
    outcomes: list[Outcome] = []
    for path, rel in items:
        raw = None
        try:
            with stage("read"):
                raw = read_raw(path, rel, max_bytes)
            with stage("parse"):
                doc = parse_raw(raw)
        except IngestError as e:
            sha = raw.sha256 if raw is not None else None
            size = len(raw.data) if raw is not None else path.stat().st_size
            outcomes.append(Outcome(rel, sha, error=_error(rel, sha, size, e)))
            continue
        except (RecursionError, ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
            # An adapter bug on an odd input must not sink the shard: quarantine with the cause.
            log.exception("adapter crashed on %s", rel)
            outcomes.append(Outcome(rel, raw.sha256, error=_error(rel, raw.sha256, len(raw.data), e)))
            continue
        outcomes.append(Outcome(rel, raw.sha256, doc=doc))
    _enrich(outcomes, steps)
    return outcomes


def _enrich(outcomes: list[Outcome], steps: Sequence[Step]) -> None:
    """Run each step over all documents of the shard; isolate a failing document."""
    for step in steps:
        docs = [o.doc for o in outcomes if o.doc is not None]
        if not docs:
            return
        try:
            with stage(f"enrich:{step.name}"):
                step.run(docs)
        except Exception:
            for i, o in enumerate(outcomes):
                if o.doc is None:
                    continue
                try:
                    step.run([o.doc])
                except Exception as e:
                    log.exception("step %s failed on %s", step.id(), o.path)
                    err = _error(o.path, o.sha256, None, e)
                    err.stage = "enrich"
                    err.message = f"{step.id()}: {err.message}"
                    outcomes[i] = Outcome(o.path, o.sha256, error=err)
