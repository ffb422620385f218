"""Lexical anchors that a zh-en pair shares without any dictionary.

Biomedical Chinese keeps numbers, percentages, p-values and Latin-script terms (HCC, EMT,
RANKL, PD-1, CI) as they are in English, so a sentence pair that shares them is very likely a
translation, and one that has them on one side only is less likely. `anchor_keys` turns a
sentence into the set of such keys, comparable across the two languages.
"""

from __future__ import annotations

import re

from ..text.normalize import nfkc

# Numbers as printed: 1,234  3.5  85.3%  0.05. Thousands separators are dropped, a trailing
# `.0` kept apart from the integer would split `2.0` from `2` -- both are rare in one bead.
_NUM = re.compile(r"(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)")
# Latin-script terms of at least two letters (HCC, PD-1, mTOR, Wnt, TNM) in Chinese text; in
# English the same pattern matches every word, so English keys are restricted to the terms the
# Chinese side could carry: all-caps or mixed-case words, and words with digits.
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_TERMISH = re.compile(r"(?=.*[A-Z].*[A-Z]|.*\d|[a-z]+[A-Z])")
# English number words that Chinese would print as digits in biomedical text.
_EN_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}


def _numbers(text: str) -> list[str]:
    out = []
    for m in _NUM.finditer(text):
        whole = m.group(1).replace(",", "")
        whole = whole.lstrip("0") or "0"
        frac = (m.group(2) or "").rstrip("0")
        key = whole + ("." + frac if frac else "")
        if m.group(3):
            key += "%"
        if len(key) == 1 and not m.group(3):
            # Single digits are everywhere (item numbers, "1 of 2"): weak evidence, keep them
            # but mark them so the scorer can weigh them less.
            key = "#" + key
        out.append("n:" + key)
    return out


def anchor_keys(text: str, lang: str) -> list[str]:
    """Sorted, de-duplicated anchor keys of one sentence: `n:85.3%`, `n:#3`, `t:hcc`."""
    t = nfkc(text)
    keys = set(_numbers(t))
    for m in _LATIN.finditer(t):
        w = m.group(0)
        if len(w) < 2:
            continue
        if lang == "zh" or _TERMISH.match(w):
            keys.add("t:" + w.lower())
    # Questions and exclamations survive translation (dialogue, rhetorical questions).
    for mark in "?!":
        if mark in t:
            keys.add("p:" + mark)
    if lang == "en":
        for w in re.findall(r"[A-Za-z]+", t):
            d = _EN_NUMBER_WORDS.get(w.lower())
            if d:
                keys.add("n:#" + d if len(d) == 1 else "n:" + d)
    return sorted(keys)
