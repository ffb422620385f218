"""Fault suite: bad, odd and hostile raw files, and what a run makes of them.

Library runs (no Prefect) unless Prefect's retry machinery is the point. Every bad file must
become one `errors` row with its stage and a reason a person understands, while every other
file lands; odd-but-valid files (GBK, UTF-16, names with spaces and Chinese) must land with
exactly the records their UTF-8 twin gives.
"""

from __future__ import annotations

import codecs
import os
import random
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from hccbone_ingest.errors import IngestError, ParseError
from hccbone_ingest.pipeline import process_files
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.journal_text import JournalTextAdapter
from hccbone_ingest.store import OutputDir
from hccbone_ingest.tables import TABLES, bundle_rows
from tests.conftest import AI_SEED, JOURNAL_SEED
from tests.ops_helpers import corpus, ingest, snapshot_bytes, write_raw

SEED_DOC_ID = "doi:10.3877/cma.j.issn.2095-3232.2025.04.004"
SEED_TEXT = JOURNAL_SEED.read_text(encoding="utf-8")
# Provenance fields that must differ between two encodings of the same page.
PER_FILE = {"source_path", "content_sha256", "encoding"}


def _records(path: Path, rel: str) -> dict[str, list[dict]]:
    """Every table row one raw file gives, minus the per-file provenance fields."""
    [outcome] = process_files([(path, rel)], steps=[])
    assert outcome.error is None, outcome.error
    rows = bundle_rows(outcome.doc)
    for d in rows["documents"]:
        for k in PER_FILE:
            d.pop(k)
    return rows


def _errors(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "errors").set_index("source_path")


# -- quarantine --------------------------------------------------------------------------

def test_bad_files_get_one_errors_row_each_and_every_other_file_lands(tmp_path):
    rng = random.Random(7)
    raw = write_raw(tmp_path / "raw", {
        "journal/000_seed.txt": JOURNAL_SEED.read_bytes(),
        "ai_summary/003_seed.txt": AI_SEED.read_bytes(),
        "journal/junk.bin": rng.randbytes(4096),
        "journal/scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(3000),
        "journal/empty.txt": b"",
        "journal/blank.txt": b" \n\t\r\n   \n",
        "journal/huge.txt": SEED_TEXT.encode() * 8,  # ~110 KB, over the limit below
        "misc/notes.txt": "Caf\xe9 r\xe9sum\xe9: nothing about any article.\n" * 20,
    })
    out = tmp_path / "out"
    r = ingest(raw, out, max_bytes=50_000)
    docs = pd.read_parquet(out / "documents")
    assert sorted(docs["source_path"]) == ["ai_summary/003_seed.txt", "journal/000_seed.txt"]
    err = _errors(out)
    assert len(err) == 6 and r.rows_per_table["errors"] == 6
    expect = {  # path: (stage, error type, words the reason must contain)
        "journal/junk.bin": ("decode", "DecodeError", "no encoding could be detected"),
        "journal/scan.pdf": ("decode", "DecodeError", "no encoding could be detected"),
        "journal/empty.txt": ("read", "EmptyInput", "empty (0 bytes)"),
        "journal/blank.txt": ("read", "EmptyInput", "only white space"),
        "journal/huge.txt": ("read", "InputTooLarge", "over the 50,000-byte limit"),
        "misc/notes.txt": ("detect", "UnsupportedInput", "no source adapter recognises this text file"),
    }
    for path, (stage, etype, words) in expect.items():
        row = err.loc[path]
        assert (row["stage"], row["error_type"]) == (stage, etype), path
        assert words in row["message"], (path, row["message"])
    assert err.loc["journal/huge.txt", "size_bytes"] == len(SEED_TEXT.encode()) * 8
    assert pd.isna(err.loc["journal/huge.txt", "content_sha256"])  # never read
    # the summary the CLI prints and the artifact carry the same reasons
    assert {e["source_path"]: e["stage"] for e in r.errors} == {p: v[0] for p, v in expect.items()}


def test_an_oversized_file_is_never_read(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {"journal/huge.txt": b"x" * 5000})
    opened: list[str] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or real_read(self))
    ingest(raw, tmp_path / "out", max_bytes=1000)
    assert "huge.txt" not in opened
    assert _errors(tmp_path / "out").loc["journal/huge.txt", "error_type"] == "InputTooLarge"


def test_a_journal_page_cut_in_its_references_still_lands(tmp_path):
    data = JOURNAL_SEED.read_bytes()
    cut = data.index("Saâda".encode()) + 3  # reference 27, between the two bytes of "â"
    raw = write_raw(tmp_path / "raw", {"journal/cut.txt": data[:cut]})
    out = tmp_path / "out"
    ingest(raw, out)
    doc = pd.read_parquet(out / "documents").iloc[0]
    assert doc["doc_id"] == SEED_DOC_ID and doc["title_zh"] == "肝细胞癌骨转移研究进展"
    assert len(pd.read_parquet(out / "abstracts")) == 2
    refs = pd.read_parquet(out / "references")
    assert list(refs["ref_no"]) == list(range(1, 28))  # 26 whole references and the cut one
    [full] = process_files([(JOURNAL_SEED, "journal/seed.txt")], steps=[])
    assert list(refs["raw"][:26]) == [r.raw for r in full.doc.references[:26]]
    assert refs["raw"][26].startswith("Sa")
    assert len(pd.read_parquet(out / "errors")) == 0


def test_a_journal_page_cut_before_its_content_is_quarantined_with_the_reason(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/cut.txt": SEED_TEXT[:60]})  # platform line + journal name
    out = tmp_path / "out"
    ingest(raw, out)
    row = _errors(out).loc["journal/cut.txt"]
    assert (row["stage"], row["error_type"]) == ("parse", "ParseError")
    assert "truncated beyond use" in row["message"]
    assert len(pd.read_parquet(out / "documents")) == 0


def test_a_page_cut_inside_its_doi_does_not_publish_the_cut_doi(tmp_path):
    cut = SEED_TEXT.index("cma.j.issn") + 1  # ... doi: 10.3877/c
    p = write_raw(tmp_path, {"cut.txt": SEED_TEXT[:cut]}) / "cut.txt"
    [o] = process_files([(p, "journal/cut.txt")], steps=[])
    assert o.error is not None and o.error.stage == "parse"
    assert "truncated beyond use" in o.error.message
    # the same header line complete and followed by a line break is trusted by the adapter ...
    whole = SEED_TEXT[:SEED_TEXT.index("\n", cut) + 1]
    assert JournalTextAdapter().parse(RawInput("journal/whole.txt", whole.encode())).doc_id == SEED_DOC_ID
    # ... but a header alone (no title, abstract or references) is not published (issue 11)
    p2 = write_raw(tmp_path, {"whole.txt": whole}) / "whole.txt"
    [o2] = process_files([(p2, "journal/whole.txt")], steps=[])
    assert o2.error is not None and o2.error.stage == "validate"
    assert "no valid title, abstract or references" in o2.error.message


# -- encodings -----------------------------------------------------------------------------

def _gbk_save(text: str) -> str:
    """The seed as a GBK page would carry it: its four characters outside GBK replaced."""
    return (text.replace("\u203a", ">").replace("\u2022", "·").replace("\xa0", " ")
            .replace("\u00e2", "a"))


def test_a_gbk_encoded_page_is_decoded_right_and_gives_the_records_of_its_utf8_twin(tmp_path):
    text = _gbk_save(SEED_TEXT)
    raw = write_raw(tmp_path, {"utf8.txt": text.encode("utf-8"), "gbk.txt": text.encode("gbk")})
    [o] = process_files([(raw / "gbk.txt", "journal/gbk.txt")], steps=[])
    assert o.error is None and o.doc.document.encoding == "gb18030"  # the GBK superset
    assert _records(raw / "gbk.txt", "journal/gbk.txt") == _records(raw / "utf8.txt", "journal/utf8.txt")
    # ... and the substitutions a GBK copy needs do not change what is extracted
    d = o.doc.document
    assert (d.doc_id, d.title_zh, len(o.doc.references)) == (SEED_DOC_ID, "肝细胞癌骨转移研究进展", 36)


def test_gb18030_carries_the_exact_seed_and_gives_identical_records(tmp_path):
    raw = write_raw(tmp_path, {"gb.txt": SEED_TEXT.encode("gb18030")})
    assert _records(raw / "gb.txt", "journal/gb.txt") == _records(JOURNAL_SEED, "journal/seed.txt")


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_utf16_pages_with_and_without_bom_give_the_records_of_the_utf8_seed(tmp_path, encoding, bom):
    raw = write_raw(tmp_path, {"u16.txt": bom + SEED_TEXT.encode(encoding)})
    [o] = process_files([(raw / "u16.txt", "journal/u16.txt")], steps=[])
    assert o.error is None and o.doc.document.encoding == encoding
    assert _records(raw / "u16.txt", "journal/u16.txt") == _records(JOURNAL_SEED, "journal/seed.txt")


# -- file names ----------------------------------------------------------------------------

def test_names_with_spaces_and_chinese_land_and_stay_incremental(tmp_path):
    name = "journal/肝细胞癌 骨转移 (copy 2).txt"
    raw = write_raw(tmp_path / "raw 目录", {name: JOURNAL_SEED.read_bytes(),
                                          "ai_summary/问答 summary.txt": AI_SEED.read_bytes()})
    out = tmp_path / "输出 dir"
    r = ingest(raw, out)
    assert r.rows_per_table["errors"] == 0
    docs = pd.read_parquet(out / "documents")
    assert set(docs["source_path"]) == {name, "ai_summary/问答 summary.txt"}
    first = snapshot_bytes(out)
    again = ingest(raw, out)
    assert again.processed_files == 0 and snapshot_bytes(out) == first


# -- repeat runs -----------------------------------------------------------------------------

def test_repeat_incremental_and_full_runs_are_byte_identical(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=3, n_ai=2, junk=2))
    a, b = tmp_path / "a", tmp_path / "b"
    made = ingest(raw, a, shard_size=2)
    first = snapshot_bytes(a)
    assert len(first) == len(TABLES) + 1  # one file per table, and the card
    again = ingest(raw, a)
    assert again.processed_files == 0 and not again.changed
    assert snapshot_bytes(a) == first
    # a repeat reports what the publish that made the snapshot reported, in the same order
    assert list(again.rows_per_table.items()) == list(made.rows_per_table.items())
    assert again.errors == made.errors and again.alignment_scores == made.alignment_scores
    full = ingest(raw, a, full_refresh=True)
    assert full.processed_files == len(full.errors) + sum(full.documents_per_source.values()) == 9
    assert snapshot_bytes(a) == first
    ingest(raw, b, shard_size=100)  # another output, other shards
    assert snapshot_bytes(b) == first


def test_a_changed_file_replaces_its_rows_and_a_deleted_one_disappears(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=2, n_ai=0, junk=1))
    out = tmp_path / "out"
    ingest(raw, out)
    revised = SEED_TEXT.replace("肝细胞癌骨转移研究进展", "肝细胞癌骨转移研究新进展")
    (raw / "journal/variant_000.txt").write_text(revised.replace("2025.04.004", "2025.04.100"))
    (raw / "journal/variant_001.txt").unlink()
    shutil.move(raw / "journal/junk_0.html", raw / "journal/junk renamed.html")
    r = ingest(raw, out)
    assert r.processed_files == 2 and r.removed_files == ["journal/junk_0.html", "journal/variant_001.txt"]
    docs = pd.read_parquet(out / "documents").set_index("doc_id")
    assert docs.loc["doi:10.3877/cma.j.issn.2095-3232.2025.04.100", "title_zh"] == "肝细胞癌骨转移研究新进展"
    assert "doi:10.3877/cma.j.issn.2095-3232.2025.04.101" not in docs.index
    assert list(_errors(out).index) == ["journal/junk renamed.html"]
    fresh = tmp_path / "fresh"
    ingest(raw, fresh)
    assert snapshot_bytes(out) == snapshot_bytes(fresh)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_quarantined_not_retried(tmp_path):
    raw = write_raw(tmp_path / "raw", {"journal/000_seed.txt": JOURNAL_SEED.read_bytes(),
                                       "journal/locked.txt": JOURNAL_SEED.read_bytes()})
    (raw / "journal/locked.txt").chmod(0)
    ingest(raw, tmp_path / "out")
    row = _errors(tmp_path / "out").loc["journal/locked.txt"]
    assert (row["stage"], row["error_type"]) == ("read", "UnreadableInput")


def test_every_visible_file_is_readable_parquet_with_the_table_schema(tmp_path):
    raw = write_raw(tmp_path / "raw", corpus(n_journal=1, n_ai=1))
    out = tmp_path / "out"
    ingest(raw, out)
    for name, spec in TABLES.items():
        files = sorted((out / name).glob("*.parquet"))
        assert files, name
        for f in files:
            assert pq.read_schema(f).remove_metadata() == spec.schema.remove_metadata()
    assert OutputDir(str(out)).table_dir("documents").endswith("documents")


# -- retries: transient failures only --------------------------------------------------------

def test_only_transient_errors_count_as_transient():
    from flows.ingest import is_transient

    assert is_transient(OSError(5, "Input/output error"))
    assert is_transient(TimeoutError("read timed out"))
    assert is_transient(ConnectionResetError())
    for exc in (ParseError("bad page"), IngestError("x"), ValueError("bug"), FileNotFoundError("gone"),
                PermissionError("denied"), KeyError("k")):
        assert not is_transient(exc), exc


def test_retry_condition_reads_the_failed_state():
    from prefect.states import Completed, Failed

    from flows.ingest import _retry_transient

    assert _retry_transient(None, None, Failed(data=OSError(5, "I/O error")))
    assert not _retry_transient(None, None, Failed(data=ParseError("bad page")))
    assert not _retry_transient(None, None, Failed(data=FileNotFoundError("raw file vanished")))
    assert not _retry_transient(None, None, Completed(data=1))


def test_a_parse_error_is_quarantined_inside_the_shard_and_never_raises(tmp_path):
    """What the flow retries is the shard task: a bad file must not make it fail at all."""
    from hccbone_ingest.runner import process_shard
    from hccbone_ingest.store.plan import RawEntry

    raw = write_raw(tmp_path / "raw", {"journal/cut.txt": SEED_TEXT[:60], "journal/junk.bin": bytes(300)})
    entries = [RawEntry(rel, str(raw / rel), 1, 0, None, f"k{i:031d}", False)
               for i, rel in enumerate(["journal/cut.txt", "journal/junk.bin"])]
    s = process_shard(entries, str(tmp_path / "out"), steps=[])
    assert s.documents == 0 and len(s.errors) == 2
    assert "journal/cut.txt: parse: truncated beyond use" in s.errors[0]


@pytest.mark.flow
def test_the_shard_task_retries_io_errors_and_not_bugs(prefect_harness, tmp_path, monkeypatch):
    """Run the real task in a flow: an I/O error is retried, any other exception is not."""
    from prefect import flow

    import flows.ingest as fi

    calls: list[str] = []

    def flaky(entries, out, max_bytes, **_):
        calls.append(entries[0])
        if entries[0] == "io" and calls.count("io") == 1:
            raise OSError(5, "Input/output error (simulated)")
        if entries[0] == "bug":
            raise ValueError("a bug (simulated)")
        return "ok"

    monkeypatch.setattr(fi, "process_shard", flaky)
    task = fi.process_shard_task.with_options(retry_delay_seconds=0)

    @flow
    def two_shards() -> list:
        futs = [task.submit([k], "out", 1) for k in ("io", "bug")]
        for f in futs:
            f.wait()
        return [f.state for f in futs]

    io_state, bug_state = two_shards()
    assert io_state.is_completed() and calls.count("io") == 2  # retried once, then fine
    assert bug_state.is_failed() and calls.count("bug") == 1  # not retried
    assert isinstance(bug_state.result(raise_on_failure=False), ValueError)


def test_records_compare_equal_only_when_they_are(tmp_path):
    """Guard for the helper above: a real difference is seen."""
    text = SEED_TEXT.replace("肝细胞癌骨转移研究进展", "肝细胞癌骨转移")
    raw = write_raw(tmp_path, {"other.txt": text})
    assert _records(raw / "other.txt", "journal/other.txt") != _records(JOURNAL_SEED, "journal/seed.txt")
