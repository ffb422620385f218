"""Shared assertion for reference-parser tests."""

from __future__ import annotations

import dataclasses

from hccbone_ingest.records import ParsedRef
from hccbone_ingest.refs.gbt7714 import parse_reference


def check(s: str, **expected) -> ParsedRef:
    """Parse `s` and compare the named fields (fields not named are not checked)."""
    r = parse_reference(s)
    got = dataclasses.asdict(r)
    for k, v in expected.items():
        assert got[k] == v, f"{k}: {got[k]!r} != {v!r} in {s!r}"
    return r
