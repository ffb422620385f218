"""Outputs at fsspec URLs: `memory://` (an object store without renames or links, inside
this process) and `file://`, through the library and through the CLI."""

from __future__ import annotations

import argparse
import io
import json
import posixpath
import socket
import uuid

import fsspec
import pandas as pd
import pyarrow.parquet as pq
import pytest

from hccbone_ingest.commands import ingest as ingest_cmd
from hccbone_ingest.store import LockBusy, OutputDir, RunLock
from hccbone_ingest.tables import TABLES
from tests.ops_helpers import corpus, ingest, journal_variant, parquet_only, snapshot_bytes, write_raw


@pytest.fixture
def mem_url():
    root = f"/ops-test-{uuid.uuid4().hex[:8]}"
    yield f"memory://{root}/out"
    fs = fsspec.filesystem("memory")
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _remote_seen(url: str, via_pointer: bool) -> dict[str, bytes]:
    """Parquet files per table: through the pointer (consistent readers) or the table prefixes."""
    out = OutputDir(url)
    seen = {}
    for name in TABLES:
        folder = out.table_dir(name) if via_pointer else out.path(name)
        for p in sorted(out.fs.find(folder)):
            seen[f"{name}/{posixpath.basename(p)}"] = out.fs.cat(p)
    return seen


def test_memory_output_matches_a_local_one_and_stays_incremental(tmp_path, mem_url):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=2, n_ai=2, junk=1))
    ingest(raw, tmp_path / "local")
    local = parquet_only(snapshot_bytes(tmp_path / "local"))
    ingest(raw, mem_url)
    assert _remote_seen(mem_url, via_pointer=True) == local
    assert _remote_seen(mem_url, via_pointer=False) == local
    out = OutputDir(mem_url)
    part = posixpath.join(out.table_dir("documents"), "part-00000.parquet")
    assert pq.read_table(io.BytesIO(out.fs.cat(part))).num_rows == 6  # 2 seeds, 2 + 2 variants
    assert ingest(raw, mem_url).processed_files == 0  # the manifest and fragments live there too

    (raw / "journal/variant_000.txt").write_text(journal_variant(0).replace("肝细胞癌", "肝癌"))
    (raw / "ai_summary/variant_001.txt").unlink()
    r = ingest(raw, mem_url)
    assert r.processed_files == 1 and r.removed_files == ["ai_summary/variant_001.txt"]
    ingest(raw, tmp_path / "local2")
    local2 = parquet_only(snapshot_bytes(tmp_path / "local2"))
    assert _remote_seen(mem_url, via_pointer=True) == local2 != local
    assert _remote_seen(mem_url, via_pointer=False) == local2
    # garbage: republishing the current inputs drops the previous snapshot; only live fragments stay
    assert ingest(raw, mem_url, full_refresh=True).processed_files == 6  # 5 documents, 1 junk
    snaps = {posixpath.basename(p) for p in out.fs.ls(out.snapshots, detail=False)}
    assert snaps == {out.current_version(), "current.txt"}
    frags = [p for p in out.fs.find(out.path("_state", "fragments"))]
    assert len(frags) == 6 and all(p.endswith(".json") for p in frags)


def test_remote_leftovers_of_a_killed_run_are_cleaned(tmp_path, mem_url):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=1, junk=0))
    ingest(raw, mem_url)
    before = _remote_seen(mem_url, via_pointer=True)
    out = OutputDir(mem_url)
    fs = out.fs
    fs.pipe(out.path("_snapshots", "abc.tmp-1-2", "documents", "part-00000.parquet"), b"PAR1")
    fs.pipe(out.path("_state", "fragments", "ab", "x.json.tmp-1-2"), b"{")
    fs.pipe(out.path("documents", "part-00009.parquet"), b"stale part of a half-mirrored table")
    ingest(raw, mem_url)
    assert _remote_seen(mem_url, via_pointer=False) == before == _remote_seen(mem_url, via_pointer=True)
    assert not [p for p in fs.find(out.root) if ".tmp-" in p]


def test_remote_lock_is_exclusive_and_names_its_holder(mem_url):
    out = OutputDir(mem_url)
    with RunLock(out), pytest.raises(LockBusy, match=r"another ingest run \(pid \d+ on "):
        with RunLock(OutputDir(mem_url)):
            pass
    with RunLock(out):  # released
        pass


def test_remote_lock_of_a_dead_process_on_this_host_is_taken_over(mem_url):
    out = OutputDir(mem_url)
    marker = out.path("_state", "lock.json")
    dead = {"pid": 2**22 + 12345, "host": socket.gethostname(), "since": "2025-01-01T00:00:00Z"}
    out.fs.pipe(marker, json.dumps(dead).encode())
    with RunLock(out):
        assert json.loads(out.fs.cat(marker))["pid"] != dead["pid"]
    alive_elsewhere = {**dead, "host": "another-host"}
    out.fs.pipe(marker, json.dumps(alive_elsewhere).encode())
    with pytest.raises(LockBusy, match="another-host"):
        RunLock(out).__enter__()
    with RunLock(out, stale_after=-1):  # ... unless older than stale_after
        pass


def test_file_urls_work_like_paths(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=1, junk=1))
    ingest(raw, tmp_path / "plain")
    ingest(raw, f"file://{tmp_path}/url out")
    assert snapshot_bytes(tmp_path / "url out") == snapshot_bytes(tmp_path / "plain")
    assert (tmp_path / "url out" / "documents").is_symlink()  # the local layout, atomic switch


def _cli_args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    ingest_cmd.add_arguments(p)
    return p.parse_args(list(argv))


def test_memory_urls_are_refused_with_dask(tmp_path, capsys):
    args = _cli_args("--raw", str(tmp_path), "--out", "memory://x", "--task-runner", "dask")
    assert ingest_cmd.run(args) == 2
    assert "Dask workers cannot write to it" in capsys.readouterr().err


@pytest.mark.flow
def test_the_cli_writes_to_a_memory_url(prefect_harness, seed_raw, tmp_path, mem_url, capsys):
    assert ingest_cmd.run(_cli_args("--raw", str(seed_raw), "--out", mem_url, "--no-progress")) == 0
    assert "documents per source: ai_summary=1, journal=1" in capsys.readouterr().out
    out = OutputDir(mem_url)
    with out.fs.open(posixpath.join(out.table_dir("documents"), "part-00000.parquet")) as f:
        docs = pd.read_parquet(f)
    assert "doi:10.3877/cma.j.issn.2095-3232.2025.04.004" in set(docs["doc_id"])
    assert out.exists(out.path("README.md"))
