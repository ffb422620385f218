"""The output's filesystem failing: full disk, read-only mount (issue 12, item 17)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.store import OutputDir
from tests.ops_helpers import journal_variant, write_raw


def _tmp_leftovers(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if ".tmp-" in p.name]


def test_no_space_left_is_not_retried_as_transient() -> None:
    from flows.ingest import is_transient

    assert not is_transient(OSError(errno.ENOSPC, "No space left on device"))
    assert not is_transient(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert not is_transient(OSError(errno.EROFS, "Read-only file system"))
    assert is_transient(OSError(errno.EIO, "Input/output error"))


def test_a_failed_atomic_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    out = OutputDir(str(tmp_path / "out"))

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        out.write_bytes_atomic(out.path("_state", "x.json"), b"{}")
    assert _tmp_leftovers(tmp_path) == []


def test_a_publish_failing_on_a_full_disk_leaves_no_temporary_snapshot(tmp_path: Path, monkeypatch) -> None:
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1)})
    out_path = tmp_path / "out"
    first = run_ingest(IngestOptions(raw_dir=str(raw), out=str(out_path)), steps=[])
    write_raw(raw, {"journal/b.txt": journal_variant(2)})
    real = OutputDir.write_bytes_atomic

    def full_on_card(self, path, data):
        if path.endswith("README.md"):
            raise OSError(errno.ENOSPC, "No space left on device", path)
        return real(self, path, data)

    monkeypatch.setattr(OutputDir, "write_bytes_atomic", full_on_card)
    with pytest.raises(OSError, match="No space"):
        run_ingest(IngestOptions(raw_dir=str(raw), out=str(out_path)), steps=[])
    assert _tmp_leftovers(out_path) == []
    assert OutputDir(str(out_path)).current_version() == first.version


def _one_line_cli(tmp_path: Path, capsys) -> tuple[int, list[str]]:
    from hccbone_ingest.cli import main

    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1)})
    rc = main(["ingest", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-progress"])
    return rc, capsys.readouterr().err.strip().splitlines()


def test_a_read_only_output_gives_one_clear_line(tmp_path: Path, monkeypatch, capsys) -> None:
    from hccbone_ingest.store import RunLock

    def read_only(self):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "out" / "_state"))

    monkeypatch.setattr(RunLock, "__enter__", read_only)
    rc, err = _one_line_cli(tmp_path, capsys)
    assert rc == 1 and len(err) == 1 and "read-only filesystem" in err[0], err


def test_a_full_disk_during_the_run_gives_one_clear_line(tmp_path: Path, monkeypatch, capsys) -> None:
    import flows.ingest

    def full(**kw):
        raise OSError(errno.ENOSPC, "No space left on device", "/x/_snapshots/abc.tmp-1")

    monkeypatch.setattr(flows.ingest, "run_flow", full)
    monkeypatch.setattr("hccbone_ingest.prefect_env.configure", lambda: None)
    rc, err = _one_line_cli(tmp_path, capsys)
    assert rc == 1 and len(err) == 1 and "no space left" in err[0], err
