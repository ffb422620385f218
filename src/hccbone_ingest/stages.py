"""Seconds per pipeline stage, summed over the process (benchmark and run reports).

The pipeline wraps each stage in `stage("name")`; the totals accumulate in this process
(threads of a flow's task runner add to the same totals, so a stage's figure is busy time
summed over workers, which can exceed the wall time). Each stage records wall seconds and
the calling thread's CPU seconds: on a shared machine the CPU figure is the one that does
not depend on what else is running. Cost: four clock reads and a lock per use, about a
microsecond per document, so it stays on in production.
"""

from __future__ import annotations

import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_seconds: dict[str, float] = {}
_cpu: dict[str, float] = {}
_calls: dict[str, int] = {}
_peak_growth: dict[str, float] = {}


def _max_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def add(name: str, seconds: float, cpu_seconds: float = 0.0, calls: int = 1,
        peak_growth_kib: int = 0) -> None:
    with _lock:
        _seconds[name] = _seconds.get(name, 0.0) + seconds
        _cpu[name] = _cpu.get(name, 0.0) + cpu_seconds
        _calls[name] = _calls.get(name, 0) + calls
        _peak_growth[name] = _peak_growth.get(name, 0) + peak_growth_kib


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block and add it to `name`'s total (also when the block raises).

    Also records by how much the process's peak RSS rose during the block, which names the
    stage that sets the memory peak.
    """
    t0, c0, m0 = time.perf_counter(), time.thread_time(), _max_rss_kib()
    try:
        yield
    finally:
        add(name, time.perf_counter() - t0, time.thread_time() - c0, 1, _max_rss_kib() - m0)


def totals() -> dict[str, float]:
    """Wall seconds per stage so far, in the order stages were first seen."""
    with _lock:
        return dict(_seconds)


def cpu_totals() -> dict[str, float]:
    """CPU seconds of the calling threads per stage (BLAS worker threads not included)."""
    with _lock:
        return dict(_cpu)


def peak_rss_growth_mb() -> dict[str, float]:
    """MB by which the process's peak RSS rose while each stage ran (model loads included)."""
    with _lock:
        return {k: v / 1024 for k, v in _peak_growth.items()}


def calls() -> dict[str, int]:
    with _lock:
        return dict(_calls)


def reset() -> None:
    with _lock:
        _seconds.clear()
        _cpu.clear()
        _calls.clear()
        _peak_growth.clear()
