"""The benchmark corpus: deterministic, seed-shaped, real text, and parseable by the real adapters."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import (
    DEFAULT_MIX,
    generate,
    iter_documents,
    kind_of,
    load_pools,
    shared_data_dir,
)
from tests.conftest import AI_SEED, JOURNAL_SEED

SHARED_DATA = shared_data_dir()

pytestmark = pytest.mark.skipif(not (SHARED_DATA / "align" / "paramed").is_dir(),
                                reason="needs ../shared/data (HCCBONE_SHARED_DATA)")


@pytest.fixture(scope="module")
def pools():
    return load_pools(str(SHARED_DATA))


@pytest.fixture(scope="module")
def docs(pools):
    """The first 60 documents: 42 journal text pages, 12 HTML pages, 6 AI summaries."""
    return list(iter_documents(60, pools))


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_n_gives_byte_identical_files(tmp_path):
    a = generate(tmp_path / "a", 25, data_dir=SHARED_DATA)
    b = generate(tmp_path / "b", 25, data_dir=SHARED_DATA)
    ta, tb = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(ta) == 25 and ta == tb
    assert a.paths == b.paths and a.bytes == b.bytes == sum(len(v) for v in ta.values())


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(pools):
    assert list(iter_documents(8, pools)) == list(iter_documents(20, pools))[:8]
    # ... and a different seed gives different documents
    assert list(iter_documents(3, pools, seed=1)) != list(iter_documents(3, pools))


def test_every_prefix_keeps_the_mix_within_one_document_per_kind():
    for n in (10, 37, 100, 1000):
        counts = Counter(kind_of(i, DEFAULT_MIX) for i in range(n))
        for kind, share in DEFAULT_MIX.items():
            assert abs(counts[kind] - share * n) <= 1.5, (n, counts)


def test_every_journal_page_has_its_own_doi(pools):
    dois = []
    for rel, text in iter_documents(1500, pools):
        if rel.startswith("journal/"):
            m = re.search(r"(10\.3877/cma\.j\.issn\.\d{4}-\d{3}[\dX]\.\d{4}\.\d{2}\.\d{3})", text)
            assert m, rel
            dois.append(m.group(1))
    assert len(dois) > 1300 and len(set(dois)) == len(dois)


def _markers(text: str) -> list[str]:
    """The seed's landmark lines, in order, as they appear in a text page."""
    marks = ["切换至", "››", "收稿日期:", "通信作者:", "Received:", "Corresponding author:", "引用本文:",
             "[1]", "阅读次数", "全文", "摘要"]
    found = []
    for line in text.split("\n"):
        for m in marks:
            if line.strip().startswith(m) or (m == "››" and m in line) or m in line.split(" ")[-1:]:
                if m not in found:
                    found.append(m)
    return found


def test_journal_text_pages_have_the_seed_layout(docs):
    seed = JOURNAL_SEED.read_text(encoding="utf-8")
    seed_lines = seed.split("\n")
    for rel, text in docs:
        if not rel.endswith(".txt") or not rel.startswith("journal/"):
            continue
        assert _markers(text) == _markers(seed)
        lines = text.split("\n")
        assert lines[:2] == seed_lines[:2]
        header = r"^\S+ ›› \d{4}, Vol\. \d+ ›› Issue \(\d{2}\) : \d+ -\d+\. doi: 10\.\S+$"
        assert re.match(header, seed_lines[2]) and re.match(header, lines[2])
        # corresponding-author mark and the padding after the author lines, as in the seed
        authors = [ln for ln in lines if ln.endswith(",() \xa0\xa0")]
        assert len(authors) == 2
        # the reference block: "[n]" alone on a line, then the reference
        nums = [int(ln[1:-1]) for ln in lines if re.fullmatch(r"\[\d+\]", ln)]
        assert nums == list(range(1, len(nums) + 1)) and len(nums) >= 8


def test_ai_pages_have_the_seed_chrome_and_sections(docs):
    seed = AI_SEED.read_text(encoding="utf-8").split("\n")
    ai = [text for rel, text in docs if rel.startswith("ai_summary/")]
    assert len(ai) == 6
    for text in ai:
        lines = text.split("\n")
        assert lines[1:9] == seed[1:9]  # badge, banner, review stepper
        assert re.fullmatch(r"Last updated: [A-Z][a-z]+ \d{1,2}, \d{4}View editorial policy", lines[9])
        assert "From the Guidelines" in lines and "From the Research" in lines
        assert lines[-7:] == seed[-7:]  # disclaimer and call to action
        bullets = [ln for ln in lines if ln.startswith("  • ")]
        assert bullets and all(re.search(r" \d+(, \d+)*\.$", b) for b in bullets)


def _bare(s: str) -> str:
    """Lower-case, without a trailing footnote call (NEJM's "preventable.81")."""
    return re.sub(r"[\d,\u2013-]+$", "", s.strip().lower())


def _paramed_sentences(lang: str) -> set[str]:
    root = SHARED_DATA / "align" / "paramed" / lang
    return {_bare(ln) for p in root.iterdir() for ln in p.read_text(encoding="utf-8").splitlines()}


def test_abstracts_are_real_paramed_sentences(docs):
    en_gold = _paramed_sentences("en")
    zh_gold = {s.translate(str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"}))
               for s in _paramed_sentences("zh")}
    checked = 0
    for rel, text in docs:
        if not rel.endswith(".txt") or not rel.startswith("journal/"):
            continue
        lines = text.split("\n")
        i = lines.index("引用本文:")
        zh_abs, en_abs = lines[i + 6], lines[i + 8]
        # every English sentence, every Chinese one, is a ParaMed line (footnote calls removed)
        en_sents = re.split(r"(?<=[.?!])\s+(?=[A-Z])", en_abs)
        assert sum(_bare(s) in en_gold for s in en_sents) >= len(en_sents) - 1, en_abs
        zh_sents = [s + "。" for s in zh_abs.split("。") if s]
        assert sum(_bare(s) in zh_gold for s in zh_sents) >= len(zh_sents) - 1, zh_abs
        checked += 1
    assert checked == 42


# --------------------------------------------------------------------------- with the real adapters

def _adapter(name: str):
    from hccbone_ingest.sources.registry import adapter_versions

    if name not in adapter_versions():
        pytest.skip(f"the {name} adapter is not in this branch yet")


@pytest.mark.parametrize("kind,adapter", [("journal/", "journal_text"), (".html", "journal_magtech"),
                                          ("ai_summary/", "ai_summary")])
def test_generated_pages_parse_with_the_real_adapters(docs, kind, adapter):
    _adapter(adapter)
    from hccbone_ingest.pipeline import parse_raw
    from hccbone_ingest.sources.base import RawInput

    picked = [(rel, text) for rel, text in docs if kind in rel and
              (kind != "journal/" or rel.endswith(".txt"))]
    assert picked
    for rel, text in picked:
        doc = parse_raw(RawInput(rel, text.encode("utf-8")))
        assert doc.document.adapter.startswith(adapter + "@"), rel
        if rel.startswith("journal/"):
            doi = re.search(r"10\.3877/cma\.j\.issn\.[\d.X-]+\d", text).group(0)
            assert doc.document.doi_key == doi.lower()
            assert doc.abstract("zh") and doc.abstract("en")
            n_refs = len(re.findall(r"(?m)^\[\d+\]$", text)) or text.count('class="td1"')
            assert len(doc.references) == n_refs
        else:
            assert doc.claims
