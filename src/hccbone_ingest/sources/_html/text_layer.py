"""The last layer: the text adapter (journal_text) run on the page's visible text.

It fills what the structured layers missed, e.g. on a page whose DOM matches none of the
known layouts. A page whose text the adapter cannot read at all gives an empty layer: the
other layers may still hold the article.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ...errors import ParseError
from ...records import ParsedDocument
from ..journal_text import parse_journal_text
from .dom import visible_text
from .layer import DOC_FIELDS, Layer

_AI_SUMMARY = re.compile(r"droracle\.ai|Dr\.?\s?Oracle", re.IGNORECASE)


def is_ai_summary(text: str) -> bool:
    """Dr.Oracle pages belong to the ai_summary adapter, whatever else they carry."""
    return bool(_AI_SUMMARY.search(text[:200_000]))


def layer_from_parsed(doc: ParsedDocument, origin: str) -> Layer:
    layer = Layer(origin)
    d = doc.document
    for name in DOC_FIELDS:
        layer.set(name, getattr(d, name))
    layer.authors = doc.authors
    layer.affiliations = doc.affiliations
    layer.abstracts = {a.lang: a.text for a in doc.abstracts}
    for k in doc.keywords:
        layer.keywords.setdefault(k.lang, []).append(k.text)
    layer.references = doc.references
    layer.related = doc.related_articles
    return layer


def text_layer(soup: BeautifulSoup) -> Layer:
    """Fields the text adapter finds in the visible text (soup already stripped of clutter)."""
    text = visible_text(soup)
    if not text:
        return Layer("text")
    try:
        parsed = parse_journal_text(text)
    except ParseError:
        return Layer("text")
    return layer_from_parsed(parsed, "text")
