"""The review page: one self-contained HTML file (inline CSS, no script, no external asset).

Every text from the data is escaped here and nowhere else. The page is a pure function of
the data: no clock, no random ids (sections are numbered in doc_id order).
The "only low-confidence" switch is a checkbox plus a CSS `:has()` rule, so it works with
scripting off; browsers without `:has()` simply show every row.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from .. import __version__
from ..export.beads import Bead
from ..tables import SCHEMA_VERSION
from .data import DocInfo, DocPairs, ReportData, is_low
from .histogram import histogram_svg

_ID_UNSAFE = re.compile(r"[^a-z0-9]+")

_CSS = """
:root { --ink:#1f2328; --muted:#59636e; --line:#d8dee4; --bg:#ffffff; --head:#f3f5f7;
  --low-bg:#fff1c2; --low-edge:#d4a017; --accent:#0b5cad; --bar:#4c9a5f; --bar-low:#d4a017; }
* { box-sizing:border-box; }
body { margin:0; color:var(--ink); background:var(--bg); line-height:1.5;
  font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Source Han Sans SC",
  "PingFang SC","Microsoft YaHei",sans-serif; }
.wrap { max-width:1200px; margin:0 auto; padding:24px 28px 64px; }
h1 { font-size:1.6rem; margin:0 0 4px; }
h2 { font-size:1.2rem; margin:0; }
.meta, .muted { color:var(--muted); font-size:.9rem; }
code { font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; background:var(--head);
  padding:1px 4px; border-radius:3px; overflow-wrap:anywhere; }
a { color:var(--accent); }
.summary { display:flex; flex-wrap:wrap; gap:28px; align-items:flex-start; margin:20px 0;
  padding:16px 20px; border:1px solid var(--line); border-radius:8px; background:var(--head); }
.stats { display:grid; grid-template-columns:auto auto; gap:4px 16px; margin:0; }
.stats dt { color:var(--muted); } .stats dt.sub { padding-left:14px; }
.stats dd { margin:0; font-weight:600; text-align:right; }
figure { margin:0; max-width:440px; } figcaption { color:var(--muted); font-size:.85rem; }
.histogram .bin rect { fill:var(--bar); } .histogram .bin.low rect { fill:var(--bar-low); }
.histogram text { font-size:11px; fill:var(--muted); }
table.kinds { border-collapse:collapse; font-size:.9rem; }
table.kinds th, table.kinds td { padding:2px 10px; border-bottom:1px solid var(--line); text-align:right; }
.controls { display:flex; flex-wrap:wrap; gap:20px; align-items:center; margin:8px 0 16px; font-size:.9rem; }
.legend { display:flex; gap:16px; align-items:center; color:var(--muted); }
.swatch { display:inline-block; width:14px; height:14px; vertical-align:-2px; margin-right:4px;
  border-radius:2px; border:1px solid var(--line); }
.swatch.low { background:var(--low-bg); border-left:4px solid var(--low-edge); }
.toc ol { columns:2; column-gap:32px; padding-left:22px; font-size:.9rem; }
.toc li { break-inside:avoid; margin-bottom:2px; }
.badge { display:inline-block; padding:0 7px; border-radius:10px; font-size:.8rem; background:var(--head);
  color:var(--muted); white-space:nowrap; }
.badge.low { background:var(--low-bg); color:#6b4e00; }
section.doc { margin:28px 0; padding-top:16px; border-top:2px solid var(--line); }
.doc .title-en { margin:2px 0 8px; color:var(--muted); }
.doc-meta { display:flex; flex-wrap:wrap; gap:4px 18px; margin:0 0 10px; font-size:.88rem; }
.doc-meta div { display:flex; gap:6px; } .doc-meta dt { color:var(--muted); } .doc-meta dd { margin:0; }
table.pairs { width:100%; border-collapse:collapse; table-layout:fixed; font-size:.93rem; }
table.pairs caption { text-align:left; font-weight:600; padding:6px 0; }
table.pairs th { background:var(--head); text-align:left; font-weight:600; padding:6px 8px;
  border-bottom:1px solid var(--line); position:sticky; top:0; z-index:1; }
table.pairs td { padding:7px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
col.no { width:3.2em; } col.kind { width:4em; } col.score { width:6.5em; }
td.no, td.kind { color:var(--muted); font-variant-numeric:tabular-nums; }
td.score { font-variant-numeric:tabular-nums; white-space:nowrap; }
.bar { display:block; height:4px; margin-top:3px; border-radius:2px; background:var(--line); }
.bar i { display:block; height:100%; border-radius:2px; background:var(--bar); }
tr.low td { background:var(--low-bg); }
tr.low td:first-child { box-shadow:inset 4px 0 0 var(--low-edge); }
tr.low .bar i { background:var(--bar-low); }
td.empty { color:var(--muted); font-style:italic; }
.unaligned li { margin-bottom:2px; }
body:has(#only-low:checked) tr.pair:not(.low),
body:has(#only-low:checked) section.doc:not(.has-low),
body:has(#only-low:checked) .toc li:not(.has-low) { display:none; }
@media print { .controls { display:none; } tr { break-inside:avoid; } section.doc { break-before:auto; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _score(score: float) -> str:
    return f"{score:.3f}"


def _doi_link(doi: str) -> str:
    href = "https://doi.org/" + quote(doi, safe="/:;()[]-._~")
    return f'<a href="{_e(href)}">{_e(doi)}</a>'


def _kind_order(kind: str) -> tuple:
    """1-1 < 1-2 < 2-1 < 10-1 (numerically), odd labels last."""
    parts = kind.split("-")
    if all(p.isdigit() for p in parts):
        return (0, *map(int, parts))
    return (1, kind)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


_SUB = ' class="sub"'


def _summary(data: ReportData) -> str:
    scores = data.scores()
    mean = f"{sum(scores) / len(scores):.3f}" if scores else "–"
    n_docs = len(data.docs) + len(data.without_pairs)
    stats = [  # (label, value, indented under the previous line)
        ("Documents", f"{n_docs}", False),
        ("with aligned pairs", f"{len(data.docs)}", True),
        ("Pairs", f"{data.pairs}", False),
        (f"Low-confidence (score &lt; {data.threshold:g})",
         f'<span class="low-total">{data.low}</span> ({_pct(data.low, data.pairs)})', False),
        ("Unmatched (one side empty)", f"{data.unmatched}", False),
        ("Mean score", mean, False),
    ]
    dl = "".join(f'<dt{_SUB if sub else ""}>{k}</dt><dd>{v}</dd>' for k, v, sub in stats)
    by_kind = sorted(data.kinds.items(), key=lambda kv: _kind_order(kv[0]))
    kinds = "".join(f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in by_kind)
    if scores:
        detail = (
            f"<figure>{histogram_svg(scores, data.threshold)}"
            "<figcaption>Scores of all pairs in bins of 0.1, labelled by their lower edge; "
            "amber bins lie below the threshold.</figcaption></figure>"
            '<table class="kinds"><thead><tr><th>Kind</th><th>Pairs</th></tr></thead>'
            f"<tbody>{kinds}</tbody></table>"
        )
    else:
        detail = ('<p class="muted no-pairs">No aligned pairs in this snapshot: the alignment step '
                  "has not produced any (yet).</p>")
    return (
        '<section id="summary" class="summary" aria-label="Summary">'
        f'<dl class="stats">{dl}</dl>{detail}</section>'
    )


def _controls(data: ReportData) -> str:
    return (
        '<div class="controls">'
        '<label><input type="checkbox" id="only-low"> Show only low-confidence pairs</label>'
        '<span class="legend">'
        f'<span><span class="swatch low"></span>low confidence: score &lt; {data.threshold:g}</span>'
        '<span><span class="swatch"></span>score ≥ threshold</span>'
        "</span></div>"
    )


def _title(info: DocInfo) -> str:
    return info.title_zh or info.title_en or info.doc_id


def _toc(data: ReportData) -> str:
    if not data.docs:
        return ""
    items = []
    for i, d in enumerate(data.docs, 1):
        low_badge = f' <span class="badge low">{d.low} low</span>' if d.low else ""
        cls = ' class="has-low"' if d.low else ""
        items.append(
            f'<li{cls}><a href="#doc-{i}">{_e(_title(d.info))}</a> '
            f'<span class="badge">{len(d.beads)} pairs</span>{low_badge}</li>'
        )
    return f'<nav class="toc" aria-label="Documents"><h2>Documents</h2><ol>{"".join(items)}</ol></nav>'


def _side(text: str, lang: str) -> str:
    if not text:
        return f'<td class="{lang} empty">no counterpart</td>'
    return f'<td class="{lang}" lang="{lang}">{_e(text)}</td>'


def _row(b: Bead, threshold: float, anchor: str) -> str:
    low = is_low(b, threshold)
    width = max(0.0, min(1.0, b.score)) * 100
    return (
        f'<tr class="pair{" low" if low else ""}" id="{anchor}-p{b.pair_no}" data-score="{b.score!r}">'
        f'<td class="no">{b.pair_no}</td><td class="kind">{_e(b.kind)}</td>'
        f'<td class="score">{_score(b.score)}<span class="bar"><i style="width:{width:.0f}%"></i></span></td>'
        f"{_side(b.zh, 'zh')}{_side(b.en, 'en')}</tr>"
    )


def _doc(d: DocPairs, i: int, threshold: float) -> str:
    info, anchor = d.info, f"doc-{i}"
    meta = [("doc_id", f"<code>{_e(info.doc_id)}</code>")]
    if info.doi:
        meta.append(("DOI", _doi_link(info.doi)))
    journal = info.journal_zh or info.journal_en
    if journal:
        meta.append(("Journal", _e(journal) + (f", {info.year}" if info.year else "")))
    elif info.year:
        meta.append(("Year", str(info.year)))
    meta_html = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in meta)
    title_en = ""
    if info.title_zh and info.title_en:
        title_en = f'<p class="title-en" lang="en">{_e(info.title_en)}</p>'
    low = (f'<span class="badge low doc-low">{d.low} low-confidence</span>' if d.low
           else '<span class="badge doc-low">0 low-confidence</span>')
    tables = []
    for section, beads in d.sections():
        row_anchor = f"{anchor}-{_ID_UNSAFE.sub('-', section.lower())}"
        rows = "".join(_row(b, threshold, row_anchor) for b in beads)
        tables.append(
            f'<table class="pairs" data-section="{_e(section)}">'
            f"<caption>{_e(section.capitalize())} · {len(beads)} pairs</caption>"
            '<colgroup><col class="no"><col class="kind"><col class="score"><col><col></colgroup>'
            '<thead><tr><th>#</th><th>Kind</th><th>Score</th><th>中文</th><th>English</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    lang = ' lang="zh"' if info.title_zh else ""
    return (
        f'<section class="doc{" has-low" if d.low else ""}" id="{anchor}" data-doc-id="{_e(info.doc_id)}">'
        f"<h2{lang}>{_e(_title(info))}</h2>{title_en}"
        f'<dl class="doc-meta">{meta_html}</dl>'
        f'<p class="counts"><span class="badge">{len(d.beads)} pairs</span> {low}</p>'
        f'{"".join(tables)}</section>'
    )


def _unaligned(data: ReportData) -> str:
    if not data.without_pairs:
        return ""
    items = "".join(f"<li><code>{_e(d.doc_id)}</code> {_e(_title(d) if _title(d) != d.doc_id else '')}</li>"
                    for d in data.without_pairs)
    return (
        '<section class="unaligned" id="without-pairs"><h2>Documents without aligned pairs</h2>'
        '<p class="muted">No bilingual abstract was aligned for these (e.g. AI summaries, or a page '
        f"with one language only).</p><ul>{items}</ul></section>"
    )


def render_report(data: ReportData) -> str:
    snapshot = f"snapshot <code>{_e(data.snapshot)}</code> · " if data.snapshot else ""
    docs = "".join(_doc(d, i, data.threshold) for i, d in enumerate(data.docs, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="hccbone_ingest {_e(__version__)}">'
        "<title>Parallel abstracts — alignment review</title>"
        f"<style>{_CSS}</style></head>\n"
        '<body><div class="wrap">'
        "<header><h1>Parallel abstracts — alignment review</h1>"
        f'<p class="meta">{snapshot}schema {_e(SCHEMA_VERSION)} · hccbone_ingest {_e(__version__)} · '
        f"low-confidence threshold {data.threshold:g}</p></header>"
        f"{_summary(data)}{_controls(data) if data.docs else ''}{_toc(data)}"
        f"<main>{docs}{_unaligned(data)}</main>"
        "</div></body></html>\n"
    )
