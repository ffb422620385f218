"""The Prefect ingest flow: plan, fan out over shards, publish, report. Thin by design.

All the work lives in `hccbone_ingest` (pure Python); this module only decides what runs
where, retries what is transient, and reports. Run it with `hccbone ingest`, or deploy it
with `prefect deploy` (see prefect.yaml).
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from hccbone_ingest.pipeline import DEFAULT_MAX_BYTES
from hccbone_ingest.run_summary import render_markdown
from hccbone_ingest.runner import DEFAULT_SHARD_SIZE, IngestOptions, ShardSummary, make_plan, process_shard
from hccbone_ingest.store import OutputDir, RunLock, publish
from hccbone_ingest.store.plan import RawEntry

TRANSIENT = (OSError, TimeoutError, ConnectionError)


def _retry_transient(task, task_run, state) -> bool:
    """Retry I/O failures only: a parse error is deterministic and already quarantined."""
    try:
        state.result()
    except TRANSIENT:
        return True
    except Exception:
        return False
    return False


# No Prefect result caching: fragments on disk are the content-addressed cache (their key
# hashes the file bytes plus package, schema, adapter and step versions; see store/fragments).
@task(name="process-shard", retries=2, retry_delay_seconds=[2, 10], retry_condition_fn=_retry_transient,
      cache_policy=NONE, persist_result=False)
def process_shard_task(entries: list[RawEntry], out: str, max_bytes: int) -> ShardSummary:
    return process_shard(entries, out, max_bytes)


@flow(name="hccbone-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), persist_result=False)
def ingest(raw_dir: str = "raw", out: str = "processed", shard_size: int = DEFAULT_SHARD_SIZE,
           full_refresh: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, lock_wait: float = 0.0,
           progress: bool = False) -> dict:
    log = get_run_logger()
    t0 = time.perf_counter()
    opts = IngestOptions(raw_dir=raw_dir, out=out, shard_size=shard_size, full_refresh=full_refresh,
                         max_bytes=max_bytes, lock_wait=lock_wait)
    with RunLock(OutputDir(out), wait=lock_wait):
        plan = make_plan(opts)
        shards = list(plan.shards(shard_size))
        log.info("%d raw files: %d to process in %d shards, %d unchanged, %d removed",
                 len(plan.entries), len(plan.todo), len(shards), len(plan.entries) - len(plan.todo),
                 len(plan.removed))
        futures = [process_shard_task.submit(s, out, max_bytes) for s in shards]
        bar = _progress(len(plan.todo)) if progress and futures else None
        for fut in as_completed(futures):
            s: ShardSummary = fut.result()
            for err in s.errors:
                log.warning("quarantined %s", err)
            if bar is not None:
                bar[0].advance(bar[1], s.files)
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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    p = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                 TimeRemainingColumn(), transient=False)
    p.start()
    return p, p.add_task("ingest", total=total)


def run_flow(*, task_runner: str = "thread", dask_address: str | None = None, **params) -> dict:
    """Run `ingest` with the chosen task runner and return its summary."""
    f = ingest
    if task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        runner = (DaskTaskRunner(address=dask_address) if dask_address else
                  DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1,
                                                 "processes": True}))
        f = ingest.with_options(task_runner=runner)
    state = f(return_state=True, **params)
    return state.result(raise_on_failure=True)
