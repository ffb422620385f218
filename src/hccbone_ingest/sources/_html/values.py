"""Checks on the values the HTML layers read, before a layer may hold them: a saved page
mixes the article's own metadata with the site's (journal banners, page titles with the site
name, `0` counters, truncated blurbs), and a wrong value is worse than none. A value that
fails is dropped with a flag naming the field; a later layer may still supply it.
"""

from __future__ import annotations

import re

from ... import vocab
from ...refs.doi import find_doi
from ...text.normalize import clean
from .meta import script_lang

_DIGIT = re.compile(r"[0-9]")
_ZEROS = re.compile(r"^[0\s.\-–—]*$")
_PAGE = re.compile(r"^[A-Za-z]{0,2}[0-9]{1,6}[A-Za-z]?$")
_TRUNCATED = re.compile(r"(\.\.\.|…|……|\[more\]|更多|详细)\s*$", re.IGNORECASE)
# `Title - 中华XX杂志`, `Title_期刊网`, `Title | Site`: a page <title> copied into DC.title.
_SITE_SUFFIX = re.compile(r"\s*(?:[-_|｜–—]+|::)\s*(?P<site>[^-_|｜–—]{2,60})$")
_JOURNAL_NAME = re.compile(r"(杂志|学报|期刊|月刊|季刊|通讯|Journal|Acta|Annals|Bulletin)[\s)）]*$",
                           re.IGNORECASE)


# One piece of a chrome run at the end of a title: `, PDF` (a format button needs its comma),
# `下载: 35` (a counter), `[科研立项经费支持]` (a bracketed link). vocab.CHROME_TAIL also takes a
# lone trailing ` HTML`, which ends real titles (`… in XML and HTML`).
_TAIL_PIECE = re.compile(
    r"(?:[,，]\s*(?:PDF|HTML|XML|EPUB)|[\s,，]*(?:下载|浏览|收藏|分享|被引|阅读)\s*[:：]?\s*[0-9]*"
    r"|[\s,，]*\[[^\]]{0,20}\])\s*$", re.IGNORECASE)


def strip_chrome_tail(text: str) -> str:
    """`Title, PDF, HTML, XML, 下载: 12 浏览: 34` -> `Title`: two chrome pieces at least."""
    cut, n = text.strip(), 0
    while (m := _TAIL_PIECE.search(cut)) is not None and m.start() > 0:
        cut, n = cut[: m.start()].rstrip(" ,，"), n + 1
    return cut if n >= 2 else text.strip()


def strip_site_suffix(title: str, names: set[str]) -> str:
    """Cut a trailing `- journal/site name` when the suffix is one of `names`."""
    m = _SITE_SUFFIX.search(title)
    if m and clean(m.group("site")) in names:
        return title[: m.start()].strip()
    return title


def title_problem(text: str, journal_names: set[str] = frozenset()) -> str | None:  # type: ignore[assignment]
    """Why `text` is not an article title, or None when it may be one."""
    t = text.strip()
    if len(t) < 4:
        return "too_short"
    if len(t) > 400:
        return "too_long"
    if vocab.URL.search(t) or vocab.EMAIL.search(t):
        return "url_or_email"
    if find_doi(t) is not None:
        return "doi"
    if vocab.is_chrome(t) or vocab.BANNER.search(t):
        return "chrome_or_banner"
    m = vocab.match_label(t)
    if m is not None and (m.colon or m.bracketed or not m.rest):
        return "label"
    if t in journal_names or (len(t) <= 20 and _JOURNAL_NAME.search(t)):
        return "journal_name"
    if _LIST_HEADING.search(t):
        return "list_heading"
    if _is_name_list(t):
        return "author_list"
    if _INSTITUTION_START.match(t):
        return "affiliation"
    return None


_LIST_SEP = re.compile(r"\s*[,，、;；]\s*")
_PERSON_EN = re.compile(r"^[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){1,2}\s*[0-9,*#]*$")
_PERSON_ZH = re.compile(r"^[\u3400-\u9fff·]{2,4}\s*[0-9,*#]*$")
_INSTITUTION_START = re.compile(
    r"^(?:[0-9]\s*[.、]?\s*)?(?:Department|School|College|Institute|Division) of\b")


def _is_name_list(text: str) -> bool:
    """`Zhang San, Li Si` / `张三, 李四, 王五`: an author line, not a title (two Latin names,
    three Chinese ones: a Chinese title may hold one `、`)."""
    parts = [p for p in _LIST_SEP.split(text.strip(" .。")) if p]
    if len(parts) >= 2 and all(_PERSON_EN.match(p) for p in parts):
        return True
    return len(parts) >= 3 and all(_PERSON_ZH.match(p) for p in parts)


# Headings of issue tables of contents and search results, never an article's title.
_LIST_HEADING = re.compile(
    r"目\s*录\s*$|当期目录|过刊|检索结果|搜索结果|^(?:\d{4}\s*年)?\s*(?:第\s*\d+\s*卷)?\s*第\s*\d+\s*期"
    r"|^(?:Table of contents|Current issue|Search results?|Issue contents)\b", re.IGNORECASE)


def journal_problem(text: str) -> str | None:
    t = text.strip()
    if len(t) < 2 or len(t) > 150:
        return "length"
    if vocab.URL.search(t) or vocab.EMAIL.search(t) or vocab.BANNER.search(t) or find_doi(t):
        return "url_banner_or_doi"
    return None


def number_ok(value: str | None) -> str | None:
    """A volume or issue: short, with a digit, not a `0` counter."""
    if not value:
        return None
    v = value.strip()
    if len(v) > 12 or not _DIGIT.search(v) or _ZEROS.match(v):
        return None
    return v


def page_ok(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip()
    if not _PAGE.match(v) or _ZEROS.match(re.sub(r"[A-Za-z]", "", v)):
        return None
    return v


def abstract_problem(text: str) -> str | None:
    t = text.strip()
    if len(t) < 30:
        return "too_short"
    if _TRUNCATED.search(t):
        return "truncated"
    if vocab.is_chrome(t) or re.match(r"^(版权|Copyright|©)", t, re.IGNORECASE):
        return "chrome_or_copyright"
    if vocab.BANNER.search(t[:80]):  # `本刊由…主办`: the journal's blurb
        return "banner"
    if _CITATION_CODE.search(t):  # `…[J]. Journal, 2018, 4(2): 33-40`: a reference, not prose
        return "citation"
    return None


_CITATION_CODE = re.compile(r"\[(?:J|M|C|D|R|S|P|N|Z|EB|DB|CP)(?:/OL)?\]")


def keyword_ok(text: str) -> bool:
    t = text.strip()
    return 1 <= len(t) <= 80 and not vocab.is_chrome(t) and not vocab.URL.search(t) \
        and vocab.match_label(t) is None


# Person names as author lines print them: 2-6 Chinese characters (· for minority names), or
# 1-5 Latin words.
_ZH_NAME = re.compile(r"^[\u3400-\u9fff\U00020000-\U0003134f·•]{2,6}$")
_EN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\-]*(?:\s+[A-Za-z][A-Za-z'’.\-]*){0,4}$")


def looks_like_name(name: str | None, lang: str) -> bool:
    return bool(name) and bool((_ZH_NAME if lang == "zh" else _EN_NAME).match(name or ""))


_NAME_END = re.compile(r"[,，(（;；、]")


def person_of(value: str, lang: str, known: set[str]) -> str | None:
    """A corresponding-author value -> the person's name: the value itself or its first
    piece (`金成浩,教授,博士研究生导师(Tel: …)` -> `金成浩`), when it is one of the page's
    authors, or (no author list to compare with) when it reads as a name; else None."""
    v = value.strip()
    first = _NAME_END.split(v, maxsplit=1)[0].strip()
    for cand in (v, first):
        if cand in known or (not known and looks_like_name(cand, lang)):
            return cand
    return None


def split_bilingual(words: list[str]) -> tuple[list[str], list[str]]:
    """A Chinese keyword list followed by its English rendering in the same field (Hans prints
    `肝癌 骨转移 Liver Cancer Bone Metastasis` after one label) -> (zh, en): only when the
    Latin words after the last Chinese one are exactly as many as the Chinese ones, so a list
    that merely ends with `PD-1` stays whole."""
    zh_idx = [i for i, w in enumerate(words) if script_lang(w) == "zh"]
    if not zh_idx:
        return [], words
    cut = zh_idx[-1] + 1
    tail = words[cut:]
    if tail and len(tail) == cut and all(script_lang(w) == "en" for w in tail):
        return words[:cut], tail
    return words, []
