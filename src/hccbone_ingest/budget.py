"""A per-file time budget, checked cooperatively: a file that takes too long is quarantined.

A thread in a pool cannot be stopped from outside safely (an exception injected at a random
bytecode can leave a lock held), so the budget is a deadline in thread-local state that the
work checks: `text.normalize.clean` (every adapter passes its values through it, so a parse
that still produces values is checked as it goes), and `pipeline.process_files` after each stage.
An adapter that swallows the exception is caught by the check after the stage. What a check
cannot cut short is one long call that never reaches a check; that call's time is the overshoot.

The budget is `base + per_mb x size`: default 30 s + 3 s per MB (90 s for a 20 MB file), about
10x what a real page costs on a loaded 2-core machine. An over-budget outcome is not cached
(machine load is not a property of the file): the next run tries the file again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import IngestError


class OverBudget(IngestError):
    """The file took longer than its time budget (stage: where the time ran out)."""


@dataclass(frozen=True, slots=True)
class FileBudget:
    base_seconds: float = 30.0
    seconds_per_mb: float = 3.0

    def seconds(self, size_bytes: int) -> float:
        return self.base_seconds + self.seconds_per_mb * size_bytes / 2**20


DEFAULT_BUDGET = FileBudget()
_local = threading.local()


@contextmanager
def file_budget(seconds: float | None) -> Iterator[None]:
    """Within this block, `check` raises once `seconds` have passed (None: no budget)."""
    saved = getattr(_local, "deadline", None), getattr(_local, "seconds", None)
    _local.deadline = None if seconds is None else time.monotonic() + seconds
    _local.seconds = seconds
    try:
        yield
    finally:
        _local.deadline, _local.seconds = saved


def check(stage: str = "parse") -> None:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        err = OverBudget(f"took longer than its time budget of {_local.seconds:.0f} s (in {stage}); "
                         "not published, tried again on the next run (raise --file-budget if the "
                         "machine is just slow)")
        err.stage = stage
        raise err
