"""The glossary as a terminology file: TBX (TBX-Basic dialect, TBX v3 / ISO 30042:2019, DCA
style) or TSV.

TBX: one `<conceptEntry>` per glossary row; an English and a Chinese `<langSec>`, each with
the long form (`termType` fullForm) and the short form (`acronym` for a Latin short form,
`shortForm` for a Chinese one; a Latin short form is listed in both languages because Chinese
text uses it as is). Document count, confidence and basis go in a `<note>`. The output is a
pure function of the rows and the arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .files import write_atomic

DEFAULT_TBX = "hccbone.glossary.tbx"
DEFAULT_TSV = "hccbone.glossary.tsv"
TBX_NS = "urn:iso:std:iso:30042:ed-2"
TSV_COLUMNS = ("short", "long_zh", "long_en", "doc_count", "definition_count", "variants", "basis",
               "confidence")
_SCHEMA_PI = ('<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
              'DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
              'schematypens="http://relaxng.org/ns/structure/1.0"?>\n')


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _is_latin(short: str) -> bool:
    return not any("\u4e00" <= c <= "\u9fff" for c in short)


def _term_sec(term: str, term_type: str) -> str:
    return (f"        <termSec>\n          <term>{_esc(term)}</term>\n"
            f'          <termNote type="termType">{term_type}</termNote>\n        </termSec>\n')


def _entry(n: int, r: Mapping) -> str:
    short, zh, en = r["short"], r.get("long_zh"), r.get("long_en")
    latin = _is_latin(short)
    note = f"documents: {r['doc_count']}"
    if r.get("confidence") is not None:
        note += f"; confidence: {r['confidence']:.4f}; basis: {r.get('basis')}"
    if r.get("variants", 1) > 1:
        note += f"; {r['variants']} long-form variants of this short form"
    parts = [f'    <conceptEntry id="c{n}">\n', f"      <note>{_esc(note)}</note>\n"]
    for lang, long in (("en", en), ("zh", zh)):
        if long is None and not (latin and lang == "zh" and zh is not None):
            continue
        parts.append(f'      <langSec xml:lang="{lang}">\n')
        if long is not None:
            parts.append(_term_sec(long, "fullForm"))
        if latin or lang == "zh":
            parts.append(_term_sec(short, "acronym" if latin else "shortForm"))
        parts.append("      </langSec>\n")
    parts.append("    </conceptEntry>\n")
    return "".join(parts)


def render_tbx(rows: Sequence[Mapping], *, title: str = "hccbone_ingest glossary",
               source_note: str | None = None) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', _SCHEMA_PI,
           f'<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="{TBX_NS}">\n',
           "  <tbxHeader>\n    <fileDesc>\n", f"      <titleStmt><title>{_esc(title)}</title></titleStmt>\n",
           "      <sourceDesc><p>",
           _esc(source_note or "Abbreviations defined in the abstracts of the corpus."),
           "</p></sourceDesc>\n", "    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n"]
    body = [_entry(n, r) for n, r in enumerate(rows, start=1)]
    # indent entries one level deeper inside <body>
    out.extend("  " + line if line else line for chunk in body for line in chunk.splitlines(keepends=True))
    out.append("    </body>\n  </text>\n</tbx>\n")
    return "".join(out)


def render_tsv(rows: Sequence[Mapping]) -> str:
    def cell(v: object) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:.4f}"
        return str(v).replace("\t", " ").replace("\n", " ")

    lines = ["\t".join(TSV_COLUMNS)]
    lines += ["\t".join(cell(r.get(c)) for c in TSV_COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def write_tbx(rows: Sequence[Mapping], path: Path, **kwargs) -> Path:
    write_atomic(path, render_tbx(rows, **kwargs).encode("utf-8"))
    return path


def write_tsv(rows: Sequence[Mapping], path: Path) -> Path:
    write_atomic(path, render_tsv(rows).encode("utf-8"))
    return path
