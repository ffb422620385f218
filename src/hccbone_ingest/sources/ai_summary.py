"""AI-summary pages (Dr.Oracle), text copies and saved HTML: one adapter, shared page model.

The page-level work lives in `hccbone_ingest.aisummary` (layouts, chrome, claims, markers);
this module decides whether a file is such a page and turns the page into records.
The site's article id comes from the page's address: the HTML canonical link or og:url, or
a line of a text copy holding only a `https://www.droracle.ai/articles/<id>/…` address or
`URL: <address>` (added when saving; links inside the text do not count). Without it the
document is keyed by content hash; the raw file name is not the site id.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..aisummary.chrome import parse_date
from ..aisummary.claims import build_claims
from ..aisummary.html_layout import html_page
from ..aisummary.page import Page, assemble
from ..aisummary.text_layout import text_blocks
from ..errors import ParseError
from ..records import Document, ParsedDocument, SourceReference
from ..text.normalize import cjk_ratio
from .base import RawInput, SourceAdapter, make_doc_id
from .registry import register

# (cue, weight): strong cues are specific to the site; weak ones alone are not enough.
_CUES: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"droracle", re.I), 1.0),
    (re.compile(r"Dr\.\s?Oracle"), 1.0),
    (re.compile(r"Medical Advisory Board"), 1.0),
    (re.compile(r"^\s*From the (?:Guidelines|Research)\s*$|>\s*From the (?:Guidelines|Research)\s*<",
                re.M), 1.0),
    (re.compile(r"Which best describes you\?"), 1.0),
    (re.compile(r"Article Review Status"), 1.0),
    (re.compile(r"content is pending human review"), 1.0),
    (re.compile(r"Last updated:"), 0.5),
    (re.compile(r"View editorial policy"), 0.5),
    (re.compile(r"Educational purpose only"), 0.5),
    (re.compile(r"Have a follow-up question\?"), 0.5),
    (re.compile(r"Professional Medical Disclaimer"), 0.5),
)
_SCAN_CHARS = 400_000  # cues sit in the page body; a huge file is scanned only this far


@register
class AiSummaryAdapter(SourceAdapter):
    name = "ai_summary"
    version = 1
    source = "ai_summary"

    def can_parse(self, raw: RawInput) -> float:
        text = raw.text[:_SCAN_CHARS]
        weight = sum(w for rx, w in _CUES if rx.search(text))
        if weight < 1.0 or cjk_ratio(text[:20_000]) > 0.2:
            return 0.0
        score = min(0.9, 0.5 + 0.1 * weight)
        return score + 0.05 if raw.folder == "ai_summary" else score

    def parse(self, raw: RawInput) -> ParsedDocument:
        read = _read_html(raw.text) if raw.looks_like_html else _read_text(raw.text)
        page, layout = read.page, read.layout
        if not page.title:
            raise ParseError(f"no question (title) found on this AI-summary page ({layout} layout)")
        max_ref = max((r.ref_no for r in read.references), default=None)
        claims = build_claims(page.content, max_ref)
        if not claims:
            raise ParseError(f"AI-summary page {page.title[:80]!r} has no claims: no content between "
                             f"the page header and its footer ({layout} layout)")
        doc = Document(
            doc_id=make_doc_id(site="droracle", site_id=read.site_id, raw=raw),
            source=self.source, doc_type="ai_summary", source_path=raw.path,
            content_sha256=raw.sha256, url=read.url, site_id=read.site_id, title_en=page.title,
            updated_date=page.updated_date or read.date_fallback, review_state=page.review_state,
            disclaimer=page.disclaimer, provenance=read.provenance,
        )
        if page.updated_date is None and read.date_fallback is not None:
            read.provenance["updated_date"] = "json-ld"
        if read.references:
            known = {r.ref_no for r in read.references}
            missing = sorted({n for c in claims for n in c.citations} - known)
            doc.quality_flags += [f"unresolved_citation:{n}" for n in missing]
        return ParsedDocument(document=doc, claims=claims, source_references=read.references)


@dataclass(slots=True)
class _Read:
    """What one layout yields before claims are built."""

    page: Page
    layout: str
    url: str | None = None
    site_id: str | None = None
    references: list[SourceReference] = field(default_factory=list)
    date_fallback: dt.date | None = None  # JSON-LD dateModified, when the page has no date line
    provenance: dict[str, str] = field(default_factory=dict)


def _read_html(text: str) -> _Read:
    try:
        hp = html_page(text)
    except RecursionError as e:
        raise ParseError("HTML nested too deeply to read as an AI-summary page") from e
    page = assemble(hp.blocks, title=hp.title)
    read = _Read(page, "html", hp.url, hp.site_id, hp.references,
                 parse_date(hp.date_modified) if hp.date_modified else None)
    if read.site_id is None and page.address is not None:
        (read.url, read.site_id), read.provenance["site_id"] = page.address, "text"
    read.provenance.update(hp.provenance)
    return read


def _read_text(text: str) -> _Read:
    page = assemble(text_blocks(text))
    read = _Read(page, "text")
    if page.address is not None:
        (read.url, read.site_id), read.provenance["site_id"] = page.address, "text"
    read.provenance["title"] = "text"
    return read
