"""One run per output directory: an exclusive lock, released by the kernel if the run dies.

Local outputs use flock(2), so a SIGKILLed run never leaves a stale lock. Remote (fsspec)
outputs cannot be flocked; there the lock is a marker file created exclusively, and a marker
older than `stale_after` seconds is considered abandoned.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time

from .layout import OutputDir


class LockBusy(RuntimeError):
    pass


class RunLock:
    def __init__(self, out: OutputDir, wait: float = 0.0, stale_after: float = 6 * 3600) -> None:
        self.out = out
        self.wait = wait
        self.stale_after = stale_after
        self._fd: int | None = None
        self._marker: str | None = None

    def _holder(self, text: str) -> str:
        try:
            info = json.loads(text)
            return f"pid {info['pid']} on {info['host']}, since {info['since']}"
        except (ValueError, KeyError):
            return "another run"

    def __enter__(self) -> RunLock:
        self.out.fs.makedirs(self.out.state, exist_ok=True)
        me = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                         "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        deadline = time.monotonic() + self.wait
        if self.out.is_local:
            path = self.out.path("_state", "lock")
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        holder = self._holder(os.pread(fd, 4096, 0).decode(errors="replace"))
                        os.close(fd)
                        raise LockBusy(
                            f"{self.out.url} is being written by another ingest run ({holder}); "
                            "this run stops without touching it. Retry when it has finished, or "
                            "pass --lock-wait SECONDS to wait for it."
                        ) from None
                    time.sleep(0.2)
            os.ftruncate(fd, 0)
            os.pwrite(fd, me.encode(), 0)
            self._fd = fd
            return self
        marker = self.out.path("_state", "lock.json")
        while True:
            try:
                with self.out.fs.open(marker, "xb") as f:
                    f.write(me.encode())
                self._marker = marker
                return self
            except FileExistsError:
                info = self.out.read_bytes(marker) or b"{}"
                mtime = self.out.fs.modified(marker).timestamp() if self.out.exists(marker) else 0
                if time.time() - mtime > self.stale_after:
                    self.out.fs.rm(marker)
                    continue
                if time.monotonic() >= deadline:
                    raise LockBusy(f"{self.out.url} is locked by {self._holder(info.decode())}") from None
                time.sleep(0.5)

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        if self._marker is not None:
            self.out.fs.rm(self._marker)
            self._marker = None
