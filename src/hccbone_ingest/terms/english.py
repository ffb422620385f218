"""English abbreviation definitions: Schwartz & Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text", PSB 8:451-462.

The algorithm, as published: candidates are `long form (short form)` and, when the bracket
holds more than two words, `short form (long form)`. A short form has 2-10 characters, at
most two words, a letter, and starts with a letter or digit. The long form is searched in the
words before the bracket (at most min(|SF| + 5, 2|SF|) of them): going right to left, every
letter and digit of the short form must match a character of the long form, in order, and the
short form's first character must match at the start of a word; the long form starts at that
word. It is rejected when shorter than the short form or when it contains the short form as
a word.

`baseline=True` runs exactly that. The default adds what our gold showed missing (see
bench/terms_eval.py): statistics and counts in brackets are not short forms (`P<0.05`,
`n=35`, `95%CI: ...`, `HR=0.65`); Greek letters in a short form match their spelled names
(`TNF-α` in `tumor necrosis factor-alpha`); a plural `s` (`HCCs`) needs no match; a lower-case
word in brackets is not a short form unless it has a digit or capital (`(about)`).
"""

from __future__ import annotations

import re

from .brackets import bracket_pairs
from .model import Definition

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa",
          "λ": "lambda", "μ": "mu", "σ": "sigma", "ω": "omega", "θ": "theta"}
# Statistics and counts: what a results sentence puts in brackets that is not a short form.
_STATS = re.compile(
    r"[=<>≤≥±%~～]|^\s*(?:p|n|r|t|f|hr|or|rr|ci|sd|iqr|se|vs|mean|median|range|aor|ahr)\b\s*[=:<>≤≥]"
    r"|\b\d+(?:\.\d+)?\s*(?:%|mg|ml|kg|cm|mm|g|h|d|years?|months?|days?|weeks?)\b|^\s*\d[\d.,\s-]*$"
    r"|\b(?:CI|vs\.?|versus|et al)\b|^(?:19|20)\d\d[a-z]?$", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s\-]+")


def _is_letter_or_digit(c: str) -> bool:
    return c.isalnum()


def valid_short(sf: str) -> bool:
    """The published test: 2-10 characters, at most two words, a letter, alnum first."""
    return (2 <= len(sf) <= 10 and len(sf.split()) <= 2 and any(c.isalpha() for c in sf)
            and (sf[0].isalnum() or sf[0] == "("))


def best_long_form(sf: str, lf: str, greek: bool = False) -> str | None:
    """Right to left, each letter/digit of `sf` matched in `lf`; the first at a word start."""
    s_idx, l_idx = len(sf) - 1, len(lf) - 1
    low = lf.lower()
    while s_idx >= 0:
        c = sf[s_idx].lower()
        if not _is_letter_or_digit(c):
            s_idx -= 1
            continue
        alts = {c}
        if greek:  # `TNF-α` in `...factor-alpha`; `RANKL` in `...factor-κB ligand`
            if c in _GREEK:
                alts.add(_GREEK[c][0])
            alts.update(g for g, name in _GREEK.items() if name[0] == c)
        while (l_idx >= 0 and low[l_idx] not in alts) or (
                s_idx == 0 and l_idx > 0 and low[l_idx - 1].isalnum()):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = lf.rfind(" ", 0, l_idx + 1) + 1
    return lf[start:]


_FUNCTION_WORDS = frozenset("a an the of in on at to for with by and or".split())


def _accept(sf: str, long: str, skip_function_words: bool = False) -> bool:
    lf_words = len([w for w in _WORD_SPLIT.split(long) if w
                    and not (skip_function_words and w.lower() in _FUNCTION_WORDS)])
    sf_len = sum(1 for c in sf if c.isalnum())
    return not (len(long) < len(sf) or f"{sf} " in long or long.endswith(sf)
                or lf_words > sf_len * 2 or lf_words > sf_len + 5 or sf_len > 10)


def _improved_short_ok(sf: str) -> bool:
    if _STATS.search(sf):
        return False
    # A lower-case word is prose, not an abbreviation (`(about)`, `(mainly)`): SF have a capital
    # or a digit or a Greek letter somewhere.
    return any(c.isupper() or c.isdigit() or c in _GREEK for c in sf)


def find_en(text: str, baseline: bool = False) -> list[Definition]:
    """Definitions in one English sentence, in order of their bracket."""
    out: list[Definition] = []
    for o, c in bracket_pairs(text):
        inner = text[o + 1:c]
        if not inner.strip():
            continue
        # Nested brackets: the outer pair is seen first; a definition inside it is found on its
        # own pair, with the long form inside the outer bracket.
        cut = len(inner)
        for sep in (", ", "; ", "，", "；"):
            k = inner.find(sep)
            if 0 <= k < cut:
                cut = k
        sf_raw = inner[:cut]
        sf = sf_raw.strip()
        sf_start = o + 1 + (len(sf_raw) - len(sf_raw.lstrip()))
        before = text[:o].rstrip()
        if not baseline:
            # the long form stays inside the enclosing bracket and clause
            lo = max(before.rfind(ch) for ch in "()[];:")
            if lo >= 0:
                before_start = lo + 1
                before = before[before_start:]
            else:
                before_start = 0
        else:
            before_start = 0
        if len(sf.split()) > 2 or len(sf) > len(before.strip()) or len(sf) > 10:
            d = _reverse(text, o, c, inner, baseline)
            if d:
                out.append(d)
            continue
        if not valid_short(sf) or (not baseline and not _improved_short_ok(sf)):
            continue
        sf_match = sf
        if not baseline and len(sf) > 2 and sf.endswith("s") and sf[-2].isupper():
            sf_match = sf[:-1]  # plural
        # at most min(|SF| + 5, 2|SF|) words before the bracket
        n_max = min(len(sf_match) + 5, 2 * len(sf_match))
        words = before.split()
        if baseline:
            cand = " ".join(words[-n_max:])
        else:  # function words (`the`, `of`) do not count toward the window
            k, content = len(words), 0
            while k > 0 and content < n_max:
                k -= 1
                content += words[k].lower() not in _FUNCTION_WORDS
            cand = " ".join(words[k:])
        long = best_long_form(sf_match, cand, greek=not baseline)
        if long is None or not _accept(sf_match, long, skip_function_words=not baseline):
            continue
        if not baseline:
            long = long.strip(" ,;:\"'").lstrip("/-–—·")
            if not long or not long[0].isalnum():
                continue
        ls = text.rfind(long, 0, o)
        if ls < 0:
            continue
        out.append(Definition("en", sf, long, "long_short", ls, ls + len(long), sf_start, sf_start + len(sf)))
    return out


def _reverse(text: str, o: int, c: int, inner: str, baseline: bool) -> Definition | None:
    """`SF (long form)`: the word before the bracket is the short form."""
    before = text[:o].rstrip()
    k = before.rfind(" ") + 1
    sf = before[k:].strip(",;:\"'")
    if not sf or not any(ch.isupper() for ch in sf) or not valid_short(sf):
        return None
    if not baseline and not _improved_short_ok(sf):
        return None
    long = inner.strip()
    for sep in (", ", "; "):
        if sep in long:
            long = long[:long.find(sep)]
    got = best_long_form(sf, long, greek=not baseline)
    if got is None or not _accept(sf, got):
        return None
    ls = text.find(got, o)
    ss = before.rfind(sf)
    return Definition("en", sf, got, "short_long", ls, ls + len(got), ss, ss + len(sf))
