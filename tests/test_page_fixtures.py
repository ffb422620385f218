"""The whole page-fixture suite (issue 11) through the library as a run sees it: every platform's
text copies and saved HTML, reference tabs and files that are not articles.

The targets of issue 11, kept as a regression guard: no wrong value on any fixture, no junk
document, no article page lost, recall at least 0.95 over the suite. The per-field and
per-platform figures are printed by `bench/pages_eval.py`.
"""

from __future__ import annotations

import pytest

from bench.pages_eval import find_fixtures, run_pages, summarize

RESULTS = run_pages(find_fixtures())


def test_the_suite_covers_many_platforms_and_pages():
    s = summarize(RESULTS)["total"]
    assert s["pages"] >= 40 and s["platforms"] >= 12


@pytest.mark.parametrize("res", RESULTS, ids=lambda r: f"{r.fixture.platform}/{r.fixture.page.name}")
def test_no_page_publishes_a_wrong_value_or_junk(res):
    if not res.fixture.is_document:
        assert not res.published_doc, "a file that is not an article page was published"
        return
    assert res.published_doc, f"article page quarantined: {res.error}"
    wrong = [(f, want, got) for f, want, got in res.mismatches if got not in (None, [], 0, "")]
    assert not wrong


def test_recall_over_the_suite():
    total = summarize(RESULTS)["total"]
    assert total["recall"] >= 0.95
    assert total["precision"] == 1.0
