"""The static HTML review page: structure, highlighting, escaping, self-containment, determinism."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hccbone_ingest.commands import report as report_cmd
from hccbone_ingest.errors import ExportError
from hccbone_ingest.export import read_beads
from hccbone_ingest.report import build_report_data, load_report_data, render_report
from hccbone_ingest.report.histogram import bin_counts
from tests.parallel_corpus import (
    SEED_ID,
    SEED_ZH,
    SUMMARY_ID,
    TRICKY_ID,
    alignment_rows,
    write_corpus,
)


@pytest.fixture
def out(tmp_path: Path) -> str:
    return str(write_corpus(tmp_path / "processed"))


def _page(out: str, threshold: float = 0.5) -> BeautifulSoup:
    return BeautifulSoup(render_report(load_report_data(out, threshold)), "html.parser")


def _below(threshold: float) -> int:
    """Counted straight from the fixture rows, not through the report code."""
    return sum(1 for r in alignment_rows() if r["score"] < threshold)


def test_one_section_per_aligned_document_with_its_pairs(out):
    page = _page(out)
    sections = page.select("section.doc")
    assert [s["data-doc-id"] for s in sections] == sorted([SEED_ID, TRICKY_ID])
    seed = next(s for s in sections if s["data-doc-id"] == SEED_ID)
    assert seed.h2.get_text() == "肝细胞癌骨转移研究进展"
    assert "Research progress in bone metastasis" in seed.select_one(".title-en").get_text()
    doi = seed.select_one(".doc-meta a")
    assert doi.get_text() == "10.3877/cma.j.issn.2095-3232.2025.04.004"
    assert doi["href"] == "https://doi.org/10.3877/cma.j.issn.2095-3232.2025.04.004"
    rows = seed.select("tr.pair")
    assert len(rows) == 5
    first = [td.get_text() for td in rows[0].find_all("td")]
    assert first[0] == "0" and first[1] == "1-3" and first[2].startswith("0.910")
    assert first[3] == SEED_ZH[0]
    assert first[4].startswith("The incidence of hepatocellular carcinoma (HCC) is high in China. The early")


def test_low_confidence_rows_are_highlighted_and_counted(out):
    for threshold in (0.5, 0.8, 0.3):
        page = _page(out, threshold)
        low = page.select("tr.pair.low")
        assert len(low) == _below(threshold), threshold
        assert all(float(tr["data-score"]) < threshold for tr in low)
        assert all(float(tr["data-score"]) >= threshold for tr in page.select("tr.pair:not(.low)"))
        assert page.select_one(".low-total").get_text() == str(_below(threshold))
    page = _page(out, 0.5)
    # per document: the seed has one bead under 0.5 (0.47), the made-up one three (0.12, 0.30, 0.05)
    badges = {s["data-doc-id"]: s.select_one(".doc-low").get_text() for s in page.select("section.doc")}
    assert badges == {SEED_ID: "1 low-confidence", TRICKY_ID: "3 low-confidence"}
    assert "score < 0.5" in page.select_one(".legend").get_text()
    assert page.select_one(".swatch.low") is not None


def test_summary_counts_and_histogram(out):
    page = _page(out)
    stats = dict(zip((dt.get_text() for dt in page.select(".stats dt")),
                     (dd.get_text() for dd in page.select(".stats dd")), strict=True))
    assert stats["Documents"] == "3" and stats["with aligned pairs"] == "2" and stats["Pairs"] == "10"
    assert stats["Unmatched (one side empty)"] == "2"
    assert stats["Low-confidence (score < 0.5)"] == "4 (40.0 %)"
    bars = page.select("svg.histogram g.bin")
    assert len(bars) == 10
    assert sum(int(g.select_one("text.n").get_text()) for g in bars) == 10
    kinds = {tr.find_all("td")[0].get_text(): int(tr.find_all("td")[1].get_text())
             for tr in page.select("table.kinds tbody tr")}
    assert kinds == {"0-1": 1, "1-0": 1, "1-1": 5, "1-2": 1, "1-3": 1, "2-1": 1}


def test_bins_put_edges_in_the_upper_bin():
    assert bin_counts([0.0, 0.1, 0.2, 0.3, 0.7, 0.9, 0.999, 1.0, -0.2, 1.3]) == [2, 1, 1, 1, 0, 0, 0, 1, 0, 4]


def test_texts_are_escaped(out):
    html = render_report(load_report_data(out))
    page = BeautifulSoup(html, "html.parser")
    tricky = page.select_one(f'section.doc[data-doc-id="{TRICKY_ID}"]')
    assert tricky.h2.get_text() == "<b>转义</b> & 测试"
    assert tricky.h2.find("b") is None and page.find("tags") is None
    assert "&lt;b&gt;转义&lt;/b&gt; &amp; 测试" in html
    assert tricky.select_one(".title-en").get_text() == 'Escaping "quotes" & <tags>'
    cells = [td.get_text() for td in tricky.select("tr.pair")[0].find_all("td")]
    assert cells[3] == "血清AFP>400 ng/mL & ALP<120 U/L的患者。"
    assert cells[4] == 'Patients with AFP>400 ng/mL & ALP<120 U/L ("high").'
    assert tricky.select_one(".doc-meta a")["href"] == "https://doi.org/10.1234/escape%26test"


def test_unmatched_sides_and_documents_without_pairs(out):
    page = _page(out)
    rows = page.select(f'section.doc[data-doc-id="{TRICKY_ID}"] tr.pair')
    assert rows[1].select_one("td.zh.empty") is not None and rows[4].select_one("td.en.empty") is not None
    assert [c.get_text() for c in page.select("#without-pairs code")] == [SUMMARY_ID]


def test_page_is_self_contained(out):
    page = _page(out)
    assert page.find("link") is None and page.find("img") is None and page.find("script") is None
    assert page.find("meta", charset="utf-8") is not None
    assert page.style is not None and "tr.low" in page.style.get_text()
    external = [a["href"] for a in page.find_all(href=True) if not a["href"].startswith("#")]
    assert external and all(h.startswith("https://doi.org/") for h in external)
    assert not page.find_all(src=True)
    # every in-page link lands on an element
    ids = {t["id"] for t in page.find_all(id=True)}
    assert all(a["href"][1:] in ids for a in page.find_all(href=True) if a["href"].startswith("#"))
    assert len(ids) == len(page.find_all(id=True))  # unique ids


def test_cli_writes_default_destination_deterministically(out, capsys):
    p = argparse.ArgumentParser()
    report_cmd.add_arguments(p)
    assert report_cmd.run(p.parse_args(["--out", out])) == 0
    assert "2 documents with 10 pairs, 4 below 0.5" in capsys.readouterr().out
    first = (Path(out) / "report.html").read_bytes()
    assert report_cmd.run(p.parse_args(["--out", out])) == 0
    assert (Path(out) / "report.html").read_bytes() == first
    assert b"<!DOCTYPE html>" in first[:20]


def test_cli_without_tables_is_a_clear_error(tmp_path, capsys):
    p = argparse.ArgumentParser()
    report_cmd.add_arguments(p)
    assert report_cmd.run(p.parse_args(["--out", str(tmp_path)])) == 2
    assert "hccbone ingest" in capsys.readouterr().err
    assert not (tmp_path / "report.html").exists()


def test_bead_without_document_row_still_shows(out):
    beads = read_beads(out)
    page = BeautifulSoup(render_report(build_report_data(beads, [])), "html.parser")
    assert len(page.select("tr.pair")) == 10
    assert {s.h2.get_text() for s in page.select("section.doc")} == {SEED_ID, TRICKY_ID}


def test_threshold_must_be_a_number(out):
    with pytest.raises(ExportError):
        load_report_data(out, float("nan"))


def test_snapshot_without_pairs_says_so(out):
    docs = load_report_data(out).without_pairs + [d.info for d in load_report_data(out).docs]
    page = BeautifulSoup(render_report(build_report_data([], docs)), "html.parser")
    assert page.select_one(".no-pairs") is not None and page.find("svg") is None
    assert page.select("tr.pair") == [] and page.select_one("#only-low") is None
    assert len(page.select("#without-pairs li")) == 3
