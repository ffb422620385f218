"""Keywords: short terms in their language, one per row.

A zh keyword may be Latin (`TACE`, `PD-1`, `Meta分析`) but not a zh term with an English one run
into it (`肝细胞癌hepatocellular carcinoma`); an en keyword never holds CJK. A keyword holding a
label, a sentence, a `;` (several keywords run together) or a URL is not a keyword, nor a
date, a classification code (`R735.7`), a fund line or a counter. A comma is allowed:
MeSH-style inverted terms (`Carcinoma, hepatocellular`, `癌，肝细胞`) print one.
"""

from __future__ import annotations

import re

from ..vocab import NOT_A_KEYWORD
from .common import CJK_CHARS, inline_label, junk_reason, n_cjk, n_latin

_EN_WORDS = re.compile(r"[A-Za-z]{3,}")
_CJK_SPACE_CJK = re.compile(f"[{CJK_CHARS}]\\s+[{CJK_CHARS}]")
MAX_EN_WORDS = 6  # `programmed cell death protein 1`; more is several keywords run together


def keyword_reason(s: str, lang: str) -> str | None:
    s = s.strip()
    if not s:
        return "empty"
    j = junk_reason(s)
    if j:
        return j
    if inline_label(s) or re.search(r"[:：]\s*$", s):
        return "label"
    if NOT_A_KEYWORD.search(s):
        return "not_a_keyword"  # a date, a classification code, a fund line, a counter
    if re.search(r"[;；]", s) or (lang == "zh" and _CJK_SPACE_CJK.search(s)):
        return "keyword_list"  # `肝; 骨转移`, `肝细胞癌 骨转移 预后` (spaces were the separator)
    if re.search(r"[。！？!?]", s) or (lang == "en" and re.search(r"\.\s+[A-Z]", s)):
        return "sentence"
    if lang == "zh":
        if n_cjk(s) == 0:
            # a Latin term in the zh list: short abbreviations and names only
            return None if len(s) <= 30 and len(s.split()) <= 3 else "wrong_script"
        if len(_EN_WORDS.findall(s)) >= 2 and n_latin(s) > n_cjk(s):
            return "wrong_script"  # `肝细胞癌hepatocellular carcinoma`
        if len(s) > 30:
            return "too_long"
    else:
        if n_cjk(s):
            return "wrong_script"
        if n_latin(s) == 0:
            return "wrong_script"
        if len(s) > 80 or len(s.split()) > MAX_EN_WORDS:
            return "too_long"
    return None
