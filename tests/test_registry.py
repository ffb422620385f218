"""The adapter registry: discovery, choice by confidence, deterministic ties, no match."""

from __future__ import annotations

import pytest

import tests.toy_adapter  # noqa: F401 - registers "toy"
from hccbone_ingest.errors import UnsupportedInput
from hccbone_ingest.sources.base import RawInput, SourceAdapter
from hccbone_ingest.sources.registry import adapter_versions, pick_adapter, register, score_adapters


def test_toy_file_goes_to_the_toy_adapter():
    raw = RawInput("toy/a.toy", b"Alpha|10.1/a")
    assert pick_adapter(raw).id() == "toy@1"
    assert score_adapters(raw)[0][0] == pytest.approx(0.9)


def test_unclaimed_file_raises_unsupported_input_naming_the_adapters():
    with pytest.raises(UnsupportedInput, match=r"no source adapter recognises this text file.*toy@1"):
        pick_adapter(RawInput("misc/notes.md", b"# nothing anyone parses"))


def test_registering_two_adapters_under_one_name_is_refused():
    class Dup(SourceAdapter):
        name = "toy"
        source = "toy"

    with pytest.raises(TypeError, match="two adapters named 'toy'"):
        register(Dup)


def test_versions_are_listed_for_the_cache_key():
    assert adapter_versions()["toy"] == 1


def test_the_seed_adapters_are_discovered():
    names = set(adapter_versions())
    assert {"journal_text", "ai_summary"} <= names
