"""The last layer: the text adapter run on the page's visible text."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .dom import visible_text
from .layer import Layer

_AI_SUMMARY = re.compile(r"droracle\.ai|Dr\.?\s?Oracle", re.IGNORECASE)


def is_ai_summary(text: str) -> bool:
    """Dr.Oracle pages belong to the ai_summary adapter, whatever else they carry."""
    return bool(_AI_SUMMARY.search(text[:200_000]))


def text_layer(soup: BeautifulSoup) -> Layer:
    """Fields the text adapter finds in the visible text (soup already stripped of clutter)."""
    layer = Layer("text")
    _ = visible_text(soup)
    return layer  # TODO(html): wire journal_text once it lands
