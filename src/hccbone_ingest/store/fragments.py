"""A fragment: everything one raw file produced, cached under a content-addressed key.

The key hashes the pipeline version (package, schema, adapter and step versions), the
file's path under raw/ and its bytes, so an unchanged file is never reprocessed and any code
change that alters output invalidates exactly what it should. Fragments are JSON: readable,
and exact for the types we store (orjson writes floats in shortest round-trip form).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re

import orjson
import pyarrow as pa

from ..corpus import DocMeta
from ..errors import UnwritableValue
from ..pipeline import Outcome
from ..tables import TABLES, bundle_rows

_DATE_COLUMNS = {
    name: [f.name for f in spec.schema if pa.types.is_date32(f.type)] for name, spec in TABLES.items()
}


def fragment_key(pipeline_version: str, rel_path: str, content_id: str) -> str:
    h = hashlib.sha256(f"{pipeline_version}\0{rel_path}\0{content_id}".encode())
    return h.hexdigest()[:32]


def meta_of(outcome: Outcome) -> DocMeta | None:
    if outcome.doc is None:
        return None
    d = outcome.doc.document
    return DocMeta(doc_id=d.doc_id, doc_type=d.doc_type, doi_key=d.doi_key, title_en=d.title_en,
                   source_path=d.source_path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unwritable_where(frag: dict) -> str:
    """The first table.column (or field) holding a lone surrogate, for the quarantine message."""
    def walk(v, where: str) -> str | None:
        if isinstance(v, str):
            m = _SURROGATE.search(v)
            return f"{where} holds the lone surrogate U+{ord(m.group()):04X}" if m else None
        items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, list) else ()
        for k, x in items:
            found = walk(x, f"{where}.{k}" if isinstance(k, str) else where)
            if found:
                return found
        return None
    for table, rows in frag["rows"].items():
        found = walk(rows, table)
        if found:
            return found
    return walk({k: v for k, v in frag.items() if k != "rows"}, "fragment") or "a value is not valid Unicode"


def encode(outcome: Outcome) -> bytes:
    """The fragment's bytes. Raises `UnwritableValue` (the caller quarantines the document) when
    a value cannot be written, e.g. a lone surrogate that reached a row without `clean`."""
    meta = meta_of(outcome)
    frag = {
        "path": outcome.path,
        "sha256": outcome.sha256,
        "meta": dataclasses.asdict(meta) if meta else None,
        "source": outcome.doc.document.source if outcome.doc else None,
        "error": dataclasses.asdict(outcome.error) if outcome.error else None,
        "rows": bundle_rows(outcome.doc) if outcome.doc else {},
    }
    try:
        return orjson.dumps(frag, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError as e:
        raise UnwritableValue(f"the document cannot be written: {_unwritable_where(frag)} ({e})") from e


def decode(data: bytes) -> dict:
    frag = orjson.loads(data)
    for table, rows in frag["rows"].items():
        for col in _DATE_COLUMNS.get(table, ()):
            for r in rows:
                v = r.get(col)
                if isinstance(v, str):
                    r[col] = dt.date.fromisoformat(v)
    return frag
