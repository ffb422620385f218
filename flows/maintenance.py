"""The maintenance flow: keep Prefect's run database and the output directory small.

Prefect never deletes flow runs by itself; every ingest run adds its flow run, task runs,
logs and an artifact (REFERENCE.md §6: unbounded growth of the run database). This flow
deletes finished flow runs older than N days (their task runs, logs and artifacts go with
them), and optionally sweeps an output directory under its lock. Deployed weekly by
prefect.yaml (`hccbone-maintenance`).
"""

from __future__ import annotations

import datetime as dt

from prefect import flow, get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    FlowFilter,
    FlowFilterName,
    FlowRunFilter,
    FlowRunFilterEndTime,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import StateType
from prefect.client.schemas.sorting import FlowRunSort

from hccbone_ingest.store import LockBusy, OutputDir, sweep

FINISHED = [StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED, StateType.CRASHED]


@flow(name="hccbone-maintenance", persist_result=False)
def prune_flow_runs(older_than_days: float = 30, flow_names: list[str] | None = None,
                    out: str | None = None, batch_size: int = 200) -> dict:
    """Delete finished flow runs that ended more than `older_than_days` ago.

    `flow_names` limits the pruning to those flows (default: every flow on the server).
    `out`, if given, is an output directory to sweep (skipped while an ingest holds it).
    """
    log = get_run_logger()
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=older_than_days)
    run_filter = FlowRunFilter(end_time=FlowRunFilterEndTime(before_=cutoff),
                               state=FlowRunFilterState(type=FlowRunFilterStateType(any_=FINISHED)))
    flow_filter = FlowFilter(name=FlowFilterName(any_=flow_names)) if flow_names else None
    deleted: set = set()
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_flow_runs(flow_filter=flow_filter, flow_run_filter=run_filter,
                                         sort=FlowRunSort.END_TIME_DESC, limit=batch_size)
            todo = [r for r in runs if r.id not in deleted]
            if not todo:
                break
            for run in todo:
                client.delete_flow_run(run.id)
                deleted.add(run.id)
    log.info("deleted %d flow runs that ended before %s", len(deleted), cutoff.isoformat(timespec="seconds"))
    swept = None
    if out:
        try:
            swept = sweep(OutputDir(out))
            log.info("swept %s" if swept else "%s: nothing to sweep (no published state)", out)
        except LockBusy as e:
            log.warning("not swept: %s", e)
    return {"deleted_flow_runs": len(deleted), "cutoff": cutoff.isoformat(), "swept": swept}
