"""`hccbone ingest`: run the Prefect ingest flow over raw/ and publish processed/."""

from __future__ import annotations

import argparse
import errno
import os
import sys
import time

from ..budget import DEFAULT_BUDGET
from ..pipeline import DEFAULT_MAX_BYTES
from ..runner import DEFAULT_SHARD_SIZE

NAME = "ingest"
HELP = "ingest raw files into Parquet tables through the Prefect flow"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw", default="raw", help="raw input directory (default: raw)")
    p.add_argument("--out", default="processed", help="output directory or fsspec URL (default: processed)")
    p.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, help="files per task")
    p.add_argument("--full-refresh", action="store_true",
                   help="reprocess every file and rewrite the snapshot, ignoring every cache")
    p.add_argument("--verify", action="store_true",
                   help="re-hash every raw file instead of trusting unchanged size/mtime/ctime/inode "
                        "(reprocesses only files whose bytes changed)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help="quarantine files larger than this (default: 20 MiB)")
    p.add_argument("--file-budget", type=float, default=DEFAULT_BUDGET.base_seconds,
                   help="seconds one file may take, plus 3 s per MB, before it is quarantined "
                        f"(default: {DEFAULT_BUDGET.base_seconds:.0f}; 0: no limit)")
    p.add_argument("--lock-wait", type=float, default=0.0,
                   help="seconds to wait if another run holds the output (default: stop at once)")
    p.add_argument("--task-runner", choices=["thread", "dask"], default="thread",
                   help="where shards run: threads in this process, or a Dask cluster")
    p.add_argument("--dask-address", default=None,
                   help="scheduler address (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--dask-workers", type=int, default=None,
                   help="worker processes of the LocalCluster (default: CPU count, at most 4)")
    p.add_argument("--verbose", action="store_true",
                   help="Dask's INFO logs (scheduler, workers); quiet by default")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")


_OUTPUT_ERRNOS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM}


def _output_problem(out: str, e: OSError) -> str:
    what = {errno.EROFS: "is on a read-only filesystem", errno.ENOSPC: "has no space left on its device",
            errno.EDQUOT: "is over its disk quota", errno.EACCES: "is not writable by this user",
            errno.EPERM: "is not writable by this user"}.get(e.errno or 0)
    what = what or f"cannot be written ({e.strerror or e})"
    where = f" ({e.filename})" if e.filename else ""
    return f"the output {out} {what}{where}; nothing was published, the previous snapshot is unchanged."


def run(args: argparse.Namespace) -> int:
    from .. import prefect_env
    from ..store import LockBusy, OutputDir, RunLock

    t0 = time.perf_counter()
    if not os.path.isdir(args.raw):
        print(f"hccbone ingest: raw directory not found: {args.raw}", file=sys.stderr)
        return 2
    if args.task_runner == "dask" and args.out.startswith("memory://"):
        print("hccbone ingest: memory:// lives inside one process and Dask workers cannot write to "
              "it; use a shared path or an object store URL with --task-runner dask", file=sys.stderr)
        return 2
    # The lock is taken here, before Prefect starts, and held for the whole run: a second run
    # stops at once with one line (or waits, --lock-wait) instead of failing a flow run.
    lock = RunLock(OutputDir(args.out), wait=args.lock_wait)
    try:
        lock.__enter__()
    except LockBusy as e:
        print(f"hccbone ingest: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a read-only, full or forbidden output: one line, not a traceback
        print(f"hccbone ingest: {_output_problem(args.out, e)}", file=sys.stderr)
        return 1
    try:
        prefect_env.configure()
        problem = prefect_env.unreachable_api()
        if problem:
            print(f"hccbone ingest: {problem}", file=sys.stderr)
            return 2
        from flows.ingest import run_flow  # imports prefect: after the environment is set

        from ..shutdown import sigterm_sentinel

        with sigterm_sentinel():  # SIGTERM ends the run even when a thread holds the GIL in C code
            summary = run_flow(
                raw_dir=args.raw, out=args.out, shard_size=args.shard_size, full_refresh=args.full_refresh,
                max_bytes=args.max_bytes, lock_wait=args.lock_wait, task_runner=args.task_runner,
                dask_address=args.dask_address, dask_workers=args.dask_workers,
                progress=not args.no_progress and sys.stderr.isatty(), verify=args.verify, lock_held=True,
                file_budget=args.file_budget, verbose=args.verbose,
            )
    except FileNotFoundError as e:  # the raw directory vanished
        print(f"hccbone ingest: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        if e.errno not in _OUTPUT_ERRNOS:
            raise
        print(f"hccbone ingest: {_output_problem(args.out, e)}", file=sys.stderr)
        return 1
    finally:
        lock.__exit__(None, None, None)
    seconds = time.perf_counter() - t0
    if args.json:
        import json

        summary["wall_seconds"] = seconds
        print(json.dumps(summary, ensure_ascii=False, sort_keys=True))
    else:
        from ..run_summary import render_text
        from ..store import PublishResult

        fields = {k: summary[k] for k in PublishResult.__dataclass_fields__}
        print(render_text(PublishResult(**fields), seconds))
    return 0
