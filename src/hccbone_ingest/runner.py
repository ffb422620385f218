"""Running an ingest without Prefect: the pieces the flow orchestrates, and a plain loop.

`process_shard` is the unit of work the flow fans out (one Prefect task per shard, never per
document or sentence). `run_ingest` does the same work in-process; the benchmark compares the
two to measure orchestration overhead, and tests use it to check the library alone.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .budget import DEFAULT_BUDGET, FileBudget
from .enrich import Step
from .errors import UnwritableValue
from .pipeline import DEFAULT_MAX_BYTES, Outcome, error_record, pipeline_version, process_files
from .stages import stage
from .store import OutputDir, PublishResult, RunLock, RunPlan, plan_run, publish
from .store import fragments as frag
from .store.faults import checkpoint
from .store.fragments import fragment_key
from .store.plan import RawEntry

log = logging.getLogger(__name__)

DEFAULT_SHARD_SIZE = 64


@dataclass
class IngestOptions:
    raw_dir: str = "raw"
    out: str = "processed"
    shard_size: int = DEFAULT_SHARD_SIZE
    full_refresh: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    lock_wait: float = 0.0
    verify: bool = False  # re-hash every raw file instead of trusting unchanged file metadata
    file_budget: FileBudget | None = DEFAULT_BUDGET  # per-file time budget (None: unbounded)


@dataclass
class ShardSummary:
    files: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)  # "path: stage: message"
    entries: list[RawEntry] = field(default_factory=list)  # as read: see `settle_entry`


def settle_entry(entry: RawEntry, outcome: Outcome) -> RawEntry:
    """The entry as the shard actually read it, so that a cached outcome is always keyed by the
    bytes it came from. The plan hashed the file earlier; if it changed since (rewritten, cut,
    replaced), the fragment goes under the key of what was parsed, and the manifest records the
    metadata of that read. An outcome of no bytes at all (vanished, unreadable, kept changing)
    is never cached as the file's content: its key marks it unstable and the next run re-reads."""
    over_budget = outcome.error is not None and outcome.error.error_type == "OverBudget"
    if outcome.read_stat is not None and outcome.sha256 is not None and not over_budget:
        size, mtime, ctime, ino = outcome.read_stat
        if outcome.sha256 == entry.sha256 and (size, mtime, ctime, ino) == entry.signature():
            return entry
        key = fragment_key(entry.pipeline_version, entry.rel, outcome.sha256)
        return dataclasses.replace(entry, sha256=outcome.sha256, key=key, size=size, mtime_ns=mtime,
                                   ctime_ns=ctime, ino=ino)
    if entry.sha256 is None and not over_budget:
        return entry  # planned as unreadable (special file, over the limit): the plan's key says why
    # Not cached as the file's outcome: unreadable this time, or over its time budget (load).
    key = fragment_key(entry.pipeline_version, entry.rel, f"unstable:{outcome.sha256 or entry.sha256}")
    return dataclasses.replace(entry, sha256=None, key=key)


def process_shard(entries: Sequence[RawEntry], out_url: str, max_bytes: int = DEFAULT_MAX_BYTES,
                  steps: Sequence[Step] | None = None,
                  file_budget: FileBudget | None = DEFAULT_BUDGET) -> ShardSummary:
    """Parse and enrich one shard of raw files and write one fragment per file.

    `steps` overrides the enrichment steps (tests of the store pass [] to stay fast).
    """
    out = OutputDir(out_url)
    outcomes = process_files([(Path(e.path), e.rel) for e in entries], max_bytes=max_bytes, steps=steps,
                             file_budget=file_budget)
    summary = ShardSummary(files=len(entries))
    for planned, outcome in zip(entries, outcomes, strict=True):
        entry = settle_entry(planned, outcome)
        summary.entries.append(entry)
        with stage("write_fragments"):
            try:
                data = frag.encode(outcome)
            except UnwritableValue as e:  # this document only: quarantined, the shard goes on
                log.warning("quarantined %s: %s", outcome.path, e.message)
                size = outcome.read_stat[0] if outcome.read_stat else None
                outcome = Outcome(outcome.path, outcome.sha256, read_stat=outcome.read_stat,
                                  error=error_record(outcome.path, outcome.sha256, size, e))
                data = frag.encode(outcome)
            out.write_bytes_atomic(out.fragment_path(entry.key), data)
        checkpoint("fragment-written")
        if outcome.doc is not None:
            summary.documents += 1
        else:
            e = outcome.error
            summary.errors.append(f"{e.source_path}: {e.stage}: {e.message}")
    return summary


def make_plan(opts: IngestOptions) -> RunPlan:
    with stage("plan"):
        return plan_run(opts.raw_dir, OutputDir(opts.out), pipeline_version(),
                        full_refresh=opts.full_refresh, max_bytes=opts.max_bytes, verify=opts.verify)


def run_ingest(opts: IngestOptions, on_shard: Callable[[ShardSummary], None] | None = None,
               steps: Sequence[Step] | None = None) -> PublishResult:
    """The whole ingest in this process, no orchestration: lock, plan, shards, publish."""
    with RunLock(OutputDir(opts.out), wait=opts.lock_wait):
        plan = make_plan(opts)
        for shard in plan.shards(opts.shard_size):
            s = process_shard(shard, opts.out, opts.max_bytes, steps, opts.file_budget)
            plan.settle(s.entries)
            if on_shard:
                on_shard(s)
        return publish(plan)
