"""The glossary end to end: built at publish, printed by `hccbone terms`, exported as TBX / TSV,
described in the dataset card."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import tests.toy_adapter  # noqa: F401 - registers the toy adapter
from hccbone_ingest import cli
from hccbone_ingest.card import render_card
from hccbone_ingest.enrich.base import Step
from hccbone_ingest.records import ParsedDocument, Term
from hccbone_ingest.runner import IngestOptions, run_ingest

TBX = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _t(lang, short, long, paired=None, basis=None, conf=None, sent_no=0) -> Term:
    return Term(lang, "abstract", sent_no, short, long, "long_short", "zh" if short == "肝癌" else "latin",
                0, len(long), len(long) + 1, len(long) + 1 + len(short), None, paired, basis,
                [sent_no] if basis == "aligned_pair" else [], conf)


class FakeTerms(Step):
    """Definitions by document title: A and B pair EMT, C defines PD otherwise, all define 肝癌."""

    name = "fake_terms"

    def run(self, docs: list[ParsedDocument]) -> None:
        for doc in docs:
            title = doc.document.title_en or ""
            terms = [_t("zh", "肝癌", "肝细胞癌")]
            if title in ("Alpha", "Beta"):
                emt_zh, emt_en = "上皮-间质转化", "epithelial-mesenchymal transition"
                terms += [_t("zh", "EMT", emt_zh, emt_en, "aligned_pair", 0.9),
                          _t("en", "EMT", emt_en, emt_zh, "aligned_pair", 0.9),
                          _t("zh", "PD", "疾病进展", "progressive disease", "document", 0.7, 1),
                          _t("en", "PD", "progressive disease", "疾病进展", "document", 0.7, 2)]
            else:
                terms += [_t("en", "PD", "Parkinson's disease")]
            doc.terms = terms


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("gloss")
    raw = tmp / "raw"
    for rel, content in {"toy/a.toy": "Alpha|10.1000/A1", "toy/b.toy": "Beta|10.1000/b2",
                         "toy/c.toy": "Gamma"}.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(content)
    out = tmp / "out"
    run_ingest(IngestOptions(raw_dir=str(raw), out=str(out)), steps=[FakeTerms()])
    return out


def test_publish_builds_the_glossary_from_every_document(out):
    terms = pd.read_parquet(out / "terms")
    assert len(terms) == 2 * 5 + 2
    g = pq.read_table(out / "glossary").to_pylist()
    rows = {(r["short"], r["long_zh"], r["long_en"]): r for r in g}
    emt = rows[("EMT", "上皮-间质转化", "epithelial-mesenchymal transition")]
    assert emt["doc_count"] == 2 and emt["basis"] == "aligned_pair"
    assert emt["confidence"] == pytest.approx(1 - 0.1 * 0.1)
    assert rows[("肝癌", "肝细胞癌", None)]["doc_count"] == 3
    # conflict kept: PD twice
    assert rows[("PD", "疾病进展", "progressive disease")]["variants"] == 2
    assert rows[("PD", None, "Parkinson's disease")]["doc_count"] == 1
    assert len(g) == 4
    card = (out / "README.md").read_text()
    assert "### `glossary` — 4 rows" in card and "### `terms` — 12 rows" in card


def _cli(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def test_terms_command_tsv_and_min_docs(out, capsys):
    code, text = _cli(capsys, "terms", "--out", str(out), "--min-docs", "2")
    assert code == 0
    lines = text.rstrip("\n").split("\n")
    assert lines[0].split("\t") == ["short", "long_zh", "long_en", "doc_count", "confidence", "basis",
                                    "variants"]
    body = [line.split("\t") for line in lines[1:]]
    assert [r[:4] for r in body] == [["EMT", "上皮-间质转化", "epithelial-mesenchymal transition", "2"],
                                     ["PD", "疾病进展", "progressive disease", "2"],
                                     ["肝癌", "肝细胞癌", "", "3"]]


def test_terms_command_json(out, capsys):
    code, text = _cli(capsys, "terms", "--out", str(out), "--format", "json", "--bilingual")
    assert code == 0
    objs = [json.loads(line) for line in text.splitlines()]
    assert [o["short"] for o in objs] == ["EMT", "PD"]
    assert objs[0]["evidence"][0]["doc_id"] in objs[0]["doc_ids"]


def test_terms_command_without_a_published_glossary(tmp_path, capsys):
    assert cli.main(["terms", "--out", str(tmp_path / "nothing")]) == 2
    assert "hccbone ingest" in capsys.readouterr().err


def test_export_tbx_is_tbx_basic(out, tmp_path, capsys):
    dest = tmp_path / "g.tbx"
    assert cli.main(["export", "--out", str(out), "--format", "tbx", "--dest", str(dest)]) == 0
    root = ET.parse(dest).getroot()
    assert root.tag == f"{TBX}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.find(f"{TBX}tbxHeader/{TBX}fileDesc/{TBX}sourceDesc/{TBX}p") is not None
    entries = root.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    assert len(entries) == 4 and len({e.get("id") for e in entries}) == 4

    def terms_of(entry):
        return {(ls.get(XML_LANG), ts.findtext(f"{TBX}term"),
                 ts.find(f"{TBX}termNote[@type='termType']").text)
                for ls in entry.findall(f"{TBX}langSec") for ts in ls.findall(f"{TBX}termSec")}

    emt = next(e for e in entries if ("en", "EMT", "acronym") in terms_of(e))
    assert terms_of(emt) == {("en", "epithelial-mesenchymal transition", "fullForm"),
                             ("en", "EMT", "acronym"),
                             ("zh", "上皮-间质转化", "fullForm"), ("zh", "EMT", "acronym")}
    assert "documents: 2" in emt.findtext(f"{TBX}note")
    gan = next(e for e in entries if ("zh", "肝癌", "shortForm") in terms_of(e))
    assert terms_of(gan) == {("zh", "肝细胞癌", "fullForm"), ("zh", "肝癌", "shortForm")}
    parkinson = next(e for e in entries if ("en", "Parkinson's disease", "fullForm") in terms_of(e))
    assert {ls.get(XML_LANG) for ls in parkinson.findall(f"{TBX}langSec")} == {"en"}


def test_export_tsv(out, tmp_path, capsys):
    dest = tmp_path / "g.tsv"
    assert cli.main(["export", "--out", str(out), "--format", "tsv", "--dest", str(dest),
                     "--min-docs", "3"]) == 0
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("short\tlong_zh\tlong_en\tdoc_count")
    assert lines[1:] == ["肝癌\t肝细胞癌\t\t3\t3\t1\t\t"]


def test_tbx_escapes_markup():
    from hccbone_ingest.export.glossary import render_tbx

    xml = render_tbx([{"short": "A&B", "long_zh": None, "long_en": "alpha <and> beta", "doc_count": 1,
                       "variants": 1, "confidence": None, "basis": None}])
    root = ET.fromstring(xml)
    assert root.find(f".//{TBX}term").text == "alpha <and> beta"


def test_card_describes_terms_and_glossary():
    card = render_card("v", {"terms": 3, "glossary": 2}, {})
    assert "### `terms` — 3 rows" in card and "### `glossary` — 2 rows" in card
    assert "| `paired_long` |" in card and "| `doc_count` |" in card and "| `evidence` |" in card
    assert "FROM 'processed/glossary/*.parquet'" in card
