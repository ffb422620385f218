"""raw file -> adapter -> typed records -> enrichment, for one file or a shard of files.

Pure library code: the Prefect flow calls `process_files` per shard; tests and benchmarks can
call it directly. A file that fails with a documented `IngestError` becomes an `ErrorRecord`
(quarantine); every other file in the shard is still processed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__, budget
from .decode import DECODER_VERSION
from .enrich import Step, default_steps
from .errors import EmptyInput, IngestError, InputTooLarge, UnreadableInput
from .rawfiles import entry_problem
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
    read_stat: tuple[int, int, int, int] | None = None  # (size, mtime, ctime, inode) of the bytes read


def pipeline_version(steps: Sequence[Step] | None = None) -> str:
    """Everything that changes the output of a file: the cache key's code part."""
    steps = default_steps() if steps is None else steps
    parts = [f"hccbone_ingest={__version__}", f"schema={SCHEMA_VERSION}", f"decoder={DECODER_VERSION}",
             f"validator={VALIDATOR_VERSION}"]
    parts += [f"{k}@{v}" for k, v in adapter_versions().items()]
    parts += [s.id() for s in steps]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


_READ_TRIES = 3
_fstat = os.fstat  # one name to patch in tests that make a file change while it is read


def _signature(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def read_raw(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """The bytes of one raw file, exactly as they were when read, with the file's metadata then.

    Only regular files are opened (a FIFO would block, a device never end). A file that changes
    while it is read is read again; one that keeps changing is quarantined, and the caller must
    not cache that outcome under the content it planned (`RawInput.stat` tells what was read).
    An empty file comes back as empty bytes: the caller decides (see `process_files`).
    """
    try:
        st = os.stat(path)
    except OSError as e:
        raise UnreadableInput(entry_problem(None, e) or str(e)) from e
    problem = entry_problem(st, None)
    if problem is not None:
        raise UnreadableInput(problem)
    if st.st_size > max_bytes:
        raise InputTooLarge(
            f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise --max-bytes if it "
            "really is one page)"
        )
    for _ in range(_READ_TRIES):
        try:
            # O_NONBLOCK: should a FIFO replace the file after the check, open() does not block.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except (PermissionError, IsADirectoryError, FileNotFoundError) as e:  # retrying cannot help
            raise UnreadableInput(f"the file cannot be read: {e.strerror}") from e
        try:
            before = _fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                raise UnreadableInput(entry_problem(before, None) or "not a regular file")
            with os.fdopen(os.dup(fd), "rb") as f:
                data = f.read(max_bytes + 1)
            after = _fstat(fd)
        finally:
            os.close(fd)
        if _signature(before) == _signature(after) and len(data) == after.st_size:
            break
    else:
        raise UnreadableInput(f"the file kept changing while it was read ({_READ_TRIES} tries); "
                              "it is read again on the next run")
    if len(data) > max_bytes:
        raise InputTooLarge(f"file grew over the {max_bytes:,}-byte limit while it was read")
    return RawInput(path=rel, data=data, stat=_signature(after))


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


def _size_or_none(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _error(path: str, sha: str | None, size: int | None, err: Exception) -> ErrorRecord:
    stage = err.stage if isinstance(err, IngestError) else "parse"
    msg = err.message if isinstance(err, IngestError) else f"{type(err).__name__}: {err}"
    return ErrorRecord(source_path=path, content_sha256=sha, stage=stage,
                       error_type=type(err).__name__, message=msg, size_bytes=size)


error_record = _error  # the fragment writer quarantines unwritable documents with it


def process_files(
    items: Sequence[tuple[Path, str]],
    *,
    steps: Sequence[Step] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    file_budget: budget.FileBudget | None = budget.DEFAULT_BUDGET,
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
                if not raw.data:
                    raise EmptyInput("the file is empty (0 bytes)")
            seconds = file_budget.seconds(len(raw.data)) if file_budget else None
            with stage("parse"), budget.file_budget(seconds):
                doc = parse_raw(raw)
                budget.check("parse")  # an adapter may have swallowed the check inside `clean`
        except IngestError as e:
            sha = raw.sha256 if raw is not None else None
            size = len(raw.data) if raw is not None else _size_or_none(path)
            outcomes.append(Outcome(rel, sha, error=_error(rel, sha, size, e),
                                    read_stat=raw.stat if raw is not None else None))
            continue
        except (RecursionError, ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
            # An adapter bug on an odd input must not sink the shard: quarantine with the cause.
            log.exception("adapter crashed on %s", rel)
            outcomes.append(Outcome(rel, raw.sha256, error=_error(rel, raw.sha256, len(raw.data), e),
                                    read_stat=raw.stat))
            continue
        outcomes.append(Outcome(rel, raw.sha256, doc=doc, read_stat=raw.stat))
    _enrich(outcomes, steps, file_budget)
    return outcomes


def _enrich(outcomes: list[Outcome], steps: Sequence[Step],
            file_budget: budget.FileBudget | None = None) -> None:
    """Run each step over all documents of the shard; isolate a failing document.

    With a budget, the shard's step runs under the sum of its files' budgets; if that runs out,
    each document runs alone under its own budget, so only the slow one is quarantined."""
    def seconds(os_: list[Outcome]) -> float | None:
        if file_budget is None:
            return None
        return sum(file_budget.seconds(o.read_stat[0] if o.read_stat else 0) for o in os_)

    for step in steps:
        docs = [o.doc for o in outcomes if o.doc is not None]
        if not docs:
            return
        try:
            with stage(f"enrich:{step.name}"), budget.file_budget(seconds([o for o in outcomes if o.doc])):
                step.run(docs)
                budget.check("enrich")
        except Exception:
            for i, o in enumerate(outcomes):
                if o.doc is None:
                    continue
                try:
                    with budget.file_budget(seconds([o])):
                        step.run([o.doc])
                        budget.check("enrich")
                except Exception as e:
                    if not isinstance(e, budget.OverBudget):
                        log.exception("step %s failed on %s", step.id(), o.path)
                    err = _error(o.path, o.sha256, None, e)
                    err.stage = "enrich"
                    err.message = f"{step.id()}: {err.message}"
                    outcomes[i] = Outcome(o.path, o.sha256, error=err)
