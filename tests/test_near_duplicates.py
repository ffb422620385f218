"""Near-duplicate AI-summary questions (corpus.near_duplicates)."""

from __future__ import annotations

from hccbone_ingest.corpus import DocMeta, near_duplicates, question_key


def _ai(doc_id: str, title: str | None) -> DocMeta:
    return DocMeta(doc_id=doc_id, doc_type="ai_summary", doi_key=None, title_en=title,
                   source_path=f"ai_summary/{doc_id}.txt")


def test_paraphrases_share_a_key() -> None:
    base = question_key("Does hepatocellular carcinoma (HCC) metastasize to the bone?")
    assert question_key("Can hepatocellular carcinoma spread to the bones?") == base
    assert question_key("does HCC metastasise to bone") == base  # stems: metastasise -> metast
    assert question_key("Does HCC ever spread to bone?") == base


def test_paraphrases_are_marked_and_different_questions_are_not() -> None:
    metas = [
        _ai("droracle:254318", "Can hepatocellular carcinoma spread to the bones?"),
        _ai("droracle:107185", "Does hepatocellular carcinoma (HCC) metastasize to the bone?"),
        _ai("droracle:310000", "Does HCC spread to bone?"),
        _ai("droracle:200000", "What is the survival of HCC with bone metastases?"),
        _ai("droracle:200001", "Does HCC metastasize to the lung?"),
        _ai("droracle:200002", None),
        DocMeta("doi:10.3877/x", "journal_article", "10.3877/x", "Does HCC spread to bone?", "journal/a.txt"),
    ]
    assert near_duplicates(metas) == {
        "droracle:254318": "droracle:107185",
        "droracle:310000": "droracle:107185",
    }


def test_groups_are_transitive_and_order_independent() -> None:
    metas = [
        _ai("droracle:3", "What are the treatment options for bone metastases from HCC?"),
        _ai("droracle:1", "What are treatment options for HCC bone metastases?"),
        _ai("droracle:2", "What treatment options exist for bone metastases of hepatocellular carcinoma?"),
        _ai("droracle:4", "What are the treatment options for lung metastases from HCC?"),
    ]
    expected = {"droracle:2": "droracle:1", "droracle:3": "droracle:1"}
    assert near_duplicates(metas) == expected
    assert near_duplicates(list(reversed(metas))) == expected


def test_nothing_to_mark() -> None:
    assert near_duplicates([]) == {}
    assert near_duplicates([_ai("droracle:1", "Does HCC spread to bone?")]) == {}
