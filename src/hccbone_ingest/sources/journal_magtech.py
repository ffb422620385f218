"""Magtech (玛格泰克) journal article pages saved as HTML: all three DOM generations.

Evidence is read in a fixed precedence — meta tags, then schema.org JSON-LD and microdata,
then the Vue layout's inline JSON, then the DOM (table or panel layout, else the generic
labelled blocks; the related-articles tab on any layout), then `citation_reference` and `DC.description` tags,
then the text adapter on the page's visible text — and each key field's origin is kept in
`Document.provenance`.
"""

from __future__ import annotations

from ..errors import ParseError
from ..records import ParsedDocument
from ._html.blocks import block_layer, is_article_list
from ._html.build import build_document
from ._html.dom import parse_html, strip_clutter, text_lines
from ._html.layer import Layer, merge
from ._html.magtech_dom import magtech_markers, panel_layer, related_layer, table_layer
from ._html.magtech_json import BadMetaData, find_metadata, json_layer
from ._html.meta import read_meta
from ._html.meta_layer import late_meta_layer, meta_layer
from ._html.schema_org import schema_layers
from ._html.text_layer import is_ai_summary, text_layer
from .base import RawInput, SourceAdapter
from .registry import register


@register
class MagtechJournalAdapter(SourceAdapter):
    name = "journal_magtech"
    # 2: review fixes change the records of HTML pages (cache key)
    # 3: every meta tag family checked and split by script, schema.org, the related-articles tab
    version = 4  # 4: a saved page cut short is flagged truncated:html
    source = "journal"

    def can_parse(self, raw: RawInput) -> float:
        if not raw.looks_like_html or is_ai_summary(raw.text):
            return 0.0
        n = magtech_markers(raw.text)
        return 0.0 if n == 0 else 0.9 if n >= 2 else 0.8

    def parse(self, raw: RawInput) -> ParsedDocument:
        soup = parse_html(raw.text)
        meta = read_meta(soup)
        schema, descriptions, flags = schema_layers(soup)
        layers: list[Layer] = [meta_layer(meta), *schema]
        try:
            data = find_metadata(soup)
        except BadMetaData:
            data = None
            flags.append("metadata_json_invalid")
        if data is not None:
            layers.append(json_layer(data))
        strip_clutter(soup)
        for dom in (panel_layer(soup), table_layer(soup)):
            if dom is not None:
                layers.append(dom)
                break
        else:  # a layout of its own (the current `mag-*` pages): labelled blocks, as on any site
            lines = text_lines(soup)
            if not any(ly.doc.get("title_zh") or ly.doc.get("title_en") or ly.doc.get("doi")
                       for ly in layers) and is_article_list(lines):
                raise ParseError("a list of articles (table of contents or search results), not one article")
            layers.append(block_layer(soup, lines))
        layers += [related_layer(soup), *descriptions, late_meta_layer(meta), text_layer(soup)]
        return build_document(raw, merge([ly for ly in layers if not ly.is_empty()]),
                              extra_flags=tuple(flags))
