"""Citation markers, the prose splitter and the chrome helpers of AI-summary pages."""

from __future__ import annotations

import datetime as dt

import pytest

from hccbone_ingest.aisummary.chrome import Chrome, article_address, classify, review_state, updated_date
from hccbone_ingest.aisummary.markers import EXPLICIT_CLOSE, EXPLICIT_OPEN, split_markers
from hccbone_ingest.aisummary.prose import split_sentences


def _x(*nums: int) -> str:
    return ", ".join(f"{EXPLICIT_OPEN}{n}{EXPLICIT_CLOSE}" for n in nums)


@pytest.mark.parametrize(
    ("text", "clean", "cites"),
    [
        # The seed's own runs (REFERENCE.md §2).
        ("Hepatocellular carcinoma (HCC) can metastasize to the bone, although it is a rare occurrence "
         "2, 3, 4, 5, 6.",
         "Hepatocellular carcinoma (HCC) can metastasize to the bone, although it is a rare occurrence.",
         [2, 3, 4, 5, 6]),
        ("occurring in up to 88% of patients 3.", "occurring in up to 88% of patients.", [3]),
        ("generally poor, ranging from 5-6 months 3, 5.", "generally poor, ranging from 5-6 months.", [3, 5]),
        # The second layout: no final period, markers right after numbers.
        ("Spine (59.7% of cases) 1", "Spine (59.7% of cases)", [1]),
        ("Median survival ranges from 7-11.7 months 1, 4", "Median survival ranges from 7-11.7 months",
         [1, 4]),
        ("A unit before the run is fine: within 1 year 2.", "A unit before the run is fine: within 1 year.",
         [2]),
    ],
)
def test_trailing_runs_are_markers(text: str, clean: str, cites: list[int]) -> None:
    got = split_markers(text)
    assert (got.text, got.citations) == (clean, cites)


@pytest.mark.parametrize(
    "text",
    [
        "Pain occurs in up to 88%.",  # a percentage is a quantity
        "Median survival was 5-6.",  # a range
        "The tumour measured 11.7",  # a decimal
        "Performance status of grade 3",  # a numbered noun
        "Disease classified as stage 4.",
        "Survival was 7.",  # a verb taking a number
        "Lesions ranged from 2 to 4",  # a word between two numbers
        "Response in 3 of 5",
        "Sorafenib was approved in 2007.",  # beyond any reference count
        "Median age 62",  # beyond the default cap of a text copy
        "Values of p < 5",  # a comparison
        "Twice 3, 3.",  # a repeated number is not a citation list
        "12 3",  # no words: not a claim with markers
        "Costs reached 1,000",  # a thousands separator, not a run
    ],
)
def test_numbers_of_the_claim_are_kept(text: str) -> None:
    got = split_markers(text)
    assert got.citations == []
    assert got.text == text.strip()


def test_reference_count_bounds_the_run() -> None:
    assert split_markers("Bone metastases are rare 7.", max_ref=6).citations == []
    assert split_markers("Bone metastases are rare 7.", max_ref=7).citations == [7]
    assert split_markers("Seen in cohort sizes near 40", max_ref=None).citations == []
    assert split_markers("Seen in many series 40", max_ref=45).citations == [40]


def test_explicit_markers_are_removed_wherever_they_stand() -> None:
    text = f"Bone {_x(1)} and lung {_x(2, 3)} lesions occur in 5-6% of cases {_x(4)}."
    got = split_markers(text)
    assert got.text == "Bone and lung lesions occur in 5-6% of cases."
    assert got.citations == [1, 2, 3, 4]
    # An explicit page never guesses: a bare trailing number stays text.
    assert split_markers(f"Pain {_x(3)} in grade 2").text == "Pain in grade 2"


def test_sentences_keep_their_markers() -> None:
    para = ("As noted in the guidelines, external beam radiotherapy can be used to control pain in "
            "patients with bone metastases 1. Additionally, palliative radiotherapy can be beneficial 1.")
    assert split_sentences(para) == [
        "As noted in the guidelines, external beam radiotherapy can be used to control pain in "
        "patients with bone metastases 1.",
        "Additionally, palliative radiotherapy can be beneficial 1.",
    ]


def test_sentences_do_not_split_at_abbreviations_or_decimals() -> None:
    para = ("Smith et al. reported bone lesions, e.g. in the spine, in 59.7% of cases 2. The U.S. Food "
            "and Drug Administration vs. EMA differ 3. Dr. Lee agreed.")
    assert split_sentences(para) == [
        "Smith et al. reported bone lesions, e.g. in the spine, in 59.7% of cases 2.",
        "The U.S. Food and Drug Administration vs. EMA differ 3.",
        "Dr. Lee agreed.",
    ]


def test_explicit_marker_after_the_period_stays_with_its_sentence() -> None:
    para = f"Bone metastases are rare.{_x(2)} Pain is common.{_x(3)}"
    assert split_sentences(para) == [f"Bone metastases are rare.{_x(2)}", f"Pain is common.{_x(3)}"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Medical Advisory BoardAll articles are reviewed for accuracy by our Medical Advisory Board",
         Chrome.BADGE),
        ("Educational purpose only • Exercise caution as content is pending human review", Chrome.BANNER),
        ("Under Review", Chrome.STEPPER),
        ("Approved", Chrome.STEPPER),
        ("Last updated: May 7, 2025View editorial policy", Chrome.UPDATED),
        ("Which best describes you? Your choice helps us use language that's most understandable for you.",
         Chrome.PERSONALIZE),
        ("Professional Medical Disclaimer", Chrome.DISCLAIMER_HEADING),
        ("Have a follow-up question?", Chrome.CTA),
        ("References", Chrome.END),
        ("Management of Bone Metastases", None),
        ("Radiation therapy is often used to palliate pain 3, 6.", None),
    ],
)
def test_chrome_classification(line: str, kind: Chrome | None) -> None:
    assert classify(line) is kind


def test_personalisation_answers_are_chrome_only_after_the_question() -> None:
    assert classify("Patient", after_personalize=True) is Chrome.PERSONALIZE
    assert classify("Patient") is None


@pytest.mark.parametrize(
    ("banner", "state"),
    [
        ("Educational purpose only • Exercise caution as content is pending human review", "pending_review"),
        ("This content is currently under review by our Medical Advisory Board", "under_review"),
        ("This article has been reviewed by a board-certified physician", "reviewed"),
        ("Medically reviewed by Dr. Jane Roe, MD", "reviewed"),
        ("Content has been approved by our Medical Advisory Board", "approved"),
        ("Educational purpose only", None),
    ],
)
def test_review_state_from_banner_wording(banner: str, state: str | None) -> None:
    assert review_state(banner) == state


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Last updated: May 7, 2025View editorial policy", dt.date(2025, 5, 7)),
        ("Last updated: 14 Jan 2026", dt.date(2026, 1, 14)),
        ("Last updated: 2025-05-07", dt.date(2025, 5, 7)),
        ("Last updated: Febtember 31, 2025", None),
    ],
)
def test_updated_date(line: str, date: dt.date | None) -> None:
    assert updated_date(line) == date


def test_article_address() -> None:
    assert article_address("URL: https://www.droracle.ai/articles/107185/does-hcc-metastasize.") == (
        "https://www.droracle.ai/articles/107185/does-hcc-metastasize", "107185")
    assert article_address("003_7ad5b4fcf74b5bd2.txt") is None
