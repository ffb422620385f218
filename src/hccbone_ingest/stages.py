"""Seconds per pipeline stage, summed over the process (benchmark and run reports).

The pipeline wraps each stage in `stage("name")`; the totals accumulate in this process
(threads of a flow's task runner add to the same totals, so a stage's figure is busy time
summed over workers, which can exceed the wall time). Each stage records wall seconds and
the calling thread's CPU seconds: on a shared machine the CPU figure is the one that does
not depend on what else is running. Cost: four clock reads and a lock per use, about a
microsecond per document, so it stays on in production.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_seconds: dict[str, float] = {}
_cpu: dict[str, float] = {}
_calls: dict[str, int] = {}


def add(name: str, seconds: float, cpu_seconds: float = 0.0, calls: int = 1) -> None:
    with _lock:
        _seconds[name] = _seconds.get(name, 0.0) + seconds
        _cpu[name] = _cpu.get(name, 0.0) + cpu_seconds
        _calls[name] = _calls.get(name, 0) + calls


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block and add it to `name`'s total (also when the block raises)."""
    t0, c0 = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        add(name, time.perf_counter() - t0, time.thread_time() - c0)


def totals() -> dict[str, float]:
    """Wall seconds per stage so far, in the order stages were first seen."""
    with _lock:
        return dict(_seconds)


def cpu_totals() -> dict[str, float]:
    """CPU seconds of the calling threads per stage (BLAS worker threads not included)."""
    with _lock:
        return dict(_cpu)


def calls() -> dict[str, int]:
    with _lock:
        return dict(_calls)


def reset() -> None:
    with _lock:
        _seconds.clear()
        _cpu.clear()
        _calls.clear()
