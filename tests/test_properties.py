"""Property tests across the whole intake: decoding, every registered adapter, a shard.

The adapters' own suites fuzz each adapter with its own vocabulary; here one vocabulary made
of every fixture's lines and tags is thrown at every adapter the registry knows (including
on files another adapter would win, since `parse` must fail cleanly on anything), and at
the shard processor, whose outcome must always be writable to Parquet.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hccbone_ingest.decode import decode_bytes
from hccbone_ingest.errors import IngestError
from hccbone_ingest.pipeline import process_files
from hccbone_ingest.records import ParsedDocument
from hccbone_ingest.sources.base import RawInput
from hccbone_ingest.sources.registry import adapters
from hccbone_ingest.tables import TABLES, bundle_rows, sort_rows, to_arrow
from tests.conftest import AI_SEED, FIXTURES, JOURNAL_SEED

_FIXTURE_FILES = [JOURNAL_SEED, AI_SEED,
                  *sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"})]
_LINES = sorted({line for p in _FIXTURE_FILES for line in p.read_text(encoding="utf-8", errors="replace")
                 .splitlines() if line.strip() and len(line) < 400})
_TAGS = ["<html>", "<head>", "<body>", "</div>", "<p>", "</p>", "<br>", "<sup>1</sup>", "<meta charset=gbk>",
         '<meta name="citation_doi" content="10.3877/x.1">', '<script>window.metaData = {"article": {}};',
         "</script>", "<table><tr><td class='J_author_cn'>", "<!-- -->", "&nbsp;", "&#x4e2d;"]
_piece = st.one_of(st.sampled_from(_LINES), st.sampled_from(_TAGS), st.text(max_size=30))
_pages = st.lists(_piece, min_size=1, max_size=40).map("\n".join)
_paths = st.sampled_from(["journal/x.txt", "journal/x.html", "ai_summary/x.txt", "ai_summary/x.html",
                          "misc/x", "x.htm"])
_CODECS = ["utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "big5", "shift_jis", "latin-1"]


def _encode(text: str, codec: str, cut: int) -> bytes:
    data = text.encode(codec, errors="replace")
    return data[: max(1, len(data) - cut)]


_bytes = st.one_of(
    st.binary(max_size=3000),
    st.builds(_encode, _pages, st.sampled_from(_CODECS), st.integers(0, 7)),
    st.builds(lambda bom, b: bom + b,
              st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]),
              st.binary(max_size=500)),
)
_OURS = [a for a in adapters() if type(a).__module__.startswith("hccbone_ingest.")]


def test_the_vocabulary_reaches_every_adapter():
    """Guard: the generated pages draw on fixtures of every kind the registry parses."""
    assert {a.name for a in _OURS} >= {"journal_text", "ai_summary"}
    assert len(_LINES) > 200 and any("[J]" in line for line in _LINES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_bytes)
def test_decode_raises_only_ingest_errors(data: bytes):
    try:
        decoded = decode_bytes(data)
    except IngestError:
        return
    assert isinstance(decoded.text, str) and decoded.text.strip()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pages, _paths)
def test_every_adapter_fails_only_with_documented_errors(text: str, path: str):
    raw = RawInput(path, text.encode("utf-8", "surrogatepass"))
    for adapter in _OURS:
        try:
            score = adapter.can_parse(raw)
        except IngestError:
            continue  # the text is no text (control characters, blank): the decoder said so
        assert 0.0 <= score <= 1.0, adapter.id()
        try:
            doc = adapter.parse(raw)
        except IngestError:
            continue
        assert isinstance(doc, ParsedDocument) and doc.doc_id, adapter.id()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_paths, _bytes), min_size=1, max_size=4))
def test_a_shard_of_arbitrary_files_never_raises_and_always_writes(files: list[tuple[str, bytes]]):
    with tempfile.TemporaryDirectory() as d:
        items = []
        for i, (rel, data) in enumerate(files):
            p = Path(d) / f"{i}"
            p.write_bytes(data)
            items.append((p, f"{i}/{rel}"))
        outcomes = process_files(items, steps=[])
    assert [o.path for o in outcomes] == [rel for _, rel in items]
    for o in outcomes:
        assert (o.doc is None) != (o.error is None)
        if o.error is not None:
            # a documented error, never an adapter crash quarantined as such
            assert o.error.stage in {"read", "decode", "detect", "parse", "validate"}, o.error
            assert o.error.error_type in _INGEST_ERRORS, o.error
            continue
        for name, rows in bundle_rows(o.doc).items():
            to_arrow(name, sort_rows(name, rows))  # every value fits its column
        assert set(bundle_rows(o.doc)) <= set(TABLES)


def _subclasses(cls: type) -> set[str]:
    out = {cls.__name__}
    for sub in cls.__subclasses__():
        out |= _subclasses(sub)
    return out


_INGEST_ERRORS = _subclasses(IngestError)
