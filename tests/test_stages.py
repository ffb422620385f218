"""Per-stage accounting: totals accumulate per name, survive exceptions, and reset."""

from __future__ import annotations

import time

import pytest

from hccbone_ingest import stages


def test_stage_totals_accumulate_per_name_and_count_calls():
    stages.reset()
    with stages.stage("parse"):
        time.sleep(0.002)
    with stages.stage("parse"):
        pass
    with stages.stage("publish"):
        pass
    assert list(stages.totals()) == ["parse", "publish"]  # order of first use
    assert stages.calls() == {"parse": 2, "publish": 1}
    assert stages.totals()["parse"] >= 0.002  # at least the sleep
    assert set(stages.cpu_totals()) == set(stages.peak_rss_growth_mb()) == {"parse", "publish"}


def test_a_stage_that_raises_is_still_counted():
    stages.reset()
    with pytest.raises(ValueError), stages.stage("enrich:x"):
        raise ValueError("boom")
    assert stages.calls() == {"enrich:x": 1}


def test_peak_growth_names_the_stage_that_raised_the_peak():
    stages.reset()
    with stages.stage("big"):
        block = bytearray(64 * 1024 * 1024)  # 64 MB, touched so that it is resident
        block[::4096] = b"\x01" * len(block[::4096])
    del block
    with stages.stage("small"):
        pass
    grow = stages.peak_rss_growth_mb()
    assert grow["small"] == 0
    # the peak may already have been higher than now; it rises by at most the block
    assert 0 <= grow["big"] <= 70


def test_reset_clears_everything():
    with stages.stage("x"):
        pass
    stages.reset()
    assert stages.totals() == stages.cpu_totals() == stages.calls() == stages.peak_rss_growth_mb() == {}
