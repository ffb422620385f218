"""Crash safety and concurrent runs, with real processes and real SIGKILLs.

A run is killed (by the fault hook in store/faults.py, at each commit point in turn, and at
random moments) while it turns a published v1 dataset into v2. Right after the kill, what a
reader sees must be exactly v1 or exactly v2, every file readable; the next run must leave
the output byte for byte as a clean run does, leftovers included (none).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from hccbone_ingest.tables import TABLES
from tests.ops_helpers import (
    child_env,
    cli_cmd,
    corpus,
    journal_variant,
    leftovers,
    lib_run_cmd,
    parquet_only,
    snapshot_bytes,
    write_raw,
)

SHARD = 3


def _tree(out: Path) -> dict[str, bytes | str]:
    """The whole output directory: file bytes and link targets.

    Left out: the lock file's holder, and the previous snapshot, which a run keeps for readers
    that resolved it before the switch (a run after a crash may have dropped it already).
    """
    current = os.readlink(out / "_snapshots" / "current")
    tree: dict[str, bytes | str] = {}
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out).as_posix()
        parts = rel.split("/")
        if parts[0] == "_snapshots" and len(parts) > 1 and parts[1] not in {current, "current"}:
            continue
        if rel == "_state/manifest.json":
            manifest = json.loads(p.read_bytes())
            manifest.pop("previous")  # names the previous snapshot, left out above
            tree[rel] = json.dumps(manifest, sort_keys=True)
        elif p.is_symlink():
            tree[rel] = "-> " + os.readlink(p)
        elif p.is_file() and rel != "_state/lock":
            tree[rel] = p.read_bytes()
    return tree


def _run(cmd: list[str], **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=child_env(**extra_env), capture_output=True, text=True, timeout=300)


def _check_visible(out: Path, expected: dict[str, bytes], label: str) -> None:
    seen = snapshot_bytes(out)
    assert seen == expected, f"{label}: readers see neither the old nor the new dataset as a whole"
    for name in TABLES:
        for f in (out / name).glob("*.parquet"):
            pq.read_table(f)  # readable, not merely present


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    """raw v1 and v2, and the outputs of clean runs on each (all made by child processes)."""
    base = tmp_path_factory.mktemp("crash")
    raw = write_raw(base / "raw", corpus(n_journal=5, n_ai=3, junk=2))
    v1 = base / "clean_v1"
    assert _run(lib_run_cmd(raw, v1, SHARD)).returncode == 0
    # v2: one page changed, one deleted, one added
    (raw / "journal/variant_000.txt").write_text(journal_variant(0).replace("肝细胞癌", "肝癌"))
    (raw / "ai_summary/variant_001.txt").unlink()
    (raw / "journal/variant_new.txt").write_text(journal_variant(50))
    v2 = base / "clean_v2"
    assert _run(lib_run_cmd(raw, v2, SHARD)).returncode == 0
    world = {"raw": raw, "v1": v1, "v2": v2, "v1_seen": snapshot_bytes(v1), "v2_seen": snapshot_bytes(v2),
             "v2_tree": _tree(v2)}
    assert world["v1_seen"] != world["v2_seen"] and world["v1_seen"] and world["v2_seen"]
    return world


def _output_at_v1(world: dict, dst: Path) -> Path:
    shutil.copytree(world["v1"], dst, symlinks=True)
    return dst


# Killing at each commit point, in order; the points before the switch must leave v1 visible.
POINTS = [
    ("fragment-written:1", "v1"),  # mid shard processing (v2 has two files to process)
    ("table-written:5", "v1"),  # mid snapshot write (temporary directory)
    ("snapshot-renamed", "v1"),  # snapshot complete, not yet current
    ("current-switched", "v2"),  # switched; manifest not rewritten
    ("manifest-written", "v2"),  # garbage not yet collected
    ("gc-removed:2", "v2"),  # in the middle of garbage collection
]


@pytest.mark.parametrize("point, visible", POINTS, ids=[p for p, _ in POINTS])
def test_a_run_killed_at_any_commit_point_leaves_a_whole_dataset_and_recovers(world, tmp_path, point,
                                                                              visible):
    out = _output_at_v1(world, tmp_path / "out")
    killed = _run(lib_run_cmd(world["raw"], out, SHARD), HCCBONE_FAULT=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr  # it really died at that point
    _check_visible(out, world[f"{visible}_seen"], point)
    again = _run(lib_run_cmd(world["raw"], out, SHARD))
    assert again.returncode == 0, again.stderr
    assert _tree(out) == world["v2_tree"]  # the whole directory, leftovers and manifest included


@pytest.mark.parametrize("point", ["fragment-written:2", "table-written:3", "snapshot-renamed"])
def test_a_killed_first_run_publishes_nothing_and_the_next_run_recovers(world, tmp_path, point):
    out = tmp_path / "out"
    killed = _run(lib_run_cmd(world["raw"], out, SHARD), HCCBONE_FAULT=point)
    assert killed.returncode == -signal.SIGKILL
    assert snapshot_bytes(out) == {}  # no table visible at all, not a partial one
    assert not any((out / name).exists() for name in TABLES)
    assert _run(lib_run_cmd(world["raw"], out, SHARD)).returncode == 0
    assert _tree(out) == world["v2_tree"]


def test_runs_killed_at_random_moments_recover(world, tmp_path):
    """No fault hook: SIGKILL after random delays, over a run long enough to be caught anywhere."""
    rng = random.Random(20250810)
    raw = write_raw(tmp_path / "raw", corpus(n_journal=24, n_ai=12, junk=4))
    clean = tmp_path / "clean"
    t0 = time.perf_counter()
    assert _run(lib_run_cmd(raw, clean, 2)).returncode == 0
    took = time.perf_counter() - t0
    expected = snapshot_bytes(clean)
    out = tmp_path / "out"
    outcomes = []
    for i in range(3):
        p = subprocess.Popen(lib_run_cmd(raw, out, 2), env=child_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.8 * took))
        p.send_signal(signal.SIGKILL)
        outcomes.append(p.wait())
        seen = snapshot_bytes(out)
        assert seen in ({}, expected), f"kill {i}: a partial dataset is visible"
        # change nothing: each retry resumes from the fragments the killed runs left
    assert -signal.SIGKILL in outcomes  # at least one run was really cut short
    assert _run(lib_run_cmd(raw, out, 2)).returncode == 0
    assert snapshot_bytes(out) == expected and leftovers(out) == []
    assert _tree(out) == _tree(clean)


# -- two runs at once ------------------------------------------------------------------------

def _paused_run(world: dict, out: Path, go: Path) -> subprocess.Popen:
    """A v2 run that holds the lock, paused with its new snapshot written but not current."""
    env = child_env(HCCBONE_FAULT=f"snapshot-renamed:wait={go}")
    p = subprocess.Popen(lib_run_cmd(world["raw"], out, SHARD), env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not Path(f"{go}.reached").exists():
        assert p.poll() is None, p.communicate()
        assert time.monotonic() < deadline, "the first run never reached its pause point"
        time.sleep(0.05)
    return p


def test_a_second_run_stops_at_once_with_a_clear_message(world, tmp_path):
    out = _output_at_v1(world, tmp_path / "out")
    go = tmp_path / "go"
    first = _paused_run(world, out, go)
    try:
        t0 = time.perf_counter()
        second = _run(cli_cmd("--raw", str(world["raw"]), "--out", str(out)))
        assert second.returncode == 2
        assert f"is being written by another ingest run (pid {first.pid} on " in second.stderr
        assert "--lock-wait" in second.stderr
        assert time.perf_counter() - t0 < 60  # stopped before starting Prefect (no temporary server)
        assert "temporary server" not in second.stderr
        _check_visible(out, world["v1_seen"], "while the first run holds the lock")
    finally:
        go.touch()
        assert first.wait(timeout=120) == 0, first.communicate()
    assert _tree(out) == world["v2_tree"]


@pytest.mark.flow
def test_a_second_run_with_lock_wait_waits_then_runs(world, tmp_path, prefect_harness):
    from prefect.settings import PREFECT_API_URL

    out = _output_at_v1(world, tmp_path / "out")
    go = tmp_path / "go"
    first = _paused_run(world, out, go)
    second = subprocess.Popen(cli_cmd("--raw", str(world["raw"]), "--out", str(out), "--lock-wait", "120",
                                      "--shard-size", str(SHARD), "--json"),
                              env=child_env(PREFECT_API_URL=PREFECT_API_URL.value()),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert second.poll() is None, second.communicate()  # waiting, not failed
        _check_visible(out, world["v1_seen"], "while the second run waits")
    finally:
        go.touch()
    assert first.wait(timeout=120) == 0
    stdout, stderr = second.communicate(timeout=300)
    assert second.returncode == 0, stderr
    assert '"processed_files": 0' in stdout  # it ran after the first, on the first's fragments
    assert snapshot_bytes(out) == world["v2_seen"] and leftovers(out) == []


@pytest.mark.flow
def test_the_cli_killed_mid_run_recovers_to_a_clean_run(tmp_path, prefect_harness):
    """The real `hccbone ingest` (Prefect flow, default steps) killed while processing shards."""
    from prefect.settings import PREFECT_API_URL

    from flows.ingest import run_flow

    raw = write_raw(tmp_path / "raw", corpus(n_journal=3, n_ai=2, junk=1))
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_flow(raw_dir=str(raw), out=str(clean), shard_size=2)  # the same flow, in this process
    env = {"PREFECT_API_URL": PREFECT_API_URL.value()}
    args = ("--raw", str(raw), "--out", str(out), "--shard-size", "2")
    killed = _run(cli_cmd(*args), HCCBONE_FAULT="fragment-written:1", **env)  # 1 of 6 files done
    assert killed.returncode == -signal.SIGKILL and snapshot_bytes(out) == {}
    again = _run(cli_cmd(*args), **env)
    assert again.returncode == 0, again.stderr
    # Parquet only: the card and manifest name the pipeline version, which covers the adapters
    # registered in the process (this one may also hold the tests' toy adapter).
    assert parquet_only(snapshot_bytes(out)) == parquet_only(snapshot_bytes(clean))
    assert leftovers(out) == []
