"""The line labeller: what each line of a journal page's text copy is, by rules.

Every platform mixes page chrome, labels, the journal header, DOI lines and the page's own
citation into the flow of its front matter (REFERENCE.md §1, "Text copies of other
platforms"). `label_line` tags one cleaned line out of context; `front_stream` uses the tags
to hand the front-matter and abstract parsers only the lines that can hold article text, with
the evidence the other lines carry (header, DOIs, citations) set aside.

Rules, not a learned model: the vocabulary is closed (vocab.py) and the rules are cheap,
deterministic and explainable line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import vocab
from ...text.normalize import clean
from .. import _journal_fields as jf
from .evidence import parse_short_citation

CHROME = "chrome"  # buttons, counters, tab bars, banners, warnings, headings without a value
HEADER = "header"  # `刊名 ›› 2025, Vol. 14 ›› Issue (04) : 522 -527` and its variants
DOI = "doi"  # a line that prints a DOI and nothing else (label, doi.org URL, bare)
CITE = "cite"  # the page's own citation line(s): `引用本文: …`, `Citation: …`, `…[J]. 刊名, 年…`
CITE_LABEL = "cite_label"  # `引用本文:` / `引用本文 [复制中英文]` alone: the citations follow
LABEL = "label"  # a field label (vocab.FIELD_LABELS key), value on the line or on the next lines
PART = "part"  # a structured-abstract part label alone on its line (`目的`, `Objective`)
MARKER = "marker"  # `[n]` opening a reference or a related article
COPYRIGHT = "copyright"  # a copyright or licence paragraph
TEXT = "text"

_BARE_DOI = re.compile(r"^(?:DOI|doi)?\s*[:：]?\s*(?:https?://(?:dx\.)?doi\.org/)?10\.[0-9]{4,9}/\S+$")
_DOI_LINE = re.compile(r"^(?:DOI|doi)\s*[:：]\s*\S+|^(?:https?://)?(?:dx\.)?doi\.org/10\.|"
                       r"^https?://\S*/(?:CN|EN|doi|article/doi)/10\.[0-9]{4,9}/\S*$", re.IGNORECASE)
_COPY_EDITOR = re.compile(r"^(?:Copy\s+editor|责任编辑|本文编辑)\s*[:：]", re.IGNORECASE)
# The address of an article page (Magtech `/CN/abstract/abstract<id>.shtml`, `/CN/Y2025/V14/I4/522`).
_ARTICLE_URL = re.compile(r"^https?://(?P<host>[^/\s]+)/(?:CN|EN)/(?:abstract/(?:abstract|article_)(?P<id>[0-9]+)"
                          r"\.shtml|Y(?P<y>[0-9]{4})/V(?P<v>[^/]+)/I(?P<i>[^/]+)/(?P<p>[0-9A-Za-z]+))/?$")
_ARTEFACT_ONLY = re.compile(r"^[?？◇◆□■\s]+$")  # characters a mirror could not encode
# `2021-06-18 09:41:27王建军谢文静`: a mirror's posting time (names glued to it are repeated below)
_POSTED = re.compile(r"^(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}\s+[0-9]{2}:[0-9]{2}")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_PART_ALONE_ZH = re.compile(r"^(?:【|\[)?(?:" + "|".join(vocab.PART_LABELS_ZH) + r")(?:】|\])?\s*[:：]?$")
_PART_ALONE_EN = re.compile(
    r"^(?:" + "|".join(re.escape(k) for k in sorted(vocab.PART_LABELS_EN, key=len, reverse=True))
    + r")\s*[:：]?$", re.IGNORECASE)
_FRONT_LABELS = ("abstract_zh", "abstract_en", "keywords_zh", "keywords_en", "clc", "doc_code",
                 "article_id", "authors_zh", "authors_en", "affiliations_zh", "affiliations_en")


_KEYWORD_START = re.compile(r"^\s*(?:[•●]\s*)?[\[【]?\s*(?:关\s*键\s*[词字]|關\s*鍵\s*詞|Key\s*words?)",
                            re.IGNORECASE)
_WIDE_GAP = re.compile(r"(?<=\S)[ \u00a0\u3000]{3,}(?=\S)")


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # cleaned, pinyin artefacts removed, otherwise as printed
    kind: str
    key: str | None = None  # LABEL: the vocab key; HEADER: None
    rest: str = ""  # LABEL / CITE: what follows the label on the same line


def strip_chrome_tail(line: str) -> str:
    """`标题  PDF` / `…, PDF, HTML, XML, 下载: 12 浏览: 34` -> the line without its buttons.
    Only pieces with evidence are cut (`经验分享` and `… in XML and HTML` end real titles)."""
    cut = line.rstrip()
    while (m := vocab.CHROME_TAIL_PIECE.search(cut)) is not None and m.start() > 0:
        cut = cut[: m.start()].rstrip(" ,，")
    return cut


_TAB_WORD = re.compile(r"^(?:摘要|Abstract|参考文献|References|相关文章|计量指标|Metrics|全文|图表|作者|"
                       r"出版信息|PDF|HTML|XML|EN|中文|English|引证文献|补充材料|[|｜/])$", re.IGNORECASE)


def _is_tab_bar(norm: str) -> bool:
    """`摘要 参考文献 相关文章 计量指标`: a row of tab names copied as one line."""
    tokens = norm.split()
    return len(tokens) >= 3 and all(_TAB_WORD.match(t) for t in tokens)


@lru_cache(maxsize=8192)
def label_line(text: str) -> Line:
    """The kind of one cleaned, non-blank line, out of context."""
    if vocab.PLATFORM_SWITCH.match(text) or _COPY_EDITOR.match(text) or _ARTEFACT_ONLY.match(text) \
            or _POSTED.match(text):
        return Line(text, CHROME)
    norm = vocab.normalize_label(text)
    if _is_tab_bar(norm):
        return Line(text, CHROME)
    if vocab.LIST_MARKER.match(norm):
        return Line(text, MARKER)
    if norm in ("摘要", "摘 要", "Abstract", "ABSTRACT", "[摘要]", "【摘要】", "[Abstract]"):
        key = "abstract_en" if norm.strip("[]【】").lower() == "abstract" else "abstract_zh"
        return Line(text, LABEL, key)
    if vocab.HEADINGS.match(norm) or vocab.is_chrome(text):
        return Line(text, CHROME)
    if len(text) <= 60 and vocab.BANNER.search(text):
        return Line(text, CHROME)
    if len(text) <= 120 and vocab.COUNTERS.search(norm) and not vocab.METRICS_LINE.match(norm):
        return Line(text, CHROME)
    if vocab.ISSUE_LINE.match(norm):
        return Line(text, HEADER)
    if "vol" in text.lower() and jf.parse_header(text) is not None:
        return Line(text, HEADER)
    cite = vocab.CITE_LABEL.match(norm)
    if cite:
        rest = text[cite.start("rest"):] if len(norm) == len(text) else cite.group("rest")
        rest = clean(rest.replace("[复制中英文]", "")) or ""
        return Line(text, CITE if rest else CITE_LABEL, rest=rest)
    if _DOI_LINE.match(norm) or _BARE_DOI.match(norm):
        if jf.find_doi_in(text) is not None:
            return Line(text, DOI)
    if _URL_ONLY.match(norm):
        return Line(text, CHROME, key="article_url" if _ARTICLE_URL.search(text) else None)
    if _PART_ALONE_ZH.match(norm) or _PART_ALONE_EN.match(norm):
        return Line(text, PART)
    m = vocab.match_label(text, _FRONT_LABELS)
    if m is not None:
        return Line(text, LABEL, m.key, m.rest)
    if jf.looks_like_citation(text) and jf.parse_citation_tail(text) is not None:
        return Line(text, CITE, rest=text)
    if parse_short_citation(text) is not None:
        return Line(text, CITE, rest=text)
    if vocab.COPYRIGHT.search(norm):
        return Line(text, COPYRIGHT)
    return Line(text, TEXT)


# `作者单位:某医院, 广东 广州 510120           【摘要】 【目的】 …`: a bracketed label after a wide gap
# starts a new line (portal pages lay label cells side by side).
_GLUED_LABEL = re.compile(r"[ \u3000\u00a0]{3,}(?=[【\[]\s*(?:摘|关|關|Abstract|Key|中图|中圖|文献|文獻))",
                          re.IGNORECASE)


def _split_glued_labels(raw_lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in raw_lines:
        if ("【" in raw or "[" in raw) and _GLUED_LABEL.search(raw.strip()):
            out.extend(_GLUED_LABEL.split(raw))
        else:
            out.append(raw)
    return out


def prepare(text: str) -> list[str | None]:
    """Cleaned lines, bullets stripped, artefacts removed, platform link dropped;
    None marks a blank line (runs of blanks collapse to one)."""
    out: list[str | None] = []
    for raw in _split_glued_labels(text.splitlines()):
        if ("键" in raw or "鍵" in raw or "ey" in raw) and _KEYWORD_START.match(raw):
            raw = _WIDE_GAP.sub("; ", raw.rstrip())  # `关键词: a    b    c`: wide gaps separate keywords
        c = clean(raw)
        if c is not None:
            c = vocab.BULLET.sub("", vocab.TOGGLE_TAIL.sub("", c))
            c = clean(vocab.strip_pinyin(c) if "(" in c else c)
        if c is not None and vocab.PLATFORM_SWITCH.match(c):
            continue
        if c is None and out and out[-1] is None:
            continue
        if c in (")", "）") and out and out[-1] is not None and out[-1].endswith(("(", "（")):
            out[-1] += c  # `甲1(` + `)`: an e-mail link copied over two lines
            continue
        out.append(c)
    return out


@dataclass
class Front:
    """The front region of a page, split by the labeller."""

    lines: list[str | None] = field(default_factory=list)  # what may hold article text
    headers: list[str] = field(default_factory=list)
    doi_lines: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # self-citation lines, labels removed
    cite_anchor: bool = False  # a `引用本文`/`Citation` label was seen
    cite_pos: int | None = None  # where in `lines` the first citation stood
    url: str | None = None  # the article page's own address, when the copy shows it


def article_site_id(url: str) -> tuple[str, str] | None:
    """(host, the site's article key) of an article address: `abstract11562` or `Y2025/V14/I4/522`."""
    m = _ARTICLE_URL.search(url)
    if m is None:
        return None
    key = m.group("id") or f"Y{m.group('y')}/V{m.group('v')}/I{m.group('i')}/{m.group('p')}"
    return m.group("host").lower(), key


def _next_text(lines: list[str | None], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j] is not None:
            return j
    return None


def _bare_citations_below_abstract(lines: list[str | None]) -> int:
    seen, n = False, 0
    for text in lines:
        if text is None:
            continue
        ln = label_line(text)
        if ln.kind == LABEL and ln.key in ("abstract_zh", "abstract_en"):
            seen = True
        elif seen and ln.kind == CITE and not vocab.CITE_LABEL.match(vocab.normalize_label(text)):
            n += 1
    return n


def front_stream(lines: list[str | None]) -> Front:
    """Set aside chrome and evidence lines; join labels printed alone with their value."""
    out = Front()
    skip: set[int] = set()
    after_cite = 0  # lines still expected to be citations after a `引用本文` label
    after_abstract = False  # an abstract has been printed: a run of bare citations is others'
    many_below = _bare_citations_below_abstract(lines) > 2  # the page's own come as a pair
    for i, text in enumerate(lines):
        if i in skip:
            continue
        if text is None:
            if not out.lines or out.lines[-1] is not None:
                out.lines.append(None)
            continue
        ln = label_line(text)
        kind = ln.kind
        if kind == CHROME:
            if ln.key == "article_url" and out.url is None:
                out.url = text
            if vocab.HEADINGS.match(vocab.normalize_label(text)) and re.match(r"(?i)版\s*权|copyright", text):
                j = _next_text(lines, i)  # the copyright heading's paragraph, up to a blank line
                while j is not None and j < len(lines) and lines[j] is not None \
                        and label_line(lines[j] or "").kind in (TEXT, COPYRIGHT):
                    skip.add(j)
                    j += 1
            continue
        if kind == COPYRIGHT:
            continue
        if kind == HEADER:
            out.headers.append(text)
            continue
        if kind == DOI:
            out.doi_lines.append(text)
            continue
        labelled_cite = kind == CITE and bool(vocab.CITE_LABEL.match(vocab.normalize_label(text)))
        if kind == CITE and after_abstract and not labelled_cite and not after_cite and many_below:
            kind = TEXT  # citation lines below the abstract are other articles' (a related list)
        if kind == LABEL and ln.key in ("abstract_zh", "abstract_en"):
            after_abstract = True
        if kind in (CITE_LABEL, CITE) and out.cite_pos is None:
            out.cite_pos = len(out.lines)
        if kind == CITE_LABEL:
            out.cite_anchor, after_cite = True, 2
            continue
        if kind == CITE:
            if labelled_cite:
                out.cite_anchor = True
            out.citations.append(ln.rest)
            after_cite = max(after_cite - 1, 0)
            continue
        if after_cite and jf.looks_like_citation(text):  # a citation cut short by the copy
            out.citations.append(text)
            after_cite -= 1
            continue
        after_cite = 0
        if kind == PART:  # `目的` alone: its paragraph follows
            j = _next_text(lines, i)
            if j is not None and label_line(lines[j] or "").kind == TEXT:
                out.lines.append(f"{text.rstrip(':：')} {lines[j]}")
                skip.update(range(i + 1, j + 1))
                continue
        if kind == LABEL and ln.key in ("affiliations_zh", "affiliations_en") and not ln.rest:
            j = _next_text(lines, i)  # `作者单位` / `AUTHORS FROM` alone: the institutions follow
            if j is not None and label_line(lines[j] or "").kind == TEXT:
                values, k = [lines[j] or ""], j + 1
                while values[0][:1].isdigit() and k < len(lines) and lines[k] is not None \
                        and re.match(r"[0-9]{1,2}(?:\s*[.、．]|\s+(?=[^\s0-9]))", lines[k] or "") \
                        and label_line(lines[k] or "").kind == TEXT:
                    values.append(lines[k] or "")  # `1. …;` `2. …;` (or `1 …`, `2 …`) one per line
                    k += 1
                label = text.rstrip(" :：")  # the label's own colon is not part of the value
                out.lines.append(f"{label}: " + "; ".join(v.rstrip(" ;；") for v in values))
                skip.update(range(i + 1, k))
                continue
        if vocab.META_HEADING.match(text):  # `基金项目` alone: the value is on the next line
            out.lines.append(f"{text}:")
            continue
        if kind == TEXT:
            text = strip_chrome_tail(text) if len(text) <= 300 else text
        out.lines.append(text)
    return out
