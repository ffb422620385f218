"""Model loaders run once per process even when several threads ask at the same time."""

from __future__ import annotations

import threading
import time

from hccbone_ingest.load_once import load_once


def test_concurrent_first_calls_load_once_and_share_the_result():
    calls = []

    @load_once
    def load() -> object:
        calls.append(1)
        time.sleep(0.05)  # a slow load: the other threads arrive while it runs
        return object()

    got: list[object] = []
    start = threading.Barrier(4)

    def worker() -> None:
        start.wait()
        got.append(load())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(got) == 4 and all(g is got[0] for g in got)


def test_a_failed_load_is_retried_and_cache_clear_forgets():
    attempts = []

    @load_once
    def load() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("dictionary not readable yet")
        return len(attempts)

    try:
        load()
    except OSError:
        pass
    assert load() == 2 and load() == 2
    load.cache_clear()
    assert load() == 3
