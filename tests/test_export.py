"""Exports of the parallel corpus: Moses plain text, TMX 1.4b, the shared filter, the CLI."""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from lxml import etree

from hccbone_ingest.commands import export as export_cmd
from hccbone_ingest.errors import ExportError
from hccbone_ingest.export import BeadFilter, clean_segment, parse_kinds, read_beads, render_tmx, select_beads
from hccbone_ingest.tables import to_arrow
from tests.parallel_corpus import (
    SEED_EN,
    SEED_ID,
    SEED_ZH,
    SNAPSHOT,
    TRICKY_ID,
    alignment_rows,
    document_rows,
    write_corpus,
    write_published,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def out(tmp_path: Path) -> str:
    return str(write_corpus(tmp_path / "processed"))


def _export(out: str, *argv: str) -> int:
    p = argparse.ArgumentParser()
    export_cmd.add_arguments(p)
    return export_cmd.run(p.parse_args(["--out", out, *argv]))


def _lines(path: Path) -> list[str]:
    data = path.read_text(encoding="utf-8")
    assert data.endswith("\n")
    return data[:-1].split("\n")


def _rows_by_key() -> dict[tuple[str, str, int], dict]:
    return {(r["doc_id"], r["section"], r["pair_no"]): r for r in alignment_rows()}


# -- segments ---------------------------------------------------------------------------------

def test_clean_segment_makes_one_line_without_control_characters():
    assert clean_segment("第一行\n第二行\t结尾。") == "第一行 第二行 结尾。"
    assert clean_segment("a\r\n b\u2028c\u2029d\x85e") == "a b c d e"
    assert clean_segment("x\x00y\x1bz\x7f") == "xyz"
    assert clean_segment(None) == "" and clean_segment(" \n\t ") == ""
    # ordinary punctuation and CJK are untouched
    assert clean_segment("AFP>400 & ALP<120,肝癌(HCC)。") == "AFP>400 & ALP<120,肝癌(HCC)。"


# -- Moses --------------------------------------------------------------------------------------

def test_moses_files_are_line_aligned_and_trace_back_to_their_rows(out, tmp_path, capsys):
    prefix = tmp_path / "export" / "corpus"
    assert _export(out, "--format", "moses", "--dest", str(prefix)) == 0
    assert "8 of 10 pairs" in capsys.readouterr().out
    zh, en = _lines(Path(f"{prefix}.zh")), _lines(Path(f"{prefix}.en"))
    scores, ids = _lines(Path(f"{prefix}.scores")), _lines(Path(f"{prefix}.ids"))
    # 10 beads, 2 with an empty side (0-1 and 1-0) left out by default
    assert len(zh) == len(en) == len(scores) == len(ids) == 8
    rows = _rows_by_key()
    for z, e, s, i in zip(zh, en, scores, ids, strict=True):
        doc_id, section, pair_no = i.split("\t")
        row = rows[(doc_id, section, int(pair_no))]
        assert z == clean_segment(row["zh_text"]) and z
        assert e == clean_segment(row["en_text"]) and e
        assert float(s) == row["score"]
    # the seed's first Chinese sentence carries its first three English ones (a 1-3 bead)
    first_seed = ids.index(f"{SEED_ID}\tabstract\t0")
    assert zh[first_seed] == SEED_ZH[0]
    assert en[first_seed] == " ".join(SEED_EN[:3])
    # a line break and a tab inside a text do not break the line alignment
    assert "第一行 第二行 结尾。" in zh and "First line second line end." in en


def test_moses_default_names_in_a_folder_and_no_sidecars(out, tmp_path):
    dest = tmp_path / "corpus_dir"
    dest.mkdir()
    assert _export(out, "--format", "moses", "--dest", str(dest), "--no-sidecars") == 0
    assert sorted(p.name for p in dest.iterdir()) == ["hccbone.zh-en.en", "hccbone.zh-en.zh"]


def test_unmatched_beads_keep_the_lines_aligned_with_an_empty_line(out, tmp_path):
    prefix = tmp_path / "all"
    assert _export(out, "--format", "moses", "--dest", str(prefix), "--include-unmatched") == 0
    zh, en = _lines(Path(f"{prefix}.zh")), _lines(Path(f"{prefix}.en"))
    ids = _lines(Path(f"{prefix}.ids"))
    assert len(zh) == len(en) == len(ids) == 10
    i01 = ids.index(f"{TRICKY_ID}\tabstract\t1")  # the 0-1 bead
    assert zh[i01] == "" and en[i01] == "This sentence has no Chinese counterpart."
    i10 = ids.index(f"{TRICKY_ID}\tabstract\t4")  # the 1-0 bead
    assert zh[i10] == "仅有中文的句子。" and en[i10] == ""


def test_output_order_does_not_depend_on_file_order(tmp_path):
    """Rows shuffled over two Parquet files give the same bytes as the sorted table."""
    a = write_corpus(tmp_path / "a")
    b = tmp_path / "b"
    write_published(b, {"documents": document_rows(), "alignments": []})
    rows = alignment_rows()[::-1]
    target = b / "_snapshots" / SNAPSHOT / "alignments"
    for f in target.iterdir():
        f.unlink()
    pq.write_table(to_arrow("alignments", rows[:4]), target / "part-00000.parquet")
    pq.write_table(to_arrow("alignments", rows[4:]), target / "part-00001.parquet")
    assert _export(str(a), "--format", "tmx", "--dest", str(tmp_path / "a.tmx")) == 0
    assert _export(str(b), "--format", "tmx", "--dest", str(tmp_path / "b.tmx")) == 0
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes()


# -- filters ------------------------------------------------------------------------------------

def test_score_filters_split_the_corpus_at_the_cut(out):
    beads = read_beads(out)
    high = select_beads(beads, BeadFilter(min_score=0.5)).beads
    low = select_beads(beads, BeadFilter(max_score=0.5)).beads
    matched = [b for b in beads if not b.unmatched]
    assert all(b.score >= 0.5 for b in high) and all(b.score < 0.5 for b in low)
    assert sorted(b.key for b in high + low) == sorted(b.key for b in matched)
    # by hand from the fixture: 0.72, 0.61, 0.91, 0.88, 0.83, 0.95 high; 0.30, 0.47 low
    assert len(high) == 6 and len(low) == 2
    # the bounds: min inclusive, max exclusive
    exact = select_beads(beads, BeadFilter(min_score=0.47, max_score=0.72)).beads
    assert sorted(b.score for b in exact) == [0.47, 0.61]


def test_kind_filter_and_unmatched_kinds(out):
    beads = read_beads(out)
    one_one = select_beads(beads, BeadFilter(kinds=parse_kinds("1-1")))
    assert {b.kind for b in one_one.beads} == {"1-1"} and len(one_one.beads) == 5
    assert one_one.dropped == {"kind": 3, "unmatched": 2}
    # naming an unmatched kind asks for it, without --include-unmatched
    only_01 = select_beads(beads, BeadFilter(kinds=parse_kinds("0-1, 1-0")))
    assert [(b.doc_id, b.pair_no) for b in only_01.beads] == [(TRICKY_ID, 1), (TRICKY_ID, 4)]


@pytest.mark.parametrize("kwargs", [
    {"min_score": 0.8, "max_score": 0.5},
    {"min_score": 0.5, "max_score": 0.5},
    {"min_score": float("nan")},
    {"kinds": frozenset({"one-one"})},
])
def test_unusable_filters_are_export_errors(kwargs):
    with pytest.raises(ExportError):
        BeadFilter(**kwargs)


def test_cli_reports_bad_filters_and_missing_tables(out, tmp_path, capsys):
    assert _export(out, "--format", "moses", "--dest", str(tmp_path / "x"), "--kinds", "1:1") == 2
    assert "1:1" in capsys.readouterr().err
    assert _export(str(tmp_path / "nowhere"), "--format", "tmx", "--dest", str(tmp_path / "x.tmx")) == 2
    err = capsys.readouterr().err
    assert "alignments" in err and "hccbone ingest" in err
    assert not (tmp_path / "x.zh").exists() and not (tmp_path / "x.tmx").exists()


def test_filter_with_nothing_left_writes_empty_files_and_warns(out, tmp_path, capsys):
    assert _export(out, "--format", "moses", "--dest", str(tmp_path / "none"), "--min-score", "0.99") == 0
    assert (tmp_path / "none.zh").read_bytes() == b"" == (tmp_path / "none.en").read_bytes()
    assert "no pair passed" in capsys.readouterr().err


# -- TMX ----------------------------------------------------------------------------------------

def _tmx(out: str, tmp_path: Path, *argv: str) -> tuple[bytes, etree._Element]:
    dest = tmp_path / "corpus.tmx"
    assert _export(out, "--format", "tmx", "--dest", str(dest), *argv) == 0
    data = dest.read_bytes()
    return data, etree.fromstring(data)


def _props(tu) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def test_tmx_is_well_formed_tmx_1_4b(out, tmp_path):
    data, root = _tmx(out, tmp_path)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    # the attributes TMX 1.4b requires on <header>
    required = {"creationtool": "hccbone_ingest", "segtype": "sentence", "o-tmf": "hccbone_ingest",
                "adminlang": "en", "srclang": "zh", "datatype": "plaintext"}
    for name, value in required.items():
        assert header.get(name) == value, name
    assert header.get("creationtoolversion")
    assert header.get("creationdate") is None  # reproducible by default
    hp = _props(header)
    assert hp["x-snapshot"] == SNAPSHOT and "min_score=None" in hp["x-filter"]
    tus = root.find("body").findall("tu")
    assert len(tus) == 8
    rows = _rows_by_key()
    for tu in tus:
        # TMX: (note|prop)* before the <tuv>s
        tags = [c.tag for c in tu]
        assert tags == sorted(tags, key=lambda t: t == "tuv")
        props = _props(tu)
        assert set(props) == {"x-doc-id", "x-section", "x-pair-no", "x-kind", "x-score"}
        row = rows[(props["x-doc-id"], props["x-section"], int(props["x-pair-no"]))]
        assert float(props["x-score"]) == row["score"] and props["x-kind"] == row["kind"]
        segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")}
        assert segs == {"zh": clean_segment(row["zh_text"]), "en": clean_segment(row["en_text"])}
    # the standard library parser agrees
    assert len(ET.fromstring(data).findall("./body/tu")) == 8


def test_tmx_escapes_markup_and_keeps_chinese(out, tmp_path):
    data, root = _tmx(out, tmp_path)
    text = data.decode("utf-8")
    assert "AFP&gt;400 ng/mL &amp; ALP&lt;120 U/L" in text
    assert "ALP<120" not in text
    assert 'tuid="doi:10.1234/escape&amp;test#abstract#0"' in text
    tu = next(t for t in root.iter("tu") if _props(t)["x-doc-id"] == TRICKY_ID)
    segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")}
    assert segs["zh"] == "血清AFP>400 ng/mL & ALP<120 U/L的患者。"
    assert segs["en"] == 'Patients with AFP>400 ng/mL & ALP<120 U/L ("high").'
    # Chinese is written as UTF-8 characters, not character references
    assert SEED_ZH[1] in text and "&#" not in text


def test_tmx_language_codes_date_and_unmatched(out, tmp_path):
    _, root = _tmx(out, tmp_path, "--zh-lang", "zh-CN", "--creation-date", "2025-08-10",
                   "--include-unmatched")
    header = root.find("header")
    assert header.get("srclang") == "zh-CN" and header.get("creationdate") == "20250810T000000Z"
    tus = root.find("body").findall("tu")
    assert len(tus) == 10
    langs = {tuv.get(XML_LANG) for tu in tus for tuv in tu.findall("tuv")}
    assert langs == {"zh-CN", "en"}
    one_sided = [tu for tu in tus if len(tu.findall("tuv")) == 1]
    assert sorted(_props(tu)["x-kind"] for tu in one_sided) == ["0-1", "1-0"]


def test_tmx_survives_control_characters(tmp_path):
    """XML 1.0 cannot carry most C0 controls: they are dropped, so the file still parses."""
    row = dict(alignment_rows()[0], zh_text="肝\x01癌\x0b骨转移", en_text="bone\x1f metastasis\x00")
    out = write_published(tmp_path / "p", {"alignments": [row]})
    text = render_tmx(read_beads(str(out)))
    segs = [s.text for s in etree.fromstring(text.encode()).iter("seg")]
    assert segs == ["肝癌 骨转移", "bone metastasis"]


def test_exports_are_byte_identical_across_runs(out, tmp_path):
    for fmt, dest in (("tmx", "t.tmx"), ("moses", "m")):
        first, second = tmp_path / "1", tmp_path / "2"
        assert _export(out, "--format", fmt, "--dest", str(first / dest), "--min-score", "0.4") == 0
        assert _export(out, "--format", fmt, "--dest", str(second / dest), "--min-score", "0.4") == 0
        a = sorted(p.relative_to(first) for p in first.rglob("*"))
        assert a == sorted(p.relative_to(second) for p in second.rglob("*"))
        for rel in a:
            assert (first / rel).read_bytes() == (second / rel).read_bytes()
