"""A small English sentence splitter for AI-summary prose that keeps citation markers attached.

Prose claims are one per sentence. The markers of a sentence stand before its period
(`... bone metastases 1. Additionally ...`), so splitting after `.`/`!`/`?` followed by a
capitalised word keeps `1` with the first sentence. Explicit markers placed after the period
(HTML `metastases.<sup>1</sup> Additionally`) stay with the sentence before them too.
Abbreviations (`e.g.`, `et al.`, `vs.`, `Dr.`), initials and dotted acronyms (`U.S.`) do not
end a sentence; decimals (`59.7`) never match because no space follows the point.
"""

from __future__ import annotations

import re

from .markers import EXPLICIT_RUN

_ABBREVIATIONS = frozenset(
    """
    e.g i.e al et vs approx dr fig figs no nos ref refs cf ca resp incl mr mrs ms prof st
    min max mo mos yr yrs wk wks pts pt inc ltd co jr sr dept univ vol ed eds
    """.split()
)
_BOUNDARY = re.compile(
    rf"[.!?][\"'”’)\]]*(?:{EXPLICIT_RUN.pattern})?(?=\s+[\"'“‘(\[]?[A-Z])"
)
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")


def _is_abbreviation(before: str) -> bool:
    """`before` is the text up to (not including) the candidate sentence-final point."""
    tok = before.rsplit(None, 1)[-1] if before.strip() else ""
    tok = tok.lstrip("([\"'“‘")
    if not tok:
        return False
    if len(tok) == 1 and tok.isalpha() and tok.isupper():
        return True  # an initial: `J. Smith`
    if _DOTTED_ACRONYM.match(tok + "."):
        return "." in tok  # `U.S` + `.`; a plain word is not an acronym
    return tok.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; each keeps its markers and final punctuation."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text[max(start, m.start() - 40):m.start()]):
            continue
        piece = text[start:m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out
