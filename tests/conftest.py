"""Shared test fixtures: repository paths, the shared gold data, a toy source adapter."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples: a submission must not pass or fail
# by the draw. Local runs keep exploring (and hypothesis' database replays what they found).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = Path(os.environ.get("HCCBONE_SHARED_DATA", REPO.parent / "shared" / "data"))
JOURNAL_SEED = RAW / "journal" / "000_6ece0f8cf8a7fa44.txt"
AI_SEED = RAW / "ai_summary" / "003_7ad5b4fcf74b5bd2.txt"


@pytest.fixture
def seed_raw(tmp_path: Path) -> Path:
    """A private copy of raw/ (the two seeds) that a test may change."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect server for the whole session (starting one costs ~10 s)."""
    home = tmp_path_factory.mktemp("prefect_home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
