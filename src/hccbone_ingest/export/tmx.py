"""TMX 1.4b: the translation-memory exchange format CAT tools (OmegaT, Trados, memoQ, Wordfast)
and corpus tools (OPUS, Okapi, Heartsome) import.

One `<tu>` per bead, carrying its provenance and confidence as `x-` properties (user-defined
property types, as the standard recommends) so a TM user can filter on them after import.
The output is a pure function of the beads and the arguments: no creation date unless one is
passed in, elements and attributes always in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from .. import __version__
from .beads import Bead, clean_segment
from .files import write_atomic
from .moses import format_score

DEFAULT_NAME = "hccbone.zh-en.tmx"
CREATION_TOOL = "hccbone_ingest"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return '"' + _esc(clean_segment(text)).replace('"', "&quot;") + '"'


def tmx_date(when: dt.datetime | dt.date) -> str:
    """TMX's one date format, YYYYMMDDThhmmssZ in UTC (naive datetimes are taken as UTC)."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.strftime("%Y%m%dT%H%M%SZ")


def _prop(kind: str, value: str, indent: str) -> str:
    return f"{indent}<prop type={_attr(kind)}>{_esc(clean_segment(value))}</prop>\n"


def _tu(b: Bead, zh_lang: str, en_lang: str) -> str:
    parts = [f"    <tu tuid={_attr(f'{b.doc_id}#{b.section}#{b.pair_no}')}>\n"]
    for kind, value in (("x-doc-id", b.doc_id), ("x-section", b.section), ("x-pair-no", str(b.pair_no)),
                        ("x-kind", b.kind), ("x-score", format_score(b.score))):
        parts.append(_prop(kind, value, "      "))
    # An empty side (only with include_unmatched) gets no <tuv>: TMX allows a <tu> with one.
    for lang, text in ((zh_lang, b.zh), (en_lang, b.en)):
        if text:
            parts.append(f"      <tuv xml:lang={_attr(lang)}><seg>{_esc(text)}</seg></tuv>\n")
    parts.append("    </tu>\n")
    return "".join(parts)


def render_tmx(beads: Sequence[Bead], *, zh_lang: str = "zh", en_lang: str = "en",
               creation_date: dt.datetime | dt.date | None = None,
               header_props: Mapping[str, str] | None = None) -> str:
    """The whole document as text. `header_props` become `<prop type="KEY">` in the header
    (sorted by key), e.g. the snapshot version and the filter, so a file says what it holds."""
    header = [
        f"creationtool={_attr(CREATION_TOOL)}",
        f"creationtoolversion={_attr(__version__)}",
        'segtype="sentence"',
        f"o-tmf={_attr(CREATION_TOOL)}",
        'adminlang="en"',
        f"srclang={_attr(zh_lang)}",
        'datatype="plaintext"',
        'o-encoding="UTF-8"',
    ]
    if creation_date is not None:
        header.append(f'creationdate="{tmx_date(creation_date)}"')
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
        '<tmx version="1.4">\n',
        f"  <header {' '.join(header)}>\n",
    ]
    for key in sorted(header_props or {}):
        out.append(_prop(key, header_props[key], "    "))
    out.append("  </header>\n  <body>\n")
    out.extend(_tu(b, zh_lang, en_lang) for b in beads)
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


def write_tmx(beads: Sequence[Bead], path: Path, **kwargs) -> Path:
    """Render (see `render_tmx` for the keyword arguments) and write atomically."""
    write_atomic(path, render_tmx(beads, **kwargs).encode("utf-8"))
    return path
