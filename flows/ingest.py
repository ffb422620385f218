"""The Prefect ingest flow: plan, fan out over shards, publish, report. Thin by design.

All the work lives in `hccbone_ingest` (pure Python); this module only decides what runs
where, retries what is transient, and reports. Run it with `hccbone ingest`, or deploy it
with `prefect deploy` (see prefect.yaml).
"""

from __future__ import annotations

import errno
import os
import time
from contextlib import contextmanager, nullcontext

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from hccbone_ingest.budget import DEFAULT_BUDGET, FileBudget
from hccbone_ingest.pipeline import DEFAULT_MAX_BYTES
from hccbone_ingest.run_summary import render_markdown
from hccbone_ingest.runner import DEFAULT_SHARD_SIZE, IngestOptions, ShardSummary, make_plan, process_shard
from hccbone_ingest.shutdown import (
    exit_on_sigterm,
    server_dies_with_this_process,
    watchdog_on_prefect_sigterm,
)
from hccbone_ingest.store import OutputDir, RunLock, publish
from hccbone_ingest.store.layout import normalize_url
from hccbone_ingest.store.plan import RawEntry

# OSError covers I/O, TimeoutError and ConnectionError. These subclasses are not transient:
# the same call fails the same way, so retrying only delays the failure.
DETERMINISTIC_OS_ERRORS = (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)


# Errors of the output's filesystem that waiting does not fix: a full disk or quota, a read-only
# mount, a file too large, a name too long.
DETERMINISTIC_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG, errno.ENAMETOOLONG,
                                  errno.EACCES, errno.EPERM})


def is_transient(exc: BaseException) -> bool:
    return (isinstance(exc, OSError) and not isinstance(exc, DETERMINISTIC_OS_ERRORS)
            and exc.errno not in DETERMINISTIC_ERRNOS)


def _retry_transient(task, task_run, state) -> bool:
    """Retry I/O failures only. A bad file never gets here: process_shard quarantines it."""
    try:
        state.result()
    except Exception as exc:
        return is_transient(exc)
    return False


# No Prefect result caching: fragments on disk are the content-addressed cache (their key
# hashes the file bytes plus package, schema, adapter and step versions; see store/fragments).
@task(name="process-shard", retries=2, retry_delay_seconds=[2, 10], retry_condition_fn=_retry_transient,
      cache_policy=NONE, persist_result=False)
def process_shard_task(entries: list[RawEntry], out: str, max_bytes: int,
                       file_budget: float = DEFAULT_BUDGET.base_seconds) -> ShardSummary:
    budget = FileBudget(base_seconds=file_budget) if file_budget > 0 else None
    return process_shard(entries, out, max_bytes, file_budget=budget)


@flow(name="hccbone-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), persist_result=False)
def ingest(raw_dir: str = "raw", out: str = "processed", shard_size: int = DEFAULT_SHARD_SIZE,
           full_refresh: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, lock_wait: float = 0.0,
           progress: bool = False, verify: bool = False, lock_held: bool = False,
           file_budget: float = DEFAULT_BUDGET.base_seconds) -> dict:
    log = get_run_logger()
    t0 = time.perf_counter()
    out = normalize_url(out)  # workers elsewhere must write to the same absolute place
    opts = IngestOptions(raw_dir=raw_dir, out=out, shard_size=shard_size, full_refresh=full_refresh,
                         max_bytes=max_bytes, lock_wait=lock_wait, verify=verify)
    # lock_held: the caller (hccbone ingest) took the lock before Prefect started.
    # exit_on_sigterm: a thread stuck on one file must not keep a terminated run alive.
    with exit_on_sigterm(), nullcontext() if lock_held else RunLock(OutputDir(out), wait=lock_wait):
        plan = make_plan(opts)
        shards = list(plan.shards(shard_size))
        log.info("%d raw files: %d to process in %d shards, %d unchanged, %d removed",
                 len(plan.entries), len(plan.todo), len(shards), len(plan.entries) - len(plan.todo),
                 len(plan.removed))
        for folder in plan.unlisted:
            log.warning("could not list raw folder %s: its files keep their last published outcome", folder)
        futures = [process_shard_task.submit(s, out, max_bytes, file_budget) for s in shards]
        bar = _progress(len(plan.todo)) if progress and futures else None
        try:
            for fut in as_completed(futures):
                s: ShardSummary = fut.result()
                plan.settle(s.entries)
                for err in s.errors:
                    log.warning("quarantined %s", err)
                if bar is not None:
                    bar[0].advance(bar[1], s.files)
        finally:
            if bar is not None:
                bar[0].stop()
        result = publish(plan)
    seconds = time.perf_counter() - t0
    md = render_markdown(result, seconds)
    create_markdown_artifact(key="hccbone-ingest-summary", markdown=md, description="ingest run summary")
    log.info("published snapshot %s in %.1f s: %s", result.version, seconds, result.rows_per_table)
    summary = result.as_dict()
    summary["seconds"] = seconds
    return summary


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    # stderr: stdout carries the summary (and --json output must stay parseable)
    p = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                 TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    p.start()
    return p, p.add_task("files", total=total)


def quiet_dask(verbose: bool = False) -> None:
    """Dask's INFO lines (34 a run: scheduler, workers, nanny) only on request. The environment
    variable reaches the LocalCluster's worker processes, which are started after this."""
    import logging

    level = "info" if verbose else "warning"
    os.environ["DASK_LOGGING__DISTRIBUTED"] = level
    # prefect_dask's own INFO lines too: one of them announces a dashboard at :8787 that is disabled.
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker",
                 "distributed.core", "distributed.http.proxy", "prefect.task_runner.dask"):
        logging.getLogger(name).setLevel(level.upper())


def dask_runner(address: str | None = None, n_workers: int | None = None, verbose: bool = False):
    """A DaskTaskRunner on `address`, or on a LocalCluster of worker processes."""
    import logging

    from prefect_dask import DaskTaskRunner

    quiet_dask(verbose)

    if address:
        return DaskTaskRunner(address=address)
    n = n_workers or min(4, os.cpu_count() or 1)
    # No dashboard: it needs bokeh and a free port, and costs startup time for nothing here.
    return DaskTaskRunner(cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None,
                                          "silence_logs": logging.INFO if verbose else logging.WARNING})


@contextmanager
def api_reachable_by_workers():
    """Make the flow's Prefect API the one its Dask workers use.

    With no PREFECT_API_URL, Prefect starts a temporary server inside the flow's process and
    does not tell anyone its address, so every Dask worker process, finding no URL either,
    starts its own temporary server (seconds each, then a second database per worker). Here
    the flow's temporary server is started first and its URL put in the settings; the Dask
    task runner ships the flow's settings to the workers with every task, so they all report
    to it. With a URL configured (a real server, or the test harness) nothing changes.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the same singleton Prefect would start for the flow
    server.start()
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield


def run_flow(*, task_runner: str = "thread", dask_address: str | None = None,
             dask_workers: int | None = None, verbose: bool = False, **params) -> dict:
    """Run `ingest` with the chosen task runner and return its summary.

    A temporary Prefect server (no PREFECT_API_URL) is started here, from the calling (main)
    thread, as a child that dies with this process: `kill -9` of the run leaves no server behind.
    """
    server_dies_with_this_process()
    watchdog_on_prefect_sigterm()
    if task_runner == "thread":
        with api_reachable_by_workers():
            return ingest(return_state=True, **params).result(raise_on_failure=True)
    if task_runner != "dask":
        raise ValueError(f"unknown task runner {task_runner!r} (thread or dask)")
    out = params.get("out", "processed")
    if out.startswith("memory://"):
        raise ValueError("memory:// lives inside one process; Dask workers cannot write to it. "
                         "Use a shared path or an object store URL with --task-runner dask.")
    f = ingest.with_options(task_runner=dask_runner(dask_address, dask_workers, verbose))
    with api_reachable_by_workers():
        state = f(return_state=True, **params)
    return state.result(raise_on_failure=True)
