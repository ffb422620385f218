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


def test_a_run_publishes_its_summary_artifact_and_draws_progress(prefect_harness, tmp_path, capsys):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    import tests.toy_adapter  # noqa: F401 - toy files carry alignment scores
    from flows.ingest import ingest

    raw = tmp_path / "raw"
    files = {"toy/a.toy": "Alpha|10.1000/a1|0.92,0.35", "toy/b.toy": "Beta|10.1000/b2|0.81",
             "toy/bad.toy": "x|y|FAIL", "toy/junk.toy": bytes(range(256)) * 4}
    for rel, content in files.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_bytes(content if isinstance(content, bytes) else content.encode())
    state = ingest(raw_dir=str(raw), out=str(tmp_path / "out"), shard_size=1, progress=True,
                   return_state=True)
    assert state.is_completed()
    err = capsys.readouterr().err
    assert "files" in err and "4/4" in err  # the progress bar, on stderr

    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    md = artifact.data
    assert artifact.key == "hccbone-ingest-summary" and artifact.type == "markdown"
    assert "| toy | 2 |" in md  # documents per source
    for table, n in {"documents": 2, "abstracts": 2, "alignments": 3, "errors": 2, "references": 0}.items():
        assert f"| {table} | {n} |" in md  # rows per table
    assert "Quarantined files: 2" in md
    assert "| toy/bad.toy | parse | ParseError | toy file asks to fail |" in md
    assert "| toy/junk.toy | decode | DecodeError |" in md
    # scores 0.92, 0.35, 0.81: mean 0.693, median 0.81; one bead under 0.5
    assert ("Alignment scores: 3 beads, mean 0.693, min 0.350" in md and "median 0.810, max 0.920; "
            "1 below 0.5." in md)
