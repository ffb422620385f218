"""The dataset card's promise: every table loads with pandas, pyarrow, DuckDB and `datasets`."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest

import tests.toy_adapter  # noqa: F401 - registers the toy adapter
from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.tables import TABLES


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for i, title in enumerate(["Alpha", "Beta", "Gamma"]):
        (raw / f"{i}.toy").write_text(f"{title}|10.1000/t{i}")
    (raw / "bad.toy").write_text("x|y|FAIL")
    out = tmp_path_factory.mktemp("out")
    run_ingest(IngestOptions(raw_dir=str(raw), out=str(out)), steps=[])
    return out


@pytest.mark.parametrize("name", list(TABLES))
def test_pandas_pyarrow_duckdb_agree(out, name):
    folder = out / name
    df = pd.read_parquet(folder)
    table = ds.dataset(folder).to_table()
    assert list(df.columns) == TABLES[name].schema.names == table.schema.names
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{folder}/*.parquet')").fetchall()[0][0]
    assert len(df) == table.num_rows == n


def test_hugging_face_datasets_loads_documents_with_every_column(out, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    d = load_dataset("parquet", data_files=str(out / "documents" / "*.parquet"), split="train",
                     cache_dir=str(tmp_path / "hf_cache"))
    assert d.num_rows == 3
    assert d.column_names == TABLES["documents"].schema.names
    assert sorted(d["doc_id"]) == ["doi:10.1000/t0", "doi:10.1000/t1", "doi:10.1000/t2"]
    errors = load_dataset("parquet", data_files=str(out / "errors" / "*.parquet"), split="train",
                          cache_dir=str(tmp_path / "hf_cache"))
    assert errors["stage"] == ["parse"]


def test_the_cards_loading_path_for_any_table_works_on_empty_tables(out, monkeypatch, tmp_path):
    """datasets' load_dataset raises on a table of 0 rows; the card documents a path that does not."""
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import Dataset

    card = (out / "README.md").read_text()
    assert 'Dataset(ds.dataset("processed/keywords").to_table())' in card
    empty = [name for name in TABLES if pd.read_parquet(out / name).empty]
    assert "keywords" in empty
    for name in TABLES:
        d = Dataset(ds.dataset(out / name).to_table())
        assert d.num_rows == len(pd.read_parquet(out / name))
        assert d.column_names == TABLES[name].schema.names
