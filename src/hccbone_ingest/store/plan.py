"""What a run has to do: every raw file, its content hash, and whether its fragment exists."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..rawfiles import display_name, entry_problem
from .fragments import fragment_key
from .layout import OutputDir

MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class RawEntry:
    rel: str  # POSIX path relative to the raw root, as text (see `display_name`)
    path: str  # absolute local path (undecodable name bytes kept by surrogateescape)
    size: int
    mtime_ns: int
    sha256: str | None  # None when the file was not read (over the size limit, not a regular file)
    key: str  # fragment key
    cached: bool  # the fragment already exists: nothing to do
    pipeline_version: str = ""
    ctime_ns: int = 0  # with the inode: a rewrite that kept size and mtime still changes these
    ino: int = 0
    problem: str | None = None  # why the entry cannot be read as a file (a FIFO, a dangling link...)

    def signature(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)


@dataclass
class RunPlan:
    raw_dir: str
    out: OutputDir
    pipeline_version: str
    entries: list[RawEntry]
    removed: list[str] = field(default_factory=list)  # in the last manifest, gone from raw/
    unlisted: list[str] = field(default_factory=list)  # folders that could not be listed
    full_refresh: bool = False

    @property
    def todo(self) -> list[RawEntry]:
        return [e for e in self.entries if not e.cached]

    def shards(self, size: int) -> Iterator[list[RawEntry]]:
        todo = self.todo
        for i in range(0, len(todo), max(1, size)):
            yield todo[i : i + size]

    def settle(self, processed: Iterable[RawEntry]) -> None:
        """Take the entries as the shards actually read them (the bytes parsed, the key written)."""
        by_rel = {e.rel: e for e in processed}
        self.entries = [by_rel.get(e.rel, e) for e in self.entries]


def _sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class Discovered:
    files: list[tuple[str, str]]  # (absolute path, relative POSIX display path), sorted by the latter
    unlisted: list[str]  # relative paths of folders that could not be listed


def discover(raw_dir: str) -> Discovered:
    """Every entry under raw/ that is not a folder (dotfiles skipped), and the folders that
    could not be listed: their files are unknown, not gone. Symbolic links to folders are not
    followed (no loops); links to files are kept and checked when read."""
    root = Path(raw_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"raw directory not found: {raw_dir}")
    unlisted: list[str] = []

    def on_error(err: OSError) -> None:
        where = Path(err.filename) if err.filename else root
        rel = where.relative_to(root).as_posix() if where != root else "."
        unlisted.append(display_name(rel))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            found.append((os.path.abspath(p), display_name(p.relative_to(root).as_posix())))
    return Discovered(sorted(found, key=lambda t: t[1]), sorted(unlisted))


def _stat(abspath: str) -> tuple[os.stat_result | None, OSError | None]:
    try:
        return os.stat(abspath), None  # follows a link to a file: its target is what is read
    except OSError as e:
        return None, e


def load_manifest(out: OutputDir) -> dict:
    data = out.read_bytes(out.manifest_path)
    if not data:
        return {}
    try:
        m = orjson.loads(data)
    except orjson.JSONDecodeError:
        return {}  # a manifest is only a cache of hashes: unreadable means start over
    return m if m.get("manifest_version") == MANIFEST_VERSION else {}


def _unchanged(prev: dict | None, st: os.stat_result) -> bool:
    """Trust the recorded hash only when size, mtime, ctime and inode all match. Copy tools
    that keep size and mtime (`cp -p`, `rsync -t`, `tar`, `touch -r`) cannot set ctime, and
    `cp`/`rsync` write a new inode: their rewrites are always seen."""
    return bool(prev and prev.get("sha256")) and (
        prev.get("size"), prev.get("mtime_ns"), prev.get("ctime_ns"), prev.get("ino")
    ) == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def plan_run(raw_dir: str, out: OutputDir, pipeline_version: str, *, full_refresh: bool = False,
             max_bytes: int, verify: bool = False) -> RunPlan:
    """What this run has to do. `full_refresh` ignores every cache; `verify` re-hashes every file
    instead of trusting unchanged file metadata (it then reprocesses only what really changed)."""
    manifest = {} if full_refresh else load_manifest(out)
    known: dict = manifest.get("files", {})
    found = discover(raw_dir)
    entries = []
    for abspath, rel in found.files:
        st, err = _stat(abspath)
        problem = entry_problem(st, err)
        prev = known.get(rel)
        size, mtime, ctime, ino = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if st else (0,) * 4
        sha: str | None = None
        if problem is not None:
            content_id = f"special:{problem}:{mtime}"  # never opened: a FIFO would block the plan
        elif size > max_bytes:
            content_id = f"oversized:{size}:{mtime}"
        elif not verify and st is not None and _unchanged(prev, st):
            sha = prev["sha256"]  # unchanged since the last run: trust the recorded hash
            content_id = sha
        else:
            try:
                sha = _sha256_file(abspath)
                content_id = sha
            except OSError as e:  # unreadable: quarantined with the reason when processed
                content_id = f"unreadable:{size}:{mtime}:{e.errno}"
        key = fragment_key(pipeline_version, rel, content_id)
        cached = not full_refresh and out.exists(out.fragment_path(key))
        entries.append(RawEntry(rel, abspath, size, mtime, sha, key, cached, pipeline_version, ctime, ino,
                                problem))
    present = {e.rel for e in entries}
    hidden = [r for r in known if r not in present and _under(r, found.unlisted)]
    for rel in sorted(hidden):  # in a folder we could not list: keep what was published
        prev = known[rel]
        if out.exists(out.fragment_path(prev["fragment"])):
            entries.append(RawEntry(rel, "", prev.get("size", 0), prev.get("mtime_ns", 0), prev.get("sha256"),
                                    prev["fragment"], True, pipeline_version, prev.get("ctime_ns", 0),
                                    prev.get("ino", 0)))
    entries.sort(key=lambda e: e.rel)
    present = {e.rel for e in entries}
    removed = sorted(r for r in known if r not in present)
    return RunPlan(raw_dir, out, pipeline_version, entries, removed, found.unlisted, full_refresh)


def _under(rel: str, folders: list[str]) -> bool:
    return any(f == "." or rel.startswith(f.rstrip("/") + "/") for f in folders)


def manifest_bytes(plan: RunPlan, version: str, previous: str | None = None) -> bytes:
    """The published state: raw files by hash, their fragments, the snapshot (and the one kept
    from before it for readers still on it)."""
    files = {e.rel: {"sha256": e.sha256, "size": e.size, "mtime_ns": e.mtime_ns, "ctime_ns": e.ctime_ns,
                     "ino": e.ino, "fragment": e.key} for e in plan.entries}
    return orjson.dumps({"manifest_version": MANIFEST_VERSION, "pipeline_version": plan.pipeline_version,
                         "snapshot": version, "previous": previous, "files": files},
                        option=orjson.OPT_SORT_KEYS)
