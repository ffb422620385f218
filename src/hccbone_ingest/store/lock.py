"""One run per output directory: an exclusive lock, released by the kernel if the run dies.

Local outputs use flock(2), so a SIGKILLed run never leaves a stale lock. Remote (fsspec)
outputs cannot be flocked; there the lock is a marker file created exclusively (mode "xb"),
and a marker is considered abandoned when its holder was a process of this host that no
longer exists, or when it is older than `stale_after` seconds. That is weaker than flock:
object stores that do not honour exclusive creation can let two runs in (docs/operations.md).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import time

from .layout import OutputDir


class LockBusy(RuntimeError):
    pass


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _abandoned(info: bytes, mtime: float, stale_after: float) -> bool:
    try:
        holder = json.loads(info)
        same_host = holder["host"] == socket.gethostname()
        pid = int(holder["pid"])
    except (ValueError, KeyError, TypeError):
        same_host, pid = False, 0
    if same_host and pid and not _pid_alive(pid):
        return True
    return time.time() - mtime > stale_after


class RunLock:
    """`with RunLock(out, wait=...)`: hold the output for one run, or raise `LockBusy`."""

    def __init__(self, out: OutputDir, wait: float = 0.0, stale_after: float = 6 * 3600) -> None:
        self.out = out
        self.wait = wait
        self.stale_after = stale_after
        self._fd: int | None = None
        self._marker: str | None = None

    def _busy(self, holder_json: bytes) -> LockBusy:
        try:
            info = json.loads(holder_json)
            holder = f"pid {info['pid']} on {info['host']}, since {info['since']}"
        except (ValueError, KeyError, TypeError):
            holder = "holder unknown"
        return LockBusy(
            f"{self.out.url} is being written by another ingest run ({holder}); this run stops "
            "without touching it. Retry when it has finished, or pass --lock-wait SECONDS to wait for it."
        )

    def __enter__(self) -> RunLock:
        self.out.fs.makedirs(self.out.state, exist_ok=True)
        me = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                         "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}).encode()
        deadline = time.monotonic() + self.wait
        if self.out.is_local:
            self._fd = self._flock(deadline)
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, me, 0)
        else:
            self._marker = self._create_marker(me, deadline)
        return self

    def _flock(self, deadline: float) -> int:
        fd = os.open(self.out.path("_state", "lock"), os.O_RDWR | os.O_CREAT, 0o644)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    err = self._busy(os.pread(fd, 4096, 0))
                    os.close(fd)
                    raise err from None
                time.sleep(0.2)

    def _create_marker(self, me: bytes, deadline: float) -> str:
        marker = self.out.path("_state", "lock.json")
        while True:
            try:
                with self.out.fs.open(marker, "xb") as f:
                    f.write(me)
                return marker
            except FileExistsError:
                info = self.out.read_bytes(marker)
                if info is None:
                    continue  # released between our attempt and the read
                try:
                    mtime = self.out.fs.modified(marker).timestamp()
                except (FileNotFoundError, NotImplementedError):
                    mtime = time.time()
                if _abandoned(info, mtime, self.stale_after):
                    with contextlib.suppress(FileNotFoundError):
                        self.out.fs.rm(marker)
                    continue
                if time.monotonic() >= deadline:
                    raise self._busy(info) from None
                time.sleep(0.5)

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        if self._marker is not None:
            with contextlib.suppress(FileNotFoundError):
                self.out.fs.rm(self._marker)
            self._marker = None
