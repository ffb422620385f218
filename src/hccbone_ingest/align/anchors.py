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
# Direct speech: Chinese quotation marks; an English opening quote (not an apostrophe).
_ZH_QUOTE = re.compile(r"[“「『\"]")
_EN_QUOTE = re.compile(r"(?:^|(?<=[\s(—-]))['‘\"“](?=\S)")
# English number words that Chinese would print as digits in biomedical text.
_EN_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "dozen": "12",
}
# Chinese numerals before a measure word (三两, 十四五岁, 三百余口): counts that English spells out.
_ZH_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_MEASURE = "个名位人岁年月日天次件口只条张两斤里步本种例组项"
_ZH_NUMERAL = re.compile(rf"([一二两三四五六七八九十百千]+)(?:余|多|来)?(?=[{_ZH_MEASURE}])")


def _zh_numeral_values(run: str) -> list[int]:
    """Values of a numeral run: 十四 -> [14]; 十四五 (fourteen or fifteen) -> [14, 15]; 三百 -> [300]."""
    if "百" in run or "千" in run:
        total, cur = 0, 0
        for c in run:
            if c in _ZH_DIGIT:
                cur = _ZH_DIGIT[c]
            elif c == "十":
                total += (cur or 1) * 10
                cur = 0
            elif c == "百":
                total += (cur or 1) * 100
                cur = 0
            elif c == "千":
                total += (cur or 1) * 1000
                cur = 0
        return [total + cur]
    if "十" in run:
        head, _, tail = run.partition("十")
        tens = _ZH_DIGIT.get(head[-1], 1) * 10 if head else 10
        if not tail:
            return [tens]
        return [tens + _ZH_DIGIT[c] for c in tail if c in _ZH_DIGIT]
    return [_ZH_DIGIT[c] for c in run if c in _ZH_DIGIT][:2]


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
    if (_ZH_QUOTE if lang == "zh" else _EN_QUOTE).search(t):
        keys.add("p:quote")
    if ends_with_quote(t):
        keys.add("p:quote_end")
    if lang == "zh":
        for m in _ZH_NUMERAL.finditer(t):
            for v in _zh_numeral_values(m.group(1)):
                keys.add("n:#" + str(v) if v < 10 else "n:" + str(v))
    if lang == "en":
        for w in re.findall(r"[A-Za-z]+", t):
            d = _EN_NUMBER_WORDS.get(w.lower())
            if d:
                keys.add("n:#" + d if len(d) == 1 else "n:" + d)
    return sorted(keys)


_QUOTE_END = ("”", "」", "』", '"', "'", "’")


def ends_with_quote(text: str) -> bool:
    """The sentence ends inside or right after direct speech (a closing quotation mark)."""
    return text.rstrip().endswith(_QUOTE_END)


def end_mark(text: str) -> int:
    """How a sentence ends, closing quotes and brackets aside: 0 statement, 1 `?`, 2 `!`, 3 `…`."""
    t = nfkc(text).rstrip().rstrip("\"'’”」』)]）")
    if t.endswith("?"):
        return 1
    if t.endswith("!"):
        return 2
    if t.endswith(("…", "...", "—", "-")):
        return 3
    return 0
