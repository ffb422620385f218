"""Paths and atomic file operations on the output location (local or fsspec)."""

from __future__ import annotations

import contextlib
import os
import posixpath
import uuid
from dataclasses import dataclass
from functools import cached_property

import fsspec
from fsspec.implementations.local import LocalFileSystem


def normalize_url(url: str) -> str:
    """Local paths become absolute (Dask workers may run elsewhere); URLs are kept as given."""
    if "://" in url or "::" in url:
        return url
    return os.path.abspath(os.path.expanduser(url))


@dataclass(frozen=True)
class OutputDir:
    url: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalize_url(self.url))

    @cached_property
    def _fs_root(self) -> tuple[fsspec.AbstractFileSystem, str]:
        fs, root = fsspec.core.url_to_fs(self.url)
        return fs, root.rstrip("/") or "/"

    @property
    def fs(self) -> fsspec.AbstractFileSystem:
        return self._fs_root[0]

    @property
    def root(self) -> str:
        return self._fs_root[1]

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    # -- state
    @property
    def state(self) -> str:
        return self.path("_state")

    def fragment_path(self, key: str) -> str:
        return self.path("_state", "fragments", key[:2], f"{key}.json")

    @property
    def manifest_path(self) -> str:
        return self.path("_state", "manifest.json")

    # -- snapshots
    @property
    def snapshots(self) -> str:
        return self.path("_snapshots")

    def snapshot(self, version: str) -> str:
        return self.path("_snapshots", version)

    # -- atomic writes
    def write_bytes_atomic(self, path: str, data: bytes) -> None:
        """Write to a temporary name beside the target, then rename over it."""
        parent = posixpath.dirname(path)
        self.fs.makedirs(parent, exist_ok=True)
        tmp = f"{path}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            if self.is_local:
                with open(tmp, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, path)
            else:
                with self.fs.open(tmp, "wb") as f:
                    f.write(data)
                self.fs.mv(tmp, path)
        except BaseException:
            # A full disk (ENOSPC) or an interrupt: leave no temporary file behind (on a full disk
            # it holds the space the next write needs).
            with contextlib.suppress(OSError):
                if self.is_local:
                    os.unlink(tmp)
                else:
                    self.fs.rm(tmp)
            raise

    def read_bytes(self, path: str) -> bytes | None:
        try:
            with self.fs.open(path, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def exists(self, path: str) -> bool:
        return self.fs.exists(path)

    def table_dir(self, table: str, version: str | None = None) -> str:
        """The folder of one table in a snapshot (default: the current one), for consistent reads.

        Resolving the version once and reading every table from it never mixes two runs, even
        while another run publishes (the previous snapshot is kept until the next run).
        """
        version = version or self.current_version()
        if version is None:
            raise FileNotFoundError(f"{self.url} has no published snapshot yet")
        return self.path("_snapshots", version, table)

    def current_version(self) -> str | None:
        """The published snapshot version, or None before the first publish."""
        cur = self.path("_snapshots", "current")
        if self.is_local:
            try:
                return os.readlink(cur)
            except OSError:
                return None
        data = self.read_bytes(cur + ".txt")
        return data.decode().strip() if data else None
