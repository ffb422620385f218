"""Wall-clock seconds per pipeline stage, summed over the process (benchmark and run reports).

The pipeline wraps each stage in `stage("name")`; the totals accumulate in this process
(threads of a flow's task runner add to the same totals, so a stage's figure is busy time
summed over workers, which can exceed the wall time). Cost: two `perf_counter` calls and a
lock per use, i.e. well under a microsecond per document, so it stays on in production.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_seconds: dict[str, float] = {}
_calls: dict[str, int] = {}


def add(name: str, seconds: float, calls: int = 1) -> None:
    with _lock:
        _seconds[name] = _seconds.get(name, 0.0) + seconds
        _calls[name] = _calls.get(name, 0) + calls


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block and add it to `name`'s total (also when the block raises)."""
    t0 = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - t0)


def totals() -> dict[str, float]:
    """Seconds per stage so far, in the order stages were first seen."""
    with _lock:
        return dict(_seconds)


def calls() -> dict[str, int]:
    with _lock:
        return dict(_calls)


def reset() -> None:
    with _lock:
        _seconds.clear()
        _calls.clear()
