"""The page-fields scorer of bench/pages_eval.py: what counts as right, wrong and missing."""

from __future__ import annotations

from pathlib import Path

from bench.pages_eval import FIELDS, Fixture, score_page, summarize
from hccbone_ingest.records import Abstract, Author, Document, Keyword, ParsedDocument


def _expected(**over: object) -> dict:
    fields: dict[str, object] = dict.fromkeys(FIELDS)
    fields.update({"authors_zh": [], "authors_en": [], "affiliations_zh": [], "affiliations_en": [],
                   "keywords_zh": [], "keywords_en": [], "references": 0})
    fields.update(over)
    return {"platform": "p", "kind": "text", "document": True, "fields": fields}


def _doc(**fields: object) -> ParsedDocument:
    d = Document(doc_id="x", source="journal", doc_type="journal_article", source_path="", content_sha256="")
    for k, v in fields.items():
        setattr(d, k, v)
    return ParsedDocument(document=d)


def _fx(expected: dict) -> Fixture:
    return Fixture("p", "n", Path("n.txt"), expected)


def test_right_wrong_and_missing_values_are_told_apart() -> None:
    fx = _fx(_expected(title_zh="肝癌骨转移 研究", title_en="Bone metastasis", volume="04", doi="10.1/AB"))
    doc = _doc(title_zh="肝癌骨转移研究", title_en="Bone metastasis. PDF", volume="4", journal_zh="某刊",
               doi="10.1/ab")
    res = score_page(fx, doc, None)
    t = res.tallies
    assert (t["title_zh"].right, t["title_zh"].published, t["title_zh"].shown) == (1, 1, 1)  # spaces ignored
    assert (t["title_en"].right, t["title_en"].published) == (0, 1)  # chrome in the title: wrong
    assert t["volume"].right == 1  # zero padding ignored
    assert t["doi"].right == 1  # DOIs are case-insensitive
    assert (t["journal_zh"].published, t["journal_zh"].shown, t["journal_zh"].right) == (1, 0, 0)
    fields_wrong = {f for f, _, _ in res.mismatches}
    assert fields_wrong == {"title_en", "journal_zh"}


def test_lists_and_abstracts_compare_as_wholes() -> None:
    fx = _fx(_expected(authors_zh=["张三", "李四"], keywords_en=["a", "b"], abstract_zh="目的: 探讨。"))
    doc = _doc()
    doc.authors = [Author(position=1, name_zh="张三"), Author(position=2, name_zh="李四1")]
    doc.keywords = [Keyword("en", 1, "a"), Keyword("en", 2, "b")]
    doc.abstracts = [Abstract("zh", "目的\n探讨。")]
    t = score_page(fx, doc, None).tallies
    assert t["authors_zh"].right == 0 and t["authors_zh"].published == 1
    assert t["keywords_en"].right == 1
    assert t["abstract_zh"].right == 1  # line breaks and the colon after a part label are ignored


def test_junk_and_lost_pages_are_counted() -> None:
    junk = Fixture("neg", "a", Path("a.txt"), {"document": False, "fields": {}})
    lost = _fx(_expected(title_zh="某题名"))
    results = [score_page(junk, _doc(title_zh="x"), None), score_page(lost, None, "validate: nothing")]
    s = summarize(results)
    assert s["total"]["junk_published"] == 1
    assert s["total"]["articles_lost"] == 1
    assert s["platforms"]["p"]["recall"] == 0.0
