"""Flow smoke tests under prefect_test_harness (kept few: each flow run costs seconds)."""

from __future__ import annotations

import pandas as pd
import pytest

from hccbone_ingest.cli import main

pytestmark = pytest.mark.flow


def test_cli_ingest_runs_the_flow_and_prints_the_summary(prefect_harness, seed_raw, tmp_path, capsys):
    junk = seed_raw / "journal" / "junk.html"
    junk.write_bytes(b"\x00\x01\x02\x03" * 200)
    out = tmp_path / "processed"
    assert main(["ingest", "--raw", str(seed_raw), "--out", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "documents per source:" in printed and "journal=1" in printed
    assert "quarantined: 1" in printed and "journal/junk.html [decode]" in printed
    docs = pd.read_parquet(out / "documents")
    assert "doi:10.3877/cma.j.issn.2095-3232.2025.04.004" in set(docs["doc_id"])
    errors = pd.read_parquet(out / "errors")
    assert list(errors["source_path"]) == ["journal/junk.html"]
    # a second run over unchanged files reprocesses nothing and republishes the same snapshot
    assert main(["ingest", "--raw", str(seed_raw), "--out", str(out), "--no-progress", "--json"]) == 0
    assert '"processed_files": 0' in capsys.readouterr().out
