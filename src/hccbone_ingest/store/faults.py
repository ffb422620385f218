"""Fault injection at the store's commit points, for the crash-safety tests.

`checkpoint(name)` does nothing unless the environment variable `HCCBONE_FAULT` names that
point. Its value is `<point>[:<n>][:<action>]`: at the n-th pass (default 1) through the
point the process either SIGKILLs itself (`kill`, the default: what an OOM killer or a
power cut does), or pauses (`wait=<file>`: creates `<file>.reached`, then waits until
`<file>` exists) so that a test can act while the run sits at a known place.

Points, in the order a run passes them:
    fragment-written   after each raw file's fragment is written (workers)
    table-written      after each table of the new snapshot is written (temporary directory)
    snapshot-renamed   the new snapshot is complete under its final name, not yet current
    current-switched   readers see the new snapshot; card and manifest not yet rewritten
    manifest-written   manifest rewritten, garbage not yet collected
    gc-removed         after each old snapshot or fragment is removed
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from pathlib import Path

ENV = "HCCBONE_FAULT"
POINTS = ("fragment-written", "table-written", "snapshot-renamed", "current-switched",
          "manifest-written", "gc-removed")
_passes: Counter[str] = Counter()


def checkpoint(name: str) -> None:
    spec = os.environ.get(ENV)
    if not spec or not spec.startswith(name):
        return
    point, _, rest = spec.partition(":")
    if point != name:
        return
    count, action = 1, "kill"
    for part in filter(None, rest.split(":", 1)):
        if part.isdigit():
            count = int(part)
        else:
            action = part
    _passes[name] += 1
    if _passes[name] != count:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action.startswith("wait="):
        go = Path(action[len("wait="):])
        Path(f"{go}.reached").touch()
        while not go.exists():
            time.sleep(0.05)
    else:
        raise ValueError(f"{ENV}: unknown action {action!r} (kill or wait=<file>)")
