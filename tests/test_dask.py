"""`--task-runner dask`: shards on Dask worker processes give the thread runner's bytes.

Selected with `-m dask` (skipped with `-m "not dask"`): each test starts a Dask cluster of
worker processes, which costs seconds.
"""

from __future__ import annotations

import pytest

from tests.ops_helpers import corpus, snapshot_bytes, write_raw

pytestmark = [pytest.mark.dask, pytest.mark.flow]
SHARD = 2


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    return write_raw(tmp_path_factory.mktemp("dask") / "raw", corpus(n_journal=4, n_ai=3, junk=2))


@pytest.fixture(scope="module")
def thread_output(raw, tmp_path_factory, prefect_harness) -> dict[str, bytes]:
    from flows.ingest import run_flow

    out = tmp_path_factory.mktemp("thread") / "out"
    run_flow(task_runner="thread", raw_dir=str(raw), out=str(out), shard_size=SHARD)
    seen = snapshot_bytes(out)
    assert len(seen) > 10
    return seen


def test_a_local_cluster_gives_the_thread_runners_bytes_and_shares_the_flows_server(
        raw, thread_output, tmp_path, capfd):
    """No API URL configured, as for `hccbone ingest` without a server: the workers must report
    to the flow's temporary server instead of starting one each. Worker processes log to this
    stderr, so a worker's own server would show here."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.ingest import run_flow

    out = tmp_path / "out"
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert not PREFECT_API_URL.value()
        summary = run_flow(task_runner="dask", dask_workers=2, raw_dir=str(raw), out=str(out),
                           shard_size=SHARD)
    assert "Starting temporary server" not in capfd.readouterr().err
    assert summary["processed_files"] == len(list(raw.rglob("*.*")))
    assert snapshot_bytes(out) == thread_output


def test_a_cluster_at_an_address_runs_every_shard(raw, thread_output, tmp_path):
    from distributed import Client, LocalCluster

    from flows.ingest import run_flow

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        out = tmp_path / "out"
        run_flow(task_runner="dask", dask_address=cluster.scheduler_address, raw_dir=str(raw), out=str(out),
                 shard_size=SHARD)
        executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    n_files = len(list(raw.rglob("*.*")))
    assert sum(executed.values()) == -(-n_files // SHARD)  # one task per shard, all on the workers
    assert snapshot_bytes(out) == thread_output
