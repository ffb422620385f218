"""`--task-runner dask`: shards on Dask worker processes give the thread runner's bytes.

Selected with `-m dask` (skipped with `-m "not dask"`): each test starts a Dask cluster of
worker processes, which costs seconds.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.ops_helpers import child_env, cli_cmd, corpus, parquet_only, snapshot_bytes, write_raw

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


def test_a_local_cluster_gives_the_thread_runners_bytes(raw, thread_output, tmp_path):
    from flows.ingest import run_flow

    out = tmp_path / "out"
    summary = run_flow(task_runner="dask", dask_workers=2, raw_dir=str(raw), out=str(out), shard_size=SHARD)
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


def test_the_cli_without_a_prefect_server_starts_one_temporary_server(raw, thread_output, tmp_path):
    """The point of api_reachable_by_workers: workers report to the flow's temporary server
    instead of starting one each (each worker logs to this stderr, so each start is seen)."""
    env = child_env(PREFECT_HOME=str(tmp_path / "prefect_home"))
    env.pop("PREFECT_API_URL", None)
    out = tmp_path / "out"
    done = subprocess.run(cli_cmd("--raw", str(raw), "--out", str(out), "--shard-size", str(SHARD),
                                  "--task-runner", "dask", "--dask-workers", "2"),
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Starting temporary server") == 1, done.stderr
    # Parquet only: the card names the snapshot, whose hash covers the adapters registered in
    # the process (this test process may also hold the test-only toy adapter).
    assert parquet_only(snapshot_bytes(out)) == parquet_only(thread_output)
