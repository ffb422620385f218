"""Character-level views of a reference string: punctuation folding, separators, scripts.

The parser finds structure on a *view* of the string in which the 2025 edition's full-width
punctuation (`，：（）［］．／`) is folded to ASCII one character for one character, so every
offset in the view is an offset in the printed string and field values are sliced from the
printed string unchanged.
"""

from __future__ import annotations

import re

# Full-width ASCII variants U+FF01..U+FF5E -> ASCII, plus the ideographic space and the
# ideographic full stop (a field separator in Chinese-typeset lists). Length-preserving.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x3002: 0x2E, 0x3010: 0x5B, 0x3011: 0x5D, 0xFF5F: 0x28, 0xFF60: 0x29})

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_KANA = "\u3040-\u30ff"
HAN_RE = re.compile(f"[{_HAN}]")
CJK_CHAR = re.compile(f"[{_HAN}{_HANGUL}{_KANA}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
_KANA_RE = re.compile(f"[{_KANA}]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_GREEK_RE = re.compile(r"[\u0370-\u03ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

# Abbreviations whose period is not a field separator even before a capital letter.
# Company suffixes (Inc, Ltd) and `Jr` are left out: they end an author statement.
_ABBREV = frozenset(
    "vs Vs St Mt Dr Mr Mrs Ms Prof No Nos Vol Vols Fig Figs Univ Dept Natl Acad Int Intl "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec e.g i.e cf pp".split()
)


def fold(s: str) -> str:
    """The parsing view: full-width punctuation and digits folded to ASCII, same length."""
    return s.translate(_FOLD)


def is_cjk(c: str) -> bool:
    return bool(CJK_CHAR.match(c))


def _prev_token(view: str, i: int) -> str:
    j = i
    while j > 0 and not view[j - 1].isspace() and view[j - 1] not in ",;:()[]":
        j -= 1
    return view[j:i]


def _single_initial_context(view: str, i: int) -> bool:
    """`A. A. Balkema`, `D. C.`: a lone capital whose period starts a dotted name, not a field.

    The letter before the period must itself follow the start, a colon/comma, or another
    dotted initial; `SODEMAN W A. Title` (undotted initials) keeps its separator.
    """
    if i < 1 or not view[i - 1].isupper() or not view[i - 1].isalpha():
        return False
    if i >= 2 and not view[i - 2].isspace() and view[i - 2] not in ",:;(":
        return False
    j = i - 2
    while j >= 0 and view[j] == " ":
        j -= 1
    return j < 0 or view[j] in ",:;(."


def separators(
    view: str, lo: int = 0, hi: int | None = None, *, tail: bool = False, original: str | None = None
) -> list[int]:
    """Offsets of periods that separate fields in view[lo:hi].

    A separator is a period followed by a space (or the end), or a period glued to CJK text
    (`医政司.原发性`). Periods between digits (`1.5`), inside initialisms (`U.S.`) and after
    abbreviations never separate. In the `tail` (after the type code), a period before a
    lower-case word (`Univ. of`, `Rev. ed`) or inside dotted initials (`A. A. Balkema`) does
    not separate either. Given the `original` string, a full-width `．`/`。` always separates.
    """
    hi = len(view) if hi is None else hi
    out = []
    for i in range(lo, hi):
        if view[i] != ".":
            continue
        if original is not None and original[i] in "．。":
            out.append(i)  # a full-width stop is never an abbreviation or a decimal point
            continue
        prev = view[i - 1] if i > 0 else ""
        nxt = view[i + 1] if i + 1 < len(view) else ""
        if not prev:
            continue
        if prev == " ":
            out.append(i)  # a period left dangling after a cut field (`(2008-05-04) .`)
            continue
        if nxt and not nxt.isspace():
            # Glued: only around CJK text (`司.原`, `等.题`), never inside `U.S`, `1.5`, URLs.
            if not (is_cjk(prev) or (is_cjk(nxt) and not prev.isdigit())):
                continue
        tok = _prev_token(view, i)
        if tok in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok):
            continue
        if tail:
            k = i + 1
            while k < len(view) and view[k] == " ":
                k += 1
            if (k < len(view) and view[k].islower() and view[k].isalpha()
                    and len(tok) >= 2 and tok.isalpha()):
                continue  # `Univ. of`, `Rev. ed`: an abbreviation inside the field
            if _single_initial_context(view, i):
                continue
        out.append(i)
    return out


def glued_periods(view: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Periods glued between letters (`Doe A.Title`, typeset without spaces): separators only
    if the left side proves to be an author list, so callers check that."""
    hi = len(view) if hi is None else hi
    return [i for i in range(max(lo, 1), min(hi, len(view) - 1))
            if view[i] == "." and view[i - 1].isalpha() and view[i + 1].isalpha()
            and (view[i + 1].isupper() or is_cjk(view[i + 1]))]


def separator_colons(view: str, original: str) -> list[int]:
    """Colons that separate a title from its other-title information (or a number).

    A full-width `：` always does; an ASCII `:` only before a space or after CJK text, so
    `ISO 15836:2009` and `1.1:2` stay whole.
    """
    out = []
    for i, c in enumerate(view):
        if c != ":":
            continue
        if original[i] == "：":
            out.append(i)
        elif i + 1 < len(view) and view[i + 1] == " ":
            out.append(i)
        elif i > 0 and is_cjk(view[i - 1]):
            out.append(i)
    return out


def detect_lang(s: str) -> str | None:
    """zh, ja, ko, ru, el or en from the letters of `s` (the title, usually)."""
    if not s:
        return None
    if _HANGUL_RE.search(s):
        return "ko"
    if _KANA_RE.search(s):
        return "ja"
    if HAN_RE.search(s):
        return "zh"
    counts = {
        "ru": len(_CYRILLIC_RE.findall(s)),
        "el": len(_GREEK_RE.findall(s)),
        "en": len(_LATIN_RE.findall(s)),
    }
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] else None


def strip_punct(s: str, chars: str = " .,;:，。；：") -> str:
    return s.strip(chars)
