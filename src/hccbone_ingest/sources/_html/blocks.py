"""Block classification for journal pages of unknown platforms (Yiigle, RHHZ, E-Tiller,
CNKI-hosted sites, Hans): labelled blocks first (`摘要:` `Abstract:` `关键词:` `Key words:`
`参考文献`), then the script of each block (Chinese vs Latin) decides its language.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from ...records import Reference
from ...text.normalize import clean, has_cjk
from .. import _journal_fields as jf
from .dom import inline_text, text_lines
from .fields import (
    abstract_label,
    join_pieces,
    keyword_label,
    keywords_of,
    labelled_values,
    numbered_items,
    parse_header,
    reference_doi,
)
from .layer import Layer
from .magtech_dom import is_lang

# A line that ends the block before it: another label, or a section heading.
_STOP = re.compile(
    r"^(摘要|Abstract|关键词|关键字|Key\s*words?|中图分类号|文献标[志识]码|文章编号|CLC|Document code|"
    r"DOI|doi|收稿日期|基金|通[信讯]作者|作者简介|Received|Foundation|Fund|Corresponding|引用本文|"
    r"文章引用|Cite this|参考文献|References?|相关文章|Related|引言|前言|Introduction|1\s+\S)",
    re.IGNORECASE)
_PART = re.compile(r"^[【\[]?(目的|方法|结果|结论|背景|Objectives?|Methods?|Results?|Conclusions?|"
                   r"Background|Aims?|Purpose)[】\]]?([:：\s]|$)", re.IGNORECASE)
_REF_HEADING = re.compile(r"^(参考文献|References?|Bibliography)\s*[:：]?\s*(\(References\))?$",
                          re.IGNORECASE)
_CITE = re.compile(r"^(文章引用|引用本文|引用格式|Cite this article|How to cite)\s*[:：]\s*(.*)$",
                   re.IGNORECASE)


def _abstracts(layer: Layer, lines: list[str]) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        kw = keyword_label(line)
        if kw:
            layer.keywords.setdefault(kw[0], keywords_of(kw[1]))
            i += 1
            continue
        lab = abstract_label(line)
        if not lab:
            i += 1
            continue
        lang, first = lab
        parts = [first] if clean(first) else []
        i += 1
        while i < len(lines) and not _STOP.match(lines[i]):
            nxt = lines[i]
            # the block keeps its script; a structured part label continues it
            if is_lang(nxt, lang) or _PART.match(nxt):
                parts.append(nxt)
                i += 1
            else:
                break
        text = clean(join_pieces(parts)) if parts else None
        if text:
            layer.abstracts.setdefault(lang, text)


def _reference_list(soup: BeautifulSoup) -> list[Reference]:
    """The list under a `参考文献`/`References` heading: `[n]` items, or <li> in order."""
    for el in soup.find_all(string=True):
        t = clean(str(el))
        if not t or not _REF_HEADING.match(t):
            continue
        head = el.parent
        if head is None:
            continue
        # the heading's block, then the blocks after it until the list shows up
        block: Tag = head
        while block.parent is not None and clean(block.parent.get_text(" ")) == t:
            block = block.parent
        for sib in block.find_next_siblings(limit=3):
            refs = _items(sib)
            if refs:
                return refs
        if block.parent is not None:  # heading and list share one block
            refs = _items(block.parent, after=t)
            if refs:
                return refs
    return []


def _items(el: Tag, after: str | None = None) -> list[Reference]:
    lines = text_lines(el)
    if after is not None and after in lines:
        lines = lines[lines.index(after) + 1:]
    items = numbered_items(lines, allow_dot=True)
    if not items:
        lis = el.find_all("li") if el.name in ("ol", "ul") or el.find(["ol", "ul"]) else []
        items = [(i, t) for i, t in enumerate((inline_text(li) for li in lis), 1) if t]
        items = [(i, t) for i, t in items if jf.looks_like_citation(t) or reference_doi(t)]
    return [Reference(ref_no=n, raw=t, doi=reference_doi(t)) for n, t in items]


def block_layer(soup: BeautifulSoup, lines: list[str]) -> Layer:
    """`soup` stripped of clutter; `lines` its visible lines."""
    layer = Layer("dom")
    for h in soup.find_all(["h1", "h2"], limit=6):
        t = inline_text(h)
        if t and len(t) > 8 and not _STOP.match(t) and not _REF_HEADING.match(t):
            layer.set("title_zh" if is_lang(t, "zh") else "title_en", t)
    for line in lines[:80]:
        h = parse_header(line)
        if h is not None:
            if h.journal:
                layer.set("journal_zh" if has_cjk(h.journal) else "journal_en", h.journal)
            for name in ("year", "volume", "issue", "first_page", "last_page", "doi"):
                layer.set(name, getattr(h, name))
            break
    for line in lines:
        if re.match(r"^(DOI|doi)\s*[:：]", line):
            d = jf.find_doi_in(line)
            if d:
                layer.set("doi", d.printed)
                break
    for line in lines:
        lab = labelled_values(line)
        for key, value in lab:
            if key in ("received", "revised", "accepted", "published"):
                d = jf.parse_date(value)
                if d:
                    layer.set(f"{key}_date", d)
        m = _CITE.match(line)
        if m and clean(m.group(2)):
            c = clean(m.group(2))
            layer.set("citation_zh" if has_cjk(c or "") else "citation_en", c)
    _abstracts(layer, lines)
    layer.references = _reference_list(soup)
    return layer
