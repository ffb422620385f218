"""What a run has to do: every raw file, its content hash, and whether its fragment exists."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .fragments import fragment_key
from .layout import OutputDir

MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class RawEntry:
    rel: str  # POSIX path relative to the raw root
    path: str  # absolute local path
    size: int
    mtime_ns: int
    sha256: str | None  # None when the file is over the size limit (never read)
    key: str  # fragment key
    cached: bool  # the fragment already exists: nothing to do


@dataclass
class RunPlan:
    raw_dir: str
    out: OutputDir
    pipeline_version: str
    entries: list[RawEntry]
    removed: list[str] = field(default_factory=list)  # in the last manifest, gone from raw/

    @property
    def todo(self) -> list[RawEntry]:
        return [e for e in self.entries if not e.cached]

    def shards(self, size: int) -> Iterator[list[RawEntry]]:
        todo = self.todo
        for i in range(0, len(todo), max(1, size)):
            yield todo[i : i + size]


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def discover(raw_dir: str) -> list[tuple[str, str]]:
    """(absolute path, relative POSIX path) of every raw file, sorted; dotfiles skipped."""
    root = Path(raw_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"raw directory not found: {raw_dir}")
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            found.append((str(p.resolve()), p.relative_to(root).as_posix()))
    return sorted(found, key=lambda t: t[1])


def load_manifest(out: OutputDir) -> dict:
    data = out.read_bytes(out.manifest_path)
    if not data:
        return {}
    try:
        m = orjson.loads(data)
    except orjson.JSONDecodeError:
        return {}  # a manifest is only a cache of hashes: unreadable means start over
    return m if m.get("manifest_version") == MANIFEST_VERSION else {}


def plan_run(raw_dir: str, out: OutputDir, pipeline_version: str, *, full_refresh: bool = False,
             max_bytes: int) -> RunPlan:
    manifest = {} if full_refresh else load_manifest(out)
    known: dict = manifest.get("files", {})
    entries = []
    for abspath, rel in discover(raw_dir):
        st = os.stat(abspath)
        prev = known.get(rel)
        if st.st_size > max_bytes:
            sha = None
            content_id = f"oversized:{st.st_size}:{st.st_mtime_ns}"
        elif prev and prev.get("size") == st.st_size and prev.get("mtime_ns") == st.st_mtime_ns \
                and prev.get("sha256"):
            sha = prev["sha256"]  # unchanged since the last run: trust the recorded hash
            content_id = sha
        else:
            try:
                sha = _sha256_file(abspath)
                content_id = sha
            except PermissionError:  # quarantined when processed (UnreadableInput)
                sha = None
                content_id = f"unreadable:{st.st_size}:{st.st_mtime_ns}:{st.st_mode}"
        key = fragment_key(pipeline_version, rel, content_id)
        cached = not full_refresh and out.exists(out.fragment_path(key))
        entries.append(RawEntry(rel, abspath, st.st_size, st.st_mtime_ns, sha, key, cached))
    present = {e.rel for e in entries}
    removed = sorted(r for r in known if r not in present)
    return RunPlan(raw_dir, out, pipeline_version, entries, removed)


def manifest_bytes(plan: RunPlan, version: str, previous: str | None = None) -> bytes:
    """The published state: raw files by hash, their fragments, the snapshot (and the one kept
    from before it for readers still on it)."""
    files = {e.rel: {"sha256": e.sha256, "size": e.size, "mtime_ns": e.mtime_ns, "fragment": e.key}
             for e in plan.entries}
    return orjson.dumps({"manifest_version": MANIFEST_VERSION, "pipeline_version": plan.pipeline_version,
                         "snapshot": version, "previous": previous, "files": files},
                        option=orjson.OPT_SORT_KEYS)
