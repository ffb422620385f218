"""prefect.yaml and the maintenance flow: what `prefect deploy --all` and a worker will load."""

from __future__ import annotations

import importlib

import pytest
import yaml

from hccbone_ingest.store import LockBusy, OutputDir, RunLock, sweep
from tests.conftest import REPO
from tests.ops_helpers import corpus, ingest, journal_variant, leftovers, write_raw

SPEC = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
DEPLOYMENTS = {d["name"]: d for d in SPEC["deployments"]}


def _flow_of(entrypoint: str):
    path, name = entrypoint.split(":")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


def test_the_two_deployments_are_declared():
    assert set(DEPLOYMENTS) == {"hccbone-ingest-daily", "hccbone-maintenance"}
    assert DEPLOYMENTS["hccbone-ingest-daily"]["entrypoint"] == "flows/ingest.py:ingest"
    assert DEPLOYMENTS["hccbone-maintenance"]["entrypoint"] == "flows/maintenance.py:prune_flow_runs"
    [step] = SPEC["pull"]
    assert "prefect.deployments.steps.set_working_directory" in step


@pytest.mark.parametrize("name", sorted(DEPLOYMENTS))
def test_each_deployment_loads_and_its_parameters_fit_its_flow(name):
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.flows import Flow

    d = DEPLOYMENTS[name]
    assert (REPO / d["entrypoint"].split(":")[0]).is_file()
    flow = _flow_of(d["entrypoint"])
    assert isinstance(flow, Flow)
    params = d["parameters"]
    assert set(params) <= set(flow.parameters.properties), set(params) - set(flow.parameters.properties)
    flow.validate_parameters(params)  # types, as the worker will check them
    [sched] = d["schedules"]
    CronSchedule(cron=sched["cron"], timezone=sched["timezone"])  # raises on a bad cron or zone
    assert sched["timezone"] == "Asia/Shanghai" and sched["active"] is True
    assert d["work_pool"]["name"] == "hccbone-process"


def test_the_daily_run_is_at_three_and_the_maintenance_weekly():
    assert DEPLOYMENTS["hccbone-ingest-daily"]["schedules"][0]["cron"] == "0 3 * * *"
    assert DEPLOYMENTS["hccbone-maintenance"]["schedules"][0]["cron"] == "30 4 * * 0"
    assert DEPLOYMENTS["hccbone-ingest-daily"]["parameters"]["raw_dir"] == "raw"


# -- sweep (the maintenance flow's output cleaning) --------------------------------------------

def test_sweep_removes_what_a_killed_run_left_and_nothing_else(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=1, junk=1))
    out = tmp_path / "out"
    ingest(raw, out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    (out / "_snapshots" / "0123.tmp-1-ab").mkdir()
    (out / "_state" / "fragments" / "zz").mkdir()
    (out / "_state" / "fragments" / "zz" / "orphan.json").write_text("{}")
    (out / "README.md.tmp-9-cd").write_text("x")
    assert sweep(OutputDir(str(out)))
    after = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert leftovers(out) == [] and [p for p in after if p not in before] == ["_state/fragments/zz"]
    assert set(before) <= set(after)


def test_sweep_keeps_the_previous_snapshot_and_respects_the_lock(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=0, junk=0))
    out = tmp_path / "out"
    ingest(raw, out)
    first = OutputDir(str(out)).current_version()
    (raw / "journal/variant_000.txt").write_text(journal_variant(7))
    ingest(raw, out)
    assert sweep(OutputDir(str(out)))
    assert (out / "_snapshots" / first).is_dir()  # readers may still be on it
    with RunLock(OutputDir(str(out))), pytest.raises(LockBusy):
        sweep(OutputDir(str(out)))


def test_sweep_leaves_a_half_published_directory_to_the_next_run(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=0, junk=0))
    out = tmp_path / "out"
    ingest(raw, out)
    manifest = (out / "_state" / "manifest.json").read_bytes()
    (raw / "journal/variant_000.txt").write_text(journal_variant(7))
    ingest(raw, out)
    (out / "_state" / "manifest.json").write_bytes(manifest)  # as if killed before the manifest
    frags = sorted((out / "_state" / "fragments").rglob("*.json"))
    assert not sweep(OutputDir(str(out)))
    assert sorted((out / "_state" / "fragments").rglob("*.json")) == frags
    assert not sweep(OutputDir(str(tmp_path / "empty")))  # nothing published: nothing touched
    assert not (tmp_path / "empty").exists()


# -- the maintenance flow ----------------------------------------------------------------------

@pytest.mark.flow
def test_prune_deletes_finished_runs_of_the_named_flows_only(prefect_harness, tmp_path):
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    from flows.maintenance import prune_flow_runs

    @flow(name="ops-test-old")
    def old() -> int:
        return 1

    @flow(name="ops-test-keep")
    def keep() -> int:
        return 2

    old(), old(), keep()
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=0, junk=0))
    ingest(raw, tmp_path / "out")
    (tmp_path / "out" / "_snapshots" / "dead.tmp-1-2").mkdir()
    result = prune_flow_runs(older_than_days=0, flow_names=["ops-test-old"], out=str(tmp_path / "out"))
    assert result["deleted_flow_runs"] == 2 and result["swept"] is True
    assert leftovers(tmp_path / "out") == []

    def count(name: str) -> int:
        with get_client(sync_client=True) as client:
            return len(client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[name]))))

    assert count("ops-test-old") == 0 and count("ops-test-keep") == 1
    assert prune_flow_runs(older_than_days=30, flow_names=["ops-test-keep"])["deleted_flow_runs"] == 0
    assert count("ops-test-keep") == 1
