"""Journal article pages of platforms without a dedicated adapter (Yiigle, RHHZ, E-Tiller,
CNKI-hosted sites, Hans): meta tags, then schema.org JSON-LD and microdata, then
labelled/script-classified blocks of the visible text, then `citation_reference` tags, then
the text adapter. Every document it makes carries the quality flag
`generic_fallback` (and the adapter column says journal_generic).
"""

from __future__ import annotations

import re

from ..errors import ParseError
from ..records import ParsedDocument
from ._html.blocks import block_layer, is_article_list
from ._html.build import build_document
from ._html.dom import parse_html, strip_clutter, text_lines
from ._html.etiller_dom import etiller_layer
from ._html.layer import merge
from ._html.meta import read_meta
from ._html.meta_layer import late_meta_layer, meta_layer
from ._html.schema_org import schema_layers
from ._html.text_layer import is_ai_summary, text_layer
from .base import RawInput, SourceAdapter
from .registry import register

_META = re.compile(r"<meta[^>]+(citation_(title|doi|journal_title)|DC\.Title|DCTERMS\.title|prism\.doi)"
                   r"|[\"']@type[\"']\s*:\s*[\"'](Medical)?ScholarlyArticle|itemtype\s*=\s*[\"'][^\"']*ScholarlyArticle",
                   re.IGNORECASE)
_LABELS = re.compile(r"摘\s*要\s*[:：]|Abstract\s*[:：]|关\s*键\s*词\s*[:：]|Key\s*words?\s*[:：]|参考文献")
_CITATION = re.compile(r"\[[JMCDRSPN](/OL)?\]|10\.\d{4,9}/")


def generic_confidence(text: str) -> float:
    """Below any dedicated adapter: 0.5 with article meta tags, less with labels only."""
    head = text[:400_000]
    if _META.search(head):
        return 0.5
    labels = len({m.group(0)[:2] for m in _LABELS.finditer(head)})
    if labels >= 2:
        return 0.35
    if labels == 1 and _CITATION.search(head):
        return 0.2
    return 0.0


@register
class GenericJournalAdapter(SourceAdapter):
    name = "journal_generic"
    # 2: review fixes change the records of HTML pages (cache key)
    # 3: every meta tag family checked and split by script, schema.org, DOM labels from vocab
    version = 4  # 4: a saved page cut short is flagged truncated:html
    source = "journal"

    def can_parse(self, raw: RawInput) -> float:
        if not raw.looks_like_html or is_ai_summary(raw.text):
            return 0.0
        return generic_confidence(raw.text)

    def parse(self, raw: RawInput) -> ParsedDocument:
        soup = parse_html(raw.text)
        meta = read_meta(soup)
        schema, descriptions, flags = schema_layers(soup)
        strip_clutter(soup)
        first = [meta_layer(meta), *schema]
        title_zh = next((str(ly.doc["title_zh"]) for ly in first if ly.doc.get("title_zh")), None)
        lines = text_lines(soup)
        if not any(ly.doc.get("title_zh") or ly.doc.get("title_en") or ly.doc.get("doi") for ly in first) \
                and is_article_list(lines):
            raise ParseError("a list of articles (table of contents or search results), not one article")
        dom = [etiller_layer(soup), block_layer(soup, lines, title_zh)]
        layers = [*first, *(ly for ly in dom if ly is not None), *descriptions, late_meta_layer(meta),
                  text_layer(soup)]
        return build_document(raw, merge([ly for ly in layers if not ly.is_empty()]),
                              extra_flags=(*flags, "generic_fallback"))
