"""The AI-summary adapter on the seed page, the topic-heading layout and saved HTML.

Expected values were read off the seed (`raw/ai_summary/003_7ad5b4fcf74b5bd2.txt`) and the
fixtures (`tests/fixtures/ai_summary/`, see their README), not copied from the output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hccbone_ingest.errors import ParseError
from hccbone_ingest.pipeline import parse_raw
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources.ai_summary import AiSummaryAdapter
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.tables import bundle_rows, to_arrow

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "ai_summary" / "003_7ad5b4fcf74b5bd2.txt"
JOURNAL_SEED = ROOT / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "ai_summary"
HTML = FIXTURES / "droracle_107185_saved.html"
TOPIC = FIXTURES / "droracle_topic_layout.txt"
THREE_LEVELS = FIXTURES / "droracle_three_levels.txt"
TOPIC_SAVED = FIXTURES / "droracle_topic_saved.html"

G, R = "From the Guidelines", "From the Research"
MGMT, QOL = "Management of Bone Metastases", "Quality of Life Considerations"
R1 = "Hepatocellular Carcinoma and Bone Metastasis"
R2 = "Clinical Characteristics of HCC with Bone Metastasis"
R3 = "Treatment and Management of HCC with Bone Metastasis"
R4 = "Prognostic Factors for HCC with Bone Metastasis"

# (section, subsection, kind, citations, text) for every claim of the seed, in reading order.
SEED_CLAIMS = [
    (G, None, "sentence", [], "Hepatocellular carcinoma (HCC) does metastasize to the bone, with common "
     "sites including the vertebrae, pelvis, ribs, and long bones, causing significant pain, pathological "
     "fractures, and reduced quality of life."),
    (G, None, "sentence", [1], "According to the most recent and highest quality study, bone metastasis "
     "occurs in HCC patients, with the lung, adrenal glands, peritoneum, and bone being common sites of "
     "metastasis."),
    (G, None, "sentence", [], "The mechanism involves cancer cells from the primary liver tumor entering "
     "the bloodstream and traveling to bone tissue, where they establish new tumor growth."),
    (G, MGMT, "sentence", [], "Management of bone metastases in HCC patients typically involves a "
     "multidisciplinary approach, including:"),
    (G, MGMT, "bullet", [], "Pain control with analgesics"),
    (G, MGMT, "bullet", [], "Radiation therapy to control pain and reduce skeletal-related events"),
    (G, MGMT, "bullet", [], "Bisphosphonates or denosumab to reduce skeletal-related events"),
    (G, MGMT, "bullet", [], "Surgical intervention for stabilization of pathological fractures or spinal "
     "cord decompression"),
    (G, MGMT, "sentence", [1], "As noted in the guidelines, external beam radiotherapy can be used to "
     "control pain in patients with bone metastases."),
    (G, MGMT, "sentence", [1], "Additionally, palliative radiotherapy can be beneficial for bone metastases "
     "causing pain or at significant risk of spontaneous secondary fracture."),
    (G, QOL, "sentence", [], "It is essential to prioritize the quality of life for patients with HCC and "
     "bone metastases, as the prognosis is often poor."),
    (G, QOL, "sentence", [1], "Psycho-oncological support and adequate nutrition are recommended according "
     "to the patient's condition."),
    (G, QOL, "sentence", [1], "Symptomatic treatment, including management of pain and nutrition, is "
     "advocated for patients with end-stage disease and heavily impaired liver function or poor "
     "performance status."),
    (R, R1, "bullet", [2, 3, 4, 5, 6], "Hepatocellular carcinoma (HCC) can metastasize to the bone, although "
     "it is a rare occurrence."),
    (R, R1, "bullet", [4], "The incidence of bone metastases in HCC patients is increasing due to advances "
     "in diagnosis and treatment."),
    (R, R1, "bullet", [2, 3, 4, 5], "Bone metastases from HCC are often associated with a poor prognosis and "
     "reduced life quality."),
    (R, R2, "bullet", [3, 6], "The most common sites of bone metastasis from HCC are the spine, rib, and "
     "pelvis."),
    (R, R2, "bullet", [3], "Pain is a common symptom of bone metastasis from HCC, occurring in up to 88% of "
     "patients."),
    (R, R2, "bullet", [3, 5], "The median survival time for patients with HCC and bone metastasis is "
     "generally poor, ranging from 5-6 months."),
    (R, R3, "bullet", [3, 6], "Radiation therapy is often used to palliate pain and improve quality of life "
     "in patients with bone metastases from HCC."),
    (R, R3, "bullet", [2, 5], "Systemic chemotherapy and sorafenib may also be used to treat HCC with bone "
     "metastasis, although their effectiveness is limited."),
    (R, R3, "bullet", [6], "Surgery may be necessary to prevent and treat complications such as nerve "
     "compression and pathologic fracture."),
    (R, R4, "bullet", [5], "The presence of ascites at initial presentation is a significant prognostic "
     "factor for survival in patients with HCC and bone metastasis."),
    (R, R4, "bullet", [3], "Other factors such as intrahepatic stage and metastasis to other organs may also "
     "affect prognosis."),
]
DISCLAIMER = (
    "This information is intended for healthcare professionals. Any medical decision-making should rely on "
    "clinical judgment and independently verified information. The content provided herein does not "
    "replace professional discretion and should be considered supplementary to established clinical "
    "guidelines. Healthcare providers should verify all information against primary literature and "
    "current practice standards before application in patient care. Dr.Oracle assumes no liability for "
    "clinical decisions based on this content."
)
CHROME = ("Which best describes you", "Medical Advisory Board", "Submitted", "Under Review", "Approved",
          "Personalize", "Help us tailor", "Have a follow-up question", "Last updated", "editorial policy",
          "Educational purpose", "Disclaimer", "intended for healthcare professionals", "Medical A.I.",
          "References", "Dr.Oracle", "Healthcare professional", "Ask")


def _parse(path: Path, rel: str) -> ParsedDocument:
    return parse_raw(RawInput(rel, path.read_bytes()))


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return _parse(SEED, "ai_summary/003_7ad5b4fcf74b5bd2.txt")


@pytest.fixture(scope="module")
def html() -> ParsedDocument:
    return _parse(HTML, "ai_summary/droracle_107185_saved.html")


@pytest.fixture(scope="module")
def topic() -> ParsedDocument:
    return _parse(TOPIC, "ai_summary/droracle_topic_layout.txt")


def test_seed_document_fields(seed: ParsedDocument) -> None:
    d = seed.document
    assert d.title_en == "Does hepatocellular carcinoma (HCC) metastasize to the bone?"
    assert d.updated_date == dt.date(2025, 5, 7)
    assert d.review_state == "pending_review"
    assert d.doc_type == "ai_summary" and d.source == "ai_summary"
    assert d.adapter == "ai_summary@1"
    assert d.disclaimer == DISCLAIMER
    # The text copy carries no address, and the file name is not the site id.
    assert d.site_id is None and d.url is None
    assert d.doc_id == "sha256:" + seed.document.content_sha256[:16]
    assert "7ad5b4fcf74b5bd2" not in d.doc_id


def test_seed_claims_field_by_field(seed: ParsedDocument) -> None:
    assert len(seed.claims) == 24
    for i, (c, want) in enumerate(zip(seed.claims, SEED_CLAIMS, strict=True), start=1):
        assert c.claim_no == i
        assert (c.section, c.subsection, c.kind, c.citations, c.text) == want, f"claim {i}"
        assert c.level == 0 and c.parent_claim_no is None  # the seed has no nested bullets


def test_no_chrome_in_claims_or_title(seed: ParsedDocument, html: ParsedDocument,
                                      topic: ParsedDocument) -> None:
    for doc in (seed, html, topic):
        texts = [doc.document.title_en or ""] + [c.text for c in doc.claims]
        texts += [c.section or "" for c in doc.claims] + [c.subsection or "" for c in doc.claims]
        for text in texts:
            for chrome in CHROME:
                assert chrome not in text, (chrome, text)
        assert not any(DISCLAIMER[:40] in t for t in texts)


def test_html_gives_the_same_claims_as_the_text_copy(seed: ParsedDocument, html: ParsedDocument) -> None:
    assert [dataclasses.astuple(c) for c in html.claims] == [dataclasses.astuple(c) for c in seed.claims]
    d = html.document
    assert d.title_en == seed.document.title_en
    assert (d.updated_date, d.review_state, d.disclaimer) == (dt.date(2025, 5, 7), "pending_review",
                                                              DISCLAIMER)


def test_html_address_gives_the_site_id(html: ParsedDocument) -> None:
    d = html.document
    assert d.site_id == "107185"
    assert d.doc_id == "droracle:107185"
    assert d.url == "https://www.droracle.ai/articles/107185/does-hepatocellular-carcinoma-hcc-metastasize"


def test_html_reference_list_resolves_every_citation(html: ParsedDocument) -> None:
    refs = {r.ref_no: r for r in html.source_references}
    assert sorted(refs) == [1, 2, 3, 4, 5, 6]
    cited = {n for c in html.claims for n in c.citations}
    assert cited == set(refs)
    assert html.document.quality_flags == []
    r1, r2, r4 = refs[1], refs[2], refs[4]
    assert r1.title == "Clinical practice guidelines: management of hepatocellular carcinoma"
    assert (r1.authors, r1.journal, r1.year) == ("European Liver Study Group", "Journal of Hepatology", 2018)
    assert (r1.doi, r1.pmid, r1.url) == ("10.5555/guideline.2018.001", "90000001",
                                         "https://doi.org/10.5555/guideline.2018.001")
    assert (r2.doi, r2.pmid, r2.url) == (None, "90000002", "https://pubmed.ncbi.nlm.nih.gov/90000002/")
    assert (r4.authors, r4.year, r4.pmid) == ("Wang F, Li G, Zhang H, et al.", 2013, None)


def test_topic_layout(topic: ParsedDocument) -> None:
    d = topic.document
    assert d.title_en == "Can hepatocellular carcinoma spread to the bones?"
    assert (d.site_id, d.doc_id) == ("254318", "droracle:254318")
    assert d.updated_date == dt.date(2026, 1, 14)
    got = [(c.section, c.kind, c.level, c.parent_claim_no, c.citations, c.text) for c in topic.claims]
    fd, sv, mg = "Frequency and Distribution", "Survival", "Management"
    assert got == [
        (None, "sentence", 0, None, [1, 2], "Yes, hepatocellular carcinoma spreads to bone, and bone is one "
         "of the most frequent sites of extrahepatic metastasis."),
        (None, "sentence", 0, None, [3], "Bone involvement marks advanced disease and changes the goals of "
         "treatment."),
        (fd, "bullet", 0, None, [1, 2], "Bone is among the most common extrahepatic sites, together with the "
         "lung and regional lymph nodes"),
        (fd, "bullet", 0, None, [], "The skeletal distribution follows a consistent pattern:"),
        (fd, "bullet", 1, 4, [1], "Spine (59.7% of cases)"),
        (fd, "bullet", 1, 4, [1], "Pelvis (17.6% of cases)"),
        (fd, "bullet", 1, 4, [1, 4], "Ribs and long bones"),
        (fd, "bullet", 0, None, [4], "Most lesions are osteolytic on imaging."),
        (sv, "bullet", 0, None, [1, 4], "Median overall survival after the diagnosis of bone metastases "
         "ranges from 7-11.7 months"),
        (sv, "bullet", 0, None, [], "Factors associated with shorter survival include:"),
        (sv, "bullet", 1, 10, [2], "Child-Pugh class B or C liver function"),
        (sv, "bullet", 1, 10, [], "Performance status of grade 3"),
        (sv, "bullet", 1, 10, [4], "Multiple (more than 3) bone lesions"),
        (mg, "sentence", 0, None, [3], "Treatment aims at pain control and the prevention of "
         "skeletal-related events."),
        (mg, "sentence", 0, None, [5], "Radiotherapy relieves pain in most treated lesions."),
        (mg, "bullet", 0, None, [5], "Radiotherapy for painful lesions"),
        (mg, "bullet", 0, None, [], "Bone-targeted agents:"),
        (mg, "bullet", 1, 17, [6], "Zoledronic acid"),
        (mg, "bullet", 1, 17, [6], "Denosumab"),
        (mg, "bullet", 0, None, [3], "Surgery for pathological fractures or spinal cord compression"),
    ]
    assert all(c.subsection is None for c in topic.claims)
    assert [c.claim_no for c in topic.claims] == list(range(1, 21))


TOPIC_HTML = """<!DOCTYPE html><html><head><title>Where does HCC spread? | Dr.Oracle</title>
<meta property="og:url" content="https://www.droracle.ai/articles/300001/where-does-hcc-spread"></head>
<body><main><h1>Where does HCC spread?</h1>
<div>Medical Advisory Board<span>All articles are reviewed for accuracy by our Medical Advisory
Board</span></div>
<p>Last updated: <time>June 2, 2025</time>View editorial policy</p>
<p>HCC spreads most often to the lung <sup>[1]</sup>, then to bone <sup>2-4</sup>.</p>
<h2>Skeletal Sites</h2>
<ul><li><p>The distribution is:</p><ul><li>Spine (59.7% of cases) <a href="#s1">1</a></li>
<li>Pelvis <a href="#s2">2</a><ul><li>Sacrum in particular <a href="#s2">2</a></li></ul></li></ul></li>
<li>Ribs <a href="#s9">9</a></li></ul>
<h3>Imaging</h3><p>MRI is preferred for the spine <a class="citation" href="#s3">3</a>.</p>
<h2>Sources</h2><ol><li id="s1">Adams B, Chen C. Bone metastases in HCC. Example Liver Journal. 2020;5:1-9.
doi:10.5555/ex.2020.1</li><li id="s2">PMID: 90000012</li><li id="s3">Imaging of the spine</li></ol>
<h2>Have a follow-up question?</h2><p>Ask us.</p></main></body></html>"""


def test_html_topic_layout_nesting_and_markers() -> None:
    doc = parse_raw(RawInput("ai_summary/p.html", TOPIC_HTML.encode()))
    got = [(c.section, c.subsection, c.level, c.parent_claim_no, c.citations, c.text) for c in doc.claims]
    assert got == [
        (None, None, 0, None, [1, 2, 3, 4], "HCC spreads most often to the lung, then to bone."),
        ("Skeletal Sites", None, 0, None, [], "The distribution is:"),
        ("Skeletal Sites", None, 1, 2, [1], "Spine (59.7% of cases)"),
        ("Skeletal Sites", None, 1, 2, [2], "Pelvis"),
        ("Skeletal Sites", None, 2, 4, [2], "Sacrum in particular"),
        ("Skeletal Sites", None, 0, None, [9], "Ribs"),
        ("Skeletal Sites", "Imaging", 0, None, [3], "MRI is preferred for the spine."),
    ]
    d = doc.document
    assert (d.doc_id, d.title_en, d.updated_date) == ("droracle:300001", "Where does HCC spread?",
                                                      dt.date(2025, 6, 2))
    # Cited numbers absent from the page's list are flagged, never dropped.
    assert d.quality_flags == ["unresolved_citation:4", "unresolved_citation:9"]
    refs = {r.ref_no: r for r in doc.source_references}
    assert sorted(refs) == [1, 2, 3]
    assert (refs[1].authors, refs[1].title, refs[1].journal, refs[1].year, refs[1].doi) == (
        "Adams B, Chen C", "Bone metastases in HCC", "Example Liver Journal", 2020, "10.5555/ex.2020.1")
    assert refs[2].pmid == "90000012"


def test_rows_fit_the_table_schemas(seed: ParsedDocument, html: ParsedDocument) -> None:
    for doc in (seed, html):
        rows = bundle_rows(doc)
        claims = to_arrow("claims", rows["claims"])
        assert claims.num_rows == 24
        assert claims.column("citations").to_pylist()[13] == [2, 3, 4, 5, 6]
        assert to_arrow("documents", rows["documents"]).num_rows == 1
    assert to_arrow("source_references", bundle_rows(html)["source_references"]).num_rows == 6


def test_parsing_is_deterministic() -> None:
    a = _parse(HTML, "ai_summary/a.html")
    b = _parse(HTML, "ai_summary/a.html")
    assert bundle_rows(a) == bundle_rows(b)


def test_can_parse_separates_sources() -> None:
    adapter = AiSummaryAdapter()
    seed_score = adapter.can_parse(RawInput("ai_summary/003.txt", SEED.read_bytes()))
    elsewhere = adapter.can_parse(RawInput("inbox/003.txt", SEED.read_bytes()))
    assert seed_score >= 0.8 and seed_score > elsewhere >= 0.75
    assert adapter.can_parse(RawInput("journal/000.txt", JOURNAL_SEED.read_bytes())) == 0.0
    assert adapter.can_parse(RawInput("ai_summary/000.txt", JOURNAL_SEED.read_bytes())) == 0.0
    assert adapter.can_parse(RawInput("x.html", HTML.read_bytes())) >= 0.8
    # One weak cue is not enough.
    assert adapter.can_parse(RawInput("x.txt", b"Minutes of the meeting\nLast updated: May 7, 2025\n")) == 0.0


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Medical Advisory Board\nFrom the Guidelines\n", "no question"),
        ("Does HCC spread to bone?\nMedical Advisory Board\nLast updated: May 7, 2025\n"
         "Professional Medical Disclaimer\nThis information is intended for healthcare professionals.\n",
         "no claims"),
    ],
)
def test_pages_without_title_or_claims_raise_parse_error(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        AiSummaryAdapter().parse(RawInput("ai_summary/x.txt", text.encode()))


_FRAGMENTS = st.sampled_from([
    "Does HCC metastasize to bone?", "Medical Advisory Board", "From the Guidelines", "From the Research",
    "Last updated: May 7, 2025View editorial policy", "Which best describes you?", "  • Spine 1",
    "      • Ribs (12% of cases) 2, 3", "Pain occurs 3. Then 4.", "Professional Medical Disclaimer",
    "Have a follow-up question?", "<ul><li>x <sup>1</sup><ul><li>y</li></ul></li></ul>", "<h2>T</h2>",
    "<a href='#ref-1'>1</a>", "<ol><li id='ref-1'>PMID: 1</li></ol>", "<p>", "</div>", "", "1, 2, 3.",
])
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=80)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, _TEXT), min_size=1, max_size=25), st.booleans())
def test_arbitrary_text_raises_only_parse_error(parts: list[str], as_html: bool) -> None:
    text = "\n".join(parts)
    if not text.strip():
        return
    raw = RawInput("ai_summary/x.html" if as_html else "ai_summary/x.txt", text.encode("utf-8"))
    try:
        doc = AiSummaryAdapter().parse(raw)
    except ParseError:
        return
    assert doc.document.title_en
    assert [c.claim_no for c in doc.claims] == list(range(1, len(doc.claims) + 1))


def test_only_an_address_line_gives_the_site_id() -> None:
    body = SEED.read_text(encoding="utf-8")
    link = "Related: https://www.droracle.ai/articles/999/other-question explains more 3."
    linked = body.replace("Professional Medical Disclaimer", f"{link}\n\nProfessional Medical Disclaimer")
    doc = AiSummaryAdapter().parse(RawInput("ai_summary/a.txt", linked.encode()))
    assert doc.document.site_id is None
    saved = "https://www.droracle.ai/articles/107185/does-hepatocellular-carcinoma\n" + body
    doc = AiSummaryAdapter().parse(RawInput("ai_summary/a.txt", saved.encode()))
    assert (doc.document.site_id, doc.document.doc_id) == ("107185", "droracle:107185")
    assert doc.document.title_en == "Does hepatocellular carcinoma (HCC) metastasize to the bone?"
    assert len(doc.claims) == 24


# ----------------------------------------------------------------------------- review fixtures

def _claims(doc: ParsedDocument) -> list[tuple[object, ...]]:
    return [(c.section, c.subsection, c.kind, c.level, c.parent_claim_no, c.citations, c.text)
            for c in doc.claims]


def test_three_bullet_levels_and_markers_after_numbers() -> None:
    doc = AiSummaryAdapter().parse(RawInput("ai_summary/t.txt", THREE_LEVELS.read_bytes()))
    assert doc.document.title_en == ("What is the median survival of patients with hepatocellular carcinoma "
                                     "and bone metastases?")
    assert doc.document.updated_date == dt.date(2026, 3, 3)
    assert doc.document.site_id is None and doc.document.doc_id.startswith("sha256:")
    s1, s2 = "Survival by Treatment", "Prognostic Factors"
    assert _claims(doc) == [
        (None, None, "sentence", 0, None, [1, 2],
         "Median overall survival after bone metastasis is short, about 7 months in most series."),
        (s1, None, "bullet", 0, None, [3],
         "Patients receiving systemic therapy had a median survival of 11.7 months"),
        (s1, None, "bullet", 1, 2, [1, 4], "Sorafenib-treated patients: 7-11.7 months"),
        (s1, None, "bullet", 1, 2, [5], "Immunotherapy combinations: up to 16 months in selected patients"),
        (s1, None, "bullet", 0, None, [2], "Best supportive care alone: 3.2 months"),
        (s1, None, "bullet", 0, None, [6, 7],
         "Radiotherapy to painful lesions improves quality of life but not survival."),
        (s2, None, "bullet", 0, None, [3], "Child-Pugh class A vs. B (HR 2.1)"),
        (s2, None, "bullet", 0, None, [4], "More than 3 bone lesions"),
        (s2, None, "bullet", 0, None, [2, 8],
         "Skeletal-related events, e.g. pathological fracture or cord compression"),
        (s2, None, "bullet", 1, 9, [8], "Spinal cord compression occurred in 14.8% of patients"),
        (s2, None, "bullet", 2, 10, [8], "Most commonly at the thoracic spine"),
    ]


def test_saved_html_of_the_topic_layout() -> None:
    doc = AiSummaryAdapter().parse(RawInput("ai_summary/t.html", TOPIC_SAVED.read_bytes()))
    d = doc.document
    assert (d.site_id, d.review_state) == ("254318", "pending_review")
    assert d.title_en == "Can hepatocellular carcinoma spread to the bones?"
    fd, sv = "Frequency and Distribution", "Survival"
    assert _claims(doc)[2:] == [
        (fd, None, "bullet", 0, None, [1, 2],
         "Bone is among the most common extrahepatic sites, together with the lung and regional lymph nodes"),
        (fd, None, "bullet", 0, None, [], "The skeletal distribution follows a consistent pattern:"),
        (fd, None, "bullet", 1, 4, [1], "Spine (59.7% of cases)"),
        (fd, None, "bullet", 1, 4, [1], "Pelvis (17.6% of cases)"),
        (fd, None, "bullet", 1, 4, [1, 4], "Ribs and long bones"),
        (fd, None, "bullet", 0, None, [4], "Most lesions are osteolytic on imaging."),
        (sv, "Overall survival", "bullet", 0, None, [1, 4],
         "Median overall survival after the diagnosis of bone metastases ranges from 7-11.7 months"),
        (sv, "Factors", "bullet", 0, None, [], "Factors associated with shorter survival include:"),
        (sv, "Factors", "bullet", 1, 10, [2], "Child-Pugh class B or C liver function"),
        (sv, "Factors", "bullet", 1, 10, [], "Performance status of grade 3"),
    ]
    assert [(r.ref_no, r.doi, r.pmid, r.year) for r in doc.source_references] == [
        (1, "10.5555/example.1", None, 2019), (2, None, "12345678", 2020), (3, None, None, 2021),
        (4, "10.5555/example.4", None, 2022)]
    assert (doc.source_references[2].authors, doc.source_references[2].title) == (
        "Smith A, Jones B", "Example study three")
    assert d.quality_flags == []


@pytest.mark.parametrize("mutate", [
    lambda t: t.replace("\n", "\r\n"), lambda t: t.replace("    ", "\t"), lambda t: t.replace(" ", "\u00a0"),
    lambda t: t.replace(" ", "\u3000"), lambda t: "\ufeff" + t.replace("\n", " \n"),
], ids=["crlf", "tabs", "nbsp", "ideographic-space", "bom-trailing-space"])
@pytest.mark.parametrize("page", [SEED, TOPIC, THREE_LEVELS], ids=lambda p: p.stem)
def test_whitespace_variants_give_the_same_claims(page: Path, mutate) -> None:  # type: ignore[no-untyped-def]
    text = page.read_text(encoding="utf-8")
    base = AiSummaryAdapter().parse(RawInput("ai_summary/a.txt", text.encode()))
    got = AiSummaryAdapter().parse(RawInput("ai_summary/a.txt", mutate(text).encode()))
    assert _claims(got) == _claims(base)
    assert got.document.title_en == base.document.title_en


_PAGES = [p.read_text(encoding="utf-8").splitlines() for p in (SEED, TOPIC, THREE_LEVELS)]
_CHROME_WORDS = ("Medical Advisory Board", "Educational purpose only", "View editorial policy",
                 "Which best describes you", "Have a follow-up question", "assumes no liability")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(_PAGES) - 1), st.data())
def test_mutated_real_pages_keep_the_claim_invariants(page_no: int, data: st.DataObject) -> None:
    """Real pages with lines dropped, repeated or swapped: the parser gets deep (header, nesting,
    markers, footer) and must either raise ParseError or give well-formed claims."""
    lines = list(_PAGES[page_no])
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "repeat", "swap", "cut"]))
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
    try:
        doc = AiSummaryAdapter().parse(RawInput("ai_summary/m.txt", "\n".join(lines).encode()))
    except ParseError:
        return
    by_no = {c.claim_no: c for c in doc.claims}
    assert list(by_no) == list(range(1, len(doc.claims) + 1))
    for c in doc.claims:
        assert c.text and not any(w in c.text for w in _CHROME_WORDS)
        assert all(1 <= n <= 30 for n in c.citations)
        if c.parent_claim_no is not None:
            parent = by_no[c.parent_claim_no]
            assert parent.claim_no < c.claim_no and parent.kind == c.kind == "bullet"
            assert c.level == parent.level + 1
        else:
            assert c.level == 0
    assert not any(w in (doc.document.title_en or "") for w in _CHROME_WORDS)


def test_a_question_heading_is_a_section_not_a_claim() -> None:
    question = "\nWhich Factors Predict Survival?\n"
    text = THREE_LEVELS.read_text(encoding="utf-8").replace("\nPrognostic Factors\n", question)
    doc = AiSummaryAdapter().parse(RawInput("ai_summary/q.txt", text.encode()))
    assert all(not c.text.endswith("?") for c in doc.claims)
    assert [c.section for c in doc.claims[-5:]] == ["Which Factors Predict Survival?"] * 5
    assert len(doc.claims) == 11
