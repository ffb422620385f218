"""The output store: deterministic snapshots, incremental runs, quarantine, locking, recovery."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import tests.toy_adapter  # noqa: F401 - registers the toy adapter
from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.store import LockBusy, OutputDir, RunLock
from hccbone_ingest.tables import SCHEMA_VERSION, TABLES


def _raw(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    raw = tmp_path / "raw"
    for rel, content in files.items():
        p = raw / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
    return raw


def _ingest(raw: Path, out: Path, **kw) -> object:
    return run_ingest(IngestOptions(raw_dir=str(raw), out=str(out), **kw), steps=[])


def _parquet_bytes(out: Path) -> dict[str, bytes]:
    """Every published Parquet file by its path under the current snapshot."""
    cur = out / "_snapshots" / "current"
    return {p.relative_to(cur).as_posix(): p.read_bytes() for p in sorted(cur.rglob("*.parquet"))}


TOYS = {"toy/a.toy": "Alpha|10.1000/A1", "toy/b.toy": "Beta|doi:10.1000/b2.", "toy/c.toy": "Gamma"}


def test_tables_readable_with_pandas_and_carry_schema_version(tmp_path):
    out = tmp_path / "out"
    _ingest(_raw(tmp_path, TOYS), out)
    docs = pd.read_parquet(out / "documents")
    assert list(docs["doc_id"]) == sorted(docs["doc_id"])
    assert set(docs["doc_id"]) == {"doi:10.1000/a1", "doi:10.1000/b2", docs["doc_id"][2]}
    assert docs["doc_id"][2].startswith("sha256:")
    for name in TABLES:
        folder = out / name
        assert all(p.suffix == ".parquet" or p.name.startswith("_") for p in folder.iterdir())
        md = pq.read_schema(next(folder.glob("*.parquet"))).metadata
        assert md[b"hccbone.schema_version"] == SCHEMA_VERSION.encode()
    card = (out / "README.md").read_text()
    assert "### `documents` — 3 rows" in card and "duckdb" in card


def test_same_inputs_give_byte_identical_output(tmp_path):
    raw = _raw(tmp_path, TOYS)
    _ingest(raw, tmp_path / "o1")
    _ingest(raw, tmp_path / "o2", shard_size=1)
    first = _parquet_bytes(tmp_path / "o1")
    assert first and first == _parquet_bytes(tmp_path / "o2")
    r = _ingest(raw, tmp_path / "o1")  # a repeat run: nothing to do, same snapshot
    assert r.processed_files == 0 and not r.changed
    assert _parquet_bytes(tmp_path / "o1") == first


def test_incremental_change_and_delete(tmp_path):
    raw = _raw(tmp_path, TOYS)
    out = tmp_path / "out"
    _ingest(raw, out)
    (raw / "toy/a.toy").write_text("Alpha revised|10.1000/A1")
    (raw / "toy/c.toy").unlink()
    r = _ingest(raw, out)
    assert r.processed_files == 1 and r.removed_files == ["toy/c.toy"]
    docs = pd.read_parquet(out / "documents").set_index("doc_id")
    assert docs.loc["doi:10.1000/a1", "title_en"] == "Alpha revised"
    assert len(docs) == 2
    # ... and the incremental result equals a full rebuild byte for byte
    fresh = tmp_path / "fresh"
    _ingest(raw, fresh, full_refresh=True)
    assert _parquet_bytes(out) == _parquet_bytes(fresh)


def test_bad_files_are_quarantined_and_the_rest_lands(tmp_path):
    junk = random.Random(7).randbytes(1024)
    raw = _raw(tmp_path, {**TOYS, "toy/bad.toy": "x|y|FAIL", "junk/blob.bin": junk,
                          "junk/empty.txt": b"", "junk/big.toy": "Big|10.1000/big" + " " * 5000})
    out = tmp_path / "out"
    r = _ingest(raw, out, max_bytes=2000)
    errors = pd.read_parquet(out / "errors").set_index("source_path")
    assert errors.loc["toy/bad.toy", "stage"] == "parse"
    assert "asks to fail" in errors.loc["toy/bad.toy", "message"]
    assert errors.loc["junk/blob.bin", "stage"] == "decode"
    assert errors.loc["junk/empty.txt", "error_type"] == "EmptyInput"
    assert errors.loc["junk/big.toy", "error_type"] == "InputTooLarge"
    assert "2,000-byte limit" in errors.loc["junk/big.toy", "message"]
    assert len(pd.read_parquet(out / "documents")) == 3
    assert r.rows_per_table["errors"] == 4


def test_same_document_twice_is_kept_once(tmp_path):
    raw = _raw(tmp_path, {"toy/a.toy": "Alpha|10.1000/A1", "toy/copy.toy": "Alpha again|10.1000/a1"})
    out = tmp_path / "out"
    _ingest(raw, out)
    assert list(pd.read_parquet(out / "documents")["source_path"]) == ["toy/a.toy"]
    err = pd.read_parquet(out / "errors").iloc[0]
    assert err["stage"] == "dedupe" and "toy/a.toy" in err["message"]


def test_second_run_stops_while_the_output_is_locked(tmp_path):
    raw = _raw(tmp_path, TOYS)
    out = tmp_path / "out"
    with RunLock(OutputDir(str(out))), pytest.raises(LockBusy, match="another ingest run"):
        _ingest(raw, out)
    _ingest(raw, out)  # released: the next run proceeds


def test_leftovers_of_a_killed_run_are_recovered(tmp_path):
    raw = _raw(tmp_path, TOYS)
    out = tmp_path / "out"
    _ingest(raw, out)
    clean = _parquet_bytes(out)
    # What a SIGKILL can leave: a half-written snapshot dir, a torn temp file, an orphan fragment.
    (out / "_snapshots" / "deadbeef.tmp-123-abc" / "documents").mkdir(parents=True)
    (out / "_snapshots" / "deadbeef.tmp-123-abc" / "documents" / "part-00000.parquet").write_bytes(b"PAR1")
    (out / "_state" / "fragments" / "zz").mkdir(parents=True)
    (out / "_state" / "fragments" / "zz" / "orphan.json").write_bytes(b"{")
    (out / "_state" / "manifest.json").write_bytes(b"{not json")
    r = _ingest(raw, out)
    assert r.processed_files == 0  # fragments are content-addressed: nothing is redone
    assert _parquet_bytes(out) == clean
    assert not list((out / "_snapshots").glob("*.tmp-*"))
    assert not (out / "_state" / "fragments" / "zz" / "orphan.json").exists()


def test_row_groups_have_the_fixed_size_and_every_row_lands_once(tmp_path, monkeypatch):
    import importlib

    pub = importlib.import_module("hccbone_ingest.store.publish")  # the module, not the function

    # Small sizes so that 40 documents span several Arrow chunks, row groups and files.
    monkeypatch.setattr(pub, "ROW_GROUP_SIZE", 7)
    monkeypatch.setattr(pub, "ARROW_CHUNK_ROWS", 3)
    monkeypatch.setattr(pub, "MAX_ROWS_PER_FILE", 21)
    files = {f"toy/{i:03d}.toy": f"Title {i}|10.1000/x{i}" for i in range(40)}
    out = tmp_path / "out"
    _ingest(_raw(tmp_path, files), out)
    parts = sorted((out / "documents").glob("part-*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet"]
    metas = [pq.ParquetFile(p).metadata for p in parts]
    sizes = [[m.row_group(i).num_rows for i in range(m.num_row_groups)] for m in metas]
    assert sizes == [[7, 7, 7], [7, 7, 5]]
    docs = pd.read_parquet(out / "documents")
    assert list(docs["doc_id"]) == sorted(f"doi:10.1000/x{i}" for i in range(40))
