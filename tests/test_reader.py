"""The reader API: `read_table` / `read_parallel` over published snapshots."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import hccbone_ingest
import tests.toy_adapter  # noqa: F401 - registers the toy adapter
from hccbone_ingest.errors import ExportError, ReadError
from hccbone_ingest.reader import PARALLEL_COLUMNS
from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.store import OutputDir
from hccbone_ingest.tables import TABLES
from tests.parallel_corpus import SEED_ID, SUMMARY_ID, TRICKY_ID, write_corpus, write_published

read_table = hccbone_ingest.read_table
read_parallel = hccbone_ingest.read_parallel


@pytest.fixture
def out(tmp_path: Path) -> str:
    return str(write_corpus(tmp_path / "processed"))


def _keys(df: pd.DataFrame) -> list[tuple[str, int]]:
    return list(zip(df["doc_id"], df["pair_no"], strict=True))


# -- dtypes -------------------------------------------------------------------------------------

def test_year_is_an_integer_column_with_a_missing_value(out):
    docs = read_table("documents", root=out)
    assert list(docs.columns) == TABLES["documents"].schema.names
    assert pd.api.types.is_integer_dtype(docs["year"]) and docs["year"].dtype == pd.ArrowDtype(pa.int32())
    by_id = dict(zip(docs["doc_id"], docs["year"], strict=True))
    assert by_id[SEED_ID] == 2025 and by_id[TRICKY_ID] == 2024 and by_id[SUMMARY_ID] is pd.NA
    assert docs["quality_flags"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert docs["received_date"].dtype == pd.ArrowDtype(pa.date32())


def test_numpy_nullable_backend(out):
    docs = read_table("documents", root=out, dtype_backend="numpy_nullable")
    assert docs["year"].dtype == pd.Int32Dtype()
    assert docs["year"].isna().tolist() == [False, False, True]  # sorted by doc_id: summary last
    assert docs["doi_valid"].dtype == pd.BooleanDtype()
    assert isinstance(docs["title_en"].dtype, pd.StringDtype)
    pairs = read_parallel(root=out, dtype_backend="numpy_nullable")
    assert pairs["score"].dtype == pd.Float64Dtype() and pairs["pair_no"].dtype == pd.Int32Dtype()
    with pytest.raises(ValueError, match="dtype_backend"):
        read_table("documents", root=out, dtype_backend="numpy")  # type: ignore[arg-type]


def test_columns_subset_keeps_the_declared_types(out):
    docs = read_table("documents", root=out, columns=["doc_id", "year"])
    assert list(docs.columns) == ["doc_id", "year"]
    assert docs["year"].dtype == pd.ArrowDtype(pa.int32())


# -- empty tables -------------------------------------------------------------------------------

def test_empty_tables_have_every_column_and_type(tmp_path):
    out = str(write_published(tmp_path / "p", {"documents": [], "alignments": []}))
    docs = read_table("documents", root=out)
    assert len(docs) == 0 and list(docs.columns) == TABLES["documents"].schema.names
    assert docs["year"].dtype == pd.ArrowDtype(pa.int32())
    pairs = read_parallel(root=out, doc_columns=["year"])
    assert len(pairs) == 0 and list(pairs.columns) == [*PARALLEL_COLUMNS, "year"]
    assert pairs["score"].dtype == pd.ArrowDtype(pa.float64())
    assert pairs["pair_no"].dtype == pd.ArrowDtype(pa.int32())
    assert pairs["year"].dtype == pd.ArrowDtype(pa.int32())


# -- read_parallel ------------------------------------------------------------------------------

def test_parallel_default_drops_unmatched_and_cleans_texts(out):
    pairs = read_parallel(root=out)
    assert list(pairs.columns) == list(PARALLEL_COLUMNS)
    # Scores and shapes of tests/parallel_corpus.py: TRICKY 1 (0-1) and 4 (1-0) have an empty side.
    assert _keys(pairs) == [(TRICKY_ID, 0), (TRICKY_ID, 2), (TRICKY_ID, 3),
                            (SEED_ID, 0), (SEED_ID, 1), (SEED_ID, 2), (SEED_ID, 3), (SEED_ID, 4)]
    row = pairs[(pairs["doc_id"] == TRICKY_ID) & (pairs["pair_no"] == 2)].iloc[0]
    assert row["zh_text"] == "第一行 第二行 结尾。" and row["en_text"] == "First line second line end."
    assert row["kind"] == "1-1" and row["section"] == "abstract" and row["score"] == pytest.approx(0.30)


def test_min_score_and_max_score(out):
    assert _keys(read_parallel(0.5, root=out)) == [(TRICKY_ID, 0), (TRICKY_ID, 3), (SEED_ID, 0),
                                                   (SEED_ID, 1), (SEED_ID, 3), (SEED_ID, 4)]
    # Half-open like the export: 0.47 < 0.5, and 0.91 / 0.95 are at or above 0.9.
    assert _keys(read_parallel(0.5, root=out, max_score=0.9)) == [(TRICKY_ID, 0), (TRICKY_ID, 3),
                                                                  (SEED_ID, 1), (SEED_ID, 3)]
    assert len(read_parallel(0.99, root=out)) == 0
    with pytest.raises(ExportError):
        read_parallel(0.8, root=out, max_score=0.5)


def test_kinds_filter(out):
    assert _keys(read_parallel(root=out, kinds="1-1")) == [(TRICKY_ID, 0), (TRICKY_ID, 2), (SEED_ID, 1),
                                                           (SEED_ID, 3), (SEED_ID, 4)]
    assert _keys(read_parallel(root=out, kinds=["2-1", "1-3"])) == [(TRICKY_ID, 3), (SEED_ID, 0)]
    # Naming an unmatched kind selects it; include_unmatched adds both empty-sided pairs.
    assert _keys(read_parallel(root=out, kinds="0-1")) == [(TRICKY_ID, 1)]
    assert (TRICKY_ID, 4) in _keys(read_parallel(root=out, include_unmatched=True))
    assert _keys(read_parallel(0.5, root=out, kinds="1-1")) == [(TRICKY_ID, 0), (SEED_ID, 1), (SEED_ID, 3),
                                                                (SEED_ID, 4)]
    with pytest.raises(ExportError, match="1:1"):
        read_parallel(root=out, kinds="1:1")


def test_doc_columns_join_documents_of_the_same_snapshot(out):
    pairs = read_parallel(0.5, root=out, doc_columns=["year", "journal_zh"])
    assert list(pairs.columns) == [*PARALLEL_COLUMNS, "year", "journal_zh"]
    seed = pairs[pairs["doc_id"] == SEED_ID]
    assert set(seed["year"]) == {2025} and set(seed["journal_zh"]) == {"中华肝脏外科手术学电子杂志"}
    assert set(pairs[pairs["doc_id"] == TRICKY_ID]["journal_zh"].isna()) == {True}
    assert _keys(pairs) == _keys(read_parallel(0.5, root=out))  # the join keeps the order
    with pytest.raises(ReadError, match="no column"):
        read_parallel(root=out, doc_columns=["nope"])


# -- errors -------------------------------------------------------------------------------------

def test_unknown_table_or_column_and_missing_output(out, tmp_path):
    with pytest.raises(ReadError, match=r"unknown table 'alignment'.*alignments"):
        read_table("alignment", root=out)
    with pytest.raises(ReadError, match=r"no column\(s\) \['yr'\]"):
        read_table("documents", root=out, columns=["doc_id", "yr"])
    with pytest.raises(ReadError, match="hccbone ingest"):
        read_table("documents", root=str(tmp_path / "nowhere"))
    with pytest.raises(ReadError, match="'terms' table"):  # a snapshot without that table
        read_table("terms", root=out)


# -- consistency while publishing ---------------------------------------------------------------

def _raw(tmp_path: Path, files: dict[str, str]) -> Path:
    raw = tmp_path / "raw"
    for rel, content in files.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(content)
    return raw


def test_reads_stay_on_one_snapshot_while_a_newer_one_is_published(tmp_path, monkeypatch):
    raw = _raw(tmp_path, {"toy/a.toy": "Alpha|10.1000/a1", "toy/b.toy": "Beta|10.1000/b2"})
    out = str(tmp_path / "out")
    first = run_ingest(IngestOptions(raw_dir=str(raw), out=out), steps=[]).version
    assert read_table("documents", root=out)["doc_id"].tolist() == ["doi:10.1000/a1", "doi:10.1000/b2"]

    (raw / "toy" / "c.toy").write_text("Gamma|10.1000/c3")
    pub = importlib.import_module("hccbone_ingest.store.publish")
    real_checkpoint = pub.checkpoint
    seen: dict[str, list[str]] = {}

    def reading_checkpoint(name: str) -> None:
        # The new snapshot is complete on disk but not yet current: readers still get the old one.
        if name in ("snapshot-renamed", "current-switched") and name not in seen:
            seen[name] = read_table("documents", root=out, columns=["doc_id"])["doc_id"].tolist()
        real_checkpoint(name)

    monkeypatch.setattr(pub, "checkpoint", reading_checkpoint)
    second = run_ingest(IngestOptions(raw_dir=str(raw), out=out), steps=[]).version
    assert second != first
    assert seen["snapshot-renamed"] == ["doi:10.1000/a1", "doi:10.1000/b2"]
    assert seen["current-switched"] == ["doi:10.1000/a1", "doi:10.1000/b2", "doi:10.1000/c3"]
    # The previous snapshot is kept until the next run: a reader that pinned it still reads it.
    assert OutputDir(out).current_version() == second
    assert len(read_table("documents", root=out, version=first)) == 2
    assert len(read_table("documents", root=out)) == 3


def test_importing_the_package_does_not_import_pandas():
    code = ("import sys, hccbone_ingest; "
            "assert 'pandas' not in sys.modules and 'pyarrow' not in sys.modules; "
            "assert callable(hccbone_ingest.read_table) and 'pandas' in sys.modules; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    with pytest.raises(AttributeError):
        hccbone_ingest.read_everything  # noqa: B018
