"""Stopping a run: SIGTERM within a bounded time, and no orphaned temporary Prefect server.

Two failures of issue 12 (item 17):

- A run stuck on a bad file ignored SIGTERM: Prefect turns the signal into an exception in the
  main thread, but then waits for the task runner's threads, and the one stuck on the file never
  returns. `exit_on_sigterm` chains a handler before Prefect's: it lets Prefect record the
  termination, and a watchdog ends the process after `grace` seconds whatever is still running.
  Ending there is safe by design: every write is atomic, the lock is an flock the kernel
  releases, and the next run reuses the fragments already written (docs/operations.md §5).
- `kill -9` of `hccbone ingest` orphaned the temporary Prefect server it had started (a child
  process with a listening port and ~220 MB). `die_with_parent` asks Linux to send the child
  SIGTERM when its parent dies (`prctl(PR_SET_PDEATHSIG)`), and `server_dies_with_this_process`
  makes Prefect start its temporary server that way. The signal fires when the *thread* that
  started the child ends, so the server must be started from the main thread (`flows.ingest`
  does). Elsewhere than Linux nothing changes.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

PR_SET_PDEATHSIG = 1
DEFAULT_GRACE_SECONDS = 10.0


@functools.cache
def _prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl  # the C library the interpreter links
    except (OSError, AttributeError):
        return None


def die_with_parent(parent_pid: int, sig: int = signal.SIGTERM):
    """A `preexec_fn` for a child that must not outlive `parent_pid` (Linux; no-op elsewhere)."""
    prctl = _prctl()

    def preexec() -> None:
        if prctl is None:
            return
        prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died between fork and prctl
            os.kill(os.getpid(), sig)
    return preexec


class _PopenDyingWithParent:
    """A stand-in for the `subprocess` module inside Prefect's server module: same names, but
    `Popen` children die with this process."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args: Any, **kwargs: Any) -> subprocess.Popen:
        kwargs.setdefault("preexec_fn", die_with_parent(os.getpid()))
        return subprocess.Popen(*args, **kwargs)


def server_dies_with_this_process() -> bool:
    """Make Prefect's temporary server (SubprocessASGIServer) die with this process. Idempotent;
    False when not on Linux (nothing to do)."""
    if _prctl() is None:
        return False
    from prefect.server.api import server as prefect_server

    if not isinstance(prefect_server.subprocess, _PopenDyingWithParent):
        prefect_server.subprocess = _PopenDyingWithParent()
    return True


def _arm_watchdog(grace: float, message: str) -> None:
    def fire() -> None:
        time.sleep(grace)
        with contextlib.suppress(Exception):
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
        os._exit(128 + signal.SIGTERM)

    threading.Thread(target=fire, name="sigterm-watchdog", daemon=True).start()


_MESSAGE = ("{what}: stopped by SIGTERM; nothing new was published (the next run reuses the files "
            "already processed)")


def watchdog_on_prefect_sigterm(grace: float = DEFAULT_GRACE_SECONDS, what: str = "hccbone ingest") -> None:
    """Arm the exit watchdog whenever Prefect's own SIGTERM handler runs.

    Prefect installs its handler when the flow engine starts (replacing any handler set before)
    and may run the flow body outside the main thread, where no handler can be installed; so its
    handler itself is wrapped (the engine looks it up by module global when installing it)."""
    from prefect.utilities import engine as prefect_engine

    original = prefect_engine._prefect_sigterm_handler
    if getattr(original, "_hccbone_watchdog", False):
        return

    def handler(signum: int, *args: object):
        _arm_watchdog(grace, _MESSAGE.format(what=what))
        return original(signum, *args)

    handler._hccbone_watchdog = True  # type: ignore[attr-defined]
    prefect_engine._prefect_sigterm_handler = handler


@contextlib.contextmanager
def exit_on_sigterm(grace: float = DEFAULT_GRACE_SECONDS, what: str = "hccbone ingest") -> Iterator[None]:
    """Within this block, SIGTERM ends the process within `grace` seconds.

    The previous handler (Prefect's, which marks the flow run) still runs; if the process has
    not exited `grace` seconds later (a thread stuck on a file), it exits with status 143.
    Only the main thread can install handlers: elsewhere this is a no-op.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: Any) -> None:
        _arm_watchdog(grace, _MESSAGE.format(what=what))
        if callable(previous):
            previous(signum, frame)
        else:
            raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGTERM, previous)


# A thread stuck in C code that never releases the GIL (spaCy's tokenizer on a hostile text) keeps
# every Python-level handler and watchdog from running. The C signal handler still writes the
# signal number to the wakeup fd without the GIL, so a sentinel *process* reading that pipe can
# end the run: after the grace time it kills its parent (SIGKILL: exit status 137).
_SENTINEL = r"""
import os, sys, time
parent, grace, sig = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
while True:
    b = os.read(0, 64)
    if not b:
        break  # the parent exited
    if bytes([sig]) in b:
        time.sleep(grace)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            break
        sys.stderr.write(sys.argv[4] + "\n")
        sys.stderr.flush()
        os.kill(parent, 9)
        break
"""


@contextlib.contextmanager
def sigterm_sentinel(grace: float = DEFAULT_GRACE_SECONDS, what: str = "hccbone ingest") -> Iterator[bool]:
    """Within this block a sentinel process guards the run (Linux, main thread, wakeup fd unused);
    yields False when it cannot be used. Leaving the block stops the sentinel."""
    w = _start_sentinel(grace, what)
    try:
        yield w is not None
    finally:
        if w is not None:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(-1)
            os.close(w)  # the sentinel reads EOF and exits


def _start_sentinel(grace: float, what: str) -> int | None:
    if _prctl() is None or threading.current_thread() is not threading.main_thread():
        return None
    r, w = os.pipe()
    os.set_blocking(w, False)
    try:
        old = signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    except ValueError:
        os.close(r)
        os.close(w)
        return None
    if old != -1:  # someone else's (an event loop in this thread): leave it
        signal.set_wakeup_fd(old)
        os.close(r)
        os.close(w)
        return None
    message = (f"{what}: stopped by SIGTERM ({grace:.0f} s grace ran out with a file still being processed); "
               "nothing new was published (the next run reuses the files already processed)")
    subprocess.Popen([sys.executable, "-S", "-c", _SENTINEL, str(os.getpid()), str(grace),
                      str(int(signal.SIGTERM)), message],
                     stdin=r, preexec_fn=die_with_parent(os.getpid()), close_fds=True)
    os.close(r)
    return w
