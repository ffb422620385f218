"""The per-file time budget (issue 12, items 16-17): a file that takes too long is quarantined with
the reason, the rest of its shard lands, and the over-budget outcome is not cached."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hccbone_ingest import pipeline
from hccbone_ingest.budget import FileBudget, OverBudget, check, file_budget
from hccbone_ingest.text.normalize import clean
from tests.ops_helpers import journal_variant, write_raw

TIGHT = FileBudget(base_seconds=1.0, seconds_per_mb=0.0)


def test_check_raises_once_the_deadline_has_passed() -> None:
    with file_budget(0.05):
        check()
        time.sleep(0.1)
        with pytest.raises(OverBudget, match="time budget of 0 s") as e:
            check("parse")
        assert e.value.stage == "parse"
    check()  # outside the block: no budget


def _slow_parse(monkeypatch, *, calls_clean: bool) -> list[int]:
    real = pipeline.parse_raw
    loops = [0]

    def parse(raw):
        if raw.path.endswith("slow.txt"):
            t0 = time.monotonic()
            while time.monotonic() - t0 < 5:  # an adapter stuck on a hostile page
                loops[0] += 1
                if calls_clean:
                    clean("a value")
                time.sleep(0.01)
        return real(raw)

    monkeypatch.setattr(pipeline, "parse_raw", parse)
    return loops


@pytest.mark.parametrize("calls_clean", [True, False])
def test_a_file_over_its_budget_is_quarantined_and_the_shard_goes_on(tmp_path: Path, monkeypatch,
                                                                      calls_clean: bool) -> None:
    raw = write_raw(tmp_path, {"a.txt": journal_variant(1), "slow.txt": journal_variant(2),
                               "c.txt": journal_variant(3)})
    pipeline.process_files([(raw / "a.txt", "a.txt")], steps=[])  # warm-up: first-use costs
    loops = _slow_parse(monkeypatch, calls_clean=calls_clean)
    t0 = time.monotonic()
    outs = pipeline.process_files([(raw / n, n) for n in ("a.txt", "slow.txt", "c.txt")], steps=[],
                                  file_budget=TIGHT)
    took = time.monotonic() - t0
    assert [o.doc is not None for o in outs] == [True, False, True]
    err = outs[1].error
    assert (err.stage, err.error_type) == ("parse", "OverBudget")
    assert "time budget" in err.message and "next run" in err.message
    if calls_clean:  # interrupted at the first check past the deadline, not after the 5 s loop
        assert took < 4 and loops[0] < 200


def test_an_over_budget_outcome_is_not_cached(tmp_path: Path, monkeypatch) -> None:
    from hccbone_ingest.runner import IngestOptions, run_ingest
    from hccbone_ingest.store import OutputDir

    raw = write_raw(tmp_path / "raw", {"slow.txt": journal_variant(2)})
    out = tmp_path / "out"
    _slow_parse(monkeypatch, calls_clean=True)
    run_ingest(IngestOptions(raw_dir=str(raw), out=str(out), file_budget=TIGHT), steps=[])
    monkeypatch.undo()  # the machine is fast again: the file lands on the next run
    result = run_ingest(IngestOptions(raw_dir=str(raw), out=str(out)), steps=[])
    assert result.processed_files == 1
    import pandas as pd

    assert len(pd.read_parquet(OutputDir(str(out)).table_dir("documents"))) == 1


def test_an_enrichment_step_over_budget_quarantines_only_the_slow_document(tmp_path: Path) -> None:
    from hccbone_ingest.enrich.base import Step

    class SlowOnOne(Step):
        name = "slow_on_one"
        version = 1

        def run(self, docs) -> None:
            for d in docs:
                if d.document.source_path == "slow.txt":
                    for _ in range(500):  # 5 s unless the budget stops it
                        check("enrich")
                        time.sleep(0.01)

    raw = write_raw(tmp_path, {"a.txt": journal_variant(1), "slow.txt": journal_variant(2)})
    pipeline.process_files([(raw / "a.txt", "a.txt")], steps=[])  # warm-up
    t0 = time.monotonic()
    outs = pipeline.process_files([(raw / "a.txt", "a.txt"), (raw / "slow.txt", "slow.txt")],
                                  steps=[SlowOnOne()], file_budget=TIGHT)
    assert time.monotonic() - t0 < 4.5
    assert outs[0].doc is not None
    assert (outs[1].error.stage, outs[1].error.error_type) == ("enrich", "OverBudget")
