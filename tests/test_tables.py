"""Table schemas: every column documented, records -> Arrow -> Parquet -> the same rows."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hccbone_ingest import records as R
from hccbone_ingest.tables import CORPUS_TABLES, SCHEMA_VERSION, TABLES, bundle_rows, to_arrow


def _full_doc() -> R.ParsedDocument:
    """A document with every record type and every optional field set."""
    doc = R.Document(
        doc_id="doi:10.1/x", source="journal", doc_type="journal_article", source_path="journal/x.txt",
        content_sha256="ab" * 32, adapter="journal_text@1", url="https://e.org/x", site_id="9",
        doi="10.1/X", doi_key="10.1/x", doi_valid=True, title_zh="题名", title_en="Title",
        journal_zh="杂志", journal_en="Journal", issn="1234-5678", year=2025, volume="14", issue="04",
        first_page="1", last_page="9", section="专家论坛", received_date=dt.date(2025, 1, 25),
        revised_date=dt.date(2025, 2, 1), accepted_date=dt.date(2025, 3, 1),
        published_date=dt.date(2025, 8, 10), updated_date=dt.date(2025, 5, 7),
        corresponding_author_zh="李照", corresponding_author_en="Zhao Li", corresponding_email="a@b.c",
        funding_zh="基金", funding_en="Fund", citation_zh="引用", citation_en="Cite",
        review_state="pending_review", disclaimer="Disclaimer", encoding="utf-8",
        quality_flags=["doi_year_mismatch"], provenance={"title_zh": "meta"}, duplicate_of="doi:10.1/y",
    )
    parsed = R.ParsedRef(type_code="J", carrier="OL", authors=["A B", "C D"], et_al=True, title="T",
                         container="J", edition="2", place="P", publisher="Pub", year=2020, volume="1",
                         issue="2", pages_first="3", pages_last="4", article_no="e5",
                         access_date="2020-01-01", url="https://u", doi="10.2/Y", doi_key="10.2/y",
                         doi_valid=True, lang="en", flags=["bilingual_pair"])
    return R.ParsedDocument(
        document=doc,
        authors=[R.Author(1, "罗臻", "Chen Lo", [1, 2], True, "a@b.c")],
        affiliations=[R.Affiliation(1, "医院", "Hospital", "100044")],
        abstracts=[R.Abstract("zh", "摘要。"), R.Abstract("en", "Abstract.")],
        keywords=[R.Keyword("zh", 1, "肝癌")],
        references=[R.Reference(1, "raw ref", "10.2/Y", parsed, '{"label": "1"}')],
        related_articles=[R.RelatedArticle(1, "related", parsed)],
        claims=[R.Claim(1, "From the Research", "Sub", "bullet", 1, None, "Claim.", [2, 3])],
        source_references=[R.SourceReference(1, "T", "A", "J", 2020, "10.3/z", "123", "https://u")],
        sentences=[R.Sentence("zh", "abstract", 0, "摘要。", ["摘要", "。"], 0, 3, "objective")],
        alignments=[R.Alignment(0, [0], [0, 1], "摘要。", "Abstract. More.", 0.875, "1-2")],
        citations=[R.Citation(1, "10.2/Y", "10.2/y", "reference", "doi:10.2/y")],
        terms=[R.Term("zh", "abstract", 0, "EMT", "上皮-间质转化", "long_short", "latin", 0, 7, 8, 11,
                      "epithelial-mesenchymal transition", "epithelial-mesenchymal transition",
                      "aligned_pair", [0], 0.9375)],
    )


def test_every_column_is_documented_and_versioned():
    for name, spec in TABLES.items():
        assert spec.schema.metadata[b"hccbone.schema_version"] == SCHEMA_VERSION.encode()
        for f in spec.schema:
            assert (f.metadata or {}).get(b"description"), f"{name}.{f.name} has no description"
        assert set(spec.sort_keys) <= set(spec.schema.names)


def test_bundle_rows_fill_every_table_and_round_trip_through_parquet(tmp_path):
    rows = bundle_rows(_full_doc())
    assert set(rows) == set(TABLES) - {"errors", *CORPUS_TABLES}
    for name, table_rows in rows.items():
        assert table_rows, f"{name} got no rows"
        table = to_arrow(name, table_rows)
        assert table.schema.equals(TABLES[name].schema, check_metadata=True)
        path = tmp_path / f"{name}.parquet"
        pq.write_table(table, path)
        back = pq.read_table(path)
        assert back.schema.metadata[b"hccbone.schema_version"] == SCHEMA_VERSION.encode()
        got = back.to_pylist()
        want = [{k: r.get(k) for k in TABLES[name].schema.names} for r in table_rows]
        assert got == want
    doc_row = rows["documents"][0]
    assert doc_row["provenance"] == '{"title_zh": "meta"}'
    assert doc_row["schema_version"] == SCHEMA_VERSION
    ref = rows["references"][0]
    assert ref["authors"] == ["A B", "C D"] and ref["parse_flags"] == ["bilingual_pair"]
    assert ref["doi"] == "10.2/Y" and ref["doi_key"] == "10.2/y"


def test_every_record_field_has_a_column():
    """A field added to a record but not to its table would be silently dropped."""
    pairs = {"documents": R.Document, "authors": R.Author, "affiliations": R.Affiliation,
             "abstracts": R.Abstract, "keywords": R.Keyword, "claims": R.Claim,
             "source_references": R.SourceReference, "sentences": R.Sentence, "alignments": R.Alignment,
             "citations": R.Citation, "errors": R.ErrorRecord, "terms": R.Term}
    for table, rec in pairs.items():
        missing = {f.name for f in dataclasses.fields(rec)} - set(TABLES[table].schema.names)
        assert not missing, f"{rec.__name__} fields without a column in {table}: {missing}"
    parsed = {f.name for f in dataclasses.fields(R.ParsedRef)} - {"doi", "flags"}
    assert parsed <= set(TABLES["references"].schema.names)


def test_rows_with_unknown_columns_are_rejected():
    with pytest.raises(ValueError, match="not in the schema"):
        to_arrow("abstracts", [{"doc_id": "d", "lang": "en", "text": "t", "oops": 1}])


def test_non_nullable_columns_are_enforced():
    with pytest.raises((pa.ArrowInvalid, ValueError)):
        to_arrow("abstracts", [{"doc_id": None, "lang": "en", "text": "t"}])


def test_glossary_rows_round_trip():
    from hccbone_ingest.terms.glossary import build_glossary

    terms = bundle_rows(_full_doc())["terms"]
    rows = build_glossary(terms)
    assert [(r["short"], r["long_zh"], r["long_en"], r["doc_count"]) for r in rows] == [
        ("EMT", "上皮-间质转化", "epithelial-mesenchymal transition", 1)]
    table = to_arrow("glossary", rows)
    assert table.schema.equals(TABLES["glossary"].schema, check_metadata=True)
    assert table.to_pylist()[0]["confidence"] == 0.9375
