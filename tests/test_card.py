"""The dataset card is generated from the code, so it cannot drift (issue 12, item 22)."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
import pytest

import tests.toy_adapter  # noqa: F401 - registers the toy adapter
from hccbone_ingest.card import render_card
from hccbone_ingest.errors import IngestError, quarantine_stages
from hccbone_ingest.runner import IngestOptions, run_ingest
from hccbone_ingest.tables import TABLES


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "0.toy").write_text("Alpha|10.1000/t0")
    (raw / "bad.toy").write_text("x|y|FAIL")
    out = tmp_path_factory.mktemp("out")
    run_ingest(IngestOptions(raw_dir=str(raw), out=str(out)), steps=[])
    return out


def _column_rows(card: str, table: str) -> dict[str, list[str]]:
    section = card.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\| `(\w+)` \| (.+?) \| (yes|no) \| (.*) \|$", line)
        if m:
            rows[m.group(1)] = [m.group(2), m.group(4)]
    return rows


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_type_is_printed_as_a_reader_reads_it_back(out, table: str) -> None:
    card = (out / "README.md").read_text()
    schema = pq.read_schema(next((out / table).glob("*.parquet")))
    rows = _column_rows(card, table)
    assert {name: rows[name][0] for name in schema.names} == {f.name: str(f.type) for f in schema}


def test_enumerated_columns_list_the_values_the_code_writes(out) -> None:
    from hccbone_ingest.enrich.alignment import SECTIONS

    card = (out / "README.md").read_text()
    section = _column_rows(card, "alignments")["section"][1]
    assert all(f"`{v}`" in section for v in SECTIONS) and "`title`" in section
    stage = _column_rows(card, "errors")["stage"][1]
    for v in ("read", "decode", "detect", "parse", "enrich", "dedupe", "write"):
        assert f"`{v}`" in stage


def test_a_new_error_stage_appears_in_the_card_without_editing_it() -> None:
    class ValidateError(IngestError):  # what a validation step adds
        stage = "validate_test"

    assert "validate_test" in quarantine_stages()
    assert "`validate_test`" in render_card("v", {}, {})


def test_counts_are_singular_for_one() -> None:
    card = render_card("v", {"documents": 1, "authors": 2}, {"journal": 1, "ai_summary": 2})
    assert "### `documents` — 1 row\n" in card and "### `authors` — 2 rows" in card
    assert "journal 1 document," in card and "ai_summary 2 documents" in card
    assert "1 rows" not in card and "1 documents" not in card
