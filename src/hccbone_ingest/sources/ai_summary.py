"""AI-summary pages (Dr.Oracle), text copies and saved HTML: one adapter, shared page model.

The page-level work lives in `hccbone_ingest.aisummary` (layouts, chrome, claims, markers);
this module decides whether a file is such a page and turns the page into records.
The site's article id comes from the page's address: the HTML canonical link or og:url, or
a line of a text copy holding only a `https://www.droracle.ai/articles/<id>/…` address or
`URL: <address>` (added when saving; links inside the text do not count). Without it the
document is keyed by content hash; the raw file name is not the site id.
"""

from __future__ import annotations

import re

from ..aisummary.chrome import parse_date
from ..aisummary.claims import build_claims
from ..aisummary.html_layout import html_page
from ..aisummary.page import assemble
from ..aisummary.text_layout import text_blocks
from ..errors import ParseError
from ..records import Document, ParsedDocument
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
        text = raw.text
        references = []
        provenance: dict[str, str] = {}
        date_fallback = None
        if raw.looks_like_html:
            try:
                hp = html_page(text)
            except RecursionError as e:
                raise ParseError("HTML nested too deeply to read as an AI-summary page") from e
            page = assemble(hp.blocks, title=hp.title)
            url, site_id, references = hp.url, hp.site_id, hp.references
            if site_id is None and page.address is not None:
                (url, site_id), provenance["site_id"] = page.address, "text"
            provenance.update(hp.provenance)
            date_fallback = parse_date(hp.date_modified) if hp.date_modified else None
            layout = "html"
        else:
            page = assemble(text_blocks(text))
            url, site_id = page.address if page.address else (None, None)
            if page.address:
                provenance["site_id"] = "text"
            provenance["title"] = "text"
            layout = "text"
        if not page.title:
            raise ParseError(f"no question (title) found on this AI-summary page ({layout} layout)")
        max_ref = max((r.ref_no for r in references), default=None)
        claims = build_claims(page.content, max_ref)
        if not claims:
            raise ParseError(f"AI-summary page {page.title[:80]!r} has no claims: no content between "
                             f"the page header and its footer ({layout} layout)")
        doc = Document(
            doc_id=make_doc_id(site="droracle", site_id=site_id) if site_id else make_doc_id(raw=raw),
            source=self.source, doc_type="ai_summary", source_path=raw.path,
            content_sha256=raw.sha256, url=url, site_id=site_id, title_en=page.title,
            updated_date=page.updated_date or date_fallback, review_state=page.review_state,
            disclaimer=page.disclaimer, provenance=provenance,
        )
        if page.updated_date is None and date_fallback is not None:
            provenance["updated_date"] = "json-ld"
        known = {r.ref_no for r in references}
        if references:
            missing = sorted({n for c in claims for n in c.citations} - known)
            doc.quality_flags += [f"unresolved_citation:{n}" for n in missing]
        return ParsedDocument(document=doc, claims=claims, source_references=references)
