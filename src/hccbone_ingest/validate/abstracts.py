"""Abstracts: prose of a sane length in their language, and nothing else.

Rejected with the reason: a copyright notice (`版权所有 © 2021 …`, `Copyright © …`), a citation
line (`Citation: Zhang S, …[J]. …`), a label line (`Copy editor: …`, `关键词: …`), a button
(`[复制中文]`), front matter (the title, the authors with their superscripts and the affiliation
glued together), a list of names, a keyword line, text without sentences, the wrong script, and
lengths no abstract has. A real abstract may mention a date, a trial registry address or a DOI,
so those only count by what is left once they are removed.
"""

from __future__ import annotations

import re

from ..text.normalize import paragraph_lang
from ..vocab import EMAIL, URL
from .common import (
    BUTTON,
    CITATION_LOCATOR,
    CITATION_MARK,
    CJK_CHARS,
    has_copyright,
    inline_label,
    is_chrome_run,
    label_reason,
    n_cjk,
    n_latin,
)
from .institutions import has_institution_word
from .names import MARKED_NAMES, SPACED_COMMA, is_name_list

MIN_ZH, MAX_ZH = 30, 6000  # CJK characters + Latin words / characters
MIN_EN_WORDS, MAX_EN = 15, 12000  # words / characters

_CJK = f"[{CJK_CHARS}]"
# Front matter glued: names with their superscript labels (names.MARKED_NAMES), a postcode beside
# a place (`北京 100044`, `Beijing 100044, China`).
_POSTCODE_PLACE = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])\s*[,，]?\s*(?:P\.?\s*R\.?\s*)?(?:China|中国)",
                             re.IGNORECASE)
_PLACE_POSTCODE = re.compile(rf"(?:省|市|区|县)\s*{_CJK}{{0,4}}\s*[0-9]{{6}}(?![0-9])")
_ZH_SENTENCE_END = re.compile(r"[。！？；!?;]|[\u4e00-\u9fff)）]\s*\.")
_EN_SENTENCE_END = re.compile(r"[a-z0-9)%\]]\s*[.!?](?:\s|$)")
_SEG = re.compile(r"[;；,，、]|\s{2,}")
# A keyword line glued after the last sentence without a colon: `… immunotherapy. Keywords hepatocellular …`.
_TRAILING_KEYWORDS = re.compile(r"[.。!?！？]\s*[【\[]?\s*(?:Key\s*words?\b|关\s*键\s*[词字]|關鍵詞)",
                                re.IGNORECASE)
# Body text, not an abstract: citation markers `[1]`, `[2-4]` (abstracts do not cite). A bracket
# after a number is a count (`2.4% [17]`, NEJM style), not a citation.
_CITE_MARKER = re.compile(r"(?<![0-9%]\s)(?<![0-9%])\[[0-9]{1,3}(?:\s*[-–,，]\s*[0-9]{1,3})*\]")
# Mirror-site conversion artefacts: the pinyin of a character glued after it, `細(xì)胞`.
_PINYIN_ARTEFACT = re.compile(r"[\u3400-\u9fff]\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


def _strip_mentions(s: str) -> str:
    return EMAIL.sub(" ", URL.sub(" ", s))


def _starts_with_title(s: str, title: str | None) -> bool:
    """The title, then no sentence punctuation: the title glued to what follows it (authors).

    A title that is itself the abstract's first sentence (`… center.`) is prose, and a short
    title (`肝癌`, `Hepatocellular carcinoma`) may well open a sentence.
    """
    if not title:
        return False
    t, s = title.strip(), s.lstrip()
    long_enough = n_cjk(t) >= 8 if n_cjk(t) else len(t.split()) >= 4
    if not (long_enough and s.startswith(t)):
        return False
    after = s[len(t):].lstrip()
    return bool(after) and after[0] not in ".。,，;；:：!?！？"


def _front_matter(s: str, title: str | None) -> bool:
    if _starts_with_title(s, title):
        return True
    head = s[:400]  # front matter is glued before the abstract, never inside it
    if MARKED_NAMES.search(head) or SPACED_COMMA.search(head):
        return True
    return bool((_POSTCODE_PLACE.search(head) or _PLACE_POSTCODE.search(head))
                and (has_institution_word(head, "en") or re.search("大学|医院|学院|研究所", head)))


def _keyword_line(s: str, lang: str) -> bool:
    """Short segments split by `;` `,` `、` or wide spaces, and no sentence: a keyword line."""
    segs = [x.strip() for x in _SEG.split(s) if x.strip()]
    if len(segs) < 2:
        return False
    if lang == "zh":
        short = all(len(x) <= 15 for x in segs)
        return short and not re.search("[。！？]", s)
    short = all(len(x.split()) <= 5 for x in segs)
    return short and not _EN_SENTENCE_END.search(s)


def abstract_reason(s: str, lang: str, *, title: str | None = None) -> str | None:
    """None when `s` is an abstract in `lang`; `title` is the document's title in that language."""
    s = s.strip()
    if not s:
        return "empty"
    if has_copyright(s):
        return "copyright"
    lab = label_reason(s)
    if lab:
        return lab
    if CITATION_MARK.search(s) or CITATION_LOCATOR.search(s):
        return "citation_line"
    if BUTTON.search(s) or is_chrome_run(s):
        return "ui_string"
    if inline_label(s) or _TRAILING_KEYWORDS.search(s):
        return "label"  # the next field glued on: `… 关键词: 肝癌`, `… Received: …`
    if _front_matter(s, title):
        return "front_matter"
    if is_name_list(s, min_names=3):
        return "author_list"
    if "[" in s and len(_CITE_MARKER.findall(s)) >= 2:
        return "body_text"
    if len(_PINYIN_ARTEFACT.findall(s)) >= 2:
        return "conversion_artefact"
    prose = _strip_mentions(s)
    if lang == "zh":
        if paragraph_lang(prose) != "zh":
            return "wrong_script"
        if len(s) > MAX_ZH:
            return "too_long"
        if _keyword_line(prose, lang):
            return "keyword_line"
        # length in words: CJK characters plus Latin terms (gene names, statistics)
        if n_cjk(prose) + len(re.findall(r"[A-Za-z]{2,}", prose)) < MIN_ZH:
            return "too_short"
        if not _ZH_SENTENCE_END.search(prose):
            return "not_prose"
    else:
        if n_latin(prose) == 0 or paragraph_lang(prose) != "en":
            return "wrong_script"
        if len(s) > MAX_EN:
            return "too_long"
        if _keyword_line(prose, lang):
            return "keyword_line"
        if len(re.findall(r"[A-Za-z]{2,}", prose)) < MIN_EN_WORDS:
            return "too_short"
        if not _EN_SENTENCE_END.search(prose):
            return "not_prose"
    return None
