"""Whitespace and character normalization shared by every adapter.

Text copies and saved HTML of the same page must give identical records, so every adapter
cleans strings through these functions and nothing else.
"""

from __future__ import annotations

import re
import unicodedata

from .. import budget

# NBSP, narrow NBSP, figure space, ideographic space, and the zero-width family.
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u3000\t\r\f\v]")
# Characters that print as nothing and must never reach a published value: C0/C1 controls (NUL
# included; tab, LF, VT, FF, CR are spaces above), the soft hyphen, format characters (zero-width
# family, bidi marks and embeddings, word joiner, invisible operators, BOM, interlinear
# annotation), noncharacters, and lone surrogates (a JSON `\ud800` escape decodes to one; no
# encoder can write it).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\ufffe\uffff\ud800-\udfff]"
)
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")
_MULTI = re.compile(r" {2,}")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")


def clean(s: str | None) -> str | None:
    """Collapse every kind of space to one ASCII space, drop invisible characters, strip.

    Keeps line breaks out: callers that need lines split first. Returns None for None or
    for a string that is empty after cleaning.
    """
    if s is None:
        return None
    budget.check()  # every adapter calls this: a cooperative check of the per-file time budget
    s = _LINE_SEPARATORS.sub(" ", s)
    s = _INVISIBLE.sub("", s)
    s = _SPACES.sub(" ", s).replace("\n", " ")
    s = _MULTI.sub(" ", s).strip()
    return s or None


def has_invisible(s: str) -> bool:
    """True if `s` holds a character `clean` removes (the fragment writer's last check)."""
    return _INVISIBLE.search(s) is not None


def clean_lines(s: str) -> list[str]:
    """Split into cleaned, non-empty lines."""
    out = []
    for line in s.splitlines():
        c = clean(line)
        if c:
            out.append(c)
    return out


def nfkc(s: str) -> str:
    """NFKC: full-width digits/letters/colons to ASCII. Only for matching, never for stored text."""
    return unicodedata.normalize("NFKC", s)


def has_cjk(s: str) -> bool:
    return bool(_CJK_RE.search(s))


def cjk_ratio(s: str) -> float:
    letters = [c for c in s if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _CJK_RE.match(c)) / len(letters)


_ZH_SENTENCE_PUNCT = re.compile(r"[。，；：、“”]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Eight Latin words in a row: an English sentence, not gene names or statistics in Chinese text.
_ENGLISH_RUN = re.compile(r"(?:\b[A-Za-z][a-z'’-]*[,;:]?\s+){7,}[A-Za-z][a-z]")


def paragraph_lang(s: str) -> str:
    """The language of one paragraph by script evidence: "zh", "en" or "mixed" (both glued).

    One ratio is not enough: a statistics- or gene-heavy Chinese paragraph (`共128例(95%CI …,
    HR=0.74, P<0.001; EGFR L858R …)。`) can be under a fifth CJK. It is Chinese when it holds a few
    Chinese characters and either Chinese sentence punctuation or more than twice as many Chinese
    characters as Latin words; an English paragraph quoting a Chinese name has neither. A paragraph
    with Chinese text and a run of English prose is "mixed": the two abstracts glued together."""
    if not has_cjk(s):
        return "en"
    n_cjk = len(_CJK_RE.findall(s))
    if n_cjk >= 20:  # a Chinese passage (not a name quoted in English) and English prose glued to it;
        # an English trial name or phrase quoted inside Chinese prose is a small part of it
        english_words = sum(len(m.group(0).split()) for m in _ENGLISH_RUN.finditer(s))
        if english_words >= 40:  # an English abstract is 60-300 words; a quoted name or title far fewer
            return "mixed"
    if cjk_ratio(s) >= 0.2:
        return "zh"
    if n_cjk >= 4 and (_ZH_SENTENCE_PUNCT.search(s) or n_cjk > 2 * len(_LATIN_WORD.findall(s))):
        return "zh"
    return "en"
