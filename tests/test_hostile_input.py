"""Hostile content that must be quarantined or cleaned, never published as is and never fail a run
(issue 12: invisible characters, unencodable values, huge reference lists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hccbone_ingest.pipeline import process_files
from hccbone_ingest.tables import bundle_rows
from hccbone_ingest.text.normalize import clean, has_invisible
from tests.conftest import AI_SEED, FIXTURES, JOURNAL_SEED

SOFT_HYPHEN, NUL, LRM, BOM, WJ = "\u00ad", "\x00", "\u200e", "\ufeff", "\u2060"
INVISIBLE = (SOFT_HYPHEN, NUL, LRM, BOM, WJ, "\x1b", "\u202e", "\ud800", "\ufffe")


@pytest.mark.parametrize("ch", INVISIBLE)
def test_clean_drops_every_invisible_character(ch: str) -> None:
    assert clean(f"肝细胞{ch}癌 hepato{ch}cellular") == "肝细胞癌 hepatocellular"
    assert not has_invisible(clean(f"a{ch}b") or "")


def test_clean_turns_line_separators_into_spaces() -> None:
    assert clean("a\x85b\u2028c\u2029d") == "a b c d"


def test_clean_keeps_visible_text() -> None:
    s = "TNF-α 与 β 受体（P<0.05）—「引用」… ½ ©"
    assert clean(s) == s and not has_invisible(s)


def _strings(rows: dict[str, list[dict]]):
    for table, rs in rows.items():
        for r in rs:
            for col, v in r.items():
                if isinstance(v, str):
                    yield table, col, v
                elif isinstance(v, list):
                    for x in v:
                        if isinstance(x, str):
                            yield table, col, x


def _salted_journal_text() -> str:
    t = JOURNAL_SEED.read_text("utf-8")
    t = t.replace("肝细胞癌骨转移研究进展\n", f"肝细胞{SOFT_HYPHEN}癌骨{NUL}转移研究进展\n", 1)
    t = t.replace("Research progress in bone metastasis",
                  f"Research pro{SOFT_HYPHEN}gress in bone{LRM} metastasis")
    t = t.replace("罗臻1", f"罗{WJ}臻1", 1)
    t = t.replace("在我国发病率高", f"在我国{NUL}发病{SOFT_HYPHEN}率高", 1)
    return t


def _salted_html() -> str:
    t = (FIXTURES / "journal_html" / "magtech_panel_seed.html").read_text("utf-8")
    return t.replace("肝细胞癌骨转移研究进展", f"肝细胞&shy;癌骨{NUL}转移研究进展").replace(
        "Research progress in bone", f"Research pro&#173;gress in{LRM} bone")


def _salted_ai() -> str:
    t = AI_SEED.read_text("utf-8")
    first, rest = t.split("\n", 1)
    return f"{first[:4]}{SOFT_HYPHEN}{first[4:]}{BOM}\n{rest.replace('。', f'{NUL}。', 3)}"


@pytest.mark.parametrize("name,make", [("journal.txt", _salted_journal_text), ("magtech.html", _salted_html),
                                        ("ai.txt", _salted_ai)])
def test_invisible_characters_never_reach_a_published_value(tmp_path: Path, name: str, make) -> None:
    p = tmp_path / name
    p.write_text(make(), encoding="utf-8")
    (outcome,) = process_files([(p, name)], steps=[])
    assert outcome.doc is not None, outcome.error
    found = [(t, c, v[:60]) for t, c, v in _strings(bundle_rows(outcome.doc)) if has_invisible(v)]
    assert found == []
    d = outcome.doc.document
    if name != "ai.txt":
        assert d.title_zh == "肝细胞癌骨转移研究进展"
        assert d.title_en.startswith("Research progress in bone metastasis")


# --- a value the fragment writer cannot encode (item 10) -------------------------------------------

def _magtech_with_surrogate_keyword() -> str:
    t = (FIXTURES / "journal_html" / "magtech_vue_multiline.html").read_text("utf-8")
    return t.replace('{"keyword_cn": "列线图"}', '{"keyword_cn": "列线\\ud800图"}')


def test_a_lone_surrogate_escape_in_magtech_metadata_lands_cleaned(tmp_path: Path) -> None:
    p = tmp_path / "m.html"
    p.write_text(_magtech_with_surrogate_keyword(), encoding="utf-8")
    (outcome,) = process_files([(p, "m.html")], steps=[])
    assert outcome.doc is not None, outcome.error
    assert "列线图" in [k.text for k in outcome.doc.keywords]


def test_an_unwritable_value_quarantines_that_document_and_the_run_goes_on(tmp_path, monkeypatch) -> None:
    """Whatever the adapter lets through, the writer quarantines one document with the reason."""
    from hccbone_ingest import pipeline
    from hccbone_ingest.runner import IngestOptions, run_ingest
    from hccbone_ingest.store import OutputDir
    from tests.ops_helpers import journal_variant, write_raw

    raw = write_raw(tmp_path / "raw", {"journal/a.txt": journal_variant(1),
                                      "journal/b.txt": journal_variant(2)})
    real = pipeline.parse_raw

    def parse_with_surrogate(r):
        doc = real(r)
        if r.path.endswith("b.txt"):
            doc.document.title_en = "bad \ud800 title"
        return doc

    monkeypatch.setattr(pipeline, "parse_raw", parse_with_surrogate)
    out = tmp_path / "out"
    result = run_ingest(IngestOptions(raw_dir=str(raw), out=str(out)), steps=[])
    import pandas as pd

    docs = pd.read_parquet(OutputDir(str(out)).table_dir("documents"))
    errors = pd.read_parquet(OutputDir(str(out)).table_dir("errors"))
    assert list(docs["source_path"]) == ["journal/a.txt"]
    (row,) = errors.to_dict("records")
    assert row["source_path"] == "journal/b.txt" and row["stage"] == "write"
    assert "documents.title_en holds the lone surrogate U+D800" in row["message"]
    assert result.version


# --- more than 9,999 references (item 8) ------------------------------------------------------------

def _journal_with_references(n: int) -> str:
    lines = JOURNAL_SEED.read_text("utf-8").split("\n")
    at = lines.index("[36]") + 2  # after the seed's last reference
    extra = []
    for i in range(37, n + 1):
        extra += [f"[{i}]",
                  f"Author{i} A, Writer B. Study number {i} of bone metastasis[J]. J Test Med, 2020, 1: {i}."]
    return "\n".join(lines[:at] + extra + lines[at:])



def test_references_past_9999_are_not_glued_into_one(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(_journal_with_references(10_002), encoding="utf-8")
    (outcome,) = process_files([(p, "big.txt")], steps=[])
    assert outcome.doc is not None, outcome.error
    refs = outcome.doc.references
    assert len(refs) == 10_002
    assert max(len(r.raw) for r in refs) < 2_000
    assert refs[-1].ref_no == 10_002 and "Study number 10002 " in refs[-1].raw
