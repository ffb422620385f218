"""Fragments -> one complete snapshot of every table, published with one atomic switch.

Rows are streamed in sort-key order into fixed-size row groups, so memory stays flat in the
number of documents and the same fragments always give byte-identical Parquet files. The
snapshot's version is a hash of its inputs: republishing unchanged inputs is a no-op.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import posixpath
import shutil
import statistics
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from .. import corpus
from ..card import render_card
from ..corpus import DocMeta
from ..errors import DEDUPE_STAGE
from ..stages import stage
from ..tables import SCHEMA_VERSION, TABLES, sort_rows, to_arrow
from ..terms.glossary import GlossaryBuilder
from . import fragments
from .faults import checkpoint
from .layout import OutputDir
from .lock import RunLock
from .plan import RunPlan, load_manifest, manifest_bytes

# Rows per row group. A table's rows wait in memory until their row group is full, so this
# bounds publishing memory: 50,000 let the wait grow with the corpus up to ~6,000 documents
# (+160 MB peak RSS at 2,000 documents, measured); 20,000 caps it earlier. Readers (pandas,
# DuckDB, datasets) read row groups of any size alike.
ROW_GROUP_SIZE = 20_000
ARROW_CHUNK_ROWS = 500  # dict rows converted to Arrow at a time (measured: 2,000 held ~25 MB more)
MAX_ROWS_PER_FILE = 1_000_000
LOW_CONFIDENCE = 0.5  # alignment beads below this are counted as low-confidence in the summary


@dataclass
class PublishResult:
    version: str
    changed: bool  # False when the inputs were identical to the published snapshot
    documents_per_source: dict[str, int] = field(default_factory=dict)
    rows_per_table: dict[str, int] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)  # source_path, stage, error_type, message
    alignment_scores: dict[str, float] = field(default_factory=dict)
    raw_files: int = 0
    processed_files: int = 0
    removed_files: list[str] = field(default_factory=list)
    unlisted_folders: list[str] = field(default_factory=list)  # could not be listed: outcomes kept

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


class _TableWriter:
    """Collects rows of one table and writes row groups / rolls files at fixed sizes.

    Rows arrive as dicts (a few per document) and are converted to Arrow every
    `ARROW_CHUNK_ROWS` rows, so what waits for a full row group is compact Arrow data, not
    Python objects (a dict row costs 5-10x its Arrow size: at 50,000 rows that was hundreds
    of MB across the tables, growing with the corpus up to that size). A row group is the
    concatenation of those chunks, combined into one contiguous table before it is written,
    so the bytes written do not depend on the chunking.
    """

    def __init__(self, out: OutputDir, snap_dir: str, name: str) -> None:
        self.out, self.name = out, name
        self.dir = posixpath.join(snap_dir, name)
        out.fs.makedirs(self.dir, exist_ok=True)
        self.schema = TABLES[name].schema
        self.rows: list[dict] = []  # not yet converted
        self.chunks: list[pa.Table] = []  # converted, not yet written
        self.pending = 0  # rows in self.chunks
        self.file_no = 0
        self.rows_in_file = 0
        self.total = 0
        self._writer: pq.ParquetWriter | None = None
        self._handle = None

    def _open(self) -> pq.ParquetWriter:
        if self._writer is None:
            path = posixpath.join(self.dir, f"part-{self.file_no:05d}.parquet")
            self._handle = self.out.fs.open(path, "wb")
            self._writer = pq.ParquetWriter(
                self._handle, self.schema, compression="zstd", version="2.6",
                write_statistics=True, use_dictionary=True,
            )
        return self._writer

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ARROW_CHUNK_ROWS:
            self._convert()
        if self.pending >= ROW_GROUP_SIZE:
            self._flush(final=False)

    def _convert(self) -> None:
        if self.rows:
            self.chunks.append(to_arrow(self.name, self.rows))
            self.pending += len(self.rows)
            self.rows = []

    def _flush(self, final: bool) -> None:
        """Write full row groups (and, when final, the rest)."""
        while self.pending >= ROW_GROUP_SIZE or (final and self.pending):
            room = MAX_ROWS_PER_FILE - self.rows_in_file
            n = min(room, ROW_GROUP_SIZE, self.pending)
            table = pa.concat_tables(self.chunks)
            chunk, rest = table.slice(0, n).combine_chunks(), table.slice(n)
            self.chunks = [rest] if rest.num_rows else []
            self.pending -= n
            self._open().write_table(chunk, row_group_size=ROW_GROUP_SIZE)
            self.rows_in_file += n
            self.total += n
            if self.rows_in_file >= MAX_ROWS_PER_FILE:
                self._close_file()
                self.file_no += 1
                self.rows_in_file = 0

    def _close_file(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._handle.close()
            self._writer = self._handle = None

    def close(self) -> int:
        self._convert()
        self._flush(final=True)
        if self.total == 0 and self._writer is None:
            self._open()  # an empty table is still a readable file with the schema
        self._close_file()
        return self.total


def snapshot_version(plan: RunPlan) -> str:
    h = hashlib.sha256(f"schema={SCHEMA_VERSION}\n".encode())
    for e in plan.entries:
        h.update(f"{e.rel}\0{e.key}\n".encode())
    return h.hexdigest()[:16]


def _load_index(plan: RunPlan) -> tuple[list[tuple[DocMeta, str]], list[dict], dict[str, str]]:
    """First pass: the document index and the error rows, without keeping any table rows."""
    docs: list[tuple[DocMeta, str]] = []  # (meta, fragment path)
    errors: list[dict] = []
    sources: dict[str, str] = {}
    for e in plan.entries:
        path = plan.out.fragment_path(e.key)
        data = plan.out.read_bytes(path)
        if data is None:
            raise RuntimeError(f"fragment missing for {e.rel} ({path}); rerun the ingest")
        try:
            frag = fragments.decode(data)
        except (ValueError, KeyError, TypeError) as err:
            raise RuntimeError(f"fragment of {e.rel} is unreadable ({path}: {err}); "
                               "rerun with --full-refresh") from err
        if frag["error"]:
            errors.append(frag["error"])
        else:
            meta = DocMeta(**frag["meta"])
            docs.append((meta, path))
            sources[meta.doc_id] = frag["source"]
    return docs, errors, sources


def _dedupe(docs: list[tuple[DocMeta, str]], errors: list[dict]) -> list[tuple[DocMeta, str]]:
    """One row set per doc_id: the same article saved twice (HTML and text) is kept once."""
    by_id: dict[str, list[tuple[DocMeta, str]]] = defaultdict(list)
    for item in docs:
        by_id[item[0].doc_id].append(item)
    kept = []
    for doc_id in sorted(by_id):
        group = sorted(by_id[doc_id], key=lambda it: it[0].source_path)
        kept.append(group[0])
        for meta, _ in group[1:]:
            errors.append({
                "source_path": meta.source_path, "content_sha256": None, "size_bytes": None,
                "stage": DEDUPE_STAGE, "error_type": "DuplicateDocument",
                "message": f"same document ({doc_id}) as {group[0][0].source_path}, which is kept",
            })
    return kept


def _score_summary(scores: list[float]) -> dict[str, float]:
    if not scores:
        return {}
    qs = statistics.quantiles(scores, n=4) if len(scores) > 1 else [scores[0]] * 3
    return {"count": len(scores), "mean": round(statistics.fmean(scores), 4),
            "min": round(min(scores), 4), "p25": round(qs[0], 4), "median": round(qs[1], 4),
            "p75": round(qs[2], 4), "max": round(max(scores), 4),
            "low_confidence": sum(1 for s in scores if s < LOW_CONFIDENCE)}


def _write_snapshot(out: OutputDir, snap_dir: str, kept: list[tuple[DocMeta, str]],
                    errors: list[dict], result: PublishResult) -> None:
    metas = [m for m, _ in kept]
    dois = corpus.doi_index(metas)
    dup_of = corpus.near_duplicates(metas)
    writers = {name: _TableWriter(out, snap_dir, name) for name in TABLES if name != "errors"}
    scores: list[float] = []
    glossary = GlossaryBuilder()  # corpus-wide, from every document's terms rows
    for _meta, path in kept:  # sorted by doc_id
        frag = fragments.decode(out.read_bytes(path))
        rows = frag["rows"]
        for d in rows["documents"]:
            d["duplicate_of"] = dup_of.get(d["doc_id"])
        for c in rows.get("citations", []):
            c["cited_doc_id"] = dois.get(c["cited_doi_key"])
        scores.extend(a["score"] for a in rows.get("alignments", []))
        glossary.add(rows.get("terms", []))
        for name, w in writers.items():
            table_rows = rows.get(name, [])
            if table_rows:
                w.add(sort_rows(name, table_rows))
    writers["glossary"].add(sort_rows("glossary", glossary.rows()))
    for name, w in writers.items():
        result.rows_per_table[name] = w.close()
        checkpoint("table-written")
    err_writer = _TableWriter(out, snap_dir, "errors")
    err_rows = sort_rows("errors", errors)
    err_writer.add(err_rows)
    result.rows_per_table["errors"] = err_writer.close()
    checkpoint("table-written")
    result.errors = [{k: r[k] for k in ("source_path", "stage", "error_type", "message")} for r in err_rows]
    result.alignment_scores = _score_summary(scores)


def _switch_current(out: OutputDir, version: str) -> None:
    """Point every table at the new snapshot with one atomic operation."""
    if out.is_local:
        link = out.path("_snapshots", "current")
        tmp = f"{link}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        os.symlink(version, tmp)
        os.replace(tmp, link)  # the commit: every <table> link resolves through `current`
        for name in TABLES:
            table_link = out.path(name)
            if os.path.lexists(table_link) and not os.path.islink(table_link):
                raise RuntimeError(f"{table_link} exists and is not a link to a snapshot; move it away")
            _link(posixpath.join("_snapshots", "current", name), table_link)
        # The card too, so that it always describes the tables next to it.
        _link(posixpath.join("_snapshots", "current", "README.md"), out.path("README.md"))
    else:
        # Object stores have neither symlinks nor an atomic rename of a prefix. The commit is
        # the pointer object (one PUT); the <table>/ prefixes are then refreshed file by file
        # for tools that read them directly, so they may mix two runs until this returns.
        # Consistent readers resolve the pointer (OutputDir.table_dir); see docs/operations.md.
        out.write_bytes_atomic(out.path("_snapshots", "current.txt"), version.encode())
        for name in TABLES:
            _mirror(out, posixpath.join(out.snapshot(version), name), out.path(name))
        out.fs.copy(posixpath.join(out.snapshot(version), "README.md"), out.path("README.md"))


def _link(target: str, link: str) -> None:
    """Make `link` a symlink to `target`, atomically, unless it already is one."""
    if os.path.islink(link) and os.readlink(link) == target:
        return
    tmp = f"{link}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _mirror(out: OutputDir, src: str, dest: str) -> None:
    """Make the files under `dest` equal those under `src`: overwrite, then drop extras."""
    fs = out.fs
    wanted = {posixpath.relpath(p, src): p for p in fs.find(src)}
    for rel, p in sorted(wanted.items()):
        target = posixpath.join(dest, rel)
        fs.makedirs(posixpath.dirname(target), exist_ok=True)
        fs.copy(p, target)
    if fs.exists(dest):
        for p in fs.find(dest):
            if posixpath.relpath(p, dest) not in wanted:
                with contextlib.suppress(FileNotFoundError):
                    fs.rm(p)


def _remove(out: OutputDir, path: str) -> None:
    """Remove a file, a directory tree, or a symlink (never what a symlink points to)."""
    if out.is_local:
        if os.path.islink(path) or os.path.isfile(path):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        elif os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            out.fs.rm(path, recursive=True)


def _children(out: OutputDir, path: str) -> list[str]:
    if not out.exists(path):
        return []
    if out.is_local:
        return sorted(os.path.join(path, n) for n in os.listdir(path))
    return sorted(p.rstrip("/") for p in out.fs.ls(path, detail=False))


def _collect_garbage(out: OutputDir, keep_versions: set[str], live_fragments: set[str]) -> None:
    """Remove what no published state refers to: old snapshots, stale fragments, temp files.

    Runs under the lock, after the switch. The previous snapshot is kept so that a reader
    that resolved it just before the switch can finish; it goes at the next publish.
    """
    keep = {*keep_versions, "current", "current.txt"}
    for p in _children(out, out.snapshots):
        if posixpath.basename(p) not in keep:
            _remove(out, p)
            checkpoint("gc-removed")
    for p in _children(out, out.root) + _children(out, out.state):
        if ".tmp-" in posixpath.basename(p):  # a temp file or link left by a killed run
            _remove(out, p)
            checkpoint("gc-removed")
    frag_root = out.path("_state", "fragments")
    for d in _children(out, frag_root):
        for p in _children(out, d):
            name = posixpath.basename(p)
            if not (name.endswith(".json") and name[:-5] in live_fragments):
                _remove(out, p)
                checkpoint("gc-removed")


def publish(plan: RunPlan) -> PublishResult:
    """Build (or reuse) the snapshot for `plan` and make it current. Call with the lock held."""
    with stage("publish"):
        return _publish(plan)


def _publish(plan: RunPlan) -> PublishResult:
    out = plan.out
    version = snapshot_version(plan)
    previous = out.current_version()
    result = PublishResult(version=version, changed=version != previous, raw_files=len(plan.entries),
                           processed_files=len(plan.todo), removed_files=list(plan.removed),
                           unlisted_folders=list(plan.unlisted))
    snap = out.snapshot(version)
    summary_path = posixpath.join(snap, "_summary.json")
    # --full-refresh trusts nothing cached, the published snapshot included.
    existing = out.read_bytes(summary_path) if version == previous and not plan.full_refresh else None
    if existing is not None:
        # Same inputs as the published snapshot: it is complete (it was renamed into place
        # only when whole), so reuse it rather than rewrite what readers are reading.
        saved = orjson.loads(existing)
        for k in ("documents_per_source", "errors", "alignment_scores"):
            setattr(result, k, saved[k])
        # saved with sorted keys: back to the tables' order, as a fresh publish reports them
        rows = saved["rows_per_table"]
        result.rows_per_table = {n: rows[n] for n in TABLES if n in rows}
    else:
        docs, errors, sources = _load_index(plan)
        kept = _dedupe(docs, errors)
        result.documents_per_source = dict(sorted(Counter(sources[m.doc_id] for m, _ in kept).items()))
        tmp = f"{snap}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            _write_snapshot(out, tmp, kept, errors, result)
            card = render_card(version, result.rows_per_table, result.documents_per_source).encode()
            out.write_bytes_atomic(posixpath.join(tmp, "README.md"), card)
            saved = {k: getattr(result, k) for k in
                     ("documents_per_source", "rows_per_table", "errors", "alignment_scores")}
            out.write_bytes_atomic(posixpath.join(tmp, "_summary.json"),
                                   orjson.dumps(saved, option=orjson.OPT_SORT_KEYS))
        except Exception:
            # A failed write (a full disk) must not leave a half snapshot holding the space until
            # a later run sweeps it; the current snapshot is untouched either way.
            _remove(out, tmp)
            raise
        if out.exists(snap):
            _remove(out, snap)  # an older, unreferenced copy of the same version
        out.fs.mv(tmp, snap, recursive=True)  # local: one rename; the snapshot appears whole
        checkpoint("snapshot-renamed")
    _switch_current(out, version)
    checkpoint("current-switched")
    kept = previous if previous != version else None
    out.write_bytes_atomic(out.manifest_path, manifest_bytes(plan, version, kept))
    checkpoint("manifest-written")
    _collect_garbage(out, {version, kept or version}, {e.key for e in plan.entries})
    return result


def sweep(out: OutputDir, lock_wait: float = 0.0) -> bool:
    """Collect garbage outside a run (the maintenance flow), by the rules a publish applies.

    Takes the lock (raises LockBusy if a run holds it). Does nothing, and returns False, when
    the directory holds no published state or a run died between switching and writing the
    manifest: the next ingest completes that one, and guessing here could drop live files.
    """
    if not out.exists(out.manifest_path):
        return False  # not an output directory (yet): create nothing, not even the lock
    with RunLock(out, wait=lock_wait):
        manifest = load_manifest(out)
        current = out.current_version()
        if not manifest or current is None or manifest.get("snapshot") != current:
            return False
        live = {f["fragment"] for f in manifest["files"].values()}
        _collect_garbage(out, {current, manifest.get("previous") or current}, live)
        return True
