"""Copies cut short (issue 12 item 7): a DOI the copy stops inside, an abstract that stops
mid-sentence, a saved page cut anywhere: flagged, and no cut value published as if whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from hccbone_ingest.pipeline import process_files
from tests.conftest import FIXTURES, JOURNAL_SEED

HTML_SEED = FIXTURES / "journal_html" / "magtech_panel_seed.html"


def _doc(tmp_path: Path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    (outcome,) = process_files([(p, f"journal/{name}")])  # with enrichment: the references step too
    assert outcome.doc is not None, outcome.error
    return outcome.doc


def test_a_reference_doi_the_copy_is_cut_inside_is_not_published_even_after_enrichment(tmp_path):
    doc = _doc(tmp_path, "cut.txt", (FIXTURES / "journal" / "seed_truncated_in_refs.txt").read_bytes())
    last = doc.references[-1]
    assert last.raw.endswith("DOI: 10.1016/j.ymthe.20")
    assert last.doi is None and last.parsed.doi is None and "doi_cut" in last.parsed.flags
    assert "10.1016/j.ymthe.20" not in {c.cited_doi for c in doc.citations}
    assert "truncated:references" in doc.document.quality_flags
    assert doc.references[-2].doi == "10.1080/02648725.2023.2216966"  # whole ones are kept


def test_an_abstract_cut_mid_sentence_is_flagged(tmp_path):
    text = JOURNAL_SEED.read_text(encoding="utf-8")
    cut = text.replace("aiming to provide evidence for clinical work.", "aiming to provide evidence for")
    doc = _doc(tmp_path, "abs.txt", cut.encode("utf-8"))
    assert doc.abstract("en").endswith("aiming to provide evidence for")
    assert "truncated:abstract_en" in doc.document.quality_flags
    assert "truncated:abstract_zh" not in doc.document.quality_flags
    whole = _doc(tmp_path, "whole.txt", JOURNAL_SEED.read_bytes())
    assert not [f for f in whole.document.quality_flags if f.startswith("truncated:")]


@pytest.mark.parametrize("share", [0.1, 0.3, 0.5, 0.8])
def test_saved_html_cut_anywhere_is_flagged(tmp_path, share):
    data = HTML_SEED.read_bytes()
    p = tmp_path / "cut.html"
    p.write_bytes(data[: int(len(data) * share)])
    (outcome,) = process_files([(p, "journal/cut.html")], steps=[])
    if outcome.doc is None:  # cut before any content: quarantined, never published
        assert outcome.error is not None
        return
    assert "truncated:html" in outcome.doc.document.quality_flags
    if outcome.doc.references:
        assert "truncated:references" in outcome.doc.document.quality_flags
    whole = _doc(tmp_path, "whole.html", data)
    assert "truncated:html" not in whole.document.quality_flags
