"""Blocks -> a page: title, chrome-derived facts, disclaimer, and the content blocks.

The header (badge, banner, stepper, date, personalisation widget) is the run of chrome
blocks after the title; content starts after it and ends at the disclaimer, the call to
action, or a references / related-questions heading. Chrome met elsewhere is dropped too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .blocks import Block
from .chrome import HEADER_KINDS, Chrome, article_address, classify, review_state, updated_date

_HEADER_WINDOW = 40  # the header sits in the first blocks of a page
_HEADER_GAP = 2  # non-chrome blocks tolerated inside the header (stray labels)


@dataclass(slots=True)
class Page:
    title: str | None
    content: list[Block]
    updated_date: dt.date | None = None
    review_state: str | None = None
    disclaimer: str | None = None
    address: tuple[str, str] | None = None  # (url, site id) from an address line (`URL: …`)
    chrome_seen: list[str] = field(default_factory=list)  # chrome kinds met, for diagnostics


def _classify_all(blocks: list[Block]) -> list[Chrome | None]:
    kinds: list[Chrome | None] = []
    after_personalize = False
    for b in blocks:
        k = classify(b.text, after_personalize=after_personalize)
        if k is Chrome.PERSONALIZE:
            after_personalize = True
        elif k is None:
            after_personalize = False
        kinds.append(k)
    return kinds


def _header_span(kinds: list[Chrome | None]) -> tuple[int | None, int]:
    """(index of the first header block or None, index of the last one; -1 if none)."""
    first = next((i for i, k in enumerate(kinds[:_HEADER_WINDOW]) if k in HEADER_KINDS), None)
    if first is None:
        return None, -1
    last, gap = first, 0
    for j in range(first + 1, min(len(kinds), _HEADER_WINDOW)):
        if kinds[j] in HEADER_KINDS:
            last, gap = j, 0
        else:
            gap += 1
            if gap > _HEADER_GAP:
                break
    return first, last


def _pick_title(blocks: list[Block], kinds: list[Chrome | None], first_header: int | None) -> tuple[
        str | None, int]:
    """The question and the index of its block (-1 if none).

    It stands before the header (after any address or navigation line): the last question
    there, else the last line there. A page without a recognisable header starts with it.
    """
    if first_header is None:
        candidates = [i for i, k in enumerate(kinds) if k is None and blocks[i].kind != "bullet"][:1]
    else:
        candidates = [i for i in range(first_header) if kinds[i] is None and blocks[i].kind != "bullet"]
    if not candidates:
        return None, -1
    questions = [i for i in candidates if blocks[i].text.rstrip().endswith("?")]
    i = questions[-1] if questions else candidates[-1]
    return blocks[i].text, i


def assemble(blocks: list[Block], *, title: str | None = None) -> Page:
    """Split a page's blocks into title, header facts, content and footer (see module doc)."""
    kinds = _classify_all(blocks)
    first_header, last_header = _header_span(kinds)
    start = last_header + 1
    if title is None:
        title, at = _pick_title(blocks, kinds, first_header)
        start = max(start, at + 1)
    page = Page(title=title, content=[])
    disclaimer: list[str] = []
    in_disclaimer = False
    for i, (b, k) in enumerate(zip(blocks, kinds, strict=True)):
        if k is not None:
            page.chrome_seen.append(k.value)
        if k is Chrome.UPDATED and page.updated_date is None:
            page.updated_date = updated_date(b.text)
        elif k is Chrome.BANNER and page.review_state is None:
            page.review_state = review_state(b.text)
        elif k is Chrome.ADDRESS and page.address is None:
            page.address = article_address(b.text)
        if i < start:
            continue
        if k in (Chrome.CTA, Chrome.END):
            break
        if k is Chrome.DISCLAIMER_HEADING:
            in_disclaimer = True
        elif k is Chrome.DISCLAIMER or (in_disclaimer and k is None and b.kind == "para"):
            disclaimer.append(b.text)
            in_disclaimer = True
        elif in_disclaimer and k is None:
            break  # a heading or list after the disclaimer: more footer, not claims
        elif k is None:
            page.content.append(b)
    page.disclaimer = " ".join(disclaimer) or None
    return page
