"""Numbered lists: references (`[n]` alone on a line, then the text) and related articles
(`[n] text` on one line, numbering restarting at [1], no heading), up to the page's foot.

A bilingual reference is printed as two entries under one number, or its English rendering
after a blank line; a DOI may be broken across lines (REFERENCE.md §4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import vocab
from ...records import Reference, RelatedArticle
from .. import _journal_fields as jf

_DOI_TAIL = re.compile(r"10\.[0-9]{4,9}/[-._;()/:A-Za-z0-9]*$")
_DOI_TOKEN = re.compile(r"[-._;()/:A-Za-z0-9]+")
_DOI_LABEL = re.compile(r"DOI\s*[:：]\s*", re.IGNORECASE)


@dataclass
class _Item:
    no: int
    inline: bool  # `[n] text` on one line (related articles) vs `[n]` alone (references)
    lines: list[str] = field(default_factory=list)
    related_heading: bool = False
    after_group: bool = False  # printed right after a database group heading (CNKI)


def doi_continues(prev: str, nxt: str) -> bool:
    """Does `nxt` continue a DOI broken at the end of `prev` (`...02648725.` + `2023.2216966.`)?"""
    if not _DOI_TAIL.search(prev):
        return False
    token = nxt.split(" ", 1)[0]
    if not _DOI_TOKEN.fullmatch(token):
        return False
    if prev[-1] in "-/_":
        return True
    # A period or a letter may end the DOI for real; the next line then starts a new
    # sentence (a translation, an author name), not a bare run of DOI characters.
    return token[0].isdigit() or token == nxt


def _join_ref_lines(lines: list[str]) -> str:
    out = [lines[0]]
    tail = lines[0][-300:]  # enough to hold a DOI broken over several lines
    for nxt in lines[1:]:
        piece = ("" if doi_continues(tail, nxt) else " ") + nxt
        out.append(piece)
        tail = (tail + piece)[-300:]
    return "".join(out)


def numbered_items(lines: list[str | None]) -> tuple[list[_Item], bool]:
    """The `[n]` items in order, and whether the page's foot (legend) was reached."""
    items: list[_Item] = []
    cur: _Item | None = None
    related_next = group_next = False
    blank_after: _Item | None = None  # a reference a blank line has (perhaps) closed
    for line in lines:
        if line is None:
            if cur is not None and cur.lines:
                cur, blank_after = None, cur
            continue
        if blank_after is not None and not blank_after.inline and jf.looks_like_citation(line) \
                and not vocab.LIST_MARKER.match(line):
            cur = blank_after  # its other-language version, after a blank line
        blank_after = None
        if vocab.FOOT_LINE.match(line):
            cur = None
            if items:
                return items, True
            continue
        if vocab.RELATED_HEADING.match(line):
            cur, related_next = None, True
            continue
        if vocab.REFERENCE_GROUP.match(line):
            cur, group_next = None, True
            continue
        m = vocab.LIST_MARKER.match(line)
        if m:
            rest = m.group("rest")
            cur = _Item(int(m.group("no")), bool(rest), [rest] if rest else [], related_heading=related_next,
                        after_group=group_next)
            related_next = group_next = False
            items.append(cur)
        elif cur is not None:
            cur.lines.append(line)
    return items, False


def _split_runs(items: list[_Item]) -> list[list[_Item]]:
    """A run ends where the numbering restarts; a repeated number continues its item's run
    (bilingual references printed as two entries with one number), and so does a lower number
    under a database group heading when it is new to the run (CNKI numbers across its groups)."""
    runs: list[list[_Item]] = []
    for it in items:
        group_goes_on = it.after_group and it.no not in {x.no for x in runs[-1]} if runs else False
        if not runs or it.related_heading or (it.no < runs[-1][-1].no and not group_goes_on):
            runs.append([it])
        else:
            runs[-1].append(it)
    return runs


def _reference_doi(raw: str, complete: bool) -> str | None:
    label = _DOI_LABEL.search(raw)
    m = jf.find_doi_in(raw[label.end():]) if label else None
    if m is None:
        m = jf.find_doi_in(raw)
    if m is None:
        return None
    if not complete and raw.rstrip().endswith(m.printed):
        return None  # the copy stops inside the DOI: what is left is not the DOI
    return m.printed


def build_lists(items: list[_Item], reached_foot: bool) -> tuple[list[Reference], list[RelatedArticle],
                                                                   list[str]]:
    flags: list[str] = []
    runs = [r for r in _split_runs(items) if any(it.lines for it in r)]
    refs_run: list[_Item] = []
    related_run: list[_Item] = []
    for run in runs:
        if not refs_run and not related_run and not run[0].related_heading:
            refs_run = run
        elif not related_run:
            related_run = run
        else:
            flags.append("extra_numbered_list")
    references: list[Reference] = []
    merged: dict[int, list[str]] = {}
    order: list[int] = []
    for it in refs_run:
        if not it.lines:
            continue
        if it.no not in merged:
            order.append(it.no)
            merged[it.no] = []
        merged[it.no].append(_join_ref_lines(it.lines))
    for i, no in enumerate(order):
        raw = " ".join(merged[no])
        last = i == len(order) - 1
        # The last reference of a copy with no list or legend after it may be cut short.
        complete = not last or reached_foot or bool(related_run) or (
            raw.endswith((".", "。")) and jf.looks_like_citation(raw))
        if not complete:
            flags.append("truncated:references")
        references.append(Reference(ref_no=no, raw=raw, doi=_reference_doi(raw, complete)))
    if order and order != list(range(order[0], order[0] + len(order))):
        flags.append("reference_numbering_gap")
    related = [RelatedArticle(item_no=it.no, raw=_join_ref_lines(it.lines)) for it in related_run if it.lines]
    return references, related, flags
