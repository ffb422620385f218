from __future__ import annotations

from hccbone_ingest.enrich import default_steps
from hccbone_ingest.enrich.alignment import AlignmentStep
from hccbone_ingest.enrich.sentences import SentenceStep
from hccbone_ingest.records import Abstract, Claim, Document, ParsedDocument
from hccbone_ingest.tables import bundle_rows, to_arrow
from tests.seed_abstract import seed_abstracts


def _doc(doc_id: str, zh: str | None, en: str | None, claims=()) -> ParsedDocument:
    d = Document(doc_id=doc_id, source="journal", doc_type="journal_article", source_path="x",
                 content_sha256="0", title_zh="肝细胞癌骨转移研究进展",
                 title_en="Research progress in bone metastasis from hepatocellular carcinoma")
    abstracts = [Abstract(lang, t) for lang, t in (("zh", zh), ("en", en)) if t]
    return ParsedDocument(document=d, abstracts=abstracts, claims=list(claims))


def test_default_steps_order():
    names = [s.name for s in default_steps()]
    assert names.index("sentences") < names.index("alignment")


def test_seed_sentences_and_alignment_rows():
    zh, en = seed_abstracts()
    doc = _doc("doi:10.3877/x", zh, en)
    other = _doc("doi:other", "目的:探讨疗效。方法:回顾分析。", None)
    steps = [SentenceStep(), AlignmentStep()]
    for step in steps:
        step.run([doc, other])
    ab = [s for s in doc.sentences if s.section == "abstract"]
    assert [s.sent_no for s in ab if s.lang == "zh"] == [0, 1, 2, 3, 4]
    assert [s.sent_no for s in ab if s.lang == "en"] == list(range(8))
    for s in ab:
        text = zh if s.lang == "zh" else en
        assert text[s.char_start:s.char_end] == s.text and s.tokens
    assert [(s.lang, s.text) for s in doc.sentences if s.section == "title"] == [
        ("zh", "肝细胞癌骨转移研究进展"),
        ("en", "Research progress in bone metastasis from hepatocellular carcinoma")]

    abs_al = [a for a in doc.alignments if a.section == "abstract"]
    assert [(a.zh_sent_nos, a.en_sent_nos, a.kind) for a in abs_al] == [
        ([0], [0, 1, 2], "1-3"), ([1], [3], "1-1"), ([2], [4, 5], "1-2"), ([3], [6], "1-1"),
        ([4], [7], "1-1")]
    assert [a.pair_no for a in abs_al] == [0, 1, 2, 3, 4]
    assert abs_al[2].en_text == ab[5 + 4].text + " " + ab[5 + 5].text
    assert abs_al[0].zh_text == ab[0].text
    title_al = [a for a in doc.alignments if a.section == "title"]
    assert [(a.zh_sent_nos, a.en_sent_nos) for a in title_al] == [([0], [0])]

    # no English abstract: labelled sentences, no abstract alignment
    assert [(s.label, s.text) for s in other.sentences if s.section == "abstract"] == [
        ("objective", "探讨疗效。"), ("methods", "回顾分析。")]
    assert [a.section for a in other.alignments] == ["title"]

    rows = bundle_rows(doc)
    assert to_arrow("sentences", rows["sentences"]).num_rows == len(doc.sentences)
    assert to_arrow("alignments", rows["alignments"]).num_rows == len(doc.alignments)


def test_claim_sentences_number_across_claims_and_steps_are_idempotent():
    claims = [Claim(1, "From the Research", None, "sentence", 0, None,
                    "Bone metastases occur in up to 88% of patients. They are often osteolytic."),
              Claim(2, "From the Research", None, "bullet", 0, None, "Spine (59.7% of cases)")]
    doc = _doc("droracle:1", None, None, claims)
    step = SentenceStep()
    step.run([doc])
    first = list(doc.sentences)
    step.run([doc])
    assert doc.sentences == first
    cl = [s for s in doc.sentences if s.section == "claim"]
    assert [(s.claim_no, s.sent_no, s.char_start, s.text) for s in cl] == [
        (1, 0, 0, "Bone metastases occur in up to 88% of patients."),
        (1, 1, 48, "They are often osteolytic."),
        (2, 2, 0, "Spine (59.7% of cases)")]
