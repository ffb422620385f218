"""Raw-folder faults (issue 12): files that change under a run, folders that cannot be listed,
rewrites that keep size and mtime, special files, broken links and undecodable names."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pandas as pd
import pytest

from hccbone_ingest import pipeline
from hccbone_ingest.runner import IngestOptions, make_plan, process_shard
from hccbone_ingest.store import OutputDir, RunLock, publish
from hccbone_ingest.store import plan as plan_mod
from tests.conftest import JOURNAL_SEED
from tests.ops_helpers import ingest, journal_variant, snapshot_bytes, write_raw


def _docs(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "documents")


def _errors(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "errors").set_index("source_path")


def test_a_file_cut_while_a_run_reads_it_comes_back_when_it_is_whole_again(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    out = str(tmp_path / "out")
    page = raw / "journal/a.txt"
    original = page.read_bytes()
    opts = IngestOptions(raw_dir=str(raw), out=out)
    with RunLock(OutputDir(out)):
        plan = make_plan(opts)  # hashes the whole page
        page.write_bytes(b"")  # ... which is cut to nothing before the shard reads it
        for shard in plan.shards(8):
            plan.settle(process_shard(shard, out, steps=[]).entries)
        publish(plan)
    assert _errors(tmp_path / "out").loc["journal/a.txt", "message"] == "the file is empty (0 bytes)"
    page.write_bytes(original)  # the same bytes the plan hashed
    ingest(raw, out)
    assert len(_docs(tmp_path / "out")) == 1
    assert len(pd.read_parquet(tmp_path / "out" / "errors")) == 0


def test_a_file_that_vanishes_before_it_is_read_is_not_cached_as_its_content(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    out = str(tmp_path / "out")
    opts = IngestOptions(raw_dir=str(raw), out=out)
    page = raw / "journal/a.txt"
    with RunLock(OutputDir(out)):
        plan = make_plan(opts)
        page.rename(tmp_path / "away.txt")
        for shard in plan.shards(8):
            summary = process_shard(shard, out, steps=[])
            plan.settle(summary.entries)
        publish(plan)
    assert summary.entries[0].sha256 is None  # the manifest will not trust this outcome
    assert _errors(tmp_path / "out").loc["journal/a.txt", "error_type"] == "UnreadableInput"
    (tmp_path / "away.txt").rename(page)
    ingest(raw, out)
    assert len(_docs(tmp_path / "out")) == 1


def test_full_refresh_rewrites_a_damaged_published_snapshot(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    out = tmp_path / "out"
    ingest(raw, out)
    good = snapshot_bytes(out)
    part = next((out / "documents").glob("*.parquet"))
    part.resolve().write_bytes(b"damaged")
    ingest(raw, out, full_refresh=True)
    assert snapshot_bytes(out) == good


def test_a_folder_that_cannot_be_listed_keeps_its_documents(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes(),
                                       "more/b.txt": journal_variant(1)})
    out = tmp_path / "out"
    ingest(raw, out)
    before = snapshot_bytes(out)
    real_scandir = os.scandir

    def refuse_more(path):  # what a folder without read permission does (root ignores modes)
        if Path(path).name == "more":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_more)
    result = ingest(raw, out)
    assert result.unlisted_folders == ["more"]
    assert result.removed_files == []
    assert snapshot_bytes(out) == before
    monkeypatch.undo()
    (raw / "more/b.txt").unlink()  # listable again: a real removal is still seen
    assert ingest(raw, out).removed_files == ["more/b.txt"]


def test_a_rewrite_that_keeps_size_and_mtime_is_seen(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1)})
    out = tmp_path / "out"
    ingest(raw, out)
    page = raw / "journal/a.txt"
    st = page.stat()
    new = journal_variant(2)
    assert len(new.encode()) == st.st_size
    page.write_text(new, encoding="utf-8")  # as `cp -p` / `rsync -t` / `touch -r` leave it:
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime
    result = ingest(raw, out)
    assert result.processed_files == 1
    assert _docs(out)["doi"].iloc[0].endswith("2025.04.102")


def test_verify_rehashes_every_file_and_reprocesses_none_that_did_not_change(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1),
                                       "journal/b.txt": journal_variant(2)})
    out = tmp_path / "out"
    ingest(raw, out)
    hashed: list[str] = []
    real = plan_mod._sha256_file
    monkeypatch.setattr(plan_mod, "_sha256_file", lambda p: hashed.append(p) or real(p))
    assert ingest(raw, out).processed_files == 0
    assert hashed == []  # metadata unchanged: trusted
    result = ingest(raw, out, verify=True)
    assert len(hashed) == 2 and result.processed_files == 0


def _ingest_with_deadline(raw: Path, out: Path, seconds: float = 60.0):
    box: dict = {}
    t = threading.Thread(target=lambda: box.update(r=ingest(raw, out)), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the run blocked on a raw entry"
    return box["r"]


def test_special_files_and_broken_links_are_quarantined_and_never_block(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    j = raw / "journal"
    os.mkfifo(j / "pipe.txt")
    (j / "zero.txt").symlink_to("/dev/zero")
    (j / "dangling.txt").symlink_to(j / "nowhere.txt")
    (j / "loop1.txt").symlink_to(j / "loop2.txt")
    (j / "loop2.txt").symlink_to(j / "loop1.txt")
    (j / "sub").symlink_to(j)  # a folder link back up: not followed
    out = tmp_path / "out"
    result = _ingest_with_deadline(raw, out)
    assert result.documents_per_source == {"journal": 1}
    errors = _errors(out)
    assert "FIFO" in errors.loc["journal/pipe.txt", "message"]
    assert "character device" in errors.loc["journal/zero.txt", "message"]
    assert "target does not exist" in errors.loc["journal/dangling.txt", "message"]
    assert "loop" in errors.loc["journal/loop1.txt", "message"]
    assert set(errors["stage"]) == {"read"}
    assert _ingest_with_deadline(raw, out).processed_files == 0  # and they stay cached


def test_file_names_that_are_not_utf8_land_under_their_gbk_reading(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    gbk_name = "肝癌骨转移.txt".encode("gbk")
    with open(os.path.join(os.fsencode(raw / "journal"), gbk_name), "wb") as f:
        f.write(journal_variant(3).encode())
    junk_name = b"\xff\xfe-odd.txt"
    with open(os.path.join(os.fsencode(raw / "journal"), junk_name), "wb") as f:
        f.write(journal_variant(4).encode())
    out = tmp_path / "out"
    ingest(raw, out)
    paths = set(_docs(out)["source_path"])
    assert "journal/肝癌骨转移.txt" in paths
    assert any(p.startswith("journal/") and p.endswith("-odd.txt") for p in paths)
    assert len(paths) == 3
    assert ingest(raw, out).processed_files == 0


def test_the_cli_holds_the_lock_for_the_whole_run(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    out = tmp_path / "out"
    seen: dict = {}

    def fake_run_flow(**params):
        from hccbone_ingest.store import LockBusy

        try:
            with RunLock(OutputDir(str(out))):
                seen["busy"] = False
        except LockBusy:
            seen["busy"] = True
        seen["params"] = params
        raise FileNotFoundError("stop here")

    import flows.ingest

    monkeypatch.setattr(flows.ingest, "run_flow", fake_run_flow)
    from hccbone_ingest.cli import main

    assert main(["ingest", "--raw", str(raw), "--out", str(out), "--no-progress"]) == 2
    assert seen["busy"] is True and seen["params"]["lock_held"] is True
    with RunLock(OutputDir(str(out))):  # released afterwards
        pass


@pytest.mark.parametrize("changes", [1, 5])
def test_a_file_that_keeps_changing_while_read_is_quarantined_then_read_again(tmp_path, monkeypatch, changes):
    raw = write_raw(tmp_path / "raw", {"journal/a.txt": JOURNAL_SEED.read_bytes()})
    calls = {"n": 0}
    real_fstat = pipeline._fstat

    def drifting_fstat(fd):  # each read sees the file's metadata move under it `changes` times
        st = real_fstat(fd)
        calls["n"] += 1
        if calls["n"] <= 2 * changes and calls["n"] % 2 == 0:
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
                                   st.st_size, st.st_atime, st.st_mtime + 1, st.st_ctime))
        return st

    monkeypatch.setattr(pipeline, "_fstat", drifting_fstat)
    out = tmp_path / "out"
    result = ingest(raw, out)
    monkeypatch.undo()
    if changes < 3:  # retried and read whole
        assert result.documents_per_source == {"journal": 1}
    else:
        assert "kept changing" in _errors(out).loc["journal/a.txt", "message"]
        assert ingest(raw, out).documents_per_source == {"journal": 1}
