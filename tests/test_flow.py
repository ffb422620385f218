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


def test_a_run_publishes_its_summary_artifact_and_draws_progress(prefect_harness, seed_raw, tmp_path,
                                                                  capsys):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from flows.ingest import ingest

    (seed_raw / "journal" / "junk.bin").write_bytes(bytes(range(256)) * 4)
    (seed_raw / "misc").mkdir()
    (seed_raw / "misc" / "notes.txt").write_text("Nothing about any article here.\n" * 5)
    out = tmp_path / "out"
    state = ingest(raw_dir=str(seed_raw), out=str(out), shard_size=1, progress=True, return_state=True)
    assert state.is_completed()
    err = capsys.readouterr().err
    assert "files" in err and "4/4" in err  # the progress bar, on stderr

    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    md = artifact.data
    assert artifact.key == "hccbone-ingest-summary" and artifact.type == "markdown"
    assert "| ai_summary | 1 |\n| journal | 1 |" in md  # documents per source
    for table in ("documents", "references", "sentences", "alignments", "errors"):
        n = len(pd.read_parquet(out / table))
        assert f"| {table} | {n} |" in md  # rows per table, as published
    assert "| references | 36 |" in md  # the seed page's 36 references
    assert "Quarantined files: 2" in md
    assert ("| journal/junk.bin | decode | DecodeError | not valid UTF-8 or GB18030 and no encoding "
            "could be detected |") in md
    assert "| misc/notes.txt | detect | UnsupportedInput | no source adapter recognises this text file" in md
    # the score distribution is that of the published alignments table
    scores = pd.read_parquet(out / "alignments")["score"].sort_values().tolist()
    assert len(scores) >= 5  # the seed's abstracts: five Chinese sentences
    low = sum(s < 0.5 for s in scores)
    assert (f"Alignment scores: {len(scores)} beads, mean {sum(scores) / len(scores):.3f}, "
            f"min {scores[0]:.3f}") in md
    assert f"max {scores[-1]:.3f}; {low} below 0.5." in md
